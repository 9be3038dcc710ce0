using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// The native breezeblock: <c>dotnet publish src/Breezeblock.Cli -r linux-x64 -p:Native=true</c> with
/// NativeAOT builds without a single trimming or AOT warning (none suppressed), and the binary it
/// makes evaluates, isolates, stops runaway code and refuses <c>--host</c> with a clear error.
/// </summary>
public sealed class NativeBuildTests
{
    [Fact]
    [Trait("Category", "Aot")]
    public void The_native_command_builds_without_warnings_and_evaluates()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64, "the native build is tested on linux-x64");
        var scratch = Directory.CreateTempSubdirectory("breezeblock-native-").FullName;
        try
        {
            // A private artifacts path keeps this build out of the obj/bin folders the test run itself uses.
            var (published, log) = Run("dotnet", ["publish", Path.Combine(Cli.RepositoryRoot, "src", "Breezeblock.Cli"), "-r", "linux-x64", "-c", "Release", "-p:Native=true",
                "-o", Path.Combine(scratch, "app"), "--artifacts-path", Path.Combine(scratch, "artifacts"), "--nologo"], TimeSpan.FromMinutes(10));
            Assert.True(published == 0, log);
            Assert.DoesNotContain("warning IL", log);
            var native = Path.Combine(scratch, "app", "breezeblock");

            var quickstart = Path.Combine(Cli.RepositoryRoot, "examples", "quickstart");
            Assert.Equal((0, Cli.Expected("quickstart", "expected.json")), Run(native, ["eval", quickstart], TimeSpan.FromMinutes(1)));
            Assert.Equal((0, Cli.Expected("quickstart", "expected.json")), Run(native, ["eval", "--isolate", quickstart], TimeSpan.FromMinutes(1)));

            var (stopped, stoppedOutput) = Run(native, ["eval", "--timeout", "0.3", Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", "hazard_spin", "configs")], TimeSpan.FromMinutes(1));
            Assert.Equal(1, stopped);
            Assert.StartsWith("error: app.py:6: config 'spin' did not finish within the time limit (300 ms) and was stopped here\n", stoppedOutput);

            var (refused, refusal) = Run(native, ["eval", quickstart, "--host", "app.dll"], TimeSpan.FromMinutes(1));
            Assert.Equal((2, $"error: {CliMessages.HostNeedsJit}\n"), (refused, refusal.Split(CliMessages.UsageHint)[0]));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // Runs a program; its exit code and what it wrote (stdout, then stderr).
    private static (int Exit, string Output) Run(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Cli.RepositoryRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in (string[])["NO_COLOR", "FORCE_COLOR", "BREEZEBLOCK_DEBUG", "GITHUB_ACTIONS"])
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
