using CsCheck;

namespace Breezeblock.Tests;

/// <summary>
/// Properties over generated input: random dependency graphs order as a reference topological sort
/// says (or are reported as cycles, every time there is one), and random bytes as a source file
/// give a result or configuration errors, never anything that escapes the engine.
/// </summary>
public sealed class PropertyTests(EngineFixture fixture)
{
    private static ConfigFunction Function(string name, int order, IEnumerable<string> needs) =>
        new(name, new SourceLocation($"/c/{name}.py", $"{name}.py", order + 1), needs.Select(p => new ConfigParameter(p, ParameterKind.PositionalOrKeyword, HasDefault: false)).ToList(), null, null, order);

    // A graph of 1-40 configs; each may need any other (so cycles happen), missing names too.
    private static readonly Gen<List<(int Node, int[] Needs)>> Graphs =
        Gen.Int[1, 40].SelectMany(count => Gen.Int[0, count + 2].Array[0, 4].Select(needs => needs).Array[count].Select(all =>
            all.Select((needs, node) => (node, needs.Distinct().ToArray())).ToList()));

    [Fact]
    public void Random_graphs_order_like_a_reference_topological_sort_or_report_the_cycle()
    {
        Graphs.Sample(graph =>
        {
            var names = graph.Select(g => $"c{g.Node}").ToList();
            var functions = graph.Select(g => Function($"c{g.Node}", g.Node, g.Needs.Select(n => $"c{n}"))).ToList();
            var (built, errors) = GraphBuilder.Build(functions, []);
            var missing = graph.Any(g => g.Needs.Any(n => n >= graph.Count));
            var reference = Reference(graph.Select(g => g.Needs.Where(n => n < graph.Count).ToArray()).ToList());
            if (reference is null || missing)
            {
                Assert.NotEmpty(errors); // a cycle (the reference found one) or a name that is no config
                Assert.Equal(reference is null, errors.Any(e => e.Kind == ConfigErrorKind.Cycle));
                Assert.Equal(missing, errors.Any(e => e.Kind == ConfigErrorKind.MissingDependency));
                return;
            }
            Assert.Empty(errors);
            var order = built.EvaluationOrder().Select(n => int.Parse(n.Name[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(reference, order);
        }, iter: 2000);
    }

    // Kahn's algorithm taking the lowest-numbered ready config first; null when there is a cycle.
    private static List<int>? Reference(List<int[]> needs)
    {
        var waiting = needs.Select(n => n.Distinct().Count()).ToArray();
        var ready = new SortedSet<int>(Enumerable.Range(0, needs.Count).Where(i => waiting[i] == 0));
        var order = new List<int>();
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            for (var i = 0; i < needs.Count; i++)
            {
                if (needs[i].Distinct().Contains(next) && --waiting[i] == 0)
                {
                    ready.Add(i);
                }
            }
        }
        return order.Count == needs.Count ? order : null;
    }

    [Fact]
    public void Random_bytes_as_source_never_get_past_the_engine()
    {
        using var folder = new TempFolder(("base.py", "from breezeblock import configure\n\n@configure\ndef base():\n    return 1\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        var prefix = "from breezeblock import configure\n"u8.ToArray();
        Gen.Byte.Array[0, 300].Select(Gen.Bool, (bytes, withPrefix) => withPrefix ? [.. prefix, .. bytes] : bytes).Sample(bytes =>
        {
            File.WriteAllBytes(Path.Combine(folder.Path, "noise.py"), bytes);
            try
            {
                using var result = workspace.Evaluate();
                Assert.Equal(1L, result.Get<long>("base"));
            }
            catch (ConfigException e)
            {
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrEmpty(error.Message)));
                Assert.All(e.Errors, error => Assert.True(error.Location is null || error.Location.DisplayPath is "noise.py" or "base.py", error.ToString()));
            }
        }, iter: 300, threads: 1);
    }
}
