using BenchmarkDotNet.Attributes;
using Breezeblock.Python;
using Breezeblock.Python.Native;

namespace Breezeblock.Benchmarks;

/// <summary>
/// Entering and leaving the GIL from a thread that does not hold it: our pinned thread state against
/// PyGILState_Ensure/Release on a thread without one, which creates and destroys a thread state each time.
/// </summary>
public class GilBenchmarks
{
    private const int Rounds = 200;
    private Thread? _unpinned;
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);

    [GlobalSetup]
    public void Setup()
    {
        _ = PythonSession.Runtime;
        _unpinned = new Thread(UnpinnedLoop) { IsBackground = true };
        _unpinned.Start();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rounds, Description = "pinned: using (runtime.Acquire()) {}")]
    public void PinnedScope()
    {
        for (var i = 0; i < Rounds; i++)
        {
            using (PythonSession.Runtime.Acquire())
            {
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Rounds, Description = "unpinned: PyGILState_Ensure + Release")]
    public void UnpinnedGilState()
    {
        _start.Release();
        _done.Wait();
    }

    private unsafe void UnpinnedLoop()
    {
        while (true)
        {
            _start.Wait();
            for (var i = 0; i < Rounds; i++)
            {
                CApi.PyGILState_Release(CApi.PyGILState_Ensure());
            }
            _done.Release();
        }
    }
}
