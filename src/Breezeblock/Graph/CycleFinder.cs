namespace Breezeblock;

/// <summary>
/// Finds configs that need each other, before anything runs, with Tarjan's algorithm run
/// iteratively over node indexes (a 5,000-deep chain must not overflow the stack, and 10,000
/// configs must take milliseconds). Each cycle is reported once, as the whole path from its
/// earliest-defined config: <c>alpha (c.py:3) -> gamma (c.py:11) -> beta (c.py:7) -> alpha</c>.
/// </summary>
internal static class CycleFinder
{
    public static IEnumerable<ConfigError> Find(IReadOnlyList<ConfigNode> nodes)
    {
        var errors = new List<ConfigError>();
        foreach (var component in CyclicComponents(nodes))
        {
            var start = component.MinBy(n => n.Function.Order)!;
            var path = PathBack(start, component.ToHashSet());
            errors.Add(new ConfigError(ConfigErrorKind.Cycle, Messages.Cycle(path.Select(n => n.ToString()), start.Name), start.Function.Location)
            {
                ConfigName = start.Name,
                Hint = Messages.CycleHint,
            });
        }
        return errors;
    }

    // Shortest path start -> ... -> start inside the component, by breadth-first search.
    private static List<ConfigNode> PathBack(ConfigNode start, HashSet<ConfigNode> members)
    {
        var previous = new Dictionary<ConfigNode, ConfigNode>();
        var queue = new Queue<ConfigNode>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in node.Needs.Where(members.Contains).OrderBy(n => n.Function.Order))
            {
                if (next == start)
                {
                    var path = new List<ConfigNode> { node };
                    while (path[^1] != start)
                    {
                        path.Add(previous[path[^1]]);
                    }
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return [start];
    }

    // The strongly connected components that hold a cycle (more than one node, or a node that needs
    // itself), ordered by their earliest-defined node.
    private static List<List<ConfigNode>> CyclicComponents(IReadOnlyList<ConfigNode> nodes)
    {
        var count = nodes.Count;
        // What each node needs, as one array of edges: node i needs needs[first[i]..first[i + 1]].
        var first = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            nodes[i].Index = i;
            first[i + 1] = first[i] + nodes[i].Needs.Count;
        }
        var needs = new int[first[count]];
        for (var i = 0; i < count; i++)
        {
            var edge = first[i];
            foreach (var dependency in nodes[i].Needs)
            {
                needs[edge++] = dependency.Index;
            }
        }

        var index = new int[count];
        Array.Fill(index, -1);
        var lowLink = new int[count];
        var onStack = new bool[count];
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Next)>();
        var components = new List<List<ConfigNode>>();
        var members = new List<int>();
        var counter = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                if (first[node] + next < first[node + 1])
                {
                    work.Push((node, next + 1));
                    var child = needs[first[node] + next];
                    if (index[child] < 0)
                    {
                        Visit(child);
                    }
                    else if (onStack[child])
                    {
                        lowLink[node] = Math.Min(lowLink[node], index[child]);
                    }
                    continue;
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] != index[node])
                {
                    continue;
                }
                members.Clear();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    members.Add(member);
                }
                while (member != node);
                if (members.Count > 1 || needs.AsSpan(first[node], first[node + 1] - first[node]).Contains(node))
                {
                    components.Add(members.Select(m => nodes[m]).ToList()); // only a cycle is kept: most components are one node
                }
            }
        }
        components.Sort((a, b) => a.Min(n => n.Function.Order).CompareTo(b.Min(n => n.Function.Order)));
        return components;

        void Visit(int node)
        {
            index[node] = lowLink[node] = counter++;
            stack.Push(node);
            onStack[node] = true;
            work.Push((node, 0));
        }
    }
}
