using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// The static half of types across the wiring, run by the check phase (no config code runs): every
/// parameter that is annotated and receives a config whose function annotates its return is checked
/// for whether the two can match (<c>def web(db: DbConfig)</c> fed by <c>def db() -> dict</c> cannot).
/// What was found for an edge is kept while both functions are the same registrations, so a pass
/// after an edit asks Python only about the edges of the modules that ran again. Unannotated code
/// costs a flag test per parameter.
/// </summary>
internal sealed class WiringTypes
{
    private Dictionary<Edge, ConfigError?> _known = [];

    public List<ConfigError> Check(ConfigGraph graph, IReadOnlyList<RegisteredFunction> functions, PythonRuntime runtime, SourceFolder? folder = null)
    {
        var errors = new List<ConfigError>();
        var current = new Dictionary<Edge, ConfigError?>(_known.Count);
        var unknown = new List<(Edge Edge, ConfigNode Consumer, ConfigNode Producer)>();
        foreach (var node in graph.Nodes.Concat(graph.Checks))
        {
            var consumer = functions[node.Function.Order];
            if (!consumer.ParametersAnnotated || node.Overridden)
            {
                continue;
            }
            foreach (var argument in node.Arguments)
            {
                if (argument.Source != ValueSource.Config || argument.Node!.Overridden)
                {
                    continue;
                }
                var producer = functions[argument.Node.Function.Order];
                if (!producer.ReturnAnnotated)
                {
                    continue;
                }
                var edge = new Edge(consumer, node.ParameterOf(argument).Name, producer);
                if (_known.TryGetValue(edge, out var known))
                {
                    current[edge] = known;
                    if (known is not null)
                    {
                        errors.Add(known);
                    }
                }
                else
                {
                    unknown.Add((edge, node, argument.Node));
                }
            }
        }
        if (unknown.Count > 0)
        {
            var found = TypesModule.Get(runtime).Incompatible(unknown.Select(u => (object?)new object?[] { u.Edge.Consumer.Callable, u.Edge.Parameter, u.Edge.Producer.Callable }).ToList())
                .ToDictionary(f => f.Index);
            for (var i = 0; i < unknown.Count; i++)
            {
                var (edge, consumer, producer) = unknown[i];
                ConfigError? error = null;
                if (found.TryGetValue(i, out var mismatch))
                {
                    var function = consumer.Function;
                    error = ParameterLocator.Refine([new ConfigError(ConfigErrorKind.TypeMismatch,
                        Messages.IncompatibleTypes(function.Name, function.IsCheck, edge.Parameter, mismatch.Wanted, producer.Name, mismatch.Given), function.Location)
                    {
                        ConfigName = function.IsCheck ? null : function.Name,
                        CheckName = function.IsCheck ? function.Name : null,
                        Parameter = edge.Parameter,
                        Hint = Messages.IncompatibleTypesHint(producer.Name, producer.Function.Location),
                    }], folder)[0];
                    errors.Add(error);
                }
                current[edge] = error;
            }
        }
        _known = current; // edges of registrations that are gone are forgotten with them
        return errors;
    }

    // An edge by the registrations at its ends: a module that runs again makes new ones.
    private readonly record struct Edge(RegisteredFunction Consumer, string Parameter, RegisteredFunction Producer);
}
