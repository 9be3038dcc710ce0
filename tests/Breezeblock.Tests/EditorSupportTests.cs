namespace Breezeblock.Tests;

/// <summary>
/// What an editor needs of the engine: a workspace that reads unsaved text instead of the disk
/// (<see cref="ConfigWorkspace.SetUnsavedText"/>), and outlines of a file's functions, names,
/// parameters and their uses (<see cref="ConfigEngine.Outline"/>).
/// </summary>
[Trait("Category", "Smoke")]
public sealed class EditorSupportTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Unsaved_text_is_evaluated_instead_of_the_disk_until_let_go_of()
    {
        using var folder = new TempFolder(
            ("base.py", Header + "@configure\ndef base():\n    return {'replicas': 2}\n"),
            ("web.py", Header + "@configure\ndef web(base):\n    return base['replicas']\n"));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var saved = workspace.Evaluate())
        {
            Assert.Equal(2L, saved.Get("web"));
        }

        var basePath = Path.Combine(folder.Path, "base.py");
        workspace.SetUnsavedText(basePath, Header + "@configure\ndef base():\n    return {'replicas': 5}\n");
        workspace.SetUnsavedText(Path.Combine(folder.Path, "extra.py"), Header + "@configure\ndef extra(web):\n    return web * 10\n"); // not on disk yet
        using (var unsaved = workspace.Evaluate())
        {
            Assert.Equal(5L, unsaved.Get("web"));
            Assert.Equal(50L, unsaved.Get("extra"));
            Assert.Equal(["base", "extra"], unsaved.Report.ModulesLoaded);
        }
        Assert.Equal("    return {'replicas': 2}", File.ReadAllLines(basePath)[4]); // the disk is untouched

        // a misspelling in unsaved text is found at its column in that text
        workspace.SetUnsavedText(Path.Combine(folder.Path, "web.py"), Header + "@configure\ndef web(\n        bsae):\n    return bsae\n");
        var check = workspace.Check();
        var missing = Assert.Single(check.Errors);
        Assert.Equal("web.py:5:9", missing.Location!.ToString());
        Assert.Equal("bsae", missing.Parameter);
        Assert.Equal("base", missing.Suggestion);

        workspace.SetUnsavedText(basePath, null);
        workspace.SetUnsavedText(Path.Combine(folder.Path, "web.py"), null);
        workspace.SetUnsavedText(Path.Combine(folder.Path, "extra.py"), null);
        using var back = workspace.Evaluate();
        Assert.Equal(2L, back.Get("web"));
        Assert.False(back.Contains("extra"));
    }

    [Fact]
    public void An_outline_places_names_parameters_and_their_uses_in_editor_columns()
    {
        using var engine = fixture.Engine();
        var outline = engine.Outline("""
            from breezeblock import configure

            @configure(name="db")
            def make_db(environment: str, port=5432) -> dict:
                host = f"{environment}.db"
                return {"host": host, "env": environment}

            @configure
            def café(db, ünït=1):
                shadow = lambda db: db
                return [db, ünït]
            """);
        Assert.Null(outline.SyntaxErrorLine);
        var db = outline.Functions[0];
        Assert.Equal(("make_db", 3, 4, 6), (db.Name, db.FirstLine, db.DefLine, db.LastLine));
        Assert.Equal(new SourceSpan(4, 4, 11), db.NameSpan);
        Assert.Equal(new SourceSpan(3, 17, 19), db.NameArgument); // the text inside the quotes
        Assert.Equal("dict", db.ReturnAnnotation);
        var environment = db.Parameters[0];
        Assert.Equal(("environment", "str", new SourceSpan(4, 12, 23)), (environment.Name, environment.Annotation, environment.Span));
        Assert.Equal([new SourceSpan(5, 14, 25), new SourceSpan(6, 33, 44)], environment.Uses);

        var cafe = outline.FunctionAt(10)!;
        Assert.Equal(new SourceSpan(9, 4, 8), cafe.NameSpan); // é is one UTF-16 unit, two UTF-8 bytes
        Assert.Equal(new SourceSpan(9, 13, 17), cafe.Parameters[1].Span);
        Assert.Equal([new SourceSpan(11, 12, 14)], cafe.Parameters[0].Uses); // not the lambda's own db
        Assert.Equal([new SourceSpan(11, 16, 20)], cafe.Parameters[1].Uses);

        Assert.Equal(2, engine.Outline("x = 1\ndef half(:\n").SyntaxErrorLine);
    }

    [Theory]
    [InlineData("database", true)]
    [InlineData("_private2", true)]
    [InlineData("café", true)]
    [InlineData("class", false)] // a keyword
    [InlineData("None", false)]
    [InlineData("2fast", false)]
    [InlineData("web-app", false)]
    [InlineData("", false)]
    public void A_config_name_is_a_python_identifier_that_is_not_a_keyword(string name, bool valid) =>
        Assert.Equal(valid, ConfigNames.IsValid(name));
}
