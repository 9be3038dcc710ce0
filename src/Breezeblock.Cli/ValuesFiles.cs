using System.Text.Json;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// <c>--values FILE</c>, as Helm's <c>-f</c>: a JSON or YAML file whose top-level mapping gives inputs by
/// name. Files apply in order, a later one's keys winning, and mappings merge key by key at every depth
/// (a later file can change one nested value without repeating the rest); <c>--set</c> wins over them.
/// Each input remembers the files it came from, for <c>explain</c> and <c>graph</c>.
/// </summary>
internal static class ValuesFiles
{
    /// <summary>The inputs of <paramref name="paths"/>, merged, and for each input the files that gave it.</summary>
    /// <exception cref="CommandException">A file cannot be read, does not parse, or is not a mapping.</exception>
    public static (Dictionary<string, object?> Inputs, Dictionary<string, List<string>> Sources) Read(IReadOnlyList<string> paths)
    {
        var merged = new JsonObject();
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Parse(path) is not JsonObject values)
            {
                throw new CommandException(CliMessages.ValuesNotAMapping(path));
            }
            foreach (var (name, value) in values)
            {
                merged[name] = Merge(merged[name], value);
                if (!sources.TryGetValue(name, out var files))
                {
                    sources[name] = files = [];
                }
                files.Add(path);
            }
        }
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in merged)
        {
            using var document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
            inputs[name] = InputParser.Convert(document.RootElement);
        }
        return (inputs, sources);
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
            throw new CommandException(CliMessages.ValuesUnreadable(path, FileErrors.Reason(e)));
        }
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new CommandException(CliMessages.ValuesNotParsed(path, (int)(e.LineNumber ?? -1) + 1, e.Message));
            }
        }
        try
        {
            return YamlDocument.Parse(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new CommandException(CliMessages.ValuesNotParsed(path, (int)e.Start.Line, e.Message.Split('\n')[0]));
        }
        catch (FormatException e)
        {
            throw new CommandException(CliMessages.ValuesNotParsed(path, 0, e.Message));
        }
    }

    // A later mapping merges into an earlier one key by key; anything else replaces what was there.
    private static JsonNode? Merge(JsonNode? earlier, JsonNode? later)
    {
        if (earlier is JsonObject before && later is JsonObject after)
        {
            var result = before.DeepClone().AsObject();
            foreach (var (key, value) in after)
            {
                result[key] = Merge(result[key], value);
            }
            return result;
        }
        return later?.DeepClone();
    }
}
