namespace Breezeblock.Python;

/// <summary>
/// Holds the GIL until disposed: <c>using (runtime.Acquire()) { ... }</c>. Scopes nest on one thread
/// at almost no cost; they must be disposed on the thread that created them, innermost first. A
/// <c>ref struct</c>, so a scope cannot be copied into a field or carried across an <c>await</c> to
/// another thread; disposing it twice leaves it once.
/// Python code run inside this scope uses the calling thread's stack; see <see cref="PythonRuntime.Run{T}(Func{T})"/>.
/// </summary>
public ref struct GilScope : IDisposable
{
    private int _depth;

    internal GilScope(int depth) => _depth = depth;

    /// <summary>Leaves the scope (once); the GIL is released when the outermost scope ends.</summary>
    public void Dispose()
    {
        if (_depth != 0)
        {
            Gil.Exit(_depth); // throws for a scope disposed out of order, which stays open to be disposed in order
            _depth = 0;
        }
    }
}

/// <summary>
/// Releases the GIL for a stretch of .NET work inside a callback (I/O, waiting) so other threads can
/// run Python meanwhile: <c>using (runtime.AllowThreads()) { ... }</c>. A <c>ref struct</c>, like
/// <see cref="GilScope"/>; disposing it twice takes the GIL back once.
/// </summary>
public ref struct GilRelease : IDisposable
{
    private nint _threadState;
    private int _depth;

    internal GilRelease((nint ThreadState, int Depth) saved) => (_threadState, _depth) = saved;

    /// <summary>Takes the GIL back (once).</summary>
    public void Dispose()
    {
        if (_depth != 0)
        {
            Gil.Reacquire((_threadState, _depth));
            (_threadState, _depth) = (0, 0);
        }
    }
}
