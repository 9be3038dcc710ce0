namespace Breezeblock.Python.Native;

internal static unsafe partial class CApi
{
    /// <summary>Releases the GIL and returns the thread state that held it.</summary>
    public static delegate* unmanaged<nint> PyEval_SaveThread;
    /// <summary>Blocks until the GIL is free, then makes the thread state current.</summary>
    public static delegate* unmanaged<nint, void> PyEval_RestoreThread;
    public static delegate* unmanaged<nint, nint> PyThreadState_New;
    public static delegate* unmanaged<nint, void> PyThreadState_Clear;
    public static delegate* unmanaged<nint, void> PyThreadState_Delete;
    public static delegate* unmanaged<nint> PyInterpreterState_Main;
    public static delegate* unmanaged<int> PyGILState_Check;
    /// <summary>Schedules an exception in the thread with that id; returns how many thread states matched.</summary>
    public static delegate* unmanaged<nuint, nint, int> PyThreadState_SetAsyncExc;
    public static delegate* unmanaged<nint, ulong> PyThreadState_GetID;
    /// <summary>The calling thread's ident (<c>threading.get_ident()</c>): what <see cref="PyThreadState_SetAsyncExc"/> and <c>sys._current_frames()</c> know a thread by (not <see cref="PyThreadState_GetID"/>'s counter).</summary>
    public static delegate* unmanaged<nuint> PyThread_get_thread_ident;
    /// <summary>Takes the GIL, creating a thread state when the thread has none (the slow, unpinned way).</summary>
    public static delegate* unmanaged<int> PyGILState_Ensure;
    public static delegate* unmanaged<int, void> PyGILState_Release;
    /// <summary>The current thread state; the GIL must be held.</summary>
    public static delegate* unmanaged<nint> PyThreadState_Get;

    private static void BindThreads(Symbols s)
    {
        PyEval_SaveThread = (delegate* unmanaged<nint>)s.Function("PyEval_SaveThread");
        PyEval_RestoreThread = (delegate* unmanaged<nint, void>)s.Function("PyEval_RestoreThread");
        PyThreadState_New = (delegate* unmanaged<nint, nint>)s.Function("PyThreadState_New");
        PyThreadState_Clear = (delegate* unmanaged<nint, void>)s.Function("PyThreadState_Clear");
        PyThreadState_Delete = (delegate* unmanaged<nint, void>)s.Function("PyThreadState_Delete");
        PyInterpreterState_Main = (delegate* unmanaged<nint>)s.Function("PyInterpreterState_Main");
        PyGILState_Check = (delegate* unmanaged<int>)s.Function("PyGILState_Check");
        PyThreadState_SetAsyncExc = (delegate* unmanaged<nuint, nint, int>)s.Function("PyThreadState_SetAsyncExc");
        PyThreadState_GetID = (delegate* unmanaged<nint, ulong>)s.Function("PyThreadState_GetID");
        PyThread_get_thread_ident = (delegate* unmanaged<nuint>)s.Function("PyThread_get_thread_ident");
        PyThreadState_Get = (delegate* unmanaged<nint>)s.Function("PyThreadState_Get");
        PyGILState_Ensure = (delegate* unmanaged<int>)s.Function("PyGILState_Ensure");
        PyGILState_Release = (delegate* unmanaged<int, void>)s.Function("PyGILState_Release");
    }
}
