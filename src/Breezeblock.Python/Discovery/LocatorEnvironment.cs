using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Breezeblock.Python;

/// <summary>
/// What the locator reads from the machine: environment variables, files, and the answers of python
/// executables. Tests substitute it to describe machines other than this one.
/// </summary>
internal class LocatorEnvironment
{
    private const string ProbeScript =
        "import sys, sysconfig, json; v = sysconfig.get_config_var; " +
        "print(json.dumps({'version': list(sys.version_info[:3]), 'implementation': sys.implementation.name, " +
        "'executable': sys.executable, 'prefix': sys.prefix, 'base_prefix': sys.base_prefix, " +
        "'libdir': v('LIBDIR'), 'ldlibrary': v('LDLIBRARY'), 'instsoname': v('INSTSONAME'), " +
        "'shared': v('Py_ENABLE_SHARED'), 'gil_disabled': v('Py_GIL_DISABLED')}))";

    public static readonly LocatorEnvironment Machine = new();

    public virtual string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public virtual bool FileExists(string path) => File.Exists(path);

    public virtual bool DirectoryExists(string path) => Directory.Exists(path);

    /// <summary>True when the file may be run (an execute bit is set).</summary>
    public virtual bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true; // no execute bit: trying to run it says whether it is a program
        }
        try
        {
            return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public virtual IEnumerable<string> Files(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern) : [];

    public virtual IEnumerable<string> Directories(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory) : [];

    public virtual string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public virtual string CurrentDirectory => Environment.CurrentDirectory;

    /// <summary>Where a symbolic link finally points, or the path itself when it is not a link.</summary>
    public virtual string ResolveLink(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    /// <summary>The first line of a small text file, or null when it cannot be read.</summary>
    public virtual string? ReadFirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The Debian-style multiarch directory name of this process's architecture.</summary>
    public virtual string MultiarchTriplet => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => "aarch64-linux-gnu",
        Architecture.Arm => "arm-linux-gnueabihf",
        Architecture.X86 => "i386-linux-gnu",
        _ => "x86_64-linux-gnu",
    };

    /// <summary>The distribution's <c>ID</c> and <c>ID_LIKE</c> from /etc/os-release, lower case.</summary>
    public virtual string OsReleaseIds
    {
        get
        {
            try
            {
                return string.Join(' ', File.ReadLines("/etc/os-release")
                    .Where(line => line.StartsWith("ID=", StringComparison.Ordinal) || line.StartsWith("ID_LIKE=", StringComparison.Ordinal))
                    .Select(line => line[(line.IndexOf('=') + 1)..].Trim('"'))).ToLowerInvariant();
            }
            catch (IOException)
            {
                return "";
            }
        }
    }

    /// <summary>Asks a python executable about itself; null with a reason when it cannot answer.</summary>
    public virtual PythonProbe? Probe(string executable, out string? failure)
    {
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ProbeScript);
            using var process = Process.Start(start);
            if (process is null)
            {
                failure = "could not be started";
                return null;
            }
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                failure = "did not answer within 20 seconds";
                return null;
            }
            if (process.ExitCode != 0)
            {
                var error = stderr.Result.Trim();
                failure = $"exited with code {process.ExitCode}{(error.Length > 0 ? ": " + LastLine(error) : "")}";
                return null;
            }
            failure = null;
            return PythonProbe.Parse(stdout.Result);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            failure = e switch
            {
                JsonException or KeyNotFoundException => "answered something that is not CPython's sysconfig",
                System.ComponentModel.Win32Exception { NativeErrorCode: 13 } => "cannot be run: permission denied",
                System.ComponentModel.Win32Exception { NativeErrorCode: 8 } => "cannot be run: it is not a program",
                System.ComponentModel.Win32Exception { NativeErrorCode: 2 } => "does not exist",
                System.ComponentModel.Win32Exception => "cannot be run",
                _ => e.Message,
            };
            return null;
        }
    }

    /// <summary>The first file called <paramref name="name"/> in a PATH directory.</summary>
    public string? FindOnPath(string name)
    {
        var path = GetVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (FileExists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string LastLine(string text) => text.Split('\n')[^1].Trim();
}

/// <summary>What a python executable said about itself.</summary>
internal sealed record PythonProbe(
    Version Version,
    string Implementation,
    string Executable,
    string Prefix,
    string BasePrefix,
    string? LibDir,
    string? LdLibrary,
    string? InstSoName,
    bool Shared,
    bool GilDisabled)
{
    public static PythonProbe Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var version = root.GetProperty("version");
        return new PythonProbe(
            new Version(version[0].GetInt32(), version[1].GetInt32(), version[2].GetInt32()),
            root.GetProperty("implementation").GetString() ?? "",
            root.GetProperty("executable").GetString() ?? "",
            root.GetProperty("prefix").GetString() ?? "",
            root.GetProperty("base_prefix").GetString() ?? "",
            Text(root, "libdir"),
            Text(root, "ldlibrary"),
            Text(root, "instsoname"),
            Flag(root, "shared"),
            Flag(root, "gil_disabled"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.GetInt32() != 0;
}
