using System.Runtime.InteropServices;
using System.Text;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>Handles one audit event: its name and its arguments (a tuple, borrowed for the call). Throwing aborts the audited operation with a Python exception.</summary>
public delegate void PythonAuditHandler(string eventName, PyArgument arguments);

/// <summary>
/// Python's audit events (PEP 578: <c>open</c>, <c>os.listdir</c>, <c>import</c>, ...) delivered to
/// .NET. One native hook serves the process and picks out the subscribed events by name in .NET, so
/// the many events nobody asked for (CPython audits every <c>id()</c> and every read of a function's
/// <c>__code__</c>) cost a few nanoseconds rather than a Python call each. A handler runs with the
/// GIL held, on the thread of the audited operation; an exception it throws becomes the Python
/// exception of that operation, at the user's line (<see cref="PyFunction"/> says which).
/// </summary>
public static unsafe class PythonAudit
{
    private static readonly GilSafeLock s_lock = new(); // taken with the GIL held
    private static Subscription[] s_subscriptions = [];
    private static bool s_installed;

    /// <summary>Calls <paramref name="handler"/> for each event named in <paramref name="events"/> until the returned object is disposed. The GIL must be held.</summary>
    public static IDisposable Subscribe(IEnumerable<string> events, PythonAuditHandler handler)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        Gil.EnsureHeld();
        var subscription = new Subscription(events.Select(Encoding.UTF8.GetBytes).ToArray(), handler);
        using (s_lock.Enter())
        {
            if (!s_installed)
            {
                Check.Status(CApi.PySys_AddAuditHook(&Hook, 0));
                s_installed = true;
            }
            s_subscriptions = [.. s_subscriptions, subscription];
        }
        return subscription;
    }

    private static void Unsubscribe(Subscription subscription)
    {
        using (s_lock.Enter())
        {
            s_subscriptions = s_subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    [UnmanagedCallersOnly]
    private static int Hook(byte* eventName, nint arguments, nint userData)
    {
        var subscriptions = Volatile.Read(ref s_subscriptions);
        if (subscriptions.Length == 0)
        {
            return 0;
        }
        var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(eventName);
        foreach (var subscription in subscriptions)
        {
            if (subscription.Matches(name))
            {
                return CallbackGuard.Status((subscription, (nint)eventName, arguments), &Deliver);
            }
        }
        return 0;
    }

    // Every subscription for the event, from the first match on.
    private static int Deliver((Subscription First, nint EventName, nint Arguments) call)
    {
        var name = Marshal.PtrToStringUTF8(call.EventName) ?? "";
        var found = false;
        foreach (var subscription in Volatile.Read(ref s_subscriptions))
        {
            found |= subscription == call.First;
            if (found && subscription.Matches(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)call.EventName)))
            {
                subscription.Handler(name, new PyArgument(call.Arguments));
            }
        }
        return 0;
    }

    private sealed class Subscription(byte[][] events, PythonAuditHandler handler) : IDisposable
    {
        public PythonAuditHandler Handler { get; } = handler;

        public bool Matches(ReadOnlySpan<byte> name)
        {
            foreach (var candidate in events)
            {
                if (name.SequenceEqual(candidate))
                {
                    return true;
                }
            }
            return false;
        }

        public void Dispose() => Unsubscribe(this);
    }
}
