namespace Breezeblock.Python;

/// <summary>How to find and start Python. Everything has a default; most hosts set nothing.</summary>
public sealed class PythonOptions
{
    /// <summary>
    /// The Python to use: a libpython3.X.so, a python executable, a virtual environment or an
    /// installation prefix. Null: <see cref="PythonLocator"/> decides.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Folders put at the front of <c>sys.path</c>.</summary>
    public IList<string> ModuleSearchPaths { get; } = [];

    /// <summary>
    /// Honour <c>PYTHONPATH</c> from the environment. Off by default: the host, not the user's shell,
    /// decides what Python imports. Other <c>PYTHON*</c> variables are always ignored.
    /// </summary>
    public bool UseEnvironmentVariables { get; set; }

    /// <summary><c>sys.argv</c>; Python code that reads it (argparse, warnings) needs at least one item.</summary>
    public IList<string> Arguments { get; } = [""];

    /// <summary>
    /// Stack size of the threads that run Python code for <see cref="PythonRuntime.Run{T}(Func{T})"/>.
    /// It is reserved, not used: a page is committed only when recursion reaches it. Python's
    /// recursion limit is capped to what fits (<see cref="PythonRuntime.RecursionLimitCap"/>), so deep
    /// recursion ends in <c>RecursionError</c>, never a host stack overflow.
    /// </summary>
    public int WorkerStackSize { get; set; } = 256 * 1024 * 1024;

    /// <summary>
    /// A fixed seed for the hashes of str and bytes (what <c>PYTHONHASHSEED</c> sets), so that set order
    /// and everything that follows from it is the same in every run. Null (the default): random per
    /// process, as Python does. Takes effect only when Python starts.
    /// </summary>
    public uint? HashSeed { get; set; }

    /// <summary>How many such threads may exist; they are created as needed.</summary>
    public int MaxWorkerThreads { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);
}
