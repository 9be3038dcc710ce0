namespace Breezeblock.Cli.Tests;

/// <summary>
/// Secrets through the command, as real processes (so Python's own writes to stderr are seen too):
/// every command's stdout, stderr and files are searched for the plaintexts of the fixture's secrets.
/// </summary>
public sealed class SecretCliTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DB_PASSWORD"] = SecretFixture.Password,
        ["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "breezeblock-cli-tests-config"),
    };

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Cli.Process(Environment, args);

    [Fact]
    public void No_command_prints_or_writes_a_secret()
    {
        using var folder = SecretFixture.Folder();
        using var outputs = new TempFolder();
        var secretFile = Path.Combine(outputs.Path, "db_password.txt");
        File.WriteAllText(secretFile, SecretFixture.Password + "\n");
        var previous = Path.Combine(outputs.Path, "previous.json");
        File.WriteAllText(previous, """{"database": {"host": "db.internal", "password": "old"}}""");
        string[][] ways = [["--set-secret", $"db_password={SecretFixture.Password}"], ["--secret-file", $"db_password={secretFile}"], ["--secret-env", "db_password=DB_PASSWORD"]];
        string[] working = ["--target", "web"];
        var commands = new List<(string Name, string[] Args, int Exit)>
        {
            ("eval", ["eval", folder.Path, .. working], 0),
            ("eval yaml", ["eval", folder.Path, .. working, "--format", "yaml"], 0),
            ("eval --output", ["eval", folder.Path, .. working, "--output", Path.Combine(outputs.Path, "all.json")], 0),
            ("eval --output-dir", ["eval", folder.Path, .. working, "--format", "yaml", "--output-dir", Path.Combine(outputs.Path, "dir")], 0),
            ("eval --timings", ["eval", folder.Path, .. working, "--timings"], 0),
            ("eval --isolate", ["eval", folder.Path, .. working, "--isolate"], 0),
            ("eval --hermetic", ["eval", folder.Path, .. working, "--hermetic"], 0),
            ("plan", ["plan", folder.Path, .. working, "--against", previous], 3),
            ("explain", ["explain", folder.Path, "web"], 0),
            ("graph", ["graph", folder.Path], 0),
            ("check", ["check", folder.Path], 0),
            ("a failing config", ["eval", folder.Path, "--target", "failing"], 1),
            ("a failing config, JSON errors", ["--error-format", "json", "eval", folder.Path, "--target", "failing"], 1),
            ("a failing config, GitHub errors", ["--error-format", "github", "eval", folder.Path, "--target", "failing"], 1),
            ("a failing config, isolated", ["eval", folder.Path, "--target", "failing", "--isolate"], 1),
            ("test", ["test", folder.Path, "--matrix", "strict=false,true", "--junit", Path.Combine(outputs.Path, "junit.xml"), "--update-snapshots", "--set", "failing=null"], 1),
            ("test, GitHub errors", ["--error-format", "github", "test", folder.Path, "--matrix", "strict=true", "--set", "failing=null"], 1),
        };
        foreach (var way in ways)
        {
            foreach (var (name, args, expected) in commands)
            {
                var (exit, stdout, stderr) = Run([.. args, .. way]);
                var where = $"{name} with {way[0]}";
                Assert.True(exit == expected, $"{where}: exit {exit}\n{stderr}");
                SecretFixture.AssertNoPlaintext(stdout, where + ": stdout");
                SecretFixture.AssertNoPlaintext(stderr, where + ": stderr");
            }
            foreach (var file in Directory.EnumerateFiles(outputs.Path, "*", SearchOption.AllDirectories).Where(f => f != secretFile)
                .Concat(Directory.EnumerateFiles(Path.Combine(folder.Path, "__snapshots__"), "*", SearchOption.AllDirectories)))
            {
                SecretFixture.AssertNoPlaintext(File.ReadAllText(file), $"{file} written with {way[0]}");
            }
        }
        // what the searches saw was there: the values, as markers
        var (_, json, printed) = Run(["eval", folder.Path, .. working, .. ways[0]]);
        Assert.Matches("\"db\": \"postgresql://app:\\(secret [0-9a-f]{16}\\)@db.internal:5432/app\"", json);
        Assert.Matches("\"auth\": \"Bearer \\(secret [0-9a-f]{16}\\)\"", json);
        Assert.Contains("connecting to db.internal with (secret)", printed);
        Assert.Contains("password is (secret)", printed);
        var (_, _, failure) = Run(["eval", folder.Path, "--target", "failing", .. ways[0]]);
        Assert.StartsWith("error: failing.py:6: ValueError: rejected (secret) (was (secret), token (secret))\n", failure, StringComparison.Ordinal);
        var (_, explained, _) = Run(["explain", folder.Path, "web", .. ways[1]]);
        Assert.Contains($"db_password: input  (--secret-file db_password={secretFile})", explained);
        var (_, explainedValue, _) = Run(["explain", folder.Path, "web", .. ways[0]]);
        Assert.Contains("db_password: input  (--set-secret db_password=(secret))", explainedValue);
    }

    [Fact]
    public void Reveal_secrets_writes_the_values_to_stdout_and_into_files_only_when_also_told()
    {
        using var folder = SecretFixture.Folder();
        using var outputs = new TempFolder();
        var (exit, stdout, stderr) = Run("eval", folder.Path, "--target", "web", "--secret-env", "db_password=DB_PASSWORD", "--reveal-secrets");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"\"db\": \"postgresql://app:{SecretFixture.Password}@db.internal:5432/app\"", stdout);
        Assert.Contains($"\"auth\": \"Bearer {SecretFixture.Token}\"", stdout);
        SecretFixture.AssertNoPlaintext(stderr, "stderr of --reveal-secrets");

        var directory = Path.Combine(outputs.Path, "manifests");
        (exit, stdout, stderr) = Run("eval", folder.Path, "--target", "web", "--secret-env", "db_password=DB_PASSWORD", "--reveal-secrets", "--output-dir", directory);
        Assert.Equal(2, exit);
        Assert.Contains(CliMessages.RevealIntoFiles("--output-dir", directory), stderr);
        Assert.False(Directory.Exists(directory));
        (exit, _, stderr) = Run("eval", folder.Path, "--target", "web", "--secret-env", "db_password=DB_PASSWORD", "--reveal-secrets", "--reveal-secrets-in-files", "--output-dir", directory);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"\"auth\": \"Bearer {SecretFixture.Token}\"", File.ReadAllText(Path.Combine(directory, "web.json")));
    }

    [Fact]
    public void Plan_says_a_secret_changed_without_showing_either_value()
    {
        using var folder = SecretFixture.Folder();
        using var outputs = new TempFolder();
        var previous = Path.Combine(outputs.Path, "previous.json");
        var (exit, _, stderr) = Run("eval", folder.Path, "--target", "web", "--set-secret", $"db_password={SecretFixture.Password}", "--output", previous);
        Assert.True(exit == 0, stderr);
        var (same, unchanged, _) = Run("plan", folder.Path, "--target", "web", "--secret-env", "db_password=DB_PASSWORD", "--against", previous);
        Assert.Equal((0, CliMessages.NoChanges(previous) + "\n"), (same, unchanged));
        var (changed, plan, _) = Run("plan", folder.Path, "--target", "web", "--set-secret", "db_password=rotated-password", "--against", previous);
        Assert.Equal(3, changed);
        Assert.Equal(
            string.Join("\n", [CliMessages.ChangedSecret("web.db"), "", CliMessages.PlanSummary(0, 1, 0), ""]),
            plan);
        Assert.DoesNotContain("rotated-password", plan);
    }

    [Fact]
    public void Bad_secret_arguments_are_usage_errors_that_do_not_repeat_the_value()
    {
        using var folder = SecretFixture.Folder();
        var (exit, _, stderr) = Run("eval", folder.Path, "--set-secret", SecretFixture.Password);
        Assert.Equal(2, exit);
        Assert.Contains(CliMessages.SecretExpectsNameValue("--set-secret"), stderr);
        SecretFixture.AssertNoPlaintext(stderr, "the usage error");
        (exit, _, stderr) = Run("eval", folder.Path, "--secret-env", "db_password=NOT_SET_ANYWHERE");
        Assert.Equal((2, true), (exit, stderr.Contains(CliMessages.SecretVariableUnset("db_password", "NOT_SET_ANYWHERE"), StringComparison.Ordinal)));
        (exit, _, stderr) = Run("eval", folder.Path, "--set-secret", "db_password=a", "--set", "db_password=b");
        Assert.Equal((2, true), (exit, stderr.Contains(CliMessages.SecretGivenTwice("db_password"), StringComparison.Ordinal)));
    }

    [Fact]
    public void Watch_masks_secrets_in_what_it_writes_and_prints()
    {
        using var folder = SecretFixture.Folder();
        using var outputs = new TempFolder(("db_password.txt", SecretFixture.Password));
        using var watch = new WatchProcess(folder.Path, "--target", "web", "--secret-file", $"db_password={Path.Combine(outputs.Path, "db_password.txt")}");
        watch.WaitUntilWatching();
        var first = watch.WaitForOutput(1);
        Assert.Contains("\"auth\": \"Bearer (secret ", first);
        var lines = watch.Errors.Count;
        File.AppendAllText(Path.Combine(folder.Path, "web.py"), "\n# changed\n");
        folder.Write("base.py", File.ReadAllText(Path.Combine(folder.Path, "base.py")).Replace("host=\"db.internal\"", "host=\"db2.internal\"", StringComparison.Ordinal));
        Assert.Contains("db2.internal", watch.WaitForOutput(2));
        watch.WaitForError(l => l.Contains("changed", StringComparison.Ordinal), lines);
        Assert.Equal(0, watch.Stop());
        foreach (var output in watch.Outputs)
        {
            SecretFixture.AssertNoPlaintext(output, "watch's output");
        }
        SecretFixture.AssertNoPlaintext(string.Join("\n", watch.Errors), "watch's stderr");
    }
}
