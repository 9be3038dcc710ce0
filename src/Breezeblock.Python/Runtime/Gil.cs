using System.Runtime.CompilerServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// The GIL, per .NET thread. Each thread gets one Python thread state the first time it enters and
/// keeps it (pinned), so entering is <c>PyEval_RestoreThread</c> and leaving <c>PyEval_SaveThread</c>,
/// counted so that nested scopes on one thread are free. A thread state whose .NET thread has ended
/// is deleted through the <see cref="ReleaseQueue"/>.
/// </summary>
internal static unsafe class Gil
{
    private static nint s_interpreter;

    [ThreadStatic]
    private static ThreadBinding? t_binding;

    /// <summary>
    /// Pins the thread state that initialized Python to the calling thread, which holds the GIL, as a
    /// scope of depth 1: the caller finishes setting Python up and then calls <see cref="Exit"/>(1).
    /// </summary>
    public static void AdoptInitializingThread()
    {
        s_interpreter = CApi.PyInterpreterState_Main();
        t_binding = new ThreadBinding { ThreadState = CApi.PyThreadState_Get(), Depth = 1, IsMain = true };
    }

    /// <summary>True when the calling thread holds the GIL through a scope or a callback.</summary>
    public static bool IsHeld
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_binding is { Depth: > 0 };
    }

    /// <summary>How deep the calling thread's scopes are nested (0 when it does not hold the GIL).</summary>
    public static int Depth => t_binding?.Depth ?? 0;

    /// <summary>Throws unless the calling thread holds the GIL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureHeld()
    {
        if (t_binding is not { Depth: > 0 })
        {
            ThrowNotHeld();
        }
    }

    /// <summary>Enters the GIL (blocking until free) and returns the depth reached.</summary>
    public static int Enter()
    {
        var binding = t_binding ?? Bind();
        if (binding.Depth == 0)
        {
            if (binding.ThreadState == 0)
            {
                binding.ThreadState = CApi.PyThreadState_New(s_interpreter);
                if (binding.ThreadState == 0)
                {
                    throw new InvalidOperationException("Python could not create a thread state for this thread");
                }
            }
            CApi.PyEval_RestoreThread(binding.ThreadState);
            binding.Depth = 1;
            ReleaseQueue.DrainIfPending();
            return 1;
        }
        return ++binding.Depth;
    }

    /// <summary>Leaves a scope entered at <paramref name="depth"/>; scopes must end in reverse order on their own thread.</summary>
    public static void Exit(int depth)
    {
        var binding = t_binding;
        if (binding is null || binding.Depth != depth)
        {
            throw new InvalidOperationException(
                "GIL scopes must be disposed once each, in reverse order, on the thread that created them");
        }
        if (depth == 1)
        {
            PythonErrors.ReleaseInFlight();
            ReleaseQueue.DrainIfPending();
            binding.Depth = 0;
            CApi.PyEval_SaveThread();
            return;
        }
        binding.Depth = depth - 1;
    }

    /// <summary>Marks entry into a .NET callback, which Python calls with the GIL held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterCallback() => (t_binding ?? Bind()).Depth++;

    /// <summary>Marks the return from a .NET callback to Python, which keeps the GIL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExitCallback() => t_binding!.Depth--;

    /// <summary>Releases the GIL while the calling thread does .NET work; returns what <see cref="Reacquire"/> needs.</summary>
    public static (nint ThreadState, int Depth) Suspend()
    {
        var binding = t_binding;
        if (binding is not { Depth: > 0 })
        {
            ThrowNotHeld();
        }
        var depth = binding!.Depth;
        binding.Depth = 0;
        return (CApi.PyEval_SaveThread(), depth);
    }

    /// <summary>Takes the GIL back after <see cref="Suspend"/>.</summary>
    public static void Reacquire((nint ThreadState, int Depth) saved)
    {
        CApi.PyEval_RestoreThread(saved.ThreadState);
        t_binding!.Depth = saved.Depth;
    }

    private static ThreadBinding Bind()
    {
        if (s_interpreter == 0)
        {
            throw new InvalidOperationException("Python has not been started; call PythonRuntime.Initialize first");
        }
        return t_binding = new ThreadBinding();
    }

    private static void ThrowNotHeld() =>
        throw new InvalidOperationException(
            "this thread does not hold the GIL; wrap Python work in `using (runtime.Acquire())` or runtime.Run(...)");

    /// <summary>One .NET thread's Python thread state. Unreachable once its thread ends, so its finalizer queues the state's deletion.</summary>
    private sealed class ThreadBinding
    {
        public nint ThreadState;
        public int Depth;
        public bool IsMain;

        ~ThreadBinding()
        {
            if (ThreadState != 0 && !IsMain)
            {
                ReleaseQueue.EnqueueThreadState(ThreadState);
            }
        }
    }
}
