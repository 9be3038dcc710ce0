using Breezeblock.Python;

namespace Breezeblock.Benchmarks;

/// <summary>Starts Python once per benchmark process and holds the GIL on the benchmark thread.</summary>
internal static class PythonSession
{
    public static PythonRuntime Runtime { get; } = PythonRuntime.Initialize();

    /// <summary>Runs Python source in fresh globals and returns them.</summary>
    public static PyObject Define(string source)
    {
        return Runtime.Execute(source, "<benchmark>");
    }
}
