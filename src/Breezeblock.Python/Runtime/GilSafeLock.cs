namespace Breezeblock.Python;

/// <summary>
/// A .NET lock that may be taken while holding the GIL. A plain <c>lock</c> around Python work
/// deadlocks: the holder runs Python, which lets go of the GIL now and then (every few milliseconds,
/// around imports and I/O) and must get it back, while a second thread holds the GIL and waits for the
/// lock. This lock lets go of the GIL while it waits, so the holder can always go on.
/// </summary>
public sealed class GilSafeLock
{
    private readonly Lock _lock = new();

    /// <summary>Takes the lock until the returned scope is disposed; with the GIL held or not.</summary>
    public Scope Enter()
    {
        if (!_lock.TryEnter())
        {
            if (Gil.IsHeld)
            {
                var saved = Gil.Suspend();
                try
                {
                    _lock.Enter();
                }
                finally
                {
                    Gil.Reacquire(saved);
                }
            }
            else
            {
                _lock.Enter();
            }
        }
        return new Scope(_lock);
    }

    /// <summary>A holding of a <see cref="GilSafeLock"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Lock _lock;

        internal Scope(Lock held) => _lock = held;

        /// <summary>Releases the lock.</summary>
        public void Dispose() => _lock.Exit();
    }
}
