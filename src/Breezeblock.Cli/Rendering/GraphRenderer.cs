using System.Globalization;
using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// The dependency graph as text (a tree per config), Mermaid or Graphviz dot. Configs show their name
/// and <c>file:line</c>; inputs and parameter defaults are drawn as their own kinds of node, and a config
/// an input replaces says so and needs nothing: what its dependants receive is the input, so their
/// edges from it are drawn as inputs are.
/// </summary>
internal static class GraphRenderer
{
    /// <param name="configs">The configs and where their parameters come from.</param>
    /// <param name="format">text, mermaid or dot.</param>
    /// <param name="inputTexts">How each input was given (<c>--values prod.yaml</c>), shown beside it in text.</param>
    public static string Render(IReadOnlyList<ConfigProvenance> configs, string format, IReadOnlyDictionary<string, string>? inputTexts = null) => format switch
    {
        "mermaid" => Mermaid(configs),
        "dot" => Dot(configs),
        _ => Text(configs, inputTexts ?? new Dictionary<string, string>()),
    };

    private static string Text(IReadOnlyList<ConfigProvenance> configs, IReadOnlyDictionary<string, string> inputTexts)
    {
        var replaced = Replaced(configs);
        var text = new StringBuilder();
        foreach (var config in configs)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(config.Name).Append("  ").Append(config.Location);
            if (config.ReplacedByInput)
            {
                text.Append("  ").Append(CliMessages.ReplacedByInput);
            }
            text.Append('\n');
            var parameters = Parameters(config);
            var width = parameters.Count == 0 ? 0 : parameters.Max(p => p.Name.Length);
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                text.Append(i == parameters.Count - 1 ? "└── " : "├── ").Append(parameter.Name.PadRight(width)).Append("  ").Append(parameter.Source switch
                {
                    ValueSource.Config when replaced.Contains(parameter.Config!) => $"input   {CliMessages.ReplacesConfig(parameter.Location!)}",
                    ValueSource.Config => $"config  {parameter.Location}",
                    ValueSource.Input => inputTexts.TryGetValue(parameter.Name, out var given) ? $"input   ({given})" : "input",
                    _ => $"default {parameter.Default}",
                }).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Mermaid(IReadOnlyList<ConfigProvenance> configs)
    {
        var replaced = Replaced(configs);
        var ids = new Ids();
        var text = new StringBuilder("flowchart LR\n");
        var edges = new StringBuilder();
        foreach (var config in configs)
        {
            var label = config.ReplacedByInput ? $"{config.Name}<br>{config.Location}<br>{CliMessages.ReplacedByInput}" : $"{config.Name}<br>{config.Location}";
            text.Append(CultureInfo.InvariantCulture, $"  {ids.Config(config.Name)}[\"{MermaidText(label)}\"]\n");
        }
        foreach (var config in configs)
        {
            foreach (var parameter in Parameters(config))
            {
                switch (parameter.Source)
                {
                    case ValueSource.Config when replaced.Contains(parameter.Config!):
                        edges.Append(CultureInfo.InvariantCulture, $"  {ids.Config(parameter.Config!)} -. input .-> {ids.Config(config.Name)}\n");
                        break;
                    case ValueSource.Config:
                        edges.Append(CultureInfo.InvariantCulture, $"  {ids.Config(parameter.Config!)} --> {ids.Config(config.Name)}\n");
                        break;
                    case ValueSource.Input:
                        if (ids.NewInput(parameter.Name, out var input))
                        {
                            text.Append(CultureInfo.InvariantCulture, $"  {input}[/\"{MermaidText(parameter.Name)}<br>input\"/]:::input\n");
                        }
                        edges.Append(CultureInfo.InvariantCulture, $"  {input} -.-> {ids.Config(config.Name)}\n");
                        break;
                    default:
                        var node = ids.Default();
                        text.Append(CultureInfo.InvariantCulture, $"  {node}([\"{MermaidText($"{parameter.Name} = {parameter.Default}")}<br>default\"]):::defaultValue\n");
                        edges.Append(CultureInfo.InvariantCulture, $"  {node} -.-> {ids.Config(config.Name)}\n");
                        break;
                }
            }
        }
        text.Append(edges);
        text.Append("  classDef input stroke-dasharray: 5 5\n");
        text.Append("  classDef defaultValue fill:#f4f4f4,stroke:#999\n");
        return text.ToString();
    }

    private static string Dot(IReadOnlyList<ConfigProvenance> configs)
    {
        var replaced = Replaced(configs);
        var ids = new Ids();
        var text = new StringBuilder("digraph configs {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n");
        var edges = new StringBuilder();
        foreach (var config in configs)
        {
            var label = config.ReplacedByInput ? $"{config.Name}\n{config.Location}\n{CliMessages.ReplacedByInput}" : $"{config.Name}\n{config.Location}";
            text.Append(CultureInfo.InvariantCulture, $"  {ids.Config(config.Name)} [label={DotText(label)}, shape=box, style=rounded];\n");
        }
        foreach (var config in configs)
        {
            foreach (var parameter in Parameters(config))
            {
                switch (parameter.Source)
                {
                    case ValueSource.Config when replaced.Contains(parameter.Config!):
                        edges.Append(CultureInfo.InvariantCulture, $"  {ids.Config(parameter.Config!)} -> {ids.Config(config.Name)} [style=dashed, label=\"input\"];\n");
                        break;
                    case ValueSource.Config:
                        edges.Append(CultureInfo.InvariantCulture, $"  {ids.Config(parameter.Config!)} -> {ids.Config(config.Name)};\n");
                        break;
                    case ValueSource.Input:
                        if (ids.NewInput(parameter.Name, out var input))
                        {
                            text.Append(CultureInfo.InvariantCulture, $"  {input} [label={DotText(parameter.Name + "\ninput")}, shape=parallelogram, style=dashed];\n");
                        }
                        edges.Append(CultureInfo.InvariantCulture, $"  {input} -> {ids.Config(config.Name)} [style=dashed];\n");
                        break;
                    default:
                        var node = ids.Default();
                        text.Append(CultureInfo.InvariantCulture, $"  {node} [label={DotText($"{parameter.Name} = {parameter.Default}\ndefault")}, shape=note, fontsize=9];\n");
                        edges.Append(CultureInfo.InvariantCulture, $"  {node} -> {ids.Config(config.Name)} [style=dotted];\n");
                        break;
                }
            }
        }
        return text.Append(edges).Append("}\n").ToString();
    }

    private static HashSet<string> Replaced(IReadOnlyList<ConfigProvenance> configs) =>
        configs.Where(c => c.ReplacedByInput).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    // A config an input replaces does not run, so its parameters are not drawn.
    private static IReadOnlyList<ParameterProvenance> Parameters(ConfigProvenance config) => config.ReplacedByInput ? [] : config.Parameters;

    // Mermaid labels in double quotes: quotes and angle brackets as entities, line breaks as <br>.
    private static string MermaidText(string text) => text
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<br>", "\u0001", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\u0001", "<br>", StringComparison.Ordinal);

    // A dot string: backslashes and quotes escaped, line breaks as \n.
    private static string DotText(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    // Node ids that any renderer accepts, whatever the names hold: c0, i0, d0...
    private sealed class Ids
    {
        private readonly Dictionary<string, string> _configs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);
        private int _defaults;

        public string Config(string name)
        {
            if (!_configs.TryGetValue(name, out var id))
            {
                _configs[name] = id = "c" + _configs.Count.ToString(CultureInfo.InvariantCulture);
            }
            return id;
        }

        public bool NewInput(string name, out string id)
        {
            if (_inputs.TryGetValue(name, out id!))
            {
                return false;
            }
            _inputs[name] = id = "i" + _inputs.Count.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        public string Default() => "d" + (_defaults++).ToString(CultureInfo.InvariantCulture);
    }
}
