using System.Text.Json;

namespace Breezeblock.Tests;

/// <summary>
/// The data-driven suite: each folder under Fixtures/ holds configs/ (the Python; or case.json names
/// a repository folder such as an example), case.json (targets, inputs, a timeout in seconds, and for failures the error
/// kind, location and optionally the first error's message) and either expected.json (the output) or expected.txt (the exact error text,
/// as the CLI prints it; BREEZEBLOCK_UPDATE_GOLDEN=1 rewrites those that differ, for review).
/// </summary>
[Trait("Category", "Smoke")]
public sealed class FixtureTests(EngineFixture fixture)
{
    private static readonly string Root = Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures");

    public static TheoryData<string> Cases => new(Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>The fixtures that evaluate: those with an output, and those whose output cannot be written (their error is an UnrepresentableResult).</summary>
    public static TheoryData<string> Writable => new(Directory.GetDirectories(Root)
        .Where(folder => File.Exists(Path.Combine(folder, "expected.json")) || File.ReadAllText(Path.Combine(folder, "case.json")).Contains("\"UnrepresentableResult\"", StringComparison.Ordinal))
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name)
    {
        var (folder, root, targets, configs, engine) = Open(name);
        using var spec = root;
        using var _ = engine;
        var expectedJson = Path.Combine(folder, "expected.json");
        if (File.Exists(expectedJson))
        {
            using var result = engine.Evaluate(configs, targets);
            Assert.Equal(File.ReadAllText(expectedJson), result.ToJson() + "\n");
            return;
        }
        var error = Assert.Throws<ConfigException>(() =>
        {
            using var result = engine.Evaluate(configs, targets);
            return result.ToJson();
        });
        Assert.Equal(root.RootElement.GetProperty("kind").GetString(), error.Kind.ToString());
        Assert.Equal(root.RootElement.GetProperty("location").GetString(), error.Location?.ToString());
        if (root.RootElement.TryGetProperty("message", out var message))
        {
            Assert.Equal(message.GetString(), error.Errors[0].Message);
        }
        var expectedText = Path.Combine(folder, "expected.txt");
        if (File.Exists(expectedText))
        {
            if (Environment.GetEnvironmentVariable("BREEZEBLOCK_UPDATE_GOLDEN") == "1" && File.ReadAllText(expectedText) != error.Message + "\n")
            {
                File.WriteAllText(expectedText, error.Message + "\n"); // as the golden files are: review the diff
                return;
            }
            Assert.Equal(File.ReadAllText(expectedText), error.Message + "\n");
        }
    }

    /// <summary>
    /// Streaming a result (what the command does for stdout) writes exactly ToJson's bytes; a result
    /// that cannot be written fails with the same errors and leaves the stream untouched.
    /// </summary>
    [Theory]
    [MemberData(nameof(Writable))]
    public void Fixture_streams_the_same_json(string name)
    {
        var (folder, targets, configs, engine) = OpenCase(name);
        using var _ = engine;
        using (var result = engine.Evaluate(configs, targets)) // these evaluate: an error here fails the test
        {
            using var stream = new MemoryStream();
            var expectedJson = Path.Combine(folder, "expected.json");
            if (File.Exists(expectedJson))
            {
                result.WriteJson(stream);
                Assert.Equal(File.ReadAllText(expectedJson), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                stream.SetLength(0);
                result.WriteJson(stream, indented: false);
                Assert.Equal(result.ToJson(indented: false) + "\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                return;
            }
            var expected = Assert.Throws<ConfigException>(() => result.ToJson());
            var streamed = Assert.Throws<ConfigException>(() => result.WriteJson(stream));
            Assert.Equal(expected.Message, streamed.Message);
            Assert.Equal(expected.Errors.Select(e => e.Location), streamed.Errors.Select(e => e.Location));
            Assert.Equal(0, stream.Length);
        }
    }

    /// <summary>Every fixture's result and errors survive snapshot → JSON → rebuild unchanged (the isolated worker sends them so).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_survives_a_snapshot_round_trip(string name)
    {
        var (folder, targets, configs, engine) = OpenCase(name);
        using var _ = engine;
        ConfigException? error = null;
        try
        {
            using var result = engine.Evaluate(configs, targets);
            var snapshot = result.ToSnapshotJson();
            using var rebuilt = ConfigResult.FromSnapshotJson(snapshot);
            Assert.Equal(result.ToJson(), rebuilt.ToJson());
            Assert.Equal(result.ToYaml(), rebuilt.ToYaml());
            Assert.Equal(result.Names, rebuilt.Names);
            Assert.Equal(result.Provenance.Values, rebuilt.Provenance.Values, ProvenanceEquals);
            Assert.Equal((result.Report.Ran, result.Report.Reused, result.Report.ModulesLoaded, result.Report.Durations), (rebuilt.Report.Ran, rebuilt.Report.Reused, rebuilt.Report.ModulesLoaded, rebuilt.Report.Durations), ReportEquals);
            Assert.Equal(snapshot, rebuilt.ToSnapshotJson());
            foreach (var config in result.Names)
            {
                Assert.Equal(JsonSerializer.Serialize(result.Get(config)), JsonSerializer.Serialize(rebuilt.Get(config)));
            }
        }
        catch (ConfigException e)
        {
            error = e;
        }
        Assert.Equal(File.Exists(Path.Combine(folder, "expected.json")), error is null);
        if (error is not null)
        {
            var copy = ConfigException.FromJson(error.ToJson());
            Assert.Equal(error.Message, copy.Message);
            Assert.Equal(error.ToJson(), copy.ToJson());
            Assert.Equal(error.Errors.Select(e => (e.Kind, e.Location, e.ConfigName, e.Hint)), copy.Errors.Select(e => (e.Kind, e.Location, e.ConfigName, e.Hint)));
            Assert.Equal(error.Errors.SelectMany(e => e.Frames), copy.Errors.SelectMany(e => e.Frames));
            Assert.All(error.Errors, e => Assert.Equal(e.ToString(), ConfigError.FromJson(e.ToJson(indented: true)).ToString()));
        }
    }

    // Open, for tests that read no more of case.json than the targets and inputs.
    private (string Folder, List<string>? Targets, string Configs, ConfigEngine Engine) OpenCase(string name)
    {
        var (folder, spec, targets, configs, engine) = Open(name);
        spec.Dispose();
        return (folder, targets, configs, engine);
    }

    // A fixture's folder, case.json, targets, config folder (its configs/ or the repository folder it
    // names) and an engine with its inputs.
    private (string Folder, JsonDocument Spec, List<string>? Targets, string Configs, ConfigEngine Engine) Open(string name)
    {
        var folder = Path.Combine(Root, name);
        var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        var root = spec.RootElement;
        var targets = root.TryGetProperty("targets", out var t) ? t.EnumerateArray().Select(e => e.GetString()!).ToList() : null;
        var inputs = root.TryGetProperty("inputs", out var i) ? i.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)) : null;
        var configs = root.TryGetProperty("folder", out var shared) ? Path.Combine(EngineFixture.RepositoryRoot, shared.GetString()!) : Path.Combine(folder, "configs");
        var options = fixture.Options(inputs);
        if (root.TryGetProperty("timeout", out var timeout))
        {
            options.Timeout = TimeSpan.FromSeconds(timeout.GetDouble());
        }
        return (folder, spec, targets, configs, new ConfigEngine(options));
    }

    private static bool ProvenanceEquals(ConfigProvenance a, ConfigProvenance b) =>
        a with { Parameters = [] } == b with { Parameters = [] } && a.Parameters.SequenceEqual(b.Parameters);

    private static bool ReportEquals(
        (IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyDictionary<string, TimeSpan>) a,
        (IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyDictionary<string, TimeSpan>) b) =>
        a.Item1.SequenceEqual(b.Item1) && a.Item2.SequenceEqual(b.Item2) && a.Item3.SequenceEqual(b.Item3)
        && a.Item4.Count == b.Item4.Count && a.Item4.All(p => Math.Abs((b.Item4[p.Key] - p.Value).TotalMilliseconds) < 0.001);

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var n) ? n : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
