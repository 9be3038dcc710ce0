namespace Breezeblock;

/// <summary>Where a config's value comes from: its function and what each of its parameters resolved to.</summary>
/// <param name="Name">The config's name.</param>
/// <param name="Function">The Python function's module and qualified name (<c>services.web.make_web</c>).</param>
/// <param name="Location">Where the function is defined.</param>
/// <param name="Parameters">Each parameter, in order, with what it resolved to.</param>
/// <param name="ReplacedByInput">An input of the config's name replaced its result: the function does not run.</param>
public sealed record ConfigProvenance(string Name, string Function, SourceLocation Location, IReadOnlyList<ParameterProvenance> Parameters, bool ReplacedByInput);

/// <summary>What one parameter of a configure function resolved to.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Source">A config, an input or the parameter's default.</param>
/// <param name="Config">The config whose result it receives (when <see cref="Source"/> is <see cref="ValueSource.Config"/>).</param>
/// <param name="Location">That config's definition, or for a default the function's.</param>
/// <param name="Default">The default's <c>repr()</c> (when <see cref="Source"/> is <see cref="ValueSource.Default"/>).</param>
public sealed record ParameterProvenance(string Name, ValueSource Source, string? Config, SourceLocation? Location, string? Default);

/// <summary>Where a parameter's value comes from, in the order parameters are resolved.</summary>
public enum ValueSource
{
    /// <summary>The result of the config of the parameter's name.</summary>
    Config,

    /// <summary>An input of the parameter's name, given by the host (the CLI's <c>--set</c>).</summary>
    Input,

    /// <summary>The parameter's own default value.</summary>
    Default,
}

/// <summary>Provenance read off the graph, for every config in it.</summary>
internal static class ProvenanceReader
{
    /// <summary>
    /// The provenance of every config. <paramref name="functions"/> are the function records of the
    /// evaluation the result belongs to (by <see cref="ConfigFunction.Order"/>): a later evaluation may
    /// reuse the graph with newer records, and this result must keep showing its own.
    /// </summary>
    public static IReadOnlyDictionary<string, ConfigProvenance> Read(ConfigGraph graph, IReadOnlyList<ConfigFunction> functions)
    {
        var provenance = new Dictionary<string, ConfigProvenance>(graph.Nodes.Count, StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var function = functions[node.Function.Order];
            provenance[node.Name] = new ConfigProvenance(node.Name, function.QualifiedName, function.Location, Parameters(node, function, functions), node.Overridden);
        }
        return provenance;
    }

    /// <summary>Every check with what its parameters resolved to, in definition order.</summary>
    public static List<CheckProvenance> ReadChecks(ConfigGraph graph, IReadOnlyList<ConfigFunction> functions) =>
        graph.Checks.Select(node =>
        {
            var function = functions[node.Function.Order];
            return new CheckProvenance(node.Name, function.QualifiedName, function.Location, Parameters(node, function, functions), function.Check!.Each);
        }).ToList();

    private static List<ParameterProvenance> Parameters(ConfigNode node, ConfigFunction function, IReadOnlyList<ConfigFunction> functions)
    {
        var parameters = new List<ParameterProvenance>(node.Arguments.Length);
        foreach (var argument in node.Arguments)
        {
            var parameter = node.ParameterOf(argument);
            parameters.Add(argument.Source switch
            {
                ValueSource.Config => new ParameterProvenance(parameter.Name, ValueSource.Config, argument.Node!.Name, functions[argument.Node.Function.Order].Location, null),
                ValueSource.Input => new ParameterProvenance(parameter.Name, ValueSource.Input, null, null, null),
                _ => new ParameterProvenance(parameter.Name, ValueSource.Default, null, function.Location, parameter.DefaultText is { } text ? SecretText.Redact.Apply(text) : null),
            });
        }
        return parameters;
    }
}
