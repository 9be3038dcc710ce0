using System.Text.RegularExpressions;

namespace Breezeblock.Tests.Readme;

public enum Tier
{
    Bronze,
    Gold,
}

public sealed class Config
{
    public string Name { get; set; } = "";
    public int Replicas { get; set; } = 1;
    public Tier Tier { get; set; }
    public string Password { get; set; } = "";
}

/// <summary>
/// The README's snippets, read from README.md (each code block after a <c>&lt;!-- snippet: NAME --&gt;</c>
/// comment). Output and error examples must be what the engine prints; C# snippets must appear in
/// this file verbatim (lines ending in <c>// test only</c> aside) and are run here.
/// </summary>
[Collection(nameof(InterpreterStateTests))] // changes the current directory and the console, as a host would
[Trait("Category", "Smoke")]
public sealed partial class ReadmeSnippetTests(EngineFixture fixture)
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(EngineFixture.RepositoryRoot, "README.md"));

    private static string Snippet(string name)
    {
        var match = Regex.Match(Readme, $"<!-- snippet: {Regex.Escape(name)} -->\\n```\\w*\\n(.*?)\\n```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no snippet '{name}'");
        return match.Groups[1].Value;
    }

    // A C# snippet as a method body: its using directives are at the top of this file instead.
    private static string Body(string name) =>
        string.Join('\n', Snippet(name).Split('\n').Where(l => !Regex.IsMatch(l, "^using [\\w.]+;$"))).TrimStart('\n');

    // The lines between the test's markers, unindented, without the lines only the test needs.
    private static string InThisFile(string name)
    {
        var source = File.ReadAllText(Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "ReadmeSnippetTests.cs"));
        var match = Regex.Match(source, $"// ---- README snippet {name} begins ----\\n(.*?)\\n\\s*// ---- README snippet {name} ends ----", RegexOptions.Singleline);
        Assert.True(match.Success);
        var lines = match.Groups[1].Value.Split('\n').Where(l => !l.TrimEnd().EndsWith("// test only", StringComparison.Ordinal)).ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [Fact]
    public void The_output_shown_is_what_the_quickstart_example_prints()
    {
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(Path.Combine(EngineFixture.RepositoryRoot, "examples", "quickstart"));
        Assert.Equal(Snippet("quickstart-output"), result.ToJson());
    }

    [Fact]
    public void The_config_files_shown_evaluate_as_described()
    {
        using var folder = new TempFolder(Regex.Split(Snippet("configs"), "(?=^# configs/)", RegexOptions.Multiline)
            .Where(part => part.Length > 0)
            .Select(part => (part[("# configs/".Length)..part.IndexOf('\n', StringComparison.Ordinal)], part))
            .ToArray());
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["environment"] = "prod" });
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"database":{"host":"db.internal","port":5432},"web":{"db":"db.internal","env":"prod","replicas":2}}""", result.ToJson(indented: false));
    }

    [Fact]
    public void The_error_examples_are_what_the_command_prints()
    {
        // The command's golden files (tests/Breezeblock.Cli.Tests/Golden), which run the real executable.
        var printed = string.Join('\n', new[] { "eval-missing-dependency", "eval-skipped" }
            .Select(f => File.ReadAllText(Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Cli.Tests", "Golden", f + ".txt"))));
        Assert.All(Snippet("errors").Split('\n'), line => Assert.Contains(line + "\n", printed + "\n"));
    }

    [Fact]
    public void The_checks_shown_run_and_fail_as_printed()
    {
        var fixture_ = Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", "check_failed", "configs");
        using var folder = new TempFolder(("services.py", File.ReadAllText(Path.Combine(fixture_, "services.py"))), ("policy.py", Snippet("checks")));
        using var engine = fixture.Engine();
        var failure = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(["enough_replicas", "has_owner"], failure.Errors.Select(e => e.CheckName));
        var printed = File.ReadAllText(Path.Combine(EngineFixture.RepositoryRoot, "tests", "Breezeblock.Cli.Tests", "Golden", "eval-check-failed.txt"));
        Assert.All(Snippet("checks-output").Split('\n'), line => Assert.Contains(line + "\n", printed + "\n"));
    }

    [Fact]
    public void The_web_app_wiring_is_the_examples_own()
    {
        var program = File.ReadAllText(Path.Combine(EngineFixture.RepositoryRoot, "examples", "WebApp", "Program.cs"));
        var wiring = Regex.Match(program, "// ---- the wiring the README shows ----\n(.*?)\n// ---- end of the wiring ----", RegexOptions.Singleline);
        Assert.True(wiring.Success);
        Assert.Equal(Snippet("webapp"), wiring.Groups[1].Value); // examples/WebApp is run by WebAppTests
    }

    [Fact]
    public void The_library_snippet_works_as_written()
    {
        Assert.Equal(Body("library"), InThisFile("library"));
        using var folder = new TempFolder(("configs/web.py", """
            from breezeblock import configure
            from myapp import Config, Tier, secret


            @configure
            def web(environment):
                return Config(name=f"api-{environment}", replicas=3, tier=Tier.GOLD, password=secret("db"))
            """));
        var vault = new Dictionary<string, string> { ["db"] = "s3cret" };
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder.Path;
        try
        {
            // ---- README snippet library begins ----
            var options = new ConfigOptions();
            options.AddHostModule("myapp", module => module
                .AddType<Config>()                                     // python: from myapp import Config
                .AddType<Tier>()                                       // C# enums become Python enums
                .AddFunction("secret", (string key) => vault[key]));   // python: from myapp import secret
            options.Inputs["environment"] = "prod";                    // like --set

            using var engine = new ConfigEngine(options);              // finds and starts CPython
            ConfigResult result = engine.Evaluate("configs");          // or Evaluate("configs", targets: ["web"])
            Config web = result.Get<Config>("web");
            string json = result.ToJson();
            // ---- README snippet library ends ----

            Assert.Equal(("api-prod", 3, Tier.Gold, "s3cret"), (web.Name, web.Replicas, web.Tier, web.Password));
            Assert.Equal("""
                {
                  "web": {
                    "name": "api-prod",
                    "replicas": 3,
                    "tier": "Gold",
                    "password": "s3cret"
                  }
                }
                """, json);
            using var targeted = engine.Evaluate("configs", targets: ["web"]);
            Assert.Equal(["web"], targeted.Names);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void The_workspace_snippet_works_as_written()
    {
        Assert.Equal(Body("workspace"), InThisFile("workspace"));
        using var folder = new TempFolder(Regex.Split(Snippet("configs"), "(?=^# configs/)", RegexOptions.Multiline)
            .Where(part => part.Length > 0)
            .Select(part => ("configs/" + part[("# configs/".Length)..part.IndexOf('\n', StringComparison.Ordinal)], part))
            .ToArray());
        var previous = (Environment.CurrentDirectory, Console.Out);
        var printed = new StringWriter();
        Environment.CurrentDirectory = folder.Path;
        Console.SetOut(printed);
        try
        {
            var options = fixture.Options(new Dictionary<string, object?> { ["environment"] = "prod" });
            using var engine = new ConfigEngine(options);
            // ---- README snippet workspace begins ----
            using var workspace = engine.OpenWorkspace("configs");
            using (var first = workspace.Evaluate()) { }               // loads every module, runs every config

            // ... someone edits configs/services/web.py ...
            folder.Write("configs/services/web.py", File.ReadAllText("configs/services/web.py").Replace("replicas=2", "replicas=3", StringComparison.Ordinal)); // test only
            using var next = workspace.Evaluate();                     // runs services.web's configs, and what needs them
            Console.WriteLine(string.Join(", ", next.Report.Ran));     // web
            Console.WriteLine(next.Report.ModulesLoaded.Count);        // 1
            ConfigResult? good = workspace.LastGoodResult;             // still there when an edit breaks the folder
            // ---- README snippet workspace ends ----
            Assert.Equal(3L, ((Dictionary<string, object?>)good!.Get("web")!)["replicas"]);
        }
        finally
        {
            Environment.CurrentDirectory = previous.CurrentDirectory;
            Console.SetOut(previous.Out);
        }
        Assert.Equal("web\n1\n", printed.ToString());
    }
}
