using System.Text.Json;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// Every fixture folder of the engine's suite (good configs and bad, the hazard_* catalogue among
/// them) through the real executable, in process and with <c>--isolate</c>: the process always ends
/// by itself with the exit code and the first error the fixture expects, and isolation gives the same
/// output. The cases under IsolatedHazards/ would end any process that ran them (a segfault, an exit
/// through C, a memory bomb), so they run isolated only: the command survives them and says what
/// happened.
/// </summary>
public sealed class HazardCatalogueTests
{
    private static readonly string Fixtures = Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures");
    private static readonly string Isolated = Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Cli.Tests", "IsolatedHazards");

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var name in Directory.GetDirectories(Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            cases.Add(name!, false);
            cases.Add(name!, true);
        }
        return cases;
    }

    public static TheoryData<string> IsolatedCases => new(Directory.GetDirectories(Isolated).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fixture_ends_as_it_should_in_process_and_isolated(string name, bool isolate)
    {
        var folder = Path.Combine(Fixtures, name);
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        var (exit, stdout, stderr) = Run(folder, spec.RootElement, isolate);
        var expectedJson = Path.Combine(folder, "expected.json");
        if (File.Exists(expectedJson))
        {
            Assert.True(exit == 0, stderr);
            Assert.Equal(File.ReadAllText(expectedJson), stdout);
            return;
        }
        var kind = spec.RootElement.GetProperty("kind").GetString();
        Assert.Equal(kind is "FolderNotFound" or "UnknownTarget" or "UnusedInput" or "InvalidInput" ? 2 : 1, exit);
        Assert.Equal("", stdout);
        var first = stderr.Split('\n').First(line => line.StartsWith("error:", StringComparison.Ordinal));
        var location = spec.RootElement.GetProperty("location").GetString();
        Assert.StartsWith(location is null ? "error: " : $"error: {location}: ", first);
        if (spec.RootElement.TryGetProperty("message", out var message))
        {
            Assert.Equal($"error: {(location is null ? "" : location + ": ")}{message.GetString()}", first);
        }
    }

    [Theory]
    [MemberData(nameof(IsolatedCases))]
    public void What_would_end_the_process_ends_only_the_worker_and_is_reported(string name)
    {
        var folder = Path.Combine(Isolated, name);
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        var (exit, stdout, stderr) = Run(folder, spec.RootElement, isolate: true);
        Assert.Equal((1, ""), (exit, stdout));
        Assert.Contains(spec.RootElement.GetProperty("first_line").GetString() + "\n", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string folder, JsonElement spec, bool isolate)
    {
        var configs = spec.TryGetProperty("folder", out var shared) ? Path.Combine(Cli.RepositoryRoot, shared.GetString()!) : Path.Combine(folder, "configs");
        var args = new List<string> { "eval", configs };
        if (spec.TryGetProperty("targets", out var targets))
        {
            args.AddRange(targets.EnumerateArray().SelectMany(t => new[] { "--target", t.GetString()! }));
        }
        if (spec.TryGetProperty("inputs", out var inputs))
        {
            args.AddRange(inputs.EnumerateObject().SelectMany(p => new[] { "--set", $"{p.Name}={p.Value.GetRawText()}" }));
        }
        if (spec.TryGetProperty("timeout", out var timeout))
        {
            args.AddRange(["--timeout", timeout.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        if (isolate)
        {
            args.Add("--isolate");
        }
        return Cli.ProcessIn(configs, null, [.. args]);
    }
}
