using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary>Runs the breezeblock command in this process (fast) or as a real process (exact streams, exit codes, environment).</summary>
internal static class Cli
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

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
    public static (int Exit, string Stdout, string Stderr) ProcessIn(string? directory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = StartInfo(directory, environment, args);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("breezeblock did not finish");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How to start the command as its own process: the built breezeblock.dll, colour and debug settings of the test run cleared.</summary>
    public static ProcessStartInfo StartInfo(string? directory, IDictionary<string, string>? environment, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "breezeblock.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "breezeblock-cli-tests-cache");
        foreach (var name in (string[])["NO_COLOR", "FORCE_COLOR", "BREEZEBLOCK_DEBUG", "GITHUB_ACTIONS"])
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Breezeblock.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root was not found");
    }
}
