namespace Breezeblock.Tests;

/// <summary>Tests that read the interpreter's global state, so no other evaluation may run meanwhile.</summary>
[CollectionDefinition(nameof(InterpreterStateTests), DisableParallelization = true)]
public sealed class InterpreterStateGroup;

[Collection(nameof(InterpreterStateTests))]
[Trait("Category", "Smoke")]
public sealed class InterpreterStateTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Evaluating_one_folder_after_another_leaks_nothing()
    {
        using var first = new TempFolder(
            ("common.py", "VALUE = 'first'\n"),
            ("app.py", Header + "import common, sys\nsys.path.append('/polluted')\n@configure\ndef value():\n    return common.VALUE\n"));
        using var second = new TempFolder(
            ("common.py", "VALUE = 'second'\n"),
            ("app.py", Header + "import common, sys\n@configure\ndef value():\n    return [common.VALUE, '/polluted' in sys.path, 'app' in sys.modules]\n"));
        var before = SysState();
        using var engine = fixture.Engine();
        using (var result = engine.Evaluate(first.Path))
        {
            Assert.Equal("first", result.Get("value"));
        }
        Assert.Equal(before, SysState());
        using (var result = engine.Evaluate(second.Path))
        {
            Assert.Equal(new List<object?> { "second", false, true }, result.Get("value"));
        }
        Assert.Equal(before, SysState());
    }

    [Fact]
    public void What_config_code_changes_for_the_whole_process_is_put_back_after_the_evaluation()
    {
        using var folder = new TempFolder(("app.py", Header + "import os, sys\nsys.setrecursionlimit(5000)\n@configure\ndef moves():\n    sys.setswitchinterval(0.5)\n    os.chdir('/')\n    return [sys.getrecursionlimit(), sys.getswitchinterval(), os.getcwd()]\n"));
        string Settings()
        {
            using (fixture.Runtime.Acquire())
            {
                using var now = fixture.Runtime.Evaluate("(__import__('sys').getrecursionlimit(), __import__('sys').getswitchinterval(), __import__('os').getcwd())");
                return now.ToString()!;
            }
        }
        var before = Settings();
        using var engine = fixture.Engine();
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(new List<object?> { 5000L, 0.5, "/" }, result.Get("moves")); // in effect while config code ran
        }
        Assert.Equal(before, Settings());
        Assert.NotEqual("/", Environment.CurrentDirectory);
    }

    private string SysState()
    {
        using (fixture.Runtime.Acquire())
        {
            using var state = fixture.Runtime.Evaluate("(sorted(m for m in __import__('sys').modules if m in ('common', 'app')), list(__import__('sys').path), len(__import__('sys').meta_path))");
            return state.Repr();
        }
    }

}
