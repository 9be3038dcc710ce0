namespace Breezeblock.Tests;

/// <summary>Graph logic on plain data: no Python involved.</summary>
public sealed class GraphTests
{
    private static ConfigFunction Function(string name, int line, params string[] parameters) =>
        new(name, new SourceLocation($"/c/{name}.py", $"{name}.py", line), parameters.Select(p => p.EndsWith('=')
            ? new ConfigParameter(p.TrimEnd('='), ParameterKind.PositionalOrKeyword, HasDefault: true)
            : new ConfigParameter(p, ParameterKind.PositionalOrKeyword, HasDefault: false)).ToList(), null, null, line);

    private static (ConfigGraph Graph, List<ConfigError> Errors) Build(IEnumerable<string>? inputs, params ConfigFunction[] functions) =>
        GraphBuilder.Build(functions, (inputs ?? []).ToList());

    [Fact]
    public void Parameters_resolve_to_a_config_then_an_input_then_the_default()
    {
        var (graph, errors) = Build(["region", "db"],
            Function("db", 1),
            Function("web", 2, "db", "region", "replicas="));
        Assert.Empty(errors);
        var web = graph.Find("web")!;
        var arguments = web.Arguments.ToArray();
        Assert.Equal([ValueSource.Config, ValueSource.Input, ValueSource.Default], arguments.Select(a => a.Source));
        Assert.Equal(["db", "region", "replicas"], arguments.Select(a => web.ParameterOf(a).Name));
        Assert.Same(graph.Find("db"), arguments[0].Node);
        Assert.Null(arguments[1].Node);
        Assert.True(graph.Find("db")!.Overridden);
    }

    [Fact]
    public void Evaluation_order_puts_dependencies_first_and_keeps_definition_order_otherwise()
    {
        var (graph, errors) = Build(null,
            Function("web", 1, "db", "cache"),
            Function("cache", 2),
            Function("db", 3, "secrets"),
            Function("secrets", 4),
            Function("lonely", 5));
        Assert.Empty(errors);
        Assert.Equal(["cache", "secrets", "db", "web", "lonely"], graph.EvaluationOrder().Select(n => n.Name));
    }

    [Fact]
    public void Targets_run_only_what_they_need()
    {
        var (graph, _) = Build(null, Function("a", 1), Function("b", 2, "a"), Function("c", 3), Function("d", 4, "b"));
        Assert.Equal(["a", "b"], graph.EvaluationOrder([graph.Find("b")!]).Select(n => n.Name));
    }

    [Fact]
    public void An_overridden_config_needs_nothing()
    {
        var (graph, errors) = Build(["b"], Function("a", 1), Function("b", 2, "a"), Function("c", 3, "b"));
        Assert.Empty(errors);
        Assert.Equal(["b", "c"], graph.EvaluationOrder([graph.Find("c")!]).Select(n => n.Name));
    }

    [Fact]
    public void A_missing_dependency_suggests_the_nearest_name()
    {
        var (_, errors) = Build(["environment"], Function("database", 1), Function("web", 2, "databse"), Function("worker", 3, "enviroment"));
        Assert.Equal(2, errors.Count);
        Assert.Equal(ConfigErrorKind.MissingDependency, errors[0].Kind);
        Assert.Equal("did you mean 'database'? (the config at database.py:1)", errors[0].Hint);
        Assert.Equal("did you mean 'environment'? (an input)", errors[1].Hint);
    }

    [Fact]
    public void Cycles_are_reported_whole_from_their_earliest_config()
    {
        var (_, errors) = Build(null,
            Function("alpha", 3, "gamma"),
            Function("beta", 7, "alpha"),
            Function("gamma", 11, "beta"),
            Function("fine", 12));
        var cycle = Assert.Single(errors);
        Assert.Equal("configs need each other in a cycle: alpha (alpha.py:3) -> gamma (gamma.py:11) -> beta (beta.py:7) -> alpha", cycle.Message);
    }

    [Fact]
    public void A_chain_5000_deep_builds_and_orders_without_recursion()
    {
        var functions = Enumerable.Range(0, 5000).Select(i => Function($"c{i}", i + 1, i == 0 ? [] : [$"c{i - 1}"])).ToArray();
        var (graph, errors) = Build(null, functions);
        Assert.Empty(errors);
        var order = graph.EvaluationOrder([graph.Find("c4999")!]);
        Assert.Equal(5000, order.Count);
        Assert.Equal("c0", order[0].Name);
    }

    [Fact]
    public void A_cycle_5000_long_is_found_without_recursion()
    {
        var functions = Enumerable.Range(0, 5000).Select(i => Function($"c{i}", i + 1, $"c{(i + 1) % 5000}")).ToArray();
        var (_, errors) = Build(null, functions);
        var cycle = Assert.Single(errors);
        Assert.StartsWith("configs need each other in a cycle: c0 (c0.py:1) -> c1 (c1.py:2) -> ", cycle.Message);
        Assert.EndsWith("-> c4999 (c4999.py:5000) -> c0", cycle.Message);
    }

    [Fact]
    public void Duplicates_name_both_places_and_varargs_are_refused()
    {
        var withArgs = new ConfigFunction("b", new SourceLocation("/c/b.py", "b.py", 5), [], "rest", null, 5);
        var (_, errors) = Build(null, Function("a", 1), Function("a", 2), withArgs);
        Assert.Equal([ConfigErrorKind.DuplicateName, ConfigErrorKind.InvalidSignature], errors.Select(e => e.Kind));
        Assert.Equal("config 'a' is defined twice: a.py:1 and a.py:2", errors[0].Message);
    }

    [Theory]
    [InlineData("databse", "database")]
    [InlineData("Database", "database")]
    [InlineData("cahce", "cache")]
    [InlineData("xyz", null)]
    public void Suggestions_find_close_names(string typo, string? expected) =>
        Assert.Equal(expected, Suggestions.Nearest(typo, ["database", "cache", "web"]));
}
