using System.Xml.Linq;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// <c>breezeblock test</c>: checks and test files over a matrix (from the folder's file and from
/// <c>--matrix</c>), JUnit XML a CI system reads, snapshots recorded, compared and refreshed, and the
/// exit code.
/// </summary>
public sealed class TestCommandTests
{
    private const string App = """
        from breezeblock import configure, check

        @configure
        def web(environment):
            return {"replicas": 3 if environment == "prod" else 1, "image": "web:1.4", "environment": environment}

        @check
        def pinned(web):
            assert not web["image"].endswith(":latest")
        """;

    private const string AppTest = """
        from breezeblock import check

        @check
        def prod_is_replicated(web, environment):
            if environment == "prod":
                assert web["replicas"] >= 3
            else:
                assert web["replicas"] >= 2, f"{environment} needs 2 replicas"
        """;

    [Fact]
    public void The_matrix_file_gives_one_evaluation_per_entry_and_junit_says_what_failed_where()
    {
        using var folder = new TempFolder(("app.py", App), ("app_test.py", AppTest), ("breezeblock.matrix.json", """{"environment": ["dev", "staging", "prod"]}"""));
        using var outputs = new TempFolder();
        var junit = Path.Combine(outputs.Path, "junit.xml");
        var (exit, stdout, stderr) = Cli.Run("test", folder.Path, "--junit", junit);
        Assert.True(exit == 1, stderr);
        Assert.Contains("environment=staging\n  PASS  check pinned (app.py:8)\n  FAIL  check prod_is_replicated (app_test.py:4)\n", stdout);
        Assert.Contains("check 'prod_is_replicated' failed: staging needs 2 replicas", stdout);
        Assert.Contains("web[\"replicas\"] was 1", stdout);
        Assert.Contains(CliMessages.TestSummary(4, 2, 0, 0, 3, "").Split(" in ")[0], stdout);

        var xml = XDocument.Load(junit);
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["environment=dev", "environment=staging", "environment=prod"], suites.Select(s => ((string)s.Attribute("name")!).Split('[', ']')[1]));
        Assert.Equal(("6", "2"), ((string)xml.Root.Attribute("tests")!, (string)xml.Root.Attribute("failures")!));
        var failed = suites[1].Elements("testcase").Single(c => c.Element("failure") is not null);
        Assert.Equal("prod_is_replicated [environment=staging]", (string)failed.Attribute("name")!);
        Assert.Equal(("app_test.py", "4"), ((string)failed.Attribute("file")!, (string)failed.Attribute("line")!));
        Assert.Equal("check 'prod_is_replicated' failed: staging needs 2 replicas", (string)failed.Element("failure")!.Attribute("message")!);
        Assert.Contains("app_test.py:8", failed.Element("failure")!.Value);
        Assert.Empty(suites[2].Descendants("failure"));
    }

    [Fact]
    public void The_matrix_option_replaces_the_files_dimension_and_test_files_stay_out_of_eval()
    {
        using var folder = new TempFolder(("app.py", App), ("app_test.py", AppTest), ("breezeblock.matrix.json", """{"environment": ["dev"]}"""));
        var (exit, stdout, stderr) = Cli.Run("test", folder.Path, "--matrix", "environment=prod");
        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("environment=prod\n  PASS  check pinned", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("environment=dev", stdout);
        // eval loads no test file: its failing check on dev is not run
        var (evalExit, _, evalStderr) = Cli.Run("eval", folder.Path, "--set", "environment=dev");
        Assert.True(evalExit == 0, evalStderr);
    }

    [Fact]
    public void Snapshots_are_recorded_per_entry_compared_with_a_diff_and_refreshed()
    {
        using var folder = new TempFolder(("app.py", App.Replace("assert not", "assert True or")));
        var (exit, stdout, stderr) = Cli.Run("test", folder.Path, "--matrix", "environment=dev,prod", "--update-snapshots");
        Assert.True(exit == 0, stderr);
        Assert.Contains("WROTE snapshot web", stdout);
        var dev = Path.Combine(folder.Path, "__snapshots__", "environment=dev", "web.json");
        Assert.Equal("{\n  \"replicas\": 1,\n  \"image\": \"web:1.4\",\n  \"environment\": \"dev\"\n}\n", File.ReadAllText(dev));
        Assert.True(File.Exists(Path.Combine(folder.Path, "__snapshots__", "environment=prod", "web.json")));

        (exit, stdout, _) = Cli.Run("test", folder.Path, "--matrix", "environment=dev,prod");
        Assert.Equal(0, exit);
        Assert.Contains("PASS  check pinned", stdout);
        Assert.Equal(2, stdout.Split("PASS  snapshot web").Length - 1);

        folder.Write("app.py", App.Replace("web:1.4", "web:1.5").Replace("assert not", "assert True or") + "\n@configure\ndef extra():\n    return 1\n");
        (exit, stdout, _) = Cli.Run("test", folder.Path, "--matrix", "environment=dev,prod");
        Assert.Equal(1, exit);
        Assert.Contains("  FAIL  snapshot web (" + Path.Combine(folder.Path, "__snapshots__", "environment=dev", "web.json") + ")\n        ~ web.image: \"web:1.4\" → \"web:1.5\"\n", stdout);
        Assert.Contains("SKIP  snapshot extra", stdout);
        Assert.Contains(CliMessages.NoSnapshot("extra"), stdout);

        folder.Write("app.py", App.Replace("web:1.4", "web:1.5").Replace("assert not", "assert True or"));
        (exit, _, _) = Cli.Run("test", folder.Path, "--matrix", "environment=dev,prod", "--update-snapshots");
        Assert.Equal(0, exit);
        Assert.Contains("\"web:1.5\"", File.ReadAllText(dev));
        (exit, _, _) = Cli.Run("test", folder.Path, "--matrix", "environment=dev,prod");
        Assert.Equal(0, exit);

        folder.Write("app.py", App.Replace("def web(", "def site(").Replace("(web)", "(site)").Replace("web[", "site["));
        (exit, stdout, _) = Cli.Run("test", folder.Path, "--matrix", "environment=dev");
        Assert.Equal(1, exit);
        Assert.Contains(CliMessages.SnapshotOfRemovedConfig("web", Path.Combine(folder.Path, "__snapshots__", "environment=dev", "web.json")), stdout);
    }

    [Fact]
    public void A_config_that_fails_is_a_failed_evaluation_case_and_the_checks_on_it_are_skipped()
    {
        using var folder = new TempFolder(("app.py", App.Replace("return {", "raise RuntimeError(environment)\n    return {")));
        using var outputs = new TempFolder();
        var junit = Path.Combine(outputs.Path, "junit.xml");
        var (exit, stdout, stderr) = Cli.Run("--error-format", "github", "test", folder.Path, "--matrix", "environment=dev", "--junit", junit);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL  evaluation (app.py:5)", stdout);
        Assert.Contains("SKIP  check pinned (app.py:9): " + CliMessages.CheckNotRun, stdout);
        Assert.StartsWith("::error file=", stderr, StringComparison.Ordinal);
        Assert.Contains("RuntimeError: dev", stderr);
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(["evaluation [environment=dev]", "pinned [environment=dev]"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.NotNull(cases[1].Element("skipped"));
    }

    [Fact]
    public void A_bad_matrix_is_a_usage_error()
    {
        using var folder = new TempFolder(("app.py", App), ("breezeblock.matrix.json", """{"environment": "dev"}"""));
        var (exit, _, stderr) = Cli.Run("test", folder.Path);
        Assert.Equal(2, exit);
        Assert.Contains(CliMessages.MatrixDimensionShape("environment"), stderr);
        File.Delete(Path.Combine(folder.Path, "breezeblock.matrix.json"));
        (exit, _, stderr) = Cli.Run("test", folder.Path, "--matrix", "environment");
        Assert.Equal(2, exit);
        Assert.Contains(CliMessages.MatrixExpectsNameValues("environment"), stderr);
        (exit, _, stderr) = Cli.Run("test", folder.Path, "--matrix", "environment=dev", "--set", "environment=prod");
        Assert.Equal(2, exit);
        Assert.Contains(CliMessages.MatrixInputAlsoSet("environment"), stderr);
    }
}
