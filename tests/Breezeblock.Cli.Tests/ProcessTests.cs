namespace Breezeblock.Cli.Tests;

/// <summary>The command as a real process: what Python itself writes, exit codes, the environment.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Print_in_user_code_goes_to_stderr_and_stdout_holds_only_the_result()
    {
        using var folder = new TempConfigs(("app.py", "from breezeblock import configure\n\nprint('loading app')\n\n@configure\ndef web():\n    print('building web')\n    return {'port': 80}\n"));
        var (exit, stdout, stderr) = Cli.Process(null, "eval", folder.Path);
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"web\": {\n    \"port\": 80\n  }\n}\n", stdout);
        Assert.Equal("loading app\nbuilding web\n", stderr);
    }

    [Fact]
    public void No_python_found_is_a_usage_error_that_says_what_was_tried()
    {
        var (exit, stdout, stderr) = Cli.Process(new Dictionary<string, string> { ["BREEZEBLOCK_PYTHON"] = "/no/python/here" }, "eval", Cli.Fixture("quickstart"));
        Assert.Equal((2, ""), (exit, stdout));
        Assert.StartsWith("error: no usable Python was found", stderr);
        Assert.Contains("  - BREEZEBLOCK_PYTHON (/no/python/here): does not exist", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Errors_never_show_a_dotnet_stack_trace()
    {
        var (exit, stdout, stderr) = Cli.Process(null, "eval", Cli.Fixture("all_load_errors"));
        Assert.Equal((1, ""), (exit, stdout));
        Assert.StartsWith("error: a_broken.py:1:12: SyntaxError: invalid syntax\n", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
    }
}
