using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Threads with large stacks that run Python work. Deep recursion in Python (or in C code it calls,
/// such as <c>json</c>) must end in <c>RecursionError</c>, not a host stack overflow: the recursion
/// limit is capped to what these stacks hold, and no other thread's stack (not even the 8 MB main
/// thread's) is large enough to promise that. Work runs inline only when the calling thread is a
/// worker or already holds the GIL (a callback from Python, or a caller that entered it on purpose).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Workers live as long as the process, like the Python runtime they serve.")]
internal sealed class PythonWorkers(int stackSize, int maxThreads)
{
    [ThreadStatic]
    private static bool t_isWorker;

    private readonly ConcurrentQueue<WorkItem> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _threads;
    private int _idle;

    /// <summary>True when Python work can run on the calling thread without a hop.</summary>
    public static bool CanRunInline => t_isWorker || Gil.IsHeld;

    public T Run<T>(Func<T> work)
    {
        if (CanRunInline)
        {
            var depth = Gil.Enter();
            try
            {
                return work();
            }
            finally
            {
                Gil.Exit(depth);
            }
        }
        var item = new WorkItem<T>(work, synchronous: true);
        Post(item);
        return item.Wait();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        var item = new WorkItem<T>(work, synchronous: false);
        Post(item);
        return item.Task;
    }

    private void Post(WorkItem item)
    {
        _queue.Enqueue(item);
        if (Volatile.Read(ref _idle) == 0 && Volatile.Read(ref _threads) < maxThreads)
        {
            StartThread();
        }
        _signal.Release();
    }

    private void StartThread()
    {
        var number = Interlocked.Increment(ref _threads);
        if (number > maxThreads)
        {
            Interlocked.Decrement(ref _threads);
            return;
        }
        var thread = new Thread(Loop, stackSize) { IsBackground = true, Name = $"Python worker {number}" };
        thread.Start();
    }

    private void Loop()
    {
        t_isWorker = true;
        while (true)
        {
            Interlocked.Increment(ref _idle);
            _signal.Wait();
            Interlocked.Decrement(ref _idle);
            if (_queue.TryDequeue(out var item))
            {
                item.Execute();
            }
        }
    }

    private abstract class WorkItem
    {
        public abstract void Execute();
    }

    private sealed class WorkItem<T>(Func<T> work, bool synchronous) : WorkItem
    {
        private readonly ManualResetEventSlim? _done = synchronous ? new ManualResetEventSlim() : null;
        private readonly TaskCompletionSource<T>? _completion = synchronous ? null : new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private ExceptionDispatchInfo? _error;

        public Task<T> Task => _completion!.Task;

        public override void Execute()
        {
            try
            {
                var depth = Gil.Enter();
                try
                {
                    _result = work();
                }
                finally
                {
                    Gil.Exit(depth);
                }
                _completion?.SetResult(_result);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
                _completion?.SetException(e);
            }
            _done?.Set();
        }

        public T Wait()
        {
            _done!.Wait();
            _done.Dispose();
            _error?.Throw();
            return _result!;
        }
    }
}
