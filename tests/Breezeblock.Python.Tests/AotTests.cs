namespace Breezeblock.Python.Tests;

/// <summary>Publishes tests/AotSmoke with NativeAOT (IL warnings are errors) and runs it.</summary>
public sealed class AotTests(PythonFixture python)
{
    [Fact]
    [Trait("Category", "Aot")]
    public void The_binding_works_in_a_NativeAOT_app()
    {
        var repository = Repository.Root;
        var output = Directory.CreateTempSubdirectory("breezeblock-aot-").FullName;
        try
        {
            // A private artifacts path keeps this build out of the obj/bin folders the test run itself uses.
            var publish = Run("dotnet", ["publish", Path.Combine(repository, "tests", "AotSmoke"), "-r", "linux-x64", "-c", "Release",
                "-o", Path.Combine(output, "app"), "--artifacts-path", Path.Combine(output, "artifacts"), "--nologo"], repository, TimeSpan.FromMinutes(8));
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.DoesNotContain("warning IL", publish.Output);

            var app = Run(Path.Combine(output, "app", "AotSmoke"), [], repository, TimeSpan.FromMinutes(1),
                ("BREEZEBLOCK_PYTHON", python.Runtime.Installation.LibraryPath));
            Assert.True(app.ExitCode == 0, app.Output);
            var version = $"{python.Runtime.Version.Major}.{python.Runtime.Version.Minor}";
            Assert.Equal($"python {version} add=42 text=héllo 😀 list=2 class=Box error=ValueError: {{\"size\": 4}}\npython output flushed at exit", app.Output.Trim());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    // A program's exit code and what it wrote (stdout, then stderr).
    private static (int ExitCode, string Output) Run(string program, string[] arguments, string directory, TimeSpan timeout, params (string Name, string Value)[] environment)
    {
        var (exit, stdout, stderr) = ChildProcess.Run(
            ChildProcess.StartInfo(program, arguments, directory, environment.Select(e => KeyValuePair.Create(e.Name, e.Value))), timeout);
        return (exit, stdout + stderr);
    }
}
