namespace Breezeblock.Cli.Tests;

/// <summary>The command as a real process: what Python itself writes, exit codes, the environment.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Print_in_user_code_goes_to_stderr_and_stdout_holds_only_the_result()
    {
        using var folder = new TempFolder(("app.py", "from breezeblock import configure\n\nprint('loading app')\n\n@configure\ndef web():\n    print('building web')\n    return {'port': 80}\n"));
        var (exit, stdout, stderr) = Cli.Process(null, "eval", folder.Path);
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"web\": {\n    \"port\": 80\n  }\n}\n", stdout);
        Assert.Equal("loading app\nbuilding web\n", stderr);
    }

    [Fact]
    public void Writes_to_file_descriptor_1_and_child_processes_reach_stderr_and_stdout_holds_only_the_result()
    {
        using var folder = new TempFolder(("app.py", "import os, subprocess\nfrom breezeblock import configure\n\nos.write(1, b'raw write\\n')\n\n@configure\ndef web():\n    subprocess.run(['echo', 'a child'], check=True)\n    return {'port': 80}\n"));
        var (exit, stdout, stderr) = Cli.Process(null, "eval", folder.Path);
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"web\": {\n    \"port\": 80\n  }\n}\n", stdout);
        Assert.Equal("raw write\na child\n", stderr);
    }

    [Fact]
    public void The_result_written_into_a_file_leaves_its_offset_after_it_for_the_next_writer()
    {
        using var folder = new TempFolder(("app.py", "from breezeblock import configure\n\n@configure\ndef web():\n    return {'port': 80}\n"));
        var file = Path.Combine(folder.Path, "out.txt");
        var start = Cli.StartInfo(null, null, "eval", folder.Path);
        var command = string.Join(' ', start.ArgumentList.Select(a => $"'{a}'"));
        using var shell = System.Diagnostics.Process.Start("sh", ["-c", $"{{ {start.FileName} {command}; echo done; }} > '{file}'"])!;
        Assert.True(shell.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal("{\n  \"web\": {\n    \"port\": 80\n  }\n}\ndone\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the worker process starts its Python with the same seed
    public void A_set_comes_out_in_the_same_order_in_every_process(bool isolate)
    {
        var names = string.Join(", ", Enumerable.Range(0, 24).Select(i => $"'name{i}'"));
        using var folder = new TempFolder(("app.py", $"from breezeblock import configure\n\n@configure\ndef names():\n    return list({{{names}}})\n"));
        string[] arguments = isolate ? ["eval", folder.Path, "--isolate"] : ["eval", folder.Path];
        var outputs = Enumerable.Range(0, 3).Select(_ => Cli.Process(null, arguments)).ToList();
        Assert.All(outputs, run => Assert.Equal(0, run.Exit));
        Assert.Single(outputs.Select(run => run.Stdout).Distinct()); // 24 names: a random seed would order them alike by chance once in 10^23
        Assert.All(outputs, run => Assert.Equal("", run.Stderr));
    }

    [Fact]
    public void Sigterm_ends_a_command_with_a_message_and_exit_143()
    {
        using var folder = new TempFolder(("app.py", "import time\nfrom breezeblock import configure\n\n@configure\ndef slow():\n    print('started', flush=True)\n    time.sleep(60)\n"));
        using var process = System.Diagnostics.Process.Start(Cli.StartInfo(null, null, "eval", folder.Path))!;
        Assert.Equal("started", process.StandardError.ReadLine());
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(143, process.ExitCode);
        Assert.Equal("", process.StandardOutput.ReadToEnd());
        Assert.Equal($"error: {CliMessages.StoppedBySignal("SIGTERM")}\n", process.StandardError.ReadToEnd());
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
