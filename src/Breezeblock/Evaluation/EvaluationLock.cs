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
    public static T Run<T>(PythonRuntime runtime, Func<T> work, CancellationToken cancellationToken)
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
        try
        {
            return work();
        }
        finally
        {
            t_evaluating = false;
            s_lock.Release();
        }
    }
}
