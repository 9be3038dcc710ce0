using BenchmarkDotNet.Attributes;
using Breezeblock.Python;
using Breezeblock.Python.Native;

namespace Breezeblock.Benchmarks;

/// <summary>
/// One call of a trivial function, four ways. The baseline is Python calling it (a timeit-style loop
/// run inside Python, divided by its length), next to a raw function-pointer call with no wrapper.
/// </summary>
public unsafe class CallBenchmarks
{
    private const int Loop = 10_000;

    /// <summary>The functions called: trivial, identity, and a timeit-style loop run inside Python.</summary>
    internal const string Source = """
        import itertools
        def f():
            pass
        def identity(x):
            return x
        def timeit(n, target, repeat=itertools.repeat):
            for _ in repeat(None, n):
                target()
        """;
    private int _gil; // the GIL held from setup to cleanup: a GilScope cannot live in a field
    private PyObject _function = null!;
    private PyObject _identity = null!;
    private PyObject _timeit = null!;
    private PyObject _callback = null!;
    private nint _raw;

    [GlobalSetup]
    public void Setup()
    {
        _gil = Gil.Enter();
        (_function, _identity, _timeit, _callback) = Targets();
        _raw = _function.Handle;
    }

    /// <summary>f, identity and timeit from <see cref="Source"/>, and a C# Action for Python to call; the GIL must be held.</summary>
    internal static (PyObject Function, PyObject Identity, PyObject Timeit, PyObject Callback) Targets()
    {
        using var globals = PythonSession.Define(Source);
        return (globals.GetItem("f"), globals.GetItem("identity"), globals.GetItem("timeit"), PyFunction.Create("noop", () => { }));
    }

    [GlobalCleanup]
    public void Cleanup() => Gil.Exit(_gil);

    [Benchmark(Baseline = true, OperationsPerInvoke = Loop, Description = "Python calls f() (timeit loop)")]
    public void PythonCallsPython() => _timeit.Call(Loop, _function).Dispose();

    [Benchmark(Description = "raw function pointer: PyObject_CallNoArgs + Py_DecRef")]
    public void RawFunctionPointer() => CApi.Py_DecRef(CApi.PyObject_CallNoArgs(_raw));

    [Benchmark(Description = "C# calls f(): PyObject.Invoke()")]
    public void DotnetCallsPython() => _function.Invoke();

    [Benchmark(Description = "C# calls identity(42): Call<long, long>")]
    public long DotnetCallsPythonTyped() => _identity.Call<long, long>(42);

    [Benchmark(OperationsPerInvoke = Loop, Description = "Python calls a C# Action (timeit loop)")]
    public void PythonCallsDotnet() => _timeit.Call(Loop, _callback).Dispose();
}
