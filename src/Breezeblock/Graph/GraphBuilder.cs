namespace Breezeblock;

/// <summary>
/// Wires configure functions by parameter name. Each parameter resolves, in order, to a config of
/// that name, an input, or its default; anything else is an error at load time (a typo never turns
/// silently into an input). Checks are wired the same way, in a namespace of their own: nothing can
/// need a check. Reports every problem found, not just the first.
/// </summary>
internal static class GraphBuilder
{
    /// <param name="functions">The registered functions, in any order.</param>
    /// <param name="inputNames">The inputs given.</param>
    /// <param name="inputSyntax">How the host's users give an input, for hints (see <see cref="ConfigOptions.InputSyntax"/>).</param>
    /// <param name="unavailable">Configs of modules that failed to load: a parameter naming one is no error of its own (the failure is), see <see cref="ConfigGraph.Unavailable"/>.</param>
    public static (ConfigGraph Graph, List<ConfigError> Errors) Build(IReadOnlyList<ConfigFunction> functions, IReadOnlyCollection<string> inputNames, string? inputSyntax = null, UnavailableConfigs? unavailable = null)
    {
        unavailable ??= UnavailableConfigs.None;
        var needsUnavailable = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        var inputs = inputNames.ToHashSet(StringComparer.Ordinal);
        var nodes = new List<ConfigNode>(functions.Count);
        var byName = new Dictionary<string, ConfigNode>(functions.Count, StringComparer.Ordinal);
        var checks = new List<ConfigNode>();
        var checksByName = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        var ordered = IsOrdered(functions) ? functions : functions.OrderBy(f => f.Order).ToList();
        foreach (var function in ordered)
        {
            var (list, names) = function.IsCheck ? (checks, checksByName) : (nodes, byName);
            if (names.TryGetValue(function.Name, out var first))
            {
                errors.Add(new ConfigError(ConfigErrorKind.DuplicateName, Messages.DefinedTwice(function.Name, first.Function.Location, function.Location, function.IsCheck), function.Location)
                {
                    ConfigName = function.IsCheck ? null : function.Name,
                    CheckName = function.IsCheck ? function.Name : null,
                    Hint = function.IsCheck ? Messages.DefinedTwiceCheckHint : Messages.DefinedTwiceHint,
                });
                continue;
            }
            var node = new ConfigNode(function, !function.IsCheck && inputs.Contains(function.Name));
            names[function.Name] = node;
            list.Add(node);
        }

        var arguments = new List<Argument>();
        foreach (var node in nodes.Concat(checks))
        {
            var function = node.Function;
            if (function.VarPositional is not null)
            {
                errors.Add(Variadic(function, "*", function.VarPositional));
            }
            if (function.VarKeyword is not null)
            {
                errors.Add(Variadic(function, "**", function.VarKeyword));
            }
            arguments.Clear();
            for (var i = 0; i < function.Parameters.Count; i++)
            {
                var parameter = function.Parameters[i];
                if (function.IsCheck && parameter.Kind == ParameterKind.PositionalOnly)
                {
                    errors.Add(new ConfigError(ConfigErrorKind.InvalidSignature, Messages.PositionalOnlyCheck(function.Name, parameter.Name), function.Location)
                    {
                        CheckName = function.Name,
                        Parameter = parameter.Name,
                        Hint = Messages.PositionalOnlyCheckHint,
                    });
                    continue;
                }
                if (byName.TryGetValue(parameter.Name, out var dependency))
                {
                    arguments.Add(Argument.FromConfig(i, dependency));
                }
                else if (inputs.Contains(parameter.Name))
                {
                    arguments.Add(Argument.FromInput(i));
                }
                else if (parameter.HasDefault)
                {
                    arguments.Add(Argument.FromDefault(i));
                }
                else if (unavailable.Contains(parameter.Name))
                {
                    if (!function.IsCheck)
                    {
                        needsUnavailable[function.Name] = [.. needsUnavailable.GetValueOrDefault(function.Name) ?? [], parameter.Name];
                    }
                    node.NeedsUnavailable = true;
                }
                else
                {
                    errors.Add(Missing(function, parameter, byName, inputs, inputSyntax));
                }
            }
            if (arguments.Count > 0)
            {
                node.Resolve([.. arguments]);
            }
        }

        errors.AddRange(CycleFinder.Find(nodes));
        errors.Sort((a, b) => Compare(a.Location, b.Location));
        return (new ConfigGraph(nodes, byName) { Unavailable = needsUnavailable, Checks = checks }, errors);
    }

    private static ConfigError Variadic(ConfigFunction function, string kind, string name) =>
        new(ConfigErrorKind.InvalidSignature, Messages.Variadic(function.Name, kind, name, function.IsCheck), function.Location)
        {
            ConfigName = function.IsCheck ? null : function.Name,
            CheckName = function.IsCheck ? function.Name : null,
            Parameter = name,
            Hint = Messages.VariadicHint(kind, name),
        };

    private static bool IsOrdered(IReadOnlyList<ConfigFunction> functions)
    {
        for (var i = 1; i < functions.Count; i++)
        {
            if (functions[i - 1].Order > functions[i].Order)
            {
                return false;
            }
        }
        return true;
    }

    private static ConfigError Missing(ConfigFunction function, ConfigParameter parameter, Dictionary<string, ConfigNode> configs, HashSet<string> inputs, string? inputSyntax)
    {
        var suggestion = Suggestions.Nearest(parameter.Name, configs.Keys.Concat(inputs));
        var hint = suggestion is null
            ? Messages.MissingDependencyHint(parameter.Name, inputSyntax)
            : configs.TryGetValue(suggestion, out var near)
                ? Messages.DidYouMeanConfig(suggestion, near.Function.Location)
                : Messages.DidYouMeanInput(suggestion);
        return new ConfigError(ConfigErrorKind.MissingDependency, Messages.MissingDependency(function.Name, parameter.Name, function.IsCheck), function.Location)
        {
            ConfigName = function.IsCheck ? null : function.Name,
            CheckName = function.IsCheck ? function.Name : null,
            Parameter = parameter.Name,
            Suggestion = suggestion,
            Hint = hint,
        };
    }

    private static int Compare(SourceLocation? a, SourceLocation? b)
    {
        var byPath = string.CompareOrdinal(a?.DisplayPath, b?.DisplayPath);
        return byPath != 0 ? byPath : (a?.Line ?? 0).CompareTo(b?.Line ?? 0);
    }
}
