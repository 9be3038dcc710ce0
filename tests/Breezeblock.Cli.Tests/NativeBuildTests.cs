namespace Breezeblock.Cli.Tests;

/// <summary>
/// The native breezeblock as users install it. Packed with <c>-p:Native=true</c>, the tool is
/// RID-specific: a pointer package, the NativeAOT command for linux-x64 (built without a single
/// trimming or AOT warning, none suppressed) and the JIT build for every other platform.
/// <c>dotnet tool install</c> picks the native one here, and it evaluates, isolates, stops runaway
/// code, and hands <c>--host</c> and <c>lsp</c> to the JIT build beside it (or, without one, refuses with a clear error).
/// </summary>
public sealed class NativeBuildTests
{
    [Fact]
    [Trait("Category", "Aot")]
    public void The_native_tool_packs_without_warnings_installs_and_evaluates()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64, "the native build is tested on linux-x64");
        var scratch = Directory.CreateTempSubdirectory("breezeblock-native-").FullName;
        try
        {
            // A private artifacts path keeps these builds out of the obj/bin folders the test run itself uses.
            var packages = Path.Combine(scratch, "packages");
            var project = Path.Combine(Cli.RepositoryRoot, "src", "Breezeblock.Cli");
            string[] pack = ["pack", project, "-c", "Release", "-p:Native=true", "-o", packages, "--artifacts-path", Path.Combine(scratch, "artifacts"), "--nologo"];
            foreach (var rid in (string?[])[null, "linux-x64", "any"])
            {
                var (packed, log) = Run("dotnet", rid is null ? pack : [.. pack, "-r", rid], TimeSpan.FromMinutes(10));
                Assert.True(packed == 0, log);
                Assert.DoesNotContain("warning IL", log);
            }
            var version = CliMessages.Version;
            Assert.Equal([$"Breezeblock.Cli.{version}.nupkg", $"Breezeblock.Cli.any.{version}.nupkg", $"Breezeblock.Cli.linux-x64.{version}.nupkg"],
                Directory.GetFiles(packages).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var tools = Path.Combine(scratch, "tools");
            var (installed, installLog) = Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "Breezeblock.Cli"], TimeSpan.FromMinutes(5),
                new() { ["NUGET_PACKAGES"] = Path.Combine(scratch, "nuget") }); // never a copy cached by an earlier run
            Assert.True(installed == 0, installLog);
            var native = Path.Combine(tools, "breezeblock");
            var target = new FileInfo(native).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
            Assert.Contains($"{Path.DirectorySeparatorChar}breezeblock.cli.linux-x64{Path.DirectorySeparatorChar}", target);
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]); // the native command, not a .NET app host

            var quickstart = Path.Combine(Cli.RepositoryRoot, "examples", "quickstart");
            Assert.Equal((0, Cli.Expected("quickstart", "expected.json")), Run(native, ["eval", quickstart], TimeSpan.FromMinutes(1)));
            Assert.Equal((0, Cli.Expected("quickstart", "expected.json")), Run(native, ["eval", "--isolate", quickstart], TimeSpan.FromMinutes(1)));

            var (stopped, stoppedOutput) = Run(native, ["eval", "--timeout", "2", Path.Combine(Cli.RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", "hazard_spin", "configs")], TimeSpan.FromMinutes(1));
            Assert.Equal(1, stopped);
            Assert.StartsWith("error: app.py:6: config 'spin' did not finish within the time limit (2 s) and was stopped here\n", stoppedOutput);

            // --host needs the JIT: the native command hands it to the JIT build installed beside it, in jit/.
            var host = Path.Combine(Cli.RepositoryRoot, "examples", "Quickstart.Host");
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var hostAssembly = Path.Combine(host, "bin", configuration, "net10.0", "Quickstart.Host.dll");
            Assert.Equal((0, Cli.Expected("quickstart", "expected.json")), Run(native, ["eval", Path.Combine(host, "configs"), "--host", hostAssembly], TimeSpan.FromMinutes(1)));
            Assert.Equal((2, "error: host assembly missing.dll does not exist\n"), Run(native, ["eval", quickstart, "--host", "missing.dll"], TimeSpan.FromMinutes(1)));

            // lsp too (its JSON-RPC library reflects): a session of a real client, answered by the JIT build.
            using (var client = new LspClient(quickstart, null, ChildProcess.StartInfo(native, ["lsp"], Cli.RepositoryRoot, null, Cli.OutputVariables)))
            {
                Assert.True(client.Capabilities["definitionProvider"]!.GetValue<bool>());
                Assert.Equal("""{"prepareProvider":true}""", client.Capabilities["renameProvider"].Text());
                Assert.True(client.Evaluated(e => true, "an evaluation of the quickstart")["succeeded"]!.GetValue<bool>(), client.Stderr);
                Assert.Equal(0, client.Exit());
            }

            var alone = Path.Combine(scratch, "alone", "breezeblock"); // the native binary without its JIT build
            Directory.CreateDirectory(Path.GetDirectoryName(alone)!);
            File.Copy(target, alone); // keeps the file mode on Unix
            Assert.Equal((2, $"error: {CliMessages.HostNeedsJit}\n"), Run(alone, ["eval", quickstart, "--host", hostAssembly], TimeSpan.FromMinutes(1)));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // Runs a program from the repository; its exit code and what it wrote (stdout, then stderr).
    private static (int Exit, string Output) Run(string program, string[] arguments, TimeSpan timeout, Dictionary<string, string>? environment = null)
    {
        var quiet = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var (exit, stdout, stderr) = ChildProcess.Run(
            ChildProcess.StartInfo(program, arguments, Cli.RepositoryRoot, quiet.Concat(environment ?? []), Cli.OutputVariables), timeout);
        return (exit, stdout + stderr);
    }
}
