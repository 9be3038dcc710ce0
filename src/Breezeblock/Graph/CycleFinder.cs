namespace Breezeblock;

/// <summary>
/// Finds configs that need each other, before anything runs, with Tarjan's algorithm run
/// iteratively (a 5,000-deep chain must not overflow the stack). Each cycle is reported once, as
/// the whole path from its earliest-defined config: <c>alpha (c.py:3) -> gamma (c.py:11) -> beta (c.py:7) -> alpha</c>.
/// </summary>
internal static class CycleFinder
{
    public static IEnumerable<ConfigError> Find(IReadOnlyList<ConfigNode> nodes)
    {
        foreach (var component in StronglyConnected(nodes))
        {
            var start = component.MinBy(n => n.Function.Order)!;
            var members = component.ToHashSet();
            if (component.Count == 1 && !start.Needs.Contains(start))
            {
                continue;
            }
            var path = PathBack(start, members);
            var text = string.Join(" -> ", path.Select(n => n.ToString())) + $" -> {start.Name}";
            yield return new ConfigError(ConfigErrorKind.Cycle, $"configs need each other in a cycle: {text}", start.Function.Location)
            {
                ConfigName = start.Name,
                Hint = "a config cannot depend on itself, directly or through others; move the shared part into a config they all need",
            };
        }
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

    private static List<List<ConfigNode>> StronglyConnected(IReadOnlyList<ConfigNode> nodes)
    {
        var index = new Dictionary<ConfigNode, int>();
        var lowLink = new Dictionary<ConfigNode, int>();
        var onStack = new HashSet<ConfigNode>();
        var stack = new Stack<ConfigNode>();
        var components = new List<List<ConfigNode>>();
        var counter = 0;

        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }
            var work = new Stack<(ConfigNode Node, IEnumerator<ConfigNode> Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var child = next.Current;
                    if (!index.TryGetValue(child, out var childIndex))
                    {
                        Visit(child);
                    }
                    else if (onStack.Contains(child))
                    {
                        lowLink[node] = Math.Min(lowLink[node], childIndex);
                    }
                    continue;
                }
                work.Pop();
                next.Dispose();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node])
                {
                    var component = new List<ConfigNode>();
                    ConfigNode member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }

            void Visit(ConfigNode node)
            {
                index[node] = lowLink[node] = counter++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, node.Needs.GetEnumerator()));
            }
        }
        components.Sort((a, b) => a.Min(n => n.Function.Order).CompareTo(b.Min(n => n.Function.Order)));
        return components;
    }
}
