using System.Text.RegularExpressions;

namespace Breezeblock.Cli.LanguageServer;

/// <summary>Where an input is given in a values file: the file and its key's name.</summary>
internal sealed record InputSource(string Path, SourceSpan Span);

/// <summary>
/// Finds the key that gives an input in a folder's values files (<c>--values</c>), the last file first,
/// as the last one given wins: a top-level <c>name:</c> in YAML, a <c>"name":</c> in JSON.
/// </summary>
internal sealed partial class InputSources(IReadOnlyList<string> valuesFiles)
{
    /// <summary>True when <paramref name="path"/> is one of the values files.</summary>
    public bool Reads(string path) => valuesFiles.Contains(path, StringComparer.Ordinal);

    public InputSource? Find(string input)
    {
        foreach (var file in valuesFiles.Reverse())
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var json = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = (json ? JsonKey() : YamlKey()).Match(lines[i]);
                if (match.Success && match.Groups["name"].Value == input)
                {
                    var name = match.Groups["name"];
                    return new InputSource(file, new SourceSpan(i + 1, name.Index, name.Index + name.Length));
                }
            }
        }
        return null;
    }

    [GeneratedRegex("""^(?<quote>["']?)(?<name>[A-Za-z_][A-Za-z0-9_]*)\k<quote>\s*:""")]
    private static partial Regex YamlKey();

    [GeneratedRegex("""^\s*"(?<name>[A-Za-z_][A-Za-z0-9_]*)"\s*:""")]
    private static partial Regex JsonKey();
}
