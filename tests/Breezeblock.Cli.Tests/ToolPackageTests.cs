namespace Breezeblock.Cli.Tests;

/// <summary>The command as users install it: <c>dotnet pack</c> makes a .NET tool, <c>dotnet tool install</c> installs it, and it runs.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_and_evaluates_the_quickstart()
    {
        var scratch = Directory.CreateTempSubdirectory("breezeblock-tool-").FullName;
        try
        {
            var artifacts = Path.Combine(scratch, "artifacts");
            var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
            // --no-restore: the build before the tests restored the projects; a restore here would rewrite their obj/ under the test run.
            Run(environment, "dotnet", "pack", Path.Combine(Cli.RepositoryRoot, "src", "Breezeblock.Cli"), "-c", "Release", "--no-restore", "-o", artifacts, "-v", "quiet", "-nologo");
            var package = Assert.Single(Directory.GetFiles(artifacts, "*.nupkg"));
            Assert.Equal($"Breezeblock.Cli.{CliMessages.Version}.nupkg", Path.GetFileName(package));

            var tools = Path.Combine(scratch, "tools");
            environment["NUGET_PACKAGES"] = Path.Combine(scratch, "packages"); // never a copy of the package cached by an earlier run
            Run(environment, "dotnet", "tool", "install", "--tool-path", tools, "--add-source", artifacts, "Breezeblock.Cli");
            var (exit, stdout, stderr) = Run(environment, Path.Combine(tools, "breezeblock"), "eval", Path.Combine(Cli.RepositoryRoot, "examples", "quickstart"));
            Assert.Equal((0, ""), (exit, stderr));
            Assert.Equal(Cli.Expected("quickstart", "expected.json"), stdout);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(Dictionary<string, string> environment, string program, params string[] args)
    {
        var result = ChildProcess.Run(ChildProcess.StartInfo(program, args, environment: environment), TimeSpan.FromMinutes(5));
        Assert.True(program.EndsWith("breezeblock", StringComparison.Ordinal) || result.Exit == 0, $"{program} {string.Join(' ', args)} failed:\n{result.Stdout}\n{result.Stderr}");
        return result;
    }
}
