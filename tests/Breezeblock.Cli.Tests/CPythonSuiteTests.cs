using System.Text.Json;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// Python as Python: CPython's own test modules run inside a config, through the real command (one
/// process per module, as its tests change process state), and their failures are compared with the
/// same modules run by plain CPython, the same Python, the same runner (CPythonSuite/configs/run_suite.py).
/// What differs must be in CPythonSuite/differences.json, each with the reason, and the README's
/// section on what differs says the same.
/// </summary>
public sealed class CPythonSuiteTests
{
    private static readonly string Suite = Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Cli.Tests", "CPythonSuite");

    public static TheoryData<string> Modules => new(
        "test_abc", "test_builtin", "test_collections", "test_contextlib", "test_copy", "test_dataclasses", "test_dict",
        "test_enum", "test_exceptions", "test_fstring", "test_functools", "test_import", "test_importlib",
        "test_inspect", "test_itertools", "test_json", "test_list", "test_math", "test_operator", "test_pprint", "test_re", "test_scope",
        "test_set", "test_string", "test_sys", "test_threading", "test_traceback", "test_typing", "test_warnings");

    [Theory]
    [MemberData(nameof(Modules))]
    public void Embedded_a_cpython_test_module_fails_only_where_plain_cpython_does_or_a_documented_difference_says(string module)
    {
        var name = "test." + module;
        var plain = Plain(name);
        var embedded = Embedded(name);
        Assert.True(embedded.Run > 0 && embedded.Run >= plain.Run - 2, $"{name}: {embedded.Run} tests ran embedded, {plain.Run} plainly");
        var documented = Documented(name);
        var unexpected = embedded.Failed.Except(plain.Failed).Where(id => !documented.ContainsKey(id)).ToList();
        Assert.True(unexpected.Count == 0, $"{name}: fails embedded but not plainly, and no documented difference says why:\n" +
            string.Join("\n", unexpected.Select(id => $"  {id}: {string.Join(" / ", embedded.Details.GetValueOrDefault(id) ?? [])}")));
        var stale = documented.Keys.Where(id => !embedded.Failed.Contains(id) || plain.Failed.Contains(id)).ToList();
        Assert.True(stale.Count == 0, $"{name}: documented differences that no longer differ (remove them): {string.Join(", ", stale)}");
    }

    private sealed record Outcome(int Run, HashSet<string> Failed, Dictionary<string, string[]> Details);

    private static Outcome Embedded(string module)
    {
        var (exit, stdout, stderr) = Cli.ProcessIn(Suite, null, "eval", "configs", "--set-string", $"module={module}", "--quiet");
        Assert.True(exit == 0, $"{module} embedded: exit {exit}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        return Read(json.RootElement.GetProperty("outcome"));
    }

    private static Outcome Plain(string module)
    {
        var python = Breezeblock.Python.PythonRuntime.Current.Installation.ProgramPath;
        var start = ChildProcess.StartInfo(python, [Path.Combine(Suite, "configs", "run_suite.py"), module], Suite, unset: ["PYTHONPATH", "PYTHONHOME"]);
        var (exit, stdout, stderr) = ChildProcess.Run(start, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"{module} under {python}: exit {exit}\n{stderr}");
        const string Mark = "breezeblock-suite-result: ";
        var line = stdout.Split('\n').Last(l => l.StartsWith(Mark, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line[Mark.Length..]);
        return Read(json.RootElement);
    }

    private static Outcome Read(JsonElement outcome) => new(
        outcome.GetProperty("run").GetInt32(),
        outcome.GetProperty("failed").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal),
        outcome.GetProperty("details").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(), StringComparer.Ordinal));

    // The documented differences of one module, by test id: what Breezeblock does on purpose, or cannot do otherwise.
    private static Dictionary<string, string> Documented(string module)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Suite, "differences.json")));
        var reasons = json.RootElement.GetProperty("reasons");
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in json.RootElement.GetProperty("tests").EnumerateObject())
        {
            if (test.Name.StartsWith(module + ".", StringComparison.Ordinal))
            {
                var reason = test.Value.GetString()!;
                Assert.True(reasons.TryGetProperty(reason, out _), $"{test.Name}: no reason called '{reason}' in differences.json");
                found[test.Name] = reason;
            }
        }
        return found;
    }
}
