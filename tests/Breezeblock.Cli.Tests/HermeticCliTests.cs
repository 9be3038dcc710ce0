namespace Breezeblock.Cli.Tests;

/// <summary><c>--hermetic</c> through the real executable: the same output every run, and with <c>--isolate</c> the operating system enforcing it.</summary>
public sealed class HermeticCliTests
{
    private const string Header = "import ctypes, os\nfrom breezeblock import configure\n\n";

    [Fact]
    public void Two_hermetic_runs_give_the_same_output_even_where_python_hashes()
    {
        var words = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"'w{i}'"));
        using var folder = new TempFolder(("app.py", Header + $"@configure\ndef order():\n    return list({{{words}}})\n"));
        var first = Cli.Process(null, "eval", folder.Path, "--hermetic");
        var second = Cli.Process(null, "eval", folder.Path, "--hermetic");
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Isolated_the_sandbox_refuses_what_the_in_process_tripwire_cannot_see()
    {
        ExternalTools.Bubblewrap();
        var target = Path.Combine(Path.GetTempPath(), $"breezeblock-escape-{Guid.NewGuid():N}.txt");
        using var folder = new TempFolder(("app.py", Header + $"@configure\ndef escape():\n    return ctypes.CDLL(None).open({System.Text.Json.JsonSerializer.Serialize(target)}.encode(), os.O_WRONLY | os.O_CREAT, 0o644)\n"));
        var (exit, stdout, stderr) = Cli.Process(null, "eval", folder.Path, "--hermetic", "--isolate");
        Assert.True(exit == 0, stderr);
        Assert.Equal("{\n  \"escape\": -1\n}\n", stdout); // the file system is read-only in the sandbox
        Assert.False(File.Exists(target));
    }
}
