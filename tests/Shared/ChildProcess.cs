using System.Diagnostics;

namespace Breezeblock.Testing;

/// <summary>
/// Runs a program as the tests' child process: both streams read while it runs (so neither pipe
/// fills and blocks it), stdin fed and closed, and a timeout that ends the whole process tree and
/// names the command, instead of a test run that hangs.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// How to start <paramref name="program"/>: streams redirected; the test run's environment without
    /// <paramref name="unset"/>, then <paramref name="environment"/> on top.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? directory = null,
        IEnumerable<KeyValuePair<string, string>>? environment = null, IEnumerable<string>? unset = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in unset ?? [])
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>Runs the program to its end; its exit code, stdout and stderr.</summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/> (it was ended).</exception>
    public static (int Exit, string Stdout, string Stderr) Run(ProcessStartInfo start, TimeSpan timeout, string? input = null)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Write(input ?? "");
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
