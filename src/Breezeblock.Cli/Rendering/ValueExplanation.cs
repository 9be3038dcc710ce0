using System.Text;
using System.Text.Json.Nodes;

namespace Breezeblock.Cli;

/// <summary>
/// <c>explain DIR web.replicas</c>: why a value inside a config is what it is. The value, the line that
/// computed it (read from the source, <see cref="ConfigEngine.FindOrigin"/>), and what that line read,
/// each explained the same way: an input and how it was given, a default, or a value of another
/// config, followed into that config's source.
/// <code>
/// web.replicas = 6
/// ├── computed at services.py:12: replicas * base["scale"]
/// ├── replicas: input  (--set replicas=3)
/// └── base["scale"] = 2
///     └── computed at base.py:5: 2
/// </code>
/// </summary>
internal sealed class ValueExplanation(ConfigEngine engine, ConfigResult result, IReadOnlyDictionary<string, ConfigProvenance> configs, IReadOnlyDictionary<string, string> inputTexts)
{
    private const int Depth = 20;
    private readonly StringBuilder _text = new();

    /// <summary>Splits <c>web.ports[0].name</c> into the config and the path inside it; null when the text names no config.</summary>
    public static (string Config, List<object> Path)? Parse(string text, IReadOnlyCollection<string> configNames)
    {
        var first = text.IndexOfAny(['.', '[']);
        if (first <= 0 || !configNames.Contains(text[..first]))
        {
            return null;
        }
        var path = new List<object>();
        var rest = text[first..];
        while (rest.Length > 0)
        {
            if (rest[0] == '.')
            {
                var end = rest.IndexOfAny(['.', '['], 1);
                var key = end < 0 ? rest[1..] : rest[1..end];
                if (key.Length == 0)
                {
                    return null;
                }
                path.Add(key);
                rest = end < 0 ? "" : rest[end..];
            }
            else if (rest[0] == '[')
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    return null;
                }
                var inside = rest[1..close].Trim();
                path.Add(int.TryParse(inside, out var index) ? index : inside.Trim('"', '\''));
                rest = rest[(close + 1)..];
            }
            else
            {
                return null;
            }
        }
        return (text[..first], path);
    }

    public string Render(string config, IReadOnlyList<object> path)
    {
        _text.Append(PathText(config, path)).Append(" = ").Append(Value(config, path)).Append('\n');
        Origin(config, path, "", Depth);
        return _text.ToString();
    }

    private void Origin(string config, IReadOnlyList<object> path, string indent, int depth)
    {
        var provenance = configs[config];
        if (provenance.ReplacedByInput)
        {
            _text.Append(indent).Append("└── ").Append(CliMessages.ReplacedByInput).Append(": ").Append(InputOrigin(config)).Append('\n');
            return;
        }
        var origin = depth > 0 ? engine.FindOrigin(provenance, path) : null;
        if (origin is null)
        {
            _text.Append(indent).Append("└── ").Append(CliMessages.ComputedSomewhereIn(config, provenance.Location)).Append('\n');
            return;
        }
        var references = origin.References;
        _text.Append(indent).Append(references.Count == 0 ? "└── " : "├── ").Append(CliMessages.ComputedAt(origin.Location, origin.Expression)).Append('\n');
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            var last = i == references.Count - 1;
            var branch = indent + (last ? "└── " : "├── ");
            var below = indent + (last ? "    " : "│   ");
            var parameter = provenance.Parameters.FirstOrDefault(p => p.Name == reference.Parameter);
            var shown = PathText(reference.Parameter, reference.Path);
            switch (parameter?.Source)
            {
                case ValueSource.Config when configs.ContainsKey(parameter.Config!):
                    _text.Append(branch).Append(shown).Append(" = ").Append(Value(parameter.Config!, reference.Path)).Append("  (config ").Append(parameter.Config).Append(")\n");
                    Origin(parameter.Config!, reference.Path, below, depth - 1);
                    break;
                case ValueSource.Input:
                    _text.Append(branch).Append(shown).Append(": input  (").Append(InputOrigin(reference.Parameter)).Append(")\n");
                    break;
                case ValueSource.Default:
                    _text.Append(branch).Append(shown).Append(": default ").Append(parameter.Default).Append('\n');
                    break;
                default:
                    _text.Append(branch).Append(shown).Append('\n');
                    break;
            }
        }
    }

    private string InputOrigin(string name) => inputTexts.TryGetValue(name, out var argument) ? argument : CliMessages.GivenByHost;

    private static string PathText(string name, IReadOnlyList<object> path) =>
        name + string.Concat(path.Select(key => key is string text && IsIdentifier(text) ? "." + text : key is string quoted ? $"[\"{quoted}\"]" : $"[{key}]"));

    private static bool IsIdentifier(string text) => text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    // The value at the path, as one line of JSON, from the result's output.
    private string Value(string config, IReadOnlyList<object> path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(result.ToJson(config, indented: false));
        }
        catch (ConfigException e)
        {
            return CliMessages.NotJson(e.Errors[0].Message);
        }
        foreach (var key in path)
        {
            if (key is string name && node is JsonObject map && map.TryGetPropertyValue(name, out var item))
            {
                node = item;
            }
            else if (key is int index && node is JsonArray list && index >= 0 && index < list.Count)
            {
                node = list[index];
            }
            else
            {
                throw new CommandException(CliMessages.NoValueAt(PathText(config, path)));
            }
        }
        var text = node?.ToJsonString(CliJson.Options) ?? "null";
        return text.Length <= 160 ? text : text[..159] + "…";
    }
}
