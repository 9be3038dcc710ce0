using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One evaluation at a time in the process: every workspace shares the one interpreter's
/// sys.modules, import hooks and registration sink. Taken with the GIL held; another evaluation may
/// hold the lock while Python has let go of the GIL (time.sleep, I/O), so the wait releases the GIL.
/// </summary>
internal static class EvaluationLock
{
    private static readonly SemaphoreSlim s_lock = new(1, 1);

    [ThreadStatic]
    private static bool t_evaluating;

    /// <summary>True on the thread running an evaluation (inside configure functions and host callbacks too).</summary>
    public static bool IsEvaluating => t_evaluating;

    /// <summary>Runs <paramref name="work"/> holding the lock; the GIL must be held.</summary>
    /// <exception cref="InvalidOperationException">Called from inside an evaluation.</exception>
    public static T Run<T>(PythonRuntime runtime, Func<T> work, CancellationToken cancellationToken) =>
        Run(runtime, _ => work(), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> holding the lock, which it may hand to another thread through the
    /// <see cref="Lease"/>: a workspace that gives up on an evaluation that cannot be stopped releases
    /// it for the stuck thread, so other evaluations go on.
    /// </summary>
    public static T Run<T>(PythonRuntime runtime, Func<Lease, T> work, CancellationToken cancellationToken)
    {
        if (t_evaluating)
        {
            throw new InvalidOperationException(Messages.NestedEvaluation);
        }
        if (!s_lock.Wait(0, CancellationToken.None))
        {
            using (runtime.AllowThreads())
            {
                s_lock.Wait(cancellationToken);
            }
        }
        t_evaluating = true;
        var lease = new Lease();
        try
        {
            return work(lease);
        }
        finally
        {
            t_evaluating = false;
            lease.Release();
        }
    }

    /// <summary>One holding of the lock, released once, by whoever comes first.</summary>
    public sealed class Lease
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                s_lock.Release();
            }
        }
    }
}
