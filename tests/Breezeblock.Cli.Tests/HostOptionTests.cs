namespace Breezeblock.Cli.Tests;

/// <summary><c>--host app.dll</c>: evaluating and stubbing an application's configs without running it.</summary>
public sealed class HostOptionTests
{
    private static string ExampleHost()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(Cli.RepositoryRoot, "examples", "Quickstart.Host", "bin", configuration, "net10.0", "Quickstart.Host.dll");
    }

    private static string ExampleConfigs => Path.Combine(Cli.RepositoryRoot, "examples", "Quickstart.Host", "configs");

    [Fact]
    public void Eval_with_a_host_assembly_renders_host_objects()
    {
        var (exit, stdout, stderr) = Cli.Run("eval", ExampleConfigs, "--host", ExampleHost());
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal(Cli.Expected("quickstart", "expected.json"), stdout);
    }

    [Fact]
    public void Eval_without_the_host_says_which_module_is_missing()
    {
        var (exit, _, stderr) = Cli.Run("eval", ExampleConfigs);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: base.py:2: ModuleNotFoundError: No module named 'myapp'", stderr);
    }

    [Fact]
    public void Stubs_are_written_for_the_host_modules()
    {
        var output = Directory.CreateTempSubdirectory("breezeblock-cli-stubs-").FullName;
        try
        {
            var (exit, stdout, stderr) = Cli.Run("stubs", "--host", ExampleHost(), "--output", output);
            Assert.Equal((0, ""), (exit, stderr));
            Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains("class Config:\n    name: str\n    def __init__(self, name: str) -> None: ...", File.ReadAllText(Path.Combine(output, "myapp.pyi")));
            Assert.Contains("def configure(func: _F, /) -> _F: ...", File.ReadAllText(Path.Combine(output, "breezeblock.pyi")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("/no/such/app.dll", "error: host assembly /no/such/app.dll does not exist")]
    public void A_bad_host_is_a_usage_error(string host, string message)
    {
        var (exit, _, stderr) = Cli.Run("eval", ExampleConfigs, "--host", host);
        Assert.Equal(2, exit);
        Assert.Equal(message + "\n", stderr);
    }

    [Fact]
    public void An_assembly_without_an_IConfigHost_is_a_usage_error()
    {
        var assembly = typeof(System.CommandLine.Command).Assembly.Location;
        var (exit, _, stderr) = Cli.Run("eval", ExampleConfigs, "--host", assembly);
        Assert.Equal(2, exit);
        Assert.Equal($"error: {assembly} has no public class implementing Breezeblock.IConfigHost; add one whose Configure(ConfigOptions) registers the host modules\n", stderr);
    }
}
