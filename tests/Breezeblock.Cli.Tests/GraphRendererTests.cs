namespace Breezeblock.Cli.Tests;

/// <summary><c>graph</c>'s Mermaid and dot output is accepted by Mermaid's own parser and by Graphviz.</summary>
public sealed class GraphRendererTests
{
    private const string Awkward = """
        from breezeblock import configure


        @configure(name="db \"primary\" <eu>")
        def database(label='<a "b"> \\ c'):
            return label


        @configure
        def web(environment, replicas=2):
            return environment
        """;

    public static TheoryData<string> Folders => new(["parameters", "quickstart", "awkward"]);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Dot_accepts_the_graph_and_draws_every_config(string folder)
    {
        var dot = ExternalTools.Dot();
        using var awkward = new TempFolder(("app.py", Awkward));
        var (exit, graph, stderr) = Graph(folder, awkward, "dot");
        Assert.Equal((0, ""), (exit, stderr));
        var (dotExit, svg, dotErrors) = ExternalTools.Run(dot, graph, null, "-Tsvg");
        Assert.True(dotExit == 0, dotErrors);
        Assert.Equal("", dotErrors);
        Assert.Contains("<svg", svg);
        var nodes = graph.Split('\n').Count(line => line.Contains(" [label=", StringComparison.Ordinal));
        Assert.Equal(nodes, svg.Split("class=\"node\"").Length - 1); // every node drawn, none made up from a bad label
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Mermaid_parses_the_graph(string folder)
    {
        var (node, script) = ExternalTools.Mermaid();
        using var awkward = new TempFolder(("app.py", Awkward));
        var (exit, graph, stderr) = Graph(folder, awkward, "mermaid");
        Assert.Equal((0, ""), (exit, stderr));
        var (parseExit, diagram, errors) = ExternalTools.Run(node, graph, null, script);
        Assert.True(parseExit == 0, errors + "\n" + graph);
        Assert.Equal("flowchart-v2\n", diagram);
    }

    [Fact]
    public void A_broken_mermaid_graph_is_refused_by_the_checker()
    {
        var (node, script) = ExternalTools.Mermaid();
        var (exit, _, errors) = ExternalTools.Run(node, "flowchart LR\n  a[\"x\"] -->\n", null, script);
        Assert.Equal(1, exit);
        Assert.Contains("Parse error", errors);
    }

    private static (int Exit, string Stdout, string Stderr) Graph(string folder, TempFolder awkward, string format) => folder switch
    {
        "awkward" => Cli.Run("graph", awkward.Path, "--format", format, "--set", "environment=x"),
        "parameters" => Cli.Run("graph", Cli.Fixture("parameters"), "--format", format, "--set", "zone=a", "--set", "overridden=1"),
        _ => Cli.Run("graph", Cli.Fixture(folder), "--format", format),
    };
}
