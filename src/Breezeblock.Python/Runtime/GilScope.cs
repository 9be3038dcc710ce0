namespace Breezeblock.Python;

/// <summary>
/// Holds the GIL until disposed: <c>using (runtime.Acquire()) { ... }</c>. Scopes nest on one thread
/// at almost no cost; they must be disposed on the thread that created them, once, innermost first.
/// Python code run inside this scope uses the calling thread's stack; see <see cref="PythonRuntime.Run{T}(Func{T})"/>.
/// </summary>
public readonly struct GilScope : IDisposable
{
    private readonly int _depth;

    internal GilScope(int depth) => _depth = depth;

    /// <summary>Leaves the scope; the GIL is released when the outermost scope ends.</summary>
    public void Dispose()
    {
        if (_depth != 0)
        {
            Gil.Exit(_depth);
        }
    }
}

/// <summary>
/// Releases the GIL for a stretch of .NET work inside a callback (I/O, waiting) so other threads can
/// run Python meanwhile: <c>using (runtime.AllowThreads()) { ... }</c>.
/// </summary>
public readonly struct GilRelease : IDisposable
{
    private readonly nint _threadState;
    private readonly int _depth;

    internal GilRelease((nint ThreadState, int Depth) saved) => (_threadState, _depth) = saved;

    /// <summary>Takes the GIL back.</summary>
    public void Dispose()
    {
        if (_depth != 0)
        {
            Gil.Reacquire((_threadState, _depth));
        }
    }
}
