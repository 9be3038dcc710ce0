using System.Text.Json.Nodes;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// <c>breezeblock lsp</c> through a session of a real LSP client (<see cref="LspClient"/>): open a
/// folder, ask where things are and what they are, rename, complete, edit buffers without saving and
/// see diagnostics come and go, save an evaluation error and a failing check.
/// </summary>
public sealed class LanguageServerTests
{
    private const string Base = """
        from breezeblock import configure


        @configure
        def database(environment, password):
            return {"host": f"db.{environment}.internal", "port": 5432, "password": password}


        @configure(name="cache")
        def make_cache(environment, size=64):
            return {"host": f"cache.{environment}", "size": size}


        @configure
        def limits():
            return {f"limit_{i}": i for i in range(20)}

        """;

    private const string Web = """
        from breezeblock import check, configure


        @configure
        def web(database, cache, replicas=2) -> dict:
            host = database["host"]
            return {"db": host, "cache": cache["host"], "replicas": replicas, "port": database["port"]}


        @check
        def replicas_fit(web):
            assert web["replicas"] <= 4

        """;

    private static TempFolder Folder() => new(("base.py", Base), ("web.py", Web));

    private static LspClient Start(TempFolder folder) =>
        new(folder.Path, "--set", "environment=dev", "--set-secret", "password=hunter2-very-secret", "--timeout", "60");

    // The files open and an evaluation succeeded: hovers have values.
    private static void Ready(LspClient client)
    {
        client.Open("web.py");
        client.Open("base.py");
        WaitForValues(client);
    }

    private static void WaitForValues(LspClient client) => client.Evaluated(e => e["succeeded"]!.GetValue<bool>(), "a successful evaluation");

    [Fact]
    public void Definition_references_and_hover_follow_the_wiring()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        var definition = client.At("textDocument/definition", "web.py", 4, 10)!;
        Assert.Equal(client.Uri("base.py"), definition["uri"]!.GetValue<string>());
        Assert.Equal("""{"start":{"line":4,"character":4},"end":{"line":4,"character":12}}""", definition["range"].Text());

        // from a use in the body too, and from a parameter to a name given with name=
        Assert.Equal(definition.Text(), client.At("textDocument/definition", "web.py", 5, 12).Text());
        Assert.Equal("""{"start":{"line":8,"character":17},"end":{"line":8,"character":22}}""", client.At("textDocument/definition", "web.py", 4, 20)!["range"].Text());

        var references = client.At("textDocument/references", "base.py", 4, 6, new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = false } })!.AsArray();
        Assert.Equal("""[{"uri":"URI","range":{"start":{"line":4,"character":8},"end":{"line":4,"character":16}}}]""".Replace("URI", client.Uri("web.py")), references.Text());

        var hover = client.At("textDocument/hover", "web.py", 4, 10)!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("**database** · config", hover);
        Assert.Contains("`base.database` at base.py:5", hover);
        Assert.Contains("\"host\": \"db.dev.internal\"", hover);
        Assert.Contains("used by web", hover);
        Assert.Contains("└── password: input  (--set-secret password=(secret))", hover);
        Assert.DoesNotContain("hunter2", hover); // redacted, in the value and in the tree
        Assert.Contains("\"password\": \"(secret)\"", hover);

        var input = client.At("textDocument/hover", "base.py", 4, 16)!["contents"]!["value"]!.GetValue<string>();
        Assert.Equal("**environment** · input\n\nfrom `--set environment=dev`\n", input);
        var typed = client.At("textDocument/hover", "web.py", 10, 18)!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("type: `dict`", typed);
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Code_lenses_inlay_hints_and_the_whole_value_show_the_wiring()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        var lenses = client.Request("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.Uri("base.py") } })!.AsArray();
        Assert.Equal(["used by 1 config", "needs environment, password", "used by 1 config", "needs environment, size", "used by no config"],
            lenses.Select(l => l!["command"]!["title"]!.GetValue<string>()));
        var receivers = lenses[0]!["command"]!["arguments"]![2]!.AsArray();
        Assert.Equal(client.Uri("web.py"), Assert.Single(receivers)!["uri"]!.GetValue<string>());

        var hints = client.Request("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = client.Uri("web.py") },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 12, ["character"] = 0 } },
        })!.AsArray();
        // cache's value is short enough to show; database's is not and has no type; web's is long, its type is shown
        Assert.Equal(2, hints.Count);
        Assert.Equal(("""{"line":4,"character":23}""", "= {\"host\":\"cache.dev\",\"size\":64}"), (hints[0]!["position"].Text(), hints[0]!["label"]!.GetValue<string>()));
        Assert.Equal(("""{"line":10,"character":20}""", ": dict", 1), (hints[1]!["position"].Text(), hints[1]!["label"]!.GetValue<string>(), hints[1]!["kind"]!.GetValue<int>()));

        var limits = client.At("textDocument/hover", "base.py", 14, 6)!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("[show the whole value (22 lines)](command:breezeblock.showValue?", limits);
        Assert.Contains("\n…\n```", limits);
        var whole = client.Request("breezeblock/value", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = client.Uri("base.py") }, ["name"] = "limits" })!.GetValue<string>();
        Assert.Equal(22, whole.Split('\n').Length);
        Assert.Contains("\"limit_19\": 19", whole);
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Folder_settings_isolate_and_give_values_files_and_cycles_duplicates_and_unused_inputs_are_shown_where_they_are()
    {
        using var folder = new TempFolder(
            ("c.py", "from breezeblock import configure\n\n\n@configure\ndef alpha(beta):\n    return beta\n\n\n@configure\ndef beta(alpha):\n    return alpha\n"),
            ("a.py", "from breezeblock import configure\n\n\n@configure\ndef db():\n    return 1\n"),
            ("b.py", "from breezeblock import configure\n\n\n@configure(name=\"db\")\ndef another_db():\n    return 2\n"),
            ("app.py", "from breezeblock import configure\n\n\n@configure\ndef app(environment=\"prod\"):\n    return {\"env\": environment}\n"),
            ("values.yaml", "enviroment: dev\n"));
        var settings = new JsonObject
        {
            ["folders"] = new JsonObject { [new Uri(folder.Path).AbsoluteUri] = new JsonObject { ["values"] = new JsonArray("values.yaml"), ["isolate"] = true, ["idleMilliseconds"] = 0 } },
        };
        using var client = new LspClient(folder.Path, settings);

        var cycle = client.Diagnostics("c.py", d => d.Count > 0, "the cycle");
        Assert.Equal("""{"start":{"line":4,"character":0},"end":{"line":4,"character":16}}""", Assert.Single(cycle)!["range"].Text());
        Assert.StartsWith("configs need each other in a cycle: alpha (c.py:5) -> beta (c.py:10) -> alpha", cycle[0]!["message"]!.GetValue<string>());
        var duplicate = Assert.Single(client.Diagnostics("b.py", d => d.Count > 0, "the duplicate"))!;
        Assert.StartsWith("config 'db' is defined twice: a.py:5 and b.py:5", duplicate["message"]!.GetValue<string>());
        var unused = Assert.Single(client.Diagnostics("values.yaml", d => d.Count > 0, "the unused input"))!;
        Assert.Equal(2, unused["severity"]!.GetValue<int>());
        Assert.Equal("""{"start":{"line":0,"character":0},"end":{"line":0,"character":10}}""", unused["range"].Text());
        Assert.Contains("did you mean 'environment'?", unused["message"]!.GetValue<string>());

        // fixed in unsaved buffers: the worker process evaluates the editor's text
        client.Open("c.py");
        client.Replace("c.py", 2, "from breezeblock import configure\n\n\n@configure\ndef alpha():\n    return \"unsaved\"\n");
        client.Open("b.py");
        client.Edit("b.py", 2, 3, 17, 2, "db2");
        client.Evaluated(e => e["succeeded"]!.GetValue<bool>(), "an evaluation in the worker");
        Assert.Contains("\"unsaved\"", client.At("textDocument/hover", "c.py", 4, 6)!["contents"]!["value"]!.GetValue<string>());
        Assert.StartsWith("**environment** · default `'prod'`", client.At("textDocument/hover", "app.py", 4, 10)!["contents"]!["value"]!.GetValue<string>());

        // the values file put right on disk: the folder's inputs are read again
        File.WriteAllText(Path.Combine(folder.Path, "values.yaml"), "environment: dev\n");
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = client.Uri("values.yaml"), ["type"] = 2 }) });
        Assert.Empty(client.Diagnostics("values.yaml", d => d.Count == 0, "the unused input cleared"));
        client.Evaluated(e => e["succeeded"]!.GetValue<bool>() && e["inputs"]!.AsArray().Any(i => i!.GetValue<string>() == "environment"), "an evaluation with the new values");
        var input = client.At("textDocument/hover", "app.py", 4, 10);
        Assert.True(input is not null, "no hover after the values changed; the server's stderr:\n" + client.Stderr);
        Assert.Equal($"**environment** · input\n\nfrom `--values {Path.Combine(folder.Path, "values.yaml")}`\n", input["contents"]!["value"]!.GetValue<string>());
        var definition = client.At("textDocument/definition", "app.py", 4, 10)!;
        Assert.Equal((client.Uri("values.yaml"), """{"start":{"line":0,"character":0},"end":{"line":0,"character":11}}"""), (definition["uri"]!.GetValue<string>(), definition["range"].Text()));
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Config_folders_below_the_workspace_folder_are_found_by_what_imports_breezeblock()
    {
        using var folder = new TempFolder(
            ("deploy/configs/base.py", "from breezeblock import configure\n\n\n@configure\ndef base():\n    return 1\n\n\n@configure\ndef web(bsae):\n    return bsae\n"),
            ("scripts/tool.py", "import sys\n\ndef main(argv):\n    return argv\n"));
        using var client = new LspClient(folder.Path);
        var missing = Assert.Single(client.Diagnostics("deploy/configs/base.py", d => d.Count > 0, "the misspelling in the config folder"))!;
        Assert.Equal("MissingDependency", missing["code"]!.GetValue<string>());
        client.Open("scripts/tool.py");
        Assert.Null(client.At("textDocument/hover", "scripts/tool.py", 2, 9)); // not a config folder's: nothing to say
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Rename_changes_the_definition_its_name_argument_every_parameter_and_their_uses()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        var prepared = client.At("textDocument/prepareRename", "web.py", 4, 10)!;
        Assert.Equal("database", prepared["placeholder"]!.GetValue<string>());
        var edit = client.At("textDocument/rename", "web.py", 4, 10, new JsonObject { ["newName"] = "db" })!["changes"]!;
        Assert.Equal("""[{"range":{"start":{"line":4,"character":4},"end":{"line":4,"character":12}},"newText":"db"}]""", edit[client.Uri("base.py")].Text());
        Assert.Equal(
            """[{"range":{"start":{"line":4,"character":8},"end":{"line":4,"character":16}},"newText":"db"},{"range":{"start":{"line":5,"character":11},"end":{"line":5,"character":19}},"newText":"db"},{"range":{"start":{"line":6,"character":78},"end":{"line":6,"character":86}},"newText":"db"}]""",
            edit[client.Uri("web.py")].Text());

        // a config named by name= is renamed there, not in the function's name
        var cache = client.At("textDocument/rename", "web.py", 4, 20, new JsonObject { ["newName"] = "memo" })!["changes"]!;
        Assert.Equal("""[{"range":{"start":{"line":8,"character":17},"end":{"line":8,"character":22}},"newText":"memo"}]""", cache[client.Uri("base.py")].Text());

        var taken = Assert.Throws<LspError>(() => client.At("textDocument/rename", "web.py", 4, 10, new JsonObject { ["newName"] = "cache" }));
        Assert.Equal(CliMessages.RenameTaken("cache"), taken.Message);
        var keyword = Assert.Throws<LspError>(() => client.At("textDocument/rename", "web.py", 4, 10, new JsonObject { ["newName"] = "class" }));
        Assert.Equal(CliMessages.RenameNotIdentifier("class"), keyword.Message);
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Unsaved_edits_bring_diagnostics_with_a_quick_fix_and_fixing_them_clears_them()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        client.Edit("web.py", 2, 4, 8, 8, "databse"); // typed, not saved
        var diagnostics = client.Diagnostics("web.py", d => d.Count > 0, "a missing-dependency diagnostic");
        var missing = Assert.Single(diagnostics);
        Assert.Equal("MissingDependency", missing!["code"]!.GetValue<string>());
        Assert.Equal("""{"start":{"line":4,"character":8},"end":{"line":4,"character":15}}""", missing["range"].Text());
        Assert.StartsWith("config 'web' needs 'databse', which is not a config, an input or a parameter default\ndid you mean 'database'?", missing["message"]!.GetValue<string>());

        var completion = client.At("textDocument/completion", "web.py", 4, 15)!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
        Assert.Equal(["database", "environment", "limits", "password"], completion.Order(StringComparer.Ordinal)); // cache is there already

        var actions = client.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = client.Uri("web.py") },
            ["range"] = missing["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(missing.DeepClone()) },
        })!.AsArray();
        var fix = Assert.Single(actions)!;
        Assert.Equal("Change to 'database'", fix["title"]!.GetValue<string>());
        Assert.Equal("""[{"range":{"start":{"line":4,"character":8},"end":{"line":4,"character":15}},"newText":"database"}]""", fix["edit"]!["changes"]![client.Uri("web.py")].Text());

        client.Edit("web.py", 3, 4, 8, 7, "database");
        Assert.Empty(client.Diagnostics("web.py", d => d.Count == 0, "the diagnostics cleared"));

        client.Edit("web.py", 4, 4, 0, 0, "def broken(:\n"); // half-written: a syntax error, and the server still answers
        var syntax = client.Diagnostics("web.py", d => d.Count > 0, "a syntax error");
        Assert.Equal("SyntaxError", Assert.Single(syntax)!["code"]!.GetValue<string>());
        Assert.NotNull(client.At("textDocument/hover", "base.py", 4, 6));
        client.Edit("web.py", 5, 4, 0, 13, "");
        Assert.Empty(client.Diagnostics("web.py", d => d.Count == 0, "the syntax error cleared"));
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void Saving_shows_evaluation_errors_and_failing_checks_at_their_lines()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        client.Save("web.py", Web.Replace("replicas=2", "replicas=9"));
        var failed = Assert.Single(client.Diagnostics("web.py", d => d.Count > 0, "the failing check"))!;
        Assert.Equal("CheckFailed", failed["code"]!.GetValue<string>());
        Assert.Equal(11, failed["range"]!["start"]!["line"]!.GetValue<int>());

        client.Save("base.py", Base.Replace("\"port\": 5432", "\"port\": 1 // 0"));
        var error = Assert.Single(client.Diagnostics("base.py", d => d.Count > 0, "the evaluation error"))!;
        Assert.Equal("EvaluationError", error["code"]!.GetValue<string>());
        Assert.Equal(5, error["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Contains("ZeroDivisionError", error["message"]!.GetValue<string>());

        client.Save("base.py", Base);
        Assert.Empty(client.Diagnostics("base.py", d => d.Count == 0, "the evaluation error cleared"));
        Assert.Equal(0, client.Exit());
    }

    [Fact]
    public void A_newer_edit_cancels_an_evaluation_that_does_not_end()
    {
        using var folder = Folder();
        using var client = Start(folder);
        Ready(client);

        client.Save("base.py", Base.Replace("return {\"host\": f\"db.", "while True:\n        pass\n    return {\"host\": f\"db."));
        // it never ends: the next edit (a misspelling, then its fix) is checked all the same
        client.Edit("web.py", 2, 4, 8, 8, "databse");
        Assert.NotEmpty(client.Diagnostics("web.py", d => d.Count > 0, "a diagnostic while an evaluation spins"));
        client.Save("base.py", Base);
        client.Edit("web.py", 3, 4, 8, 7, "database");
        Assert.Empty(client.Diagnostics("web.py", d => d.Count == 0, "the diagnostics cleared"));
        WaitForValues(client);
        Assert.Equal(0, client.Exit());
    }
}
