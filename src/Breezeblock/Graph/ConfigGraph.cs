namespace Breezeblock;

/// <summary>The configs and what each needs, checked: no missing dependencies, duplicates or cycles.</summary>
internal sealed class ConfigGraph
{
    private readonly Dictionary<string, ConfigNode> _byName;

    public ConfigGraph(IReadOnlyList<ConfigNode> nodes)
    {
        Nodes = nodes;
        _byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>Every config, in definition order.</summary>
    public IReadOnlyList<ConfigNode> Nodes { get; }

    public ConfigNode? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The configs to run for <paramref name="targets"/> (all when null), each after the configs it
    /// needs; among configs free to run, definition order decides. Iterative: deep chains are fine.
    /// </summary>
    public IReadOnlyList<ConfigNode> EvaluationOrder(IReadOnlyCollection<ConfigNode>? targets = null)
    {
        var needed = targets is null ? Nodes.ToHashSet() : Closure(targets);
        var waiting = new Dictionary<ConfigNode, int>();
        var dependents = new Dictionary<ConfigNode, List<ConfigNode>>();
        foreach (var node in needed)
        {
            var needs = node.Needs;
            waiting[node] = needs.Count;
            foreach (var need in needs)
            {
                if (!dependents.TryGetValue(need, out var list))
                {
                    dependents[need] = list = [];
                }
                list.Add(node);
            }
        }
        var ready = new PriorityQueue<ConfigNode, int>();
        foreach (var (node, count) in waiting)
        {
            if (count == 0)
            {
                ready.Enqueue(node, node.Function.Order);
            }
        }
        var order = new List<ConfigNode>(needed.Count);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var dependent in dependents.GetValueOrDefault(node) ?? [])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Enqueue(dependent, dependent.Function.Order);
                }
            }
        }
        if (order.Count != needed.Count)
        {
            throw new InvalidOperationException("the graph has a cycle; GraphBuilder must have reported it");
        }
        return order;
    }

    private static HashSet<ConfigNode> Closure(IEnumerable<ConfigNode> targets)
    {
        var seen = new HashSet<ConfigNode>();
        var stack = new Stack<ConfigNode>(targets);
        while (stack.TryPop(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var need in node.Needs)
                {
                    stack.Push(need);
                }
            }
        }
        return seen;
    }
}
