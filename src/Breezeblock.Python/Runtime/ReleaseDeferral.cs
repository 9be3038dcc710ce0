namespace Breezeblock.Python;

/// <summary>A deferral of releases (<see cref="PythonRuntime.DeferReleases"/>), ended once by <see cref="Dispose"/>, with the GIL held.</summary>
public sealed class ReleaseDeferral : IDisposable
{
    private int _ended;

    internal ReleaseDeferral()
    {
    }

    /// <summary>Ends the deferral; when it was the last, what waited is released now.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            Gil.EnsureHeld();
            ReleaseQueue.Resume();
        }
    }
}
