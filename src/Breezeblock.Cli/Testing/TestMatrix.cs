using System.Text.Json;

namespace Breezeblock.Cli;

/// <summary>One combination of a test matrix: its inputs, and its label (<c>environment=dev,region=eu</c>; empty without a matrix).</summary>
internal sealed record MatrixEntry(string Label, IReadOnlyList<MatrixInput> Inputs)
{
    /// <summary>The entry of a run without a matrix: no inputs of its own.</summary>
    public static readonly MatrixEntry None = new("", []);
}

/// <summary>One input of a matrix entry: its name, its value, and the value as the label shows it.</summary>
internal sealed record MatrixInput(string Name, object? Value, string Text);

/// <summary>
/// The environment matrix of <c>breezeblock test</c>: dimensions from the folder's
/// <c>breezeblock.matrix.json</c> (<c>{"environment": ["dev", "staging", "prod"]}</c>) and from
/// <c>--matrix NAME=V1,V2</c> (which replaces a dimension of the same name), and every combination of
/// them, the first dimension varying slowest.
/// </summary>
internal static class TestMatrix
{
    public const string FileName = "breezeblock.matrix.json";

    /// <exception cref="CommandException">A <c>--matrix</c> is malformed, or the folder's matrix file is not a matrix.</exception>
    public static List<MatrixEntry> Entries(string folder, IReadOnlyList<string> options)
    {
        var dimensions = FromFile(Path.Combine(folder, FileName));
        foreach (var option in options)
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var values = equals > 0 ? option[(equals + 1)..].Split(',') : [];
            if (equals <= 0 || values.Any(v => v.Length == 0))
            {
                throw new CommandException(CliMessages.MatrixExpectsNameValues(option));
            }
            var name = option[..equals];
            dimensions.RemoveAll(d => d.Name == name);
            dimensions.Add((name, values.Select(v => new MatrixInput(name, InputParser.ParseValue(v), v)).ToList()));
        }
        var entries = new List<MatrixEntry> { MatrixEntry.None };
        foreach (var (_, values) in dimensions)
        {
            entries = entries.SelectMany(entry => values.Select(value => new MatrixEntry(
                entry.Label.Length == 0 ? $"{value.Name}={value.Text}" : $"{entry.Label},{value.Name}={value.Text}",
                [.. entry.Inputs, value]))).ToList();
        }
        return entries;
    }

    private static List<(string Name, List<MatrixInput> Values)> FromFile(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CommandException(CliMessages.MatrixFileInvalid(path, CliMessages.MatrixFileShape));
            }
            var dimensions = new List<(string, List<MatrixInput>)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                {
                    throw new CommandException(CliMessages.MatrixFileInvalid(path, CliMessages.MatrixDimensionShape(property.Name)));
                }
                dimensions.Add((property.Name, property.Value.EnumerateArray().Select(v => new MatrixInput(property.Name, InputParser.Convert(v),
                    v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())).ToList()));
            }
            return dimensions;
        }
        catch (JsonException e)
        {
            throw new CommandException(CliMessages.MatrixFileInvalid(path, e.Message));
        }
    }
}
