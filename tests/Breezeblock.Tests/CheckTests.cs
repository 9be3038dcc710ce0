namespace Breezeblock.Tests;

/// <summary><see cref="ConfigWorkspace.Check"/>: every problem, the graph's provenance, and no configure function run.</summary>
[Trait("Category", "Smoke")]
public sealed class CheckTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void A_check_runs_no_configure_function_and_describes_every_config()
    {
        using var folder = new TempFolder(("app.py", Header + """
            ran = []

            @configure
            def database():
                ran.append("database")
                raise RuntimeError("a check must not run this")

            @configure
            def web(database, environment, replicas=2):
                ran.append("web")
                return {}
            """));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["environment"] = "prod" });
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check();
        Assert.True(check.Succeeded);
        Assert.Equal(["database", "web"], check.Configs.Select(c => c.Name));
        Assert.Equal(
            [("database", ValueSource.Config, "database", "app.py:6"), ("environment", ValueSource.Input, null, null), ("replicas", ValueSource.Default, null, "app.py:11")],
            check.Configs[1].Parameters.Select(p => (p.Name, p.Source, p.Config, p.Location?.ToString())));
        Assert.Equal("2", check.Configs[1].Parameters[2].Default);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal("RuntimeError: a check must not run this", error.Errors[0].Message); // the check loaded the module; only now does database run
    }

    [Fact]
    public void A_check_reports_every_problem_and_never_throws_for_the_configuration()
    {
        using var folder = new TempFolder(
            ("a.py", "def broken(:\n"),
            ("b.py", Header + "@configure\ndef web(databse, *extra):\n    return 1\n\n@configure\ndef database():\n    return 2\n"),
            ("c.py", Header + "@configure\ndef loop(loop):\n    return 1\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check(["web", "nothing"]);
        Assert.False(check.Succeeded);
        Assert.Equal(
            [
                (ConfigErrorKind.SyntaxError, "a.py:1:12"),
                (ConfigErrorKind.InvalidSignature, "b.py:4:18"),
                (ConfigErrorKind.MissingDependency, "b.py:4:9"),
                (ConfigErrorKind.Cycle, "c.py:4"),
                (ConfigErrorKind.UnknownTarget, null),
            ],
            check.Errors.Select(e => (e.Kind, e.Location?.ToString())));
        Assert.Equal("did you mean 'database'? (the config at b.py:8)", check.Errors[2].Hint);
        Assert.Equal(16, check.Errors[2].Location!.EndColumn);
    }

    [Fact]
    public void A_parameter_on_a_later_line_of_the_signature_is_pointed_at_there()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def web(
                database: "dict" = None,  # not this 'cache' in a comment
                label="cache",
                cache=None,
                *,
                secrets,
            ):
                return 1
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal("app.py:9:5", error.Errors.Single().Location!.ToString());
    }

    [Fact]
    public void A_runaway_recursion_keeps_three_identical_frames_and_counts_the_rest()
    {
        using var folder = new TempFolder(("deep.py", Header + """
            def depth(n):
                return depth(n + 1)

            @configure
            def runaway():
                return depth(0)
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single();
        Assert.Equal("RecursionError: maximum recursion depth exceeded", error.Message);
        Assert.Equal(["depth", "depth", "depth", "runaway"], error.Frames.Select(f => f.Function));
        Assert.Equal([0, 0], error.Frames.Take(2).Select(f => f.Repeated));
        Assert.InRange(error.Frames[2].Repeated, 900, 1100);
        Assert.Equal($"[previous line repeated {error.Frames[2].Repeated} more times]", error.Details[3]);
        Assert.Equal("deep.py:8 in runaway: return depth(0)", error.Details[4]);
        var rebuilt = ConfigError.FromJson(error.ToJson());
        Assert.Equal(error.Frames, rebuilt.Frames);
    }

    [Fact]
    public void A_module_that_does_not_parse_is_the_one_error_and_says_which_configs_it_takes_with_it()
    {
        using var folder = new TempFolder(
            ("base.py", Header + "@configure\ndef database():\n    return {'host': (1 +* 3)}\n\n@configure(name=\"cache\")\ndef make_cache():\n    return {}\n"),
            ("app.py", Header + "@configure\ndef web(database, cache):\n    return 1\n\n@configure\ndef api(cahce):\n    return 2\n"));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["database"] = "an input named after an unavailable config is used" });
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check(["web", "cache"]);
        Assert.Equal([ConfigErrorKind.MissingDependency, ConfigErrorKind.SyntaxError], check.Errors.Select(e => e.Kind)); // api's typo is real; nothing about web, cache or the input
        Assert.Equal("app.py:8:9", check.Errors[0].Location?.ToString());
        var syntax = check.Errors[1];
        Assert.StartsWith("base.py:5:", syntax.Location?.ToString()); // the column differs between parsers
        Assert.Equal(
            [Messages.UnavailableOwnConfigs(["database", "cache"]), Messages.NotCheckedNeedUnavailable(["web"], one: false)],
            syntax.Details.Where(d => d.StartsWith("note:", StringComparison.Ordinal)));
        Assert.Equal(["web"], check.Configs.Select(c => c.Name)); // the targets there are
    }
}
