using System.Text.Json;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>What <c>plan</c> compares against: an earlier <c>eval</c> output file, or an <c>--output-dir</c> folder, in JSON or YAML.</summary>
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
    /// <exception cref="CommandException">The folder is missing, or a file is neither JSON nor YAML.</exception>
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
            var extension = Path.GetExtension(name);
            if (extension is ".json" or ".yaml" && File.Exists(Path.Combine(folder, name)))
            {
                configs[name[..^extension.Length]] = Parse(Path.Combine(folder, name));
            }
        }
        return configs;
    }

    // By name, and otherwise by content: JSON output starts with '{'.
    private static bool IsYaml(string path, string text) =>
        Path.GetExtension(path) is ".yaml" or ".yml" || (Path.GetExtension(path) != ".json" && text.TrimStart() is var start && start.Length > 0 && start[0] is not ('{' or '['));

    // The parsers' first sentence, without their position notes ("LineNumber: 0 | BytePositionInLine: 0."), which the message gives as a line.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        var paren = text.IndexOf("): ", StringComparison.Ordinal);
        return (paren > 0 && text.StartsWith('(') ? text[(paren + 3)..] : text).Trim().TrimEnd('.');
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
        if (IsYaml(path, text))
        {
            try
            {
                return YamlDocument.Parse(text);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new CommandException(CliMessages.PreviousNotYaml(path, e.Start.Line, FirstSentence(e.Message)));
            }
            catch (FormatException e)
            {
                throw new CommandException(CliMessages.PreviousNotYaml(path, 0, e.Message));
            }
        }
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            node?.ToJsonString(); // strings are decoded lazily: read them all now, so a bad one is named here
            return node;
        }
        catch (JsonException e)
        {
            throw new CommandException(CliMessages.PreviousNotJson(path, (e.LineNumber ?? 0) + 1, FirstSentence(e.Message)));
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException(CliMessages.PreviousNotJson(path, 0, FirstSentence(e.Message))); // a string that is not valid UTF-16 (a lone surrogate escape)
        }
    }
}
