using Breezeblock.Python;
using PythonNet = Python.Runtime;

namespace Breezeblock.Benchmarks;

/// <summary>
/// pythonnet 3.2.1 started on the same CPython our locator finds, for the side-by-side benchmarks.
/// BenchmarkDotNet runs every benchmark in a process of its own, so a process embeds either
/// Breezeblock or pythonnet, never both. After start the benchmark thread does not hold the GIL.
/// </summary>
internal static class PeerSession
{
    private static readonly Lazy<bool> s_started = new(Start);

    public static void EnsureStarted() => _ = s_started.Value;

    private static bool Start()
    {
        var python = PythonLocator.Locate();
        PythonNet.Runtime.PythonDLL = python.LibraryPath;
        PythonNet.PythonEngine.PythonHome = Path.GetDirectoryName(Path.GetDirectoryName(python.ProgramPath))!;
        PythonNet.PythonEngine.Initialize();
        PythonNet.PythonEngine.BeginAllowThreads();
        return true;
    }

    /// <summary>Runs Python source in a fresh module and returns it; the GIL must be held.</summary>
    public static PythonNet.PyModule Define(string source)
    {
        var module = PythonNet.Py.CreateScope();
        module.Exec(source);
        return module;
    }
}
