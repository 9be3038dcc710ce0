using System.Collections.Concurrent;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// References whose owners were finalized, and thread states of .NET threads that ended. Finalizers
/// never take the GIL; they queue here, and whoever next holds the GIL releases what is queued, unless
/// releases are deferred (<see cref="PythonRuntime.DeferReleases"/>): releasing runs <c>__del__</c>,
/// arbitrary code, which must not run in the middle of someone else's work.
/// </summary>
internal static unsafe class ReleaseQueue
{
    private static readonly ConcurrentQueue<nint> s_objects = new();
    private static readonly ConcurrentQueue<nint> s_threadStates = new();
    private static int s_pending;
    private static int s_deferred;
    private static long s_threadStatesDeleted;

    /// <summary>How many releases wait for the GIL.</summary>
    public static int Pending => Volatile.Read(ref s_pending);

    /// <summary>How many thread states of ended .NET threads have been deleted so far.</summary>
    public static long ThreadStatesDeleted => Interlocked.Read(ref s_threadStatesDeleted);

    public static void EnqueueObject(nint reference)
    {
        s_objects.Enqueue(reference);
        Interlocked.Increment(ref s_pending);
    }

    public static void EnqueueThreadState(nint threadState)
    {
        s_threadStates.Enqueue(threadState);
        Interlocked.Increment(ref s_pending);
    }

    /// <summary>Releases everything queued, unless releases are deferred; the caller holds the GIL. A cheap check when nothing waits.</summary>
    public static void DrainIfPending()
    {
        if (Volatile.Read(ref s_pending) != 0 && Volatile.Read(ref s_deferred) == 0)
        {
            Drain();
        }
    }

    /// <summary>From now until <see cref="Resume"/>, queued releases wait (deferrals nest).</summary>
    public static void Defer() => Interlocked.Increment(ref s_deferred);

    /// <summary>Ends a deferral; the last one releases what waited. The caller holds the GIL.</summary>
    public static void Resume()
    {
        if (Interlocked.Decrement(ref s_deferred) == 0)
        {
            DrainIfPending();
        }
    }

    private static void Drain()
    {
        while (s_objects.TryDequeue(out var reference))
        {
            Interlocked.Decrement(ref s_pending);
            CApi.Py_DecRef(reference); // may run __del__, which may call back into .NET: the GIL is held
        }
        while (s_threadStates.TryDequeue(out var threadState))
        {
            Interlocked.Decrement(ref s_pending);
            CApi.PyThreadState_Clear(threadState);
            CApi.PyThreadState_Delete(threadState);
            Interlocked.Increment(ref s_threadStatesDeleted);
        }
    }
}
