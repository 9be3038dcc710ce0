using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary>Runs the breezeblock command in this process (fast) or as a real process (exact streams, exit codes, environment).</summary>
internal static class Cli
{
    public static string RepositoryRoot => Repository.Root;

    /// <summary>The version of the Python the command finds, as the test run started it.</summary>
    public static Version PythonVersion => Breezeblock.Python.PythonRuntime.Current.Version;

    /// <summary>The config folder of a fixture: its configs/, or the repository folder its case.json names.</summary>
    public static string Fixture(string name)
    {
        var fixture = Path.Combine(RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", name);
        using var spec = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture, "case.json")));
        return spec.RootElement.TryGetProperty("folder", out var shared)
            ? Path.Combine(RepositoryRoot, shared.GetString()!)
            : Path.Combine(fixture, "configs");
    }

    /// <summary>The error text the CLI prints for a fixture: expected-cli.txt where the CLI words it differently (inputs as --set), else expected.txt.</summary>
    public static string ExpectedError(string name) =>
        File.Exists(Path.Combine(RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", name, "expected-cli.txt")) ? Expected(name, "expected-cli.txt") : Expected(name, "expected.txt");

    public static string Expected(string name, string file) =>
        File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "Breezeblock.Tests", "Fixtures", name, file));

    /// <summary>In this process: Program.Run with captured writers.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>As a separate process, so Python's own writes to stdout and stderr are captured too.</summary>
    public static (int Exit, string Stdout, string Stderr) Process(IDictionary<string, string>? environment, params string[] args) =>
        ProcessIn(null, environment, args);

    /// <summary>As a separate process started in <paramref name="directory"/> (the current one when null).</summary>
    public static (int Exit, string Stdout, string Stderr) ProcessIn(string? directory, IDictionary<string, string>? environment, params string[] args) =>
        ChildProcess.Run(StartInfo(directory, environment, args), TimeSpan.FromMinutes(2));

    /// <summary>Variables of the test run that would change what the command prints (colour, debug detail, CI annotations): a child starts without them.</summary>
    public static readonly string[] OutputVariables = ["NO_COLOR", "FORCE_COLOR", "BREEZEBLOCK_DEBUG", "GITHUB_ACTIONS"];

    /// <summary>How to start the command as its own process: the built breezeblock.dll, colour and debug settings of the test run cleared.</summary>
    public static ProcessStartInfo StartInfo(string? directory, IDictionary<string, string>? environment, params string[] args)
    {
        var cache = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "breezeblock-cli-tests-cache") };
        return ChildProcess.StartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "breezeblock.dll"), .. args], directory,
            cache.Concat(environment ?? new Dictionary<string, string>()), OutputVariables);
    }
}
