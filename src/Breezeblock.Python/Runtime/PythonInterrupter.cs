using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Stops Python code running on one thread by raising an exception in it
/// (<c>PyThreadState_SetAsyncExc</c>): <c>PyErr_SetInterrupt</c> reaches only Python's main thread,
/// which a .NET host never runs Python on. The exception lands at the thread's next bytecode, so it
/// is sent again every few milliseconds until the thread leaves the code it was stopped in: code
/// that swallows it (<c>except BaseException</c>) gets it again. It cannot land inside a blocking C
/// call (<c>time.sleep</c>); the caller decides what to do when the thread does not stop.
/// <para>
/// The target thread marks the code that may be stopped with <see cref="Enter"/> and
/// <see cref="Leave"/>, holding the GIL; exceptions are sent only in between, also holding the GIL, so
/// one never lands in the host's own Python code after the user's code returned.
/// </para>
/// </summary>
public sealed unsafe class PythonInterrupter : IDisposable
{
    private readonly ulong _threadId;
    private readonly nint _exceptionType;
    private int _entered;
    private int _requested;
    private int _disposed;

    private PythonInterrupter(ulong threadId, nint exceptionType)
    {
        _threadId = threadId;
        _exceptionType = exceptionType;
    }

    /// <summary>An interrupter for the calling thread, raising <paramref name="exceptionType"/> (an exception class, kept alive by the caller). The GIL must be held.</summary>
    public static PythonInterrupter ForCurrentThread(PyObject exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        Gil.EnsureHeld();
        return new PythonInterrupter(CApi.PyThread_get_thread_ident(), exceptionType.Handle);
    }

    /// <summary>The target thread's Python thread id (<c>threading.get_ident()</c>).</summary>
    public ulong ThreadId => _threadId;

    /// <summary>True once <see cref="Interrupt"/> was called.</summary>
    public bool Requested => Volatile.Read(ref _requested) != 0;

    /// <summary>The target thread starts code that may be stopped (with the GIL held).</summary>
    public void Enter() => Volatile.Write(ref _entered, 1);

    /// <summary>
    /// The target thread has left the code that may be stopped (with the GIL held): no exception is
    /// sent from now on, and one sent but not yet raised is withdrawn.
    /// </summary>
    public void Leave()
    {
        Volatile.Write(ref _entered, 0);
        if (Requested)
        {
            CApi.PyThreadState_SetAsyncExc((nuint)_threadId, 0);
        }
    }

    /// <summary>
    /// Asks for the exception to be raised in the target thread, now and then every few milliseconds.
    /// Any thread may call it, and it never waits: raising needs the GIL, which code running in C may
    /// hold indefinitely, so one thread of its own sends it (<see cref="InterruptSender"/>). Whether the
    /// target stops is for the caller to watch, on its own clock.
    /// </summary>
    public void Interrupt()
    {
        if (Interlocked.Exchange(ref _requested, 1) == 0 && Volatile.Read(ref _disposed) == 0)
        {
            InterruptSender.Request(this);
        }
    }

    /// <summary>True while the target runs code that may be stopped, so that a send would raise.</summary>
    internal bool WantsSend => Volatile.Read(ref _entered) != 0 && Volatile.Read(ref _disposed) == 0;

    /// <summary>True once the sender has nothing more to do for this interrupter.</summary>
    internal bool IsDone => Volatile.Read(ref _disposed) != 0;

    /// <summary>Raises the exception in the target thread if it is in code that may be stopped; the GIL is held. True when it raised.</summary>
    internal bool SendHoldingGil()
    {
        if (Volatile.Read(ref _entered) == 0 || Volatile.Read(ref _disposed) != 0)
        {
            return false;
        }
        CApi.PyThreadState_SetAsyncExc((nuint)_threadId, _exceptionType);
        return true;
    }

    /// <summary>
    /// For a thread the caller gives up on (blocked in a C call): sends the exception once more, to be
    /// raised whenever the thread runs Python again, and stops sending. The GIL must be held.
    /// </summary>
    public void Detach()
    {
        Gil.EnsureHeld();
        if (Volatile.Read(ref _entered) != 0)
        {
            CApi.PyThreadState_SetAsyncExc((nuint)_threadId, _exceptionType);
        }
        Dispose();
    }

    /// <summary>Stops sending. Call it from the target thread after <see cref="Leave"/>.</summary>
    public void Dispose() => Volatile.Write(ref _disposed, 1);
}
