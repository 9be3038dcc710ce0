using System.Text;

namespace Breezeblock.Cli;

/// <summary>
/// Where a config's value comes from, as a tree: the config's function and <c>file:line</c> and its
/// value, then each parameter with what it resolved to (a config, an input, a default), configs
/// explained the same way below them. A config met a second time is not repeated.
/// <code>
/// web  (services.web.web at services/web.py:4)
/// = {"db": "db.internal", "env": "prod", "replicas": 2}
/// ├── database: config  (base.database at base.py:4)
/// │   = {"host": "db.internal", "port": 5432}
/// ├── environment: input  (--set environment=prod)
/// └── replicas: default 2
/// </code>
/// </summary>
internal sealed class ExplainTree(ConfigResult result, IReadOnlyDictionary<string, ConfigProvenance> configs, IReadOnlyDictionary<string, string> inputTexts)
{
    private const int ValueWidth = 160;
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();

    private int _budget = int.MaxValue;

    /// <summary>The tree of <paramref name="name"/>; with <paramref name="maxEntries"/>, cut short (with "…") after that many parameters, however deep the graph.</summary>
    public string Render(string name, int maxEntries = int.MaxValue)
    {
        _budget = maxEntries;
        var config = configs[name];
        _shown.Add(name);
        _text.Append(name).Append("  ").Append(Origin(config)).Append('\n');
        _text.Append("= ").Append(Value(name, full: true)).Append('\n');
        Children(config, "");
        return _text.ToString();
    }

    private void Children(ConfigProvenance config, string indent)
    {
        if (config.ReplacedByInput)
        {
            return;
        }
        for (var i = 0; i < config.Parameters.Count; i++)
        {
            if (--_budget < 0)
            {
                if (_budget == -1)
                {
                    _text.Append(indent).Append("…\n");
                }
                return;
            }
            var parameter = config.Parameters[i];
            var last = i == config.Parameters.Count - 1;
            var branch = indent + (last ? "└── " : "├── ");
            var below = indent + (last ? "    " : "│   ");
            switch (parameter.Source)
            {
                case ValueSource.Config:
                    var dependency = configs[parameter.Config!];
                    if (!_shown.Add(dependency.Name))
                    {
                        _text.Append(branch).Append(parameter.Name).Append(": config  ").Append(CliMessages.ExplainedAbove).Append('\n');
                        break;
                    }
                    _text.Append(branch).Append(parameter.Name).Append(": config  ").Append(Origin(dependency)).Append('\n');
                    _text.Append(below).Append("= ").Append(Value(dependency.Name, full: false)).Append('\n');
                    Children(dependency, below);
                    break;
                case ValueSource.Input:
                    _text.Append(branch).Append(parameter.Name).Append(": input  (").Append(InputOrigin(parameter.Name)).Append(")\n");
                    break;
                default:
                    _text.Append(branch).Append(parameter.Name).Append(": default ").Append(parameter.Default).Append('\n');
                    break;
            }
        }
    }

    private string Origin(ConfigProvenance config) => config.ReplacedByInput
        ? $"({CliMessages.ReplacedByInput}: {InputOrigin(config.Name)})"
        : $"({config.Function} at {config.Location})";

    private string InputOrigin(string name) => inputTexts.TryGetValue(name, out var argument) ? argument : CliMessages.GivenByHost;

    // The value as one line of JSON; a dependency's is cut short, the explained config's shown whole.
    private string Value(string name, bool full)
    {
        string text;
        try
        {
            text = result.ToJson(name, indented: false);
        }
        catch (ConfigException e)
        {
            return CliMessages.NotJson(e.Errors[0].Message);
        }
        return full || text.Length <= ValueWidth ? text : text[..(ValueWidth - 1)] + "…";
    }
}
