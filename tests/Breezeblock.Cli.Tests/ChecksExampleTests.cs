using System.Xml.Linq;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// examples/checks: policies, test files, typed configs and snapshots over a three-environment matrix;
/// it passes as committed, a change that breaks prod's policy fails in prod alone, and one no policy
/// forbids is caught by the snapshots.
/// </summary>
public sealed class ChecksExampleTests
{
    private static readonly string Example = Path.Combine(Cli.RepositoryRoot, "examples", "checks");

    [Fact]
    public void The_example_passes_every_check_test_and_snapshot_in_every_environment()
    {
        using var outputs = new TempFolder();
        var junit = Path.Combine(outputs.Path, "junit.xml");
        var (exit, stdout, stderr) = Cli.Run("test", Example, "--junit", junit);
        Assert.True(exit == 0, stdout + stderr);
        var root = XDocument.Load(junit).Root!;
        Assert.Equal(("24", "0", "0"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("skipped")!));
        Assert.Equal(3, root.Elements("testsuite").Count());
        Assert.Contains("PASS  check services_reach_their_environments_database (tests/test_wiring.py:7)", stdout);
    }

    [Fact]
    public void A_change_that_breaks_prod_fails_in_prod_alone_and_one_no_policy_forbids_is_caught_by_the_snapshots()
    {
        using var copy = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Example, "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.GetRelativePath(Example, file), File.ReadAllText(file));
        }
        var services = Path.Combine(copy.Path, "services.py");
        File.WriteAllText(services, File.ReadAllText(services).Replace("replicas=3 if environment == \"prod\" else 1", "replicas=1"));
        var (exit, stdout, _) = Cli.Run("test", copy.Path);
        Assert.Equal(1, exit);
        var prod = stdout[stdout.IndexOf("environment=prod\n", StringComparison.Ordinal)..];
        Assert.Contains("FAIL  check prod_is_replicated (policy.py:19)", prod);
        Assert.Contains("api.replicas was 1", prod);
        Assert.DoesNotContain("FAIL", stdout[..stdout.IndexOf("environment=prod\n", StringComparison.Ordinal)]);

        // a change no policy forbids is caught by the snapshots, key by key, in every environment it touches
        File.WriteAllText(services, File.ReadAllText(services).Replace("replicas=1", "replicas=3 if environment == \"prod\" else 1").Replace("worker:2.4.1", "worker:2.5.0"));
        (exit, stdout, _) = Cli.Run("test", copy.Path);
        Assert.Equal(1, exit);
        Assert.Equal(3, stdout.Split("~ worker.image: \"registry.example.com/shop/worker:2.4.1\" → \"registry.example.com/shop/worker:2.5.0\"").Length - 1);
        Assert.Contains(CliMessages.TestSummary(21, 3, 0, 0, 3, "").Split(" in ")[0] + " in ", stdout);
    }
}
