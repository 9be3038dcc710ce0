namespace Breezeblock.Tests;

/// <summary>
/// <c>@check</c>: wired by parameter name like configs, run after the configs they need in every
/// evaluation, failing it with the assertion's parts and what the check received; <c>each=</c> over
/// values of a type; test files only with <see cref="ConfigOptions.IncludeTests"/>; a workspace whose
/// check fails gives no result, and recovers.
/// </summary>
public sealed class PolicyCheckTests(EngineFixture fixture)
{
    // The configs and policies of the fixture check_failed (which eval's golden file prints): services
    // web (services.py:14, one replica unless prod), api and worker (services.py:24, no owner); checks
    // enough_replicas (policy.py:7), has_owner (each Service, policy.py:12) and pinned_image (policy.py:17).
    private static readonly string Configs = Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", "check_failed", "configs");

    private static readonly string Services = File.ReadAllText(Path.Combine(Configs, "services.py"));

    private static readonly string Policy = File.ReadAllText(Path.Combine(Configs, "policy.py"));

    [Fact]
    public void A_failing_assertion_fails_the_evaluation_with_its_values_and_what_the_check_received()
    {
        using var folder = new TempFolder(("services.py", Services), ("policy.py", Policy));
        using var engine = fixture.Engine();
        var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(2, failure.Errors.Count);
        var replicas = failure.Errors[0];
        Assert.Equal(ConfigErrorKind.CheckFailed, replicas.Kind);
        Assert.Equal(Messages.CheckFailed("enough_replicas", null, Messages.FailedAssertion("web[\"replicas\"] >= 2")), replicas.Message);
        Assert.Equal("enough_replicas", replicas.CheckName);
        Assert.Null(replicas.ConfigName);
        Assert.Equal("policy.py:8", replicas.Location!.ToString());
        Assert.Contains(Messages.AssertedValue("web[\"replicas\"]", "1"), replicas.Details);
        Assert.Contains("it received web (services.py:14)", replicas.Details);

        var owner = failure.Errors[1];
        Assert.Equal(Messages.CheckFailed("has_owner", "worker", "worker has no owner"), owner.Message);
        Assert.Equal("worker", owner.ConfigName);
        Assert.Equal("policy.py:13", owner.Location!.ToString());
        Assert.Contains(Messages.AssertedValue("service.owner", "''"), owner.Details);
        Assert.Contains("it received the value of worker (services.py:24)", owner.Details);
    }

    [Fact]
    public void Checks_that_pass_are_reported_and_each_runs_once_per_value_of_its_type()
    {
        using var folder = new TempFolder(("services.py", Services.Replace("Service(\"worker\", 1)", "Service(\"worker\", 1, \"team-b\")")), ("policy.py", Policy + """

            seen = []

            @check(each=Service)
            def counted(service, web):
                seen.append(service.name)
                assert web["replicas"] == 3

            @check
            def saw_every_service():
                assert seen == ["api", "worker"], seen
            """));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["environment"] = "prod" });
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal(["enough_replicas", "has_owner", "pinned_image", "counted", "saw_every_service"], result.Report.ChecksPassed);
        Assert.Equal(["api", "web", "worker"], result.Names.Order());
    }

    [Fact]
    public void Parts_of_an_assertion_that_call_unknown_functions_are_not_read_again()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure, check

            calls = []

            def counted(value):
                calls.append(value)
                return value

            @configure
            def web():
                return {"ports": [80, 443], "name": "web"}

            @check
            def ports(web):
                assert len(web["ports"]) == 3 and counted(web["name"]) == "x"

            @check
            def called_once():
                pass
            """));
        using var engine = fixture.Engine();
        var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        var error = Assert.Single(failure.Errors);
        Assert.Contains(Messages.AssertedValue("len(web[\"ports\"])", "2"), error.Details);
        Assert.Contains(Messages.AssertedValue("web[\"ports\"]", "[80, 443]"), error.Details);
        Assert.DoesNotContain(error.Details, d => d.StartsWith("counted(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_that_raises_fails_with_the_exception_and_one_that_needs_a_failed_config_is_skipped()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure, check

            @configure
            def broken():
                raise RuntimeError("no")

            @configure
            def web():
                return {"port": "80"}

            @check
            def needs_broken(broken):
                assert False

            @check
            def port_is_a_number(web):
                if not isinstance(web["port"], int):
                    raise TypeError(f"port must be an int, got {web['port']!r}")
            """));
        using var engine = fixture.Engine();
        var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal([ConfigErrorKind.EvaluationError, ConfigErrorKind.CheckFailed], failure.Errors.Select(e => e.Kind));
        Assert.Equal(Messages.CheckFailed("port_is_a_number", null, Messages.PythonError("TypeError", "port must be an int, got '80'")), failure.Errors[1].Message);
        Assert.Equal("app.py:18", failure.Errors[1].Location!.ToString());
        Assert.Equal(["needs_broken"], failure.SkippedChecks);
    }

    [Fact]
    public void Check_lists_checks_and_reports_their_unresolved_parameters_without_running_them()
    {
        using var folder = new TempFolder(("services.py", Services), ("policy.py", Policy + """

            @check
            def typo(wbe):
                raise RuntimeError("a check of the folder must not run this")

            @check
            def enough_replicas(web):
                pass
            """));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check();
        Assert.Equal(["enough_replicas", "has_owner", "pinned_image", "typo"], check.Checks.Select(c => c.Name));
        Assert.Equal(["Service"], check.Checks[1].Each!);
        Assert.Equal([("web", ValueSource.Config, "web")], check.Checks[0].Parameters.Select(p => (p.Name, p.Source, p.Config)));
        Assert.Equal(
            [
                (ConfigErrorKind.MissingDependency, Messages.MissingDependency("typo", "wbe", isCheck: true), "policy.py:21:10"),
                (ConfigErrorKind.DuplicateName, Messages.DefinedTwice("enough_replicas", check.Checks[0].Location, check.Errors[1].Location!, isCheck: true), "policy.py:25"),
            ],
            check.Errors.Select(e => (e.Kind, e.Message, e.Location!.ToString())));
        Assert.Equal("did you mean 'web'? (the config at services.py:14)", check.Errors[0].Hint);
    }

    [Fact]
    public void With_targets_the_checks_on_them_run_with_what_they_need()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure, check

            @configure
            def db():
                return {"replicas": 1}

            @configure
            def web():
                return {"replicas": 3}

            @configure
            def other():
                raise RuntimeError("not a target, not needed by a check on one")

            @check
            def same_replicas(web, db):
                assert web["replicas"] == db["replicas"]
            """));
        using var engine = fixture.Engine();
        var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["web"]));
        var error = Assert.Single(failure.Errors);
        Assert.Equal("same_replicas", error.CheckName);
        Assert.Contains(Messages.AssertedValue("db[\"replicas\"]", "1"), error.Details);
    }

    [Fact]
    public void Test_files_load_only_when_asked_and_their_checks_are_tests()
    {
        using var folder = new TempFolder(
            ("app.py", "from breezeblock import configure\n\n@configure\ndef web(environment='dev'):\n    return {'environment': environment}\n"),
            ("app_test.py", "from breezeblock import check\n\n@check\ndef is_prod(web):\n    assert web['environment'] == 'prod'\n"),
            ("tests/more.py", "from breezeblock import check\n\n@check\ndef named(web):\n    assert web['environment']\n"));
        using (var engine = fixture.Engine())
        {
            using var result = engine.Evaluate(folder.Path);
            Assert.Empty(result.Report.ChecksPassed);
        }
        var options = fixture.Options();
        options.IncludeTests = true;
        using (var engine = new ConfigEngine(options))
        {
            var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
            Assert.Equal("is_prod", Assert.Single(failure.Errors).CheckName);
            options.Inputs["environment"] = "prod";
            using var result = engine.Evaluate(folder.Path);
            Assert.Equal(["is_prod", "named"], result.Report.ChecksPassed);
        }
    }

    [Fact]
    public void A_workspace_whose_check_fails_keeps_its_last_good_result_and_recovers()
    {
        using var folder = new TempFolder(("app.py", "from breezeblock import configure, check\n\n@configure\ndef web():\n    return {'replicas': 3}\n\n@check\ndef enough(web):\n    assert web['replicas'] >= 2\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var first = workspace.Evaluate())
        {
            Assert.Equal(["enough"], first.Report.ChecksPassed);
        }
        folder.Save("app.py", "from breezeblock import configure, check\n\n@configure\ndef web():\n    return {'replicas': 1}\n\n@check\ndef enough(web):\n    assert web['replicas'] >= 2\n");
        var failure = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal(ConfigErrorKind.CheckFailed, failure.Kind);
        folder.Save("app.py", "from breezeblock import configure, check\n\n@configure\ndef web():\n    return {'replicas': 2}\n\n@check\ndef enough(web):\n    assert web['replicas'] >= 2\n");
        using var fixed_ = workspace.Evaluate();
        Assert.Equal(2L, fixed_.Get<Dictionary<string, long>>("web")["replicas"]);
    }
}
