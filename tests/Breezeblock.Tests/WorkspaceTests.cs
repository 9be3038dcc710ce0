namespace Breezeblock.Tests;

/// <summary>A workspace evaluates again after edits and runs only what the edits affect.</summary>
[Trait("Category", "Smoke")]
public sealed class WorkspaceTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    // A Python str literal: a JSON string is one.
    private static string Literal(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Config(string name, string body, params string[] parameters) =>
        $"@configure\ndef {name}({string.Join(", ", parameters)}):\n    return {body}\n\n";

    [Fact]
    public void Evaluating_again_with_nothing_changed_reuses_every_result()
    {
        using var folder = new TempFolder(
            ("base.py", Header + Config("base", "{'replicas': 2}")),
            ("web.py", Header + Config("web", "{'replicas': base['replicas'] + 1}", "base")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using var first = workspace.Evaluate();
        Assert.Equal(["base", "web"], first.Report.Ran);
        Assert.Equal(["base", "web"], first.Report.ModulesLoaded);
        using var second = workspace.Evaluate();
        Assert.Empty(second.Report.Ran);
        Assert.Equal(["base", "web"], second.Report.Reused);
        Assert.Empty(second.Report.ModulesLoaded);
        Assert.Equal(first.ToJson(), second.ToJson());
    }

    [Fact]
    public void An_edit_runs_its_module_and_the_configs_whose_inputs_changed()
    {
        using var folder = new TempFolder(
            ("a.py", Header + Config("a", "1")),
            ("b.py", Header + Config("b", "a + 1", "a")),
            ("c.py", Header + Config("c", "'c'")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("a.py", Header + Config("a", "10"));
        using var result = workspace.Evaluate();
        Assert.Equal(["a"], result.Report.ModulesLoaded);
        Assert.Equal(["a", "b"], result.Report.Ran);
        Assert.Equal(["c"], result.Report.Reused);
        Assert.Equal(11L, result.Get("b"));
    }

    [Fact]
    public void A_config_recomputed_to_the_same_value_does_not_run_its_dependants()
    {
        using var folder = new TempFolder(
            ("a.py", Header + Config("a", "{'x': [1, 2]}")),
            ("b.py", Header + Config("b", "len(a['x'])", "a")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("a.py", Header + "# a comment changes the file, not the value\n" + Config("a", "{'x': [1, 2]}"));
        using var result = workspace.Evaluate();
        Assert.Equal(["a"], result.Report.Ran);
        Assert.Equal(["b"], result.Report.Reused);
    }

    [Fact]
    public void Saving_a_file_unchanged_runs_nothing()
    {
        using var folder = new TempFolder(("a.py", Header + Config("a", "1")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        File.SetLastWriteTimeUtc(Path.Combine(folder.Path, "a.py"), DateTime.UtcNow.AddMinutes(1));
        folder.Write("a.py", Header + Config("a", "1"));
        using var result = workspace.Evaluate();
        Assert.Empty(result.Report.ModulesLoaded);
        Assert.Empty(result.Report.Ran);
    }

    [Fact]
    public void A_file_saved_between_listing_and_executing_runs_as_saved_and_again_next_time()
    {
        // a.py executes first and rewrites b.py, which then executes as rewritten; the test then puts
        // b.py back as it was listed. The next evaluation must run b.py again, not keep the rewritten
        // version because the file's bytes match what was listed before.
        var original = Header + Config("b", "1");
        using var folder = new TempFolder(("b.py", original));
        var rewritten = Header + Config("b", "2");
        folder.Write("a.py", Header + $"open({Literal(Path.Combine(folder.Path, "b.py"))}, 'w').write({Literal(rewritten)})\n" + Config("a", "0"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var first = workspace.Evaluate())
        {
            Assert.Equal(2L, first.Get("b"));
        }
        folder.Write("a.py", Header + Config("a", "0"));
        folder.Write("b.py", original);
        using var second = workspace.Evaluate();
        Assert.Equal(["a", "b"], second.Report.ModulesLoaded);
        Assert.Equal(1L, second.Get("b"));
    }

    [Fact]
    public void Editing_a_helper_runs_the_modules_that_import_it_and_only_those()
    {
        using var folder = new TempFolder(
            ("lib/ports.py", "BASE = 8000\n"),
            ("lib/names.py", "PREFIX = 'svc'\n"),
            ("web.py", Header + "from lib.ports import BASE\n\n" + Config("web", "BASE + 80")),
            ("api.py", Header + "from lib import names\n\n" + Config("api", "names.PREFIX + '-api'")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("lib/ports.py", "BASE = 9000\n");
        using var result = workspace.Evaluate();
        Assert.Equal(["lib.ports", "web"], result.Report.ModulesLoaded);
        Assert.Equal(["web"], result.Report.Ran);
        Assert.Equal(9080L, result.Get("web"));
        folder.Write("lib/names.py", "PREFIX = 'app'\n");
        using var again = workspace.Evaluate();
        Assert.Equal(["api", "lib.names"], again.Report.ModulesLoaded); // in the order they started: api imports lib.names
        Assert.Equal("app-api", again.Get("api"));
    }

    [Fact]
    public void A_module_imported_only_while_a_config_runs_is_tracked_for_that_config()
    {
        using var folder = new TempFolder(
            ("helpers.py", "VALUE = 1\n"),
            ("app.py", Header + "@configure\ndef late():\n    import helpers\n    return helpers.VALUE\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("helpers.py", "VALUE = 2\n");
        using var result = workspace.Evaluate();
        Assert.Equal(["helpers"], result.Report.ModulesLoaded);
        Assert.Equal(["late"], result.Report.Ran);
        Assert.Equal(2L, result.Get("late"));
    }

    [Fact]
    public void Files_and_folders_a_config_reads_are_tracked()
    {
        using var folder = new TempFolder(
            ("values.json", """{"port": 80}"""),
            ("hosts/a.txt", "a"),
            ("app.py", Header + """
                import json, os, pathlib

                HERE = pathlib.Path(__file__).parent

                @configure
                def port():
                    return json.loads((HERE / "values.json").read_text())["port"]

                @configure
                def hosts():
                    return sorted(os.listdir(HERE / "hosts"))

                @configure
                def fixed():
                    return 1
                """));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("values.json", """{"port": 8080}""");
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["port"], result.Report.Ran);
            Assert.Equal(8080L, result.Get("port"));
        }
        folder.Write("hosts/b.txt", "b");
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["hosts"], result.Report.Ran);
            Assert.Equal(new List<object?> { "a.txt", "b.txt" }, result.Get("hosts"));
        }
    }

    [Fact]
    public void A_file_a_module_body_reads_runs_that_module_again()
    {
        using var folder = new TempFolder(
            ("settings.txt", "blue"),
            ("app.py", Header + "import pathlib\nCOLOUR = (pathlib.Path(__file__).parent / 'settings.txt').read_text()\n\n" + Config("colour", "COLOUR")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        folder.Write("settings.txt", "green");
        using var result = workspace.Evaluate();
        Assert.Equal(["app"], result.Report.ModulesLoaded);
        Assert.Equal("green", result.Get("colour"));
    }

    [Fact]
    public void Added_removed_and_renamed_files_are_picked_up()
    {
        using var folder = new TempFolder(
            ("a.py", Header + Config("a", "1")),
            ("b.py", Header + "try:\n    import extra\n    EXTRA = extra.VALUE\nexcept ImportError:\n    EXTRA = None\n\n" + Config("b", "EXTRA")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var result = workspace.Evaluate())
        {
            Assert.Null(result.Get("b"));
        }
        folder.Write("extra.py", "VALUE = 'now here'\n");
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["b", "extra"], result.Report.ModulesLoaded.Order());
            Assert.Equal("now here", result.Get("b"));
        }
        File.Move(Path.Combine(folder.Path, "a.py"), Path.Combine(folder.Path, "renamed.py"));
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["a"], result.Report.ModulesRemoved);
            Assert.Equal(["renamed"], result.Report.ModulesLoaded);
            Assert.Equal(["a"], result.Report.Ran);
            Assert.Equal("renamed.py:4", result.Provenance["a"].Location.ToString());
        }
        File.Delete(Path.Combine(folder.Path, "extra.py"));
        using (var result = workspace.Evaluate())
        {
            Assert.Null(result.Get("b"));
        }
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_result_and_fixing_it_recovers()
    {
        using var folder = new TempFolder(
            ("a.py", Header + Config("a", "1")),
            ("b.py", Header + Config("b", "a + 1", "a")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        Assert.Null(workspace.LastGoodResult);
        workspace.Evaluate().Dispose();
        var good = workspace.LastGoodResult!;
        Assert.Equal(2L, good.Get("b"));

        folder.Write("a.py", Header + "@configure\ndef a(:\n    return 1\n");
        var syntax = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal((ConfigErrorKind.SyntaxError, "a.py:4:7"), (syntax.Kind, syntax.Location?.ToString()));
        Assert.Same(good, workspace.LastGoodResult);
        Assert.Equal(2L, workspace.LastGoodResult!.Get("b"));

        folder.Write("a.py", Header + Config("a", "b", "b"));
        var cycle = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal(ConfigErrorKind.Cycle, cycle.Kind);

        folder.Write("a.py", Header + Config("a", "1 // 0"));
        var raised = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal(("ZeroDivisionError: integer division or modulo by zero", "a.py:5"), (raised.Errors[0].Message, raised.Location?.ToString()));
        Assert.Equal(["b"], raised.Skipped);
        Assert.Equal(2L, workspace.LastGoodResult!.Get("b"));

        folder.Write("a.py", Header + Config("a", "41"));
        using var fixedResult = workspace.Evaluate();
        Assert.Equal(42L, fixedResult.Get("b"));
        Assert.Equal(42L, workspace.LastGoodResult!.Get("b"));
    }

    [Fact]
    public void Inputs_are_read_again_and_only_changed_ones_run_their_configs()
    {
        using var folder = new TempFolder(("app.py", Header + Config("web", "f'{environment}-{region}'", "environment", "region") + Config("other", "region", "region")));
        var options = fixture.Options(new Dictionary<string, object?> { ["environment"] = "dev", ["region"] = "eu" });
        using var engine = new ConfigEngine(options);
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        options.Inputs["environment"] = "prod";
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["web"], result.Report.Ran);
            Assert.Equal("prod-eu", result.Get("web"));
        }
        options.Inputs["environment"] = "prod";
        using (var result = workspace.Evaluate())
        {
            Assert.Empty(result.Report.Ran);
        }
    }

    [Fact]
    public void Targets_evaluate_what_they_need_and_keep_the_rest_for_later()
    {
        using var folder = new TempFolder(("app.py", Header + Config("a", "1") + Config("b", "a + 1", "a") + Config("c", "2")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var result = workspace.Evaluate(["b"]))
        {
            Assert.Equal(["b"], result.Names);
            Assert.Equal(["a", "b"], result.Report.Ran);
            Assert.False(result.Contains("c"));
        }
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["c"], result.Report.Ran);
            Assert.Equal(["a", "b"], result.Report.Reused);
        }
    }

    [Fact]
    public void One_edited_module_of_a_hundred_runs_only_its_configs_and_their_dependants()
    {
        var files = Enumerable.Range(0, 100).Select(i => ($"m{i:00}.py", Header + (i % 10 == 0 ? "import shared\n" : "") + $"K = {i}\n\n"
            + Config($"c{i:00}_a", "K" + (i % 10 == 0 ? " + shared.OFFSET" : "")) + Config($"c{i:00}_b", $"c{i:00}_a + 1", $"c{i:00}_a"))).ToList();
        files.Add(("shared.py", "OFFSET = 1000\n"));
        files.Add(("zz_report.py", Header + Config("report", "[c42_b, c07_b]", "c42_b", "c07_b")));
        using var folder = new TempFolder(files.ToArray());
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var first = workspace.Evaluate())
        {
            Assert.Equal(201, first.Report.Ran.Count);
        }
        folder.Write("m42.py", files[42].Item2.Replace("K = 42", "K = -42", StringComparison.Ordinal));
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["m42"], result.Report.ModulesLoaded);
            Assert.Equal(["c42_a", "c42_b", "report"], result.Report.Ran);
            Assert.Equal(198, result.Report.Reused.Count);
            Assert.Equal(new List<object?> { -41L, 8L }, result.Get("report"));
        }
        folder.Write("shared.py", "OFFSET = 2000\n");
        using (var result = workspace.Evaluate())
        {
            Assert.Equal(["m00", "m10", "m20", "m30", "m40", "m50", "m60", "m70", "m80", "m90", "shared"], result.Report.ModulesLoaded.Order());
            Assert.Equal(Enumerable.Range(0, 10).SelectMany(i => new[] { $"c{i * 10:00}_a", $"c{i * 10:00}_b" }), result.Report.Ran.Order());
        }
    }

    [Fact]
    public async Task A_cancelled_evaluation_keeps_what_ran_and_the_next_one_finishes_the_rest()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import time

            @configure
            def first():
                return 1

            @configure
            def slow(first):
                open(__file__ + '.started', 'w').close()
                for _ in range(20):  # a second in all; a stop lands between two sleeps
                    time.sleep(0.05)
                return first + 1

            @configure
            def last(slow):
                return slow + 1
            """));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var cancel = new CancellationTokenSource())
        {
            var cancelled = Task.Run(() => Assert.ThrowsAny<OperationCanceledException>(() => workspace.Evaluate(cancellationToken: cancel.Token)));
            var started = System.IO.Path.Combine(folder.Path, "app.py.started");
            Assert.True(SpinWait.SpinUntil(() => File.Exists(started), TimeSpan.FromSeconds(30)), "slow never started");
            cancel.Cancel(); // first has run, slow is running
            await cancelled;
        }
        Assert.Null(workspace.LastGoodResult);
        using var result = workspace.Evaluate();
        Assert.Equal(["first"], result.Report.Reused); // slow was interrupted in its sleep: it runs again
        Assert.Equal(["slow", "last"], result.Report.Ran);
        Assert.Equal(3L, result.Get("last"));
    }

    [Fact]
    public void The_last_good_result_survives_disposing_the_result_returned()
    {
        using var folder = new TempFolder(("app.py", Header + Config("a", "{'x': [1]}")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        var returned = workspace.Evaluate();
        returned.Dispose();
        returned.Dispose();
        Assert.Equal("""{"a":{"x":[1]}}""", workspace.LastGoodResult!.ToJson(indented: false));
        workspace.LastGoodResult.Dispose(); // owned by the workspace: disposing it is not needed, and does no harm
        using var again = workspace.Evaluate();
        Assert.Equal("""{"a":{"x":[1]}}""", again.ToJson(indented: false));
    }

    [Fact]
    public void Moving_configs_to_other_lines_reuses_the_graph_and_each_result_keeps_its_own_locations()
    {
        using var folder = new TempFolder(("app.py", Header + Config("a", "1") + Config("b", "a + 1", "a")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using var before = workspace.Evaluate();
        folder.Write("app.py", "# one line more\n" + Header + Config("a", "1") + Config("b", "a + 1", "a"));
        using var after = workspace.Evaluate();
        Assert.Equal(["a", "b"], after.Report.Ran);
        Assert.Equal(("app.py:4", "app.py:8"), (before.Provenance["a"].Location.ToString(), before.Provenance["b"].Location.ToString()));
        Assert.Equal(("app.py:5", "app.py:9", "app.py:5"), (after.Provenance["a"].Location.ToString(), after.Provenance["b"].Location.ToString(), after.Provenance["b"].Parameters[0].Location?.ToString()));
        folder.Write("app.py", "# one line more\n" + Header + Config("a", "1 // 0") + Config("b", "a + 1", "a"));
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal("app.py:6", error.Location?.ToString());
        Assert.Equal(Messages.WhileRunning("a", new SourceLocation("", "app.py", 5)), error.Errors[0].Details[^1]);
    }

    [Fact]
    public void Invalidate_runs_every_config_again()
    {
        using var folder = new TempFolder(("app.py", Header + Config("a", "1")));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate().Dispose();
        workspace.Invalidate();
        using var result = workspace.Evaluate();
        Assert.Equal(["a"], result.Report.Ran);
        Assert.Empty(result.Report.ModulesLoaded);
    }

    [Fact]
    public void A_disposed_workspace_refuses_to_evaluate_and_its_results_stay_readable()
    {
        using var folder = new TempFolder(("app.py", Header + Config("a", "[1, 2]")));
        using var engine = fixture.Engine();
        var workspace = engine.OpenWorkspace(folder.Path);
        using var result = workspace.Evaluate();
        workspace.Dispose();
        workspace.Dispose();
        Assert.Throws<ObjectDisposedException>(() => workspace.Evaluate());
        Assert.Equal(new List<object?> { 1L, 2L }, result.Get("a"));
    }

    [Fact]
    public void The_report_names_the_configs_whose_values_changed_and_only_those()
    {
        using var folder = new TempFolder(
            ("base.py", Header + "@configure\ndef port():\n    return 80\n\n@configure\ndef parity(port):\n    return port % 2\n"),
            ("web.py", Header + "@configure\ndef web(parity):\n    return {'even': parity == 0}\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var first = workspace.Evaluate())
        {
            Assert.Equal(["port", "parity", "web"], first.Report.Changed); // all, the first time
        }
        folder.Write("base.py", Header + "# a comment\n@configure\ndef port():\n    return 80\n\n@configure\ndef parity(port):\n    return port % 2\n");
        using (var comment = workspace.Evaluate())
        {
            Assert.Equal(["port", "parity"], comment.Report.Ran);
            Assert.Empty(comment.Report.Changed); // ran again, to the same values
        }
        folder.Write("base.py", Header + "@configure\ndef port():\n    return 82\n\n@configure\ndef parity(port):\n    return port % 2\n");
        using var edited = workspace.Evaluate();
        Assert.Equal(["port"], edited.Report.Changed); // parity is 0 still, so web was reused
        Assert.Equal(["web"], edited.Report.Reused);
    }
}
