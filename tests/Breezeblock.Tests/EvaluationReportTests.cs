namespace Breezeblock.Tests;

/// <summary>Every failure reported together, unused inputs, provenance and the report, as data.</summary>
[Trait("Category", "Smoke")]
public sealed class EvaluationReportTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Independent_failures_are_all_reported_and_what_needs_them_is_skipped_once()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def db():
                raise ValueError("no database")

            @configure
            def cache():
                return {}["missing"]

            @configure
            def web(db, cache):
                return 1

            @configure
            def worker(web):
                return 2

            @configure
            def fine():
                return "ran anyway"
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(["db", "cache"], error.Errors.Select(e => e.ConfigName));
        Assert.Equal(["web", "worker"], error.Skipped);
        Assert.Equal("""
            error: app.py:5: ValueError: no database
              app.py:5 in db: raise ValueError("no database")
              while running config 'db' (app.py:4)
            error: app.py:9: KeyError: 'missing'
              app.py:9 in cache: return {}["missing"]
              while running config 'cache' (app.py:8)
            note: 2 configs were not run because a config they need failed: web, worker
            """.TrimEnd(), error.Message);
        Assert.Equal(Messages.Skipped(["web", "worker"]), error.Message.Split('\n')[^1]);
    }

    [Fact]
    public void An_unused_input_is_a_warning_or_with_strict_inputs_an_error_with_a_suggestion()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web(replicas=1):\n    return replicas\n"));
        var options = fixture.Options(new Dictionary<string, object?> { ["replicsa"] = 3, ["web"] = 5 });
        using (var engine = new ConfigEngine(options))
        using (var result = engine.Evaluate(folder.Path))
        {
            var warning = Assert.Single(result.Warnings);
            Assert.Equal(ConfigErrorKind.UnusedInput, warning.Kind);
            Assert.Equal($"warning: {Messages.UnusedInput("replicsa")}\n  hint: did you mean 'replicas'? (a parameter of config 'web' at app.py:4)", ErrorFormatter.FormatWarning(warning));
            Assert.Equal(5L, result.Get("web"));
            Assert.Equal(["web"], result.Report.Replaced);
        }
        options.StrictInputs = true;
        using (var engine = new ConfigEngine(options))
        {
            var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
            Assert.Equal(ConfigErrorKind.UnusedInput, error.Kind);
            Assert.Equal("error: input 'replicsa' is not used: no config and no parameter has that name\n  hint: did you mean 'replicas'? (a parameter of config 'web' at app.py:4)", error.Message);
        }
    }

    [Fact]
    public void An_input_python_cannot_hold_is_an_error_naming_it()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web(handle):\n    return 1\n"));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["handle"] = new Thread(() => { }) });
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(ConfigErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("error: input 'handle' cannot be given to Python: a .NET Thread cannot be converted to Python", error.Message);
    }

    [Fact]
    public void The_missing_dependency_hint_names_inputs_as_the_host_gives_them()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web(region):\n    return region\n"));
        var options = fixture.Options();
        using (var engine = new ConfigEngine(options))
        {
            Assert.Equal(Messages.MissingDependencyHint("region", null), Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors[0].Hint);
            Assert.Equal("define a config named 'region', give an input named 'region', or give the parameter a default", Messages.MissingDependencyHint("region", null));
        }
        options.InputSyntax = "--set {0}=VALUE";
        using (var engine = new ConfigEngine(options))
        {
            Assert.Equal("define a config named 'region', pass an input with --set region=VALUE, or give the parameter a default",
                Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors[0].Hint);
        }
    }

    [Fact]
    public void Provenance_says_where_each_parameter_comes_from()
    {
        using var folder = new TempFolder(
            ("db.py", Header + "@configure(name='database')\ndef make_database():\n    return 'db'\n"),
            ("svc/web.py", Header + "@configure\ndef web(database, region, replicas=2, *, labels={'team': 'core'}):\n    return 1\n"));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["region"] = "eu" });
        using var result = engine.Evaluate(folder.Path, ["web"]);
        var web = result.Provenance["web"];
        Assert.Equal(("svc.web.web", "svc/web.py:4", false), (web.Function, web.Location.ToString(), web.ReplacedByInput));
        Assert.Equal([
            new ParameterProvenance("database", ValueSource.Config, "database", result.Provenance["database"].Location, null),
            new ParameterProvenance("region", ValueSource.Input, null, null, null),
            new ParameterProvenance("replicas", ValueSource.Default, null, web.Location, "2"),
            new ParameterProvenance("labels", ValueSource.Default, null, web.Location, "{'team': 'core'}"),
        ], web.Parameters);
        Assert.Equal(("db.make_database", "db.py:4"), (result.Provenance["database"].Function, result.Provenance["database"].Location.ToString()));
    }

    [Fact]
    public void The_report_times_each_config_that_ran()
    {
        using var folder = new TempFolder(("app.py", Header + "import time\n@configure\ndef slow():\n    time.sleep(0.05)\n    return 1\n\n@configure\ndef quick(slow):\n    return 2\n"));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal(["slow", "quick"], result.Report.Durations.Keys);
        Assert.InRange(result.Report.Durations["slow"], TimeSpan.FromMilliseconds(45), TimeSpan.FromSeconds(5));
        Assert.True(result.Report.Total >= result.Report.Loading + result.Report.Durations["slow"]);
    }

    [Fact]
    public void Two_workspaces_never_see_each_others_modules_or_results()
    {
        using var first = new TempFolder(
            ("common.py", "NAME = 'first'\n"),
            ("app.py", Header + "import common\n@configure\ndef value():\n    return common.NAME\n"));
        using var second = new TempFolder(
            ("common.py", "NAME = 'second'\n"),
            ("app.py", Header + "import common\n@configure\ndef value():\n    return common.NAME\n\n@configure\ndef only_here():\n    return 2\n"));
        using var engine = fixture.Engine();
        using var one = engine.OpenWorkspace(first.Path);
        using var two = engine.OpenWorkspace(second.Path);
        for (var round = 0; round < 3; round++)
        {
            using var a = one.Evaluate();
            using var b = two.Evaluate();
            Assert.Equal(("first", "second"), (a.Get("value"), b.Get("value")));
            Assert.Equal(["value"], a.Names);
            Assert.Equal(["value", "only_here"], b.Names);
        }
        first.Write("common.py", "NAME = 'first, edited'\n");
        using var edited = one.Evaluate();
        using var untouched = two.Evaluate();
        Assert.Equal(("first, edited", "second"), (edited.Get("value"), untouched.Get("value")));
        Assert.Empty(untouched.Report.Ran);
    }
}
