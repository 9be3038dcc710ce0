using System.Runtime.InteropServices;

namespace Breezeblock.Cli;

/// <summary>
/// <c>--host APP.dll</c> loads .NET assemblies, which needs the JIT: the native (NativeAOT)
/// breezeblock cannot. Its build carries the JIT build beside it (<c>jit/breezeblock.dll</c>, see the
/// project file), and a command that names a host assembly is handed to that build with exec: the
/// same process, arguments, streams, signals and exit code, run by the <c>dotnet</c> host. So is
/// <c>lsp</c>, whose JSON-RPC library (StreamJsonRpc) reflects over its handlers and is built into the
/// JIT build only. Every other command runs natively.
/// </summary>
internal static partial class JitHandoff
{
    public const string Folder = "jit";

    /// <summary>True when the command line names a host assembly, or runs the language server (whose JSON-RPC library reflects).</summary>
    public static bool Wanted(IEnumerable<string> args) =>
        args.FirstOrDefault() == "lsp" || args.TakeWhile(a => a != "--").Any(a => a == "--host" || a.StartsWith("--host=", StringComparison.Ordinal));

    /// <summary>Replaces this process with the JIT build running <paramref name="args"/>; returns only with the reason it could not.</summary>
    public static string Exec(string[] args)
    {
        var build = Path.Combine(AppContext.BaseDirectory, Folder, "breezeblock.dll");
        if (!File.Exists(build))
        {
            return CliMessages.HostNeedsJit;
        }
        if (FindDotnet() is not { } dotnet)
        {
            return CliMessages.HostNeedsDotnet;
        }
        Console.Out.Flush();
        string?[] argv = [dotnet, build, .. args, null];
        execv(dotnet, argv);
        return CliMessages.HostHandoffFailed(dotnet, Marshal.GetLastPInvokeErrorMessage());
    }

    // The dotnet host: the one running the SDK command that started us, DOTNET_ROOT's, or the first on PATH.
    private static string? FindDotnet()
    {
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Combine(root, "dotnet") : null,
        };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "dotnet")));
        return candidates.FirstOrDefault(c => c is { Length: > 0 } && File.Exists(c));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execv(string path, string?[] argv);
}
