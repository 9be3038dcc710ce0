using System.Text.Json;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>What <c>plan</c> compares against: an earlier <c>eval</c> output file, or an <c>--output-dir</c> folder.</summary>
internal static class PreviousOutput
{
    /// <summary>The configs of an <c>eval</c> JSON output file.</summary>
    /// <exception cref="CommandException">The file is missing or is not a JSON object.</exception>
    public static JsonObject FromFile(string path)
    {
        var node = Parse(path);
        return node as JsonObject ?? throw new CommandException(CliMessages.PreviousNotAnObject(path));
    }

    /// <summary>The configs of an <c>--output-dir</c> folder: its <c>NAME.json</c> files, those its list names when it has one.</summary>
    /// <exception cref="CommandException">The folder is missing, holds YAML, or a file is not JSON.</exception>
    public static JsonObject FromDirectory(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandException(CliMessages.PreviousMissing(folder));
        }
        var manifest = Path.Combine(folder, ResultOutput.ManifestName);
        var names = File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(line => line.Length > 0).ToList()
            : Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => n.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var configs = new JsonObject();
        foreach (var name in names)
        {
            if (name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                throw new CommandException(CliMessages.PreviousIsYaml(Path.Combine(folder, name)));
            }
            if (name.EndsWith(".json", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, name)))
            {
                configs[name[..^".json".Length]] = Parse(Path.Combine(folder, name));
            }
        }
        return configs;
    }

    private static JsonNode? Parse(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(File.Exists(path) ? CliMessages.PreviousUnreadable(path, e.Message) : CliMessages.PreviousMissing(path));
        }
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            node?.ToJsonString(); // strings are decoded lazily: read them all now, so a bad one is named here
            return node;
        }
        catch (JsonException e)
        {
            throw new CommandException(CliMessages.PreviousNotJson(path, (e.LineNumber ?? 0) + 1, e.Message));
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException(CliMessages.PreviousNotJson(path, 0, e.Message)); // a string that is not valid UTF-16 (a lone surrogate escape)
        }
    }
}
