namespace Breezeblock;

/// <summary>The configs and what each needs, checked: no missing dependencies, duplicates or cycles.</summary>
internal sealed class ConfigGraph
{
    private readonly Dictionary<string, ConfigNode> _byName;

    /// <param name="nodes">Every config, in definition order.</param>
    /// <param name="byName">The same nodes by name, when the caller has them already (the graph keeps the dictionary).</param>
    public ConfigGraph(IReadOnlyList<ConfigNode> nodes, Dictionary<string, ConfigNode>? byName = null)
    {
        Nodes = nodes;
        _byName = byName ?? new Dictionary<string, ConfigNode>(nodes.Count, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i].Index = i;
            _byName[nodes[i].Name] = nodes[i];
        }
    }

    /// <summary>Every config, in definition order.</summary>
    public IReadOnlyList<ConfigNode> Nodes { get; }

    public ConfigNode? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The checks, in definition order: wired like configs, needed by nothing, not in <see cref="Nodes"/>.</summary>
    public IReadOnlyList<ConfigNode> Checks { get; init; } = [];

    /// <summary>
    /// The checks an evaluation of <paramref name="evaluated"/> (every config when null) runs: with targets,
    /// the checks that need one of them or a config they need, and every check with <c>each=</c> (it
    /// checks whichever configs are evaluated).
    /// </summary>
    public IReadOnlyList<ConfigNode> ChecksFor(IReadOnlyList<ConfigNode>? evaluated)
    {
        if (evaluated is null)
        {
            return Checks;
        }
        var inClosure = new bool[Nodes.Count];
        foreach (var node in evaluated)
        {
            inClosure[node.Index] = true;
        }
        return Checks.Where(check => check.Function.Check!.Each is not null || check.Needs.Any(n => inClosure[n.Index])).ToList();
    }

    /// <summary>
    /// Configs that need configs of a module that failed to load, with those names: their parameters
    /// are left unresolved, and they cannot run until the module loads.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Unavailable { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The configs to run for <paramref name="targets"/> (all when null), each after the configs it
    /// needs; among configs free to run, definition order decides. Iterative: deep chains are fine.
    /// </summary>
    public IReadOnlyList<ConfigNode> EvaluationOrder(IReadOnlyCollection<ConfigNode>? targets = null)
    {
        var count = Nodes.Count;
        var needed = targets is null ? null : Needed(targets);
        var waiting = new int[count];
        // Who waits on whom, as one array of edges: node i's dependents are dependents[first[i]..first[i + 1]].
        var first = new int[count + 1];
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            if (needed is not null && !needed[i])
            {
                continue;
            }
            total++;
            foreach (var need in Nodes[i].Needs)
            {
                waiting[i]++;
                first[need.Index + 1]++;
            }
        }
        for (var i = 0; i < count; i++)
        {
            first[i + 1] += first[i];
        }
        var dependents = new int[first[count]];
        var filled = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (needed is not null && !needed[i])
            {
                continue;
            }
            foreach (var need in Nodes[i].Needs)
            {
                dependents[first[need.Index] + filled[need.Index]++] = i;
            }
        }
        var ready = new PriorityQueue<ConfigNode, int>(total); // of nodes, not indexes: a value-type queue is compiled at run time
        for (var i = 0; i < count; i++)
        {
            if ((needed is null || needed[i]) && waiting[i] == 0)
            {
                ready.Enqueue(Nodes[i], Nodes[i].Function.Order);
            }
        }
        var order = new List<ConfigNode>(total);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            for (var e = first[node.Index]; e < first[node.Index + 1]; e++)
            {
                var dependent = dependents[e];
                if (--waiting[dependent] == 0)
                {
                    ready.Enqueue(Nodes[dependent], Nodes[dependent].Function.Order);
                }
            }
        }
        if (order.Count != total)
        {
            throw new InvalidOperationException("the graph has a cycle; GraphBuilder must have reported it");
        }
        return order;
    }

    /// <summary>The targets and every config they need, directly or through others, in definition order.</summary>
    public IReadOnlyList<ConfigNode> Closure(IReadOnlyCollection<ConfigNode> targets)
    {
        var needed = Needed(targets);
        return Nodes.Where(n => needed[n.Index]).ToList();
    }

    private bool[] Needed(IEnumerable<ConfigNode> targets)
    {
        var seen = new bool[Nodes.Count];
        var stack = new Stack<ConfigNode>(targets);
        while (stack.TryPop(out var node))
        {
            if (!seen[node.Index])
            {
                seen[node.Index] = true;
                foreach (var need in node.Needs)
                {
                    stack.Push(need);
                }
            }
        }
        return seen;
    }
}
