namespace Breezeblock;

/// <summary>
/// Wires configure functions by parameter name. Each parameter resolves, in order, to a config of
/// that name, an input, or its default; anything else is an error at load time (a typo never turns
/// silently into an input). Reports every problem found, not just the first.
/// </summary>
internal static class GraphBuilder
{
    public static (ConfigGraph Graph, List<ConfigError> Errors) Build(IReadOnlyList<ConfigFunction> functions, IReadOnlyCollection<string> inputNames)
    {
        var errors = new List<ConfigError>();
        var inputs = inputNames.ToHashSet(StringComparer.Ordinal);
        var nodes = new List<ConfigNode>();
        var byName = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var function in functions.OrderBy(f => f.Order))
        {
            if (byName.TryGetValue(function.Name, out var first))
            {
                errors.Add(new ConfigError(ConfigErrorKind.DuplicateName,
                    $"config '{function.Name}' is defined twice: {first.Function.Location} and {function.Location}", function.Location)
                {
                    ConfigName = function.Name,
                    Hint = "rename one of the functions, or give one another name with @configure(name=\"...\")",
                });
                continue;
            }
            var node = new ConfigNode(function, inputs.Contains(function.Name));
            byName[function.Name] = node;
            nodes.Add(node);
        }

        foreach (var node in nodes)
        {
            var function = node.Function;
            foreach (var (kind, name) in new[] { ("*", function.VarPositional), ("**", function.VarKeyword) })
            {
                if (name is not null)
                {
                    errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature,
                        $"config '{function.Name}' takes {kind}{name}, but a configure function must name each config or input it needs as a parameter",
                        function.Location) { ConfigName = function.Name, Hint = $"replace {kind}{name} with one parameter per dependency" });
                }
            }
            foreach (var parameter in function.Parameters)
            {
                if (byName.TryGetValue(parameter.Name, out var dependency))
                {
                    node.Arguments.Add(new Argument.FromConfig(parameter, dependency));
                }
                else if (inputs.Contains(parameter.Name))
                {
                    node.Arguments.Add(new Argument.FromInput(parameter, parameter.Name));
                }
                else if (parameter.HasDefault)
                {
                    node.Arguments.Add(new Argument.FromDefault(parameter));
                }
                else
                {
                    errors.Add(Missing(function, parameter, byName, inputs));
                }
            }
        }

        errors.AddRange(CycleFinder.Find(nodes));
        errors.Sort((a, b) => Compare(a.Location, b.Location));
        return (new ConfigGraph(nodes), errors);
    }

    private static ConfigError Missing(ConfigFunction function, ConfigParameter parameter, Dictionary<string, ConfigNode> configs, HashSet<string> inputs)
    {
        var suggestion = Suggestions.Nearest(parameter.Name, configs.Keys.Concat(inputs));
        var hint = suggestion is null
            ? $"define a config named '{parameter.Name}', pass an input with --set {parameter.Name}=VALUE, or give the parameter a default"
            : configs.TryGetValue(suggestion, out var near)
                ? $"did you mean '{suggestion}'? (the config at {near.Function.Location})"
                : $"did you mean '{suggestion}'? (an input)";
        return new ConfigError(ConfigErrorKind.MissingDependency,
            $"config '{function.Name}' needs '{parameter.Name}', which is not a config, an input or a parameter default",
            function.Location) { ConfigName = function.Name, Hint = hint };
    }

    private static int Compare(SourceLocation? a, SourceLocation? b)
    {
        var byPath = string.CompareOrdinal(a?.DisplayPath, b?.DisplayPath);
        return byPath != 0 ? byPath : (a?.Line ?? 0).CompareTo(b?.Line ?? 0);
    }
}
