namespace Breezeblock.Tests;

/// <summary>
/// What engines do in a process whose Python another engine (or the host) started with a random hash
/// seed. The test run starts Python with a fixed one, so the cases run in a copy of this test process
/// started with <see cref="ChildVariable"/>, where the fixture leaves the seed random.
/// </summary>
public sealed class RandomSeedTests(EngineFixture fixture)
{
    public const string ChildVariable = "BREEZEBLOCK_TEST_RANDOM_HASH_SEED";

    public static bool InChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    [Fact]
    public void In_a_process_whose_python_has_a_random_seed()
    {
        if (InChild)
        {
            return; // the child runs the cases below
        }
        var start = ChildProcess.StartInfo("dotnet", [typeof(RandomSeedTests).Assembly.Location, "-class", typeof(RandomSeedTests).FullName!, "-noColor"],
            environment: new Dictionary<string, string> { [ChildVariable] = "1" }); // xunit's own runner, in the test assembly
        var (exit, stdout, stderr) = ChildProcess.Run(start, TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"the cases failed in the child process:\n{stdout}\n{stderr}");
        Assert.Contains("Total: 3, Errors: 0, Failed: 0, Skipped: 0", stdout); // this test and the two cases, none skipped
    }

    [Fact]
    public void A_hermetic_engine_refuses_to_start()
    {
        Assert.SkipUnless(InChild, "runs in the child process that In_a_process_whose_python_has_a_random_seed starts");
        var options = fixture.Options();
        options.Hermetic = true;
        var error = Assert.Throws<Python.PythonStartException>(() => new ConfigEngine(options));
        Assert.Equal(Messages.HermeticNeedsHashSeed, error.Message);
    }

    [Fact]
    public void Every_result_warns_that_set_order_may_change()
    {
        Assert.SkipUnless(InChild, "runs in the child process that In_a_process_whose_python_has_a_random_seed starts");
        using var folder = new TempFolder(("app.py", "from breezeblock import configure\n\n@configure\ndef a():\n    return 1\n"));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((ConfigErrorKind.RandomHashSeed, ConfigErrorSeverity.Warning, Messages.RandomHashSeed), (warning.Kind, warning.Severity, warning.Message));
        Assert.StartsWith("warning: ", warning.ToString());
        using var check = engine.OpenWorkspace(folder.Path);
        Assert.Equal(Messages.RandomHashSeed, Assert.Single(check.Check().Warnings).Message);
    }
}
