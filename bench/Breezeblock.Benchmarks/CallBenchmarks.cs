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
    private GilScope _gil;
    private PyObject _function = null!;
    private PyObject _identity = null!;
    private PyObject _timeit = null!;
    private PyObject _callback = null!;
    private nint _raw;

    [GlobalSetup]
    public void Setup()
    {
        _gil = PythonSession.Runtime.Acquire();
        using var globals = PythonSession.Define("""
            import itertools
            def f():
                pass
            def identity(x):
                return x
            def timeit(n, target, repeat=itertools.repeat):
                for _ in repeat(None, n):
                    target()
            """);
        _function = globals.GetItem("f");
        _identity = globals.GetItem("identity");
        _timeit = globals.GetItem("timeit");
        _callback = PyFunction.Create("noop", () => { });
        _raw = _function.Handle;
    }

    [GlobalCleanup]
    public void Cleanup() => _gil.Dispose();

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
