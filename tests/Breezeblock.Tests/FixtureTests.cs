using System.Text.Json;

namespace Breezeblock.Tests;

/// <summary>
/// The data-driven suite: each folder under Fixtures/ holds configs/ (the Python; or case.json names
/// a repository folder such as an example), case.json (targets, inputs, and for failures the error
/// kind and location) and either expected.json (the output) or expected.txt (the exact error text,
/// as the CLI prints it).
/// </summary>
[Trait("Category", "Smoke")]
public sealed class FixtureTests(EngineFixture fixture)
{
    private static readonly string Root = Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures");

    public static TheoryData<string> Cases => new(Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name)
    {
        var folder = Path.Combine(Root, name);
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        var root = spec.RootElement;
        var targets = root.TryGetProperty("targets", out var t) ? t.EnumerateArray().Select(e => e.GetString()!).ToList() : null;
        var inputs = root.TryGetProperty("inputs", out var i)
            ? i.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value))
            : null;
        using var engine = fixture.Engine(inputs);
        var configs = root.TryGetProperty("folder", out var shared)
            ? Path.Combine(EngineFixture.RepositoryRoot, shared.GetString()!)
            : Path.Combine(folder, "configs");
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
        Assert.Equal(root.GetProperty("kind").GetString(), error.Kind.ToString());
        Assert.Equal(root.GetProperty("location").GetString(), error.Location?.ToString());
        var expectedText = Path.Combine(folder, "expected.txt");
        if (File.Exists(expectedText))
        {
            Assert.Equal(File.ReadAllText(expectedText), error.Message + "\n");
        }
    }

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
