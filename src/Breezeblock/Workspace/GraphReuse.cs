namespace Breezeblock;

/// <summary>
/// The last checked graph a workspace built, reused while its inputs are the same: every function's
/// name, parameters and position among the others, and the names of the inputs. An edit that changes
/// values but not the shape of the configs (the usual edit, a comment that moves lines included)
/// skips building and checking the graph again; the nodes are pointed at the functions' new records,
/// so locations stay right.
/// </summary>
internal sealed class GraphReuse
{
    private IReadOnlyList<ConfigFunction>? _functions;
    private HashSet<string>? _inputs;
    private ConfigGraph? _graph;
    private List<ConfigError> _unused = [];
    private IReadOnlyList<ConfigNode>? _order;

    /// <summary>The graph for <paramref name="functions"/> and <paramref name="inputs"/>, and the unused inputs, when the last graph was built from the same.</summary>
    public bool TryReuse(IReadOnlyList<ConfigFunction> functions, ICollection<string> inputs, out ConfigGraph graph, out List<ConfigError> unused)
    {
        graph = _graph!;
        unused = _unused;
        if (_graph is null || _functions!.Count != functions.Count || _inputs!.Count != inputs.Count || !inputs.All(_inputs.Contains))
        {
            return false;
        }
        for (var i = 0; i < functions.Count; i++)
        {
            if (!_functions[i].SameShape(functions[i]))
            {
                return false;
            }
        }
        foreach (var node in _graph.Nodes)
        {
            node.Rebind(functions[node.Function.Order]);
        }
        _functions = functions;
        return true;
    }

    /// <summary>Keeps a graph that was built without errors.</summary>
    public void Keep(IReadOnlyList<ConfigFunction> functions, ICollection<string> inputs, ConfigGraph graph, List<ConfigError> unused)
    {
        _functions = functions;
        _inputs = inputs.ToHashSet(StringComparer.Ordinal);
        _graph = graph;
        _unused = unused;
        _order = null;
    }

    public void Forget() => _graph = null;

    /// <summary>The evaluation order of every config (kept with the graph); with targets, worked out each time.</summary>
    public IReadOnlyList<ConfigNode> EvaluationOrder(ConfigGraph graph, IReadOnlyCollection<ConfigNode>? targets) =>
        targets is not null ? graph.EvaluationOrder(targets)
            : ReferenceEquals(graph, _graph) ? _order ??= graph.EvaluationOrder()
            : graph.EvaluationOrder();
}
