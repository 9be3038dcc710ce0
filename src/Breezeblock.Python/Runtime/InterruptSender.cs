using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// The one thread that raises interruptions into Python threads (<see cref="PythonInterrupter"/>).
/// Raising one needs the GIL, and code running in C may hold the GIL for as long as it likes
/// (<c>sum(range(10**11))</c>): only this thread ever waits for it, so the thread that cancels, a
/// timer's callback and the thread waiting for an evaluation never block. It sends to every
/// interrupter that asked, then again every few milliseconds until each has left the code it stops.
/// </summary>
internal static class InterruptSender
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);
    private static readonly Lock s_lock = new();
    private static readonly List<PythonInterrupter> s_requested = [];
    private static readonly AutoResetEvent s_wake = new(false);
    private static Thread? s_thread;

    /// <summary>How many times the sender has raised an interruption; tests watch it move.</summary>
    public static long Sent => Interlocked.Read(ref s_sent);

    private static long s_sent;

    /// <summary>Asks for <paramref name="interrupter"/>'s exception to be raised now and repeatedly, until it is done. Never blocks.</summary>
    public static void Request(PythonInterrupter interrupter)
    {
        lock (s_lock)
        {
            s_requested.Add(interrupter);
            s_thread ??= Start();
        }
        s_wake.Set();
    }

    private static Thread Start()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Python interrupt sender" };
        thread.Start();
        return thread;
    }

    private static void Loop()
    {
        var pending = new List<PythonInterrupter>();
        while (true)
        {
            lock (s_lock)
            {
                s_requested.RemoveAll(i => i.IsDone);
                pending.Clear();
                pending.AddRange(s_requested);
            }
            if (pending.Count == 0)
            {
                s_wake.WaitOne();
                continue;
            }
            if (!pending.Exists(i => i.WantsSend))
            {
                s_wake.WaitOne(Period); // between two pieces of user code: nothing to raise, no GIL to take
                continue;
            }
            var depth = Gil.Enter(); // may wait as long as C code holds the GIL: nobody waits for this thread
            try
            {
                foreach (var interrupter in pending)
                {
                    if (interrupter.SendHoldingGil())
                    {
                        Interlocked.Increment(ref s_sent);
                    }
                }
            }
            finally
            {
                Gil.Exit(depth);
            }
            s_wake.WaitOne(Period);
        }
    }
}
