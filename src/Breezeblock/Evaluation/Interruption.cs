using System.Diagnostics;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// When an evaluation must stop: the caller's cancellation token, or the deadline of
/// <see cref="ConfigOptions.Timeout"/>, counted from the call. Made on the calling thread, before the
/// evaluation waits for its turn, so the wait counts too.
/// </summary>
internal sealed class EvaluationStop : IDisposable
{
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource? _linked;

    public EvaluationStop(TimeSpan? timeout, CancellationToken cancellation)
    {
        Cancellation = cancellation;
        Timeout = timeout;
        if (timeout is { } limit)
        {
            Deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
            _deadline = new CancellationTokenSource(limit);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _deadline.Token);
        }
        Token = _linked?.Token ?? cancellation;
    }

    /// <summary>When the time limit passes (a <see cref="Stopwatch"/> timestamp), or null without one.</summary>
    public long? Deadline { get; }

    /// <summary>How long until the time limit passes (zero once it has), or infinite without one.</summary>
    public TimeSpan Remaining => Deadline is { } deadline
        ? TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency)
        : System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>
    /// Fires the time limit now, on the calling thread: a thread waiting for the evaluation sees the
    /// deadline pass without waiting for the timer, whose callback needs a free thread-pool thread.
    /// </summary>
    public void Expire()
    {
        try
        {
            _deadline?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the evaluation ended meanwhile
        }
    }

    /// <summary>Cancelled when either the caller cancels or the deadline passes.</summary>
    public CancellationToken Token { get; }

    public CancellationToken Cancellation { get; }

    public TimeSpan? Timeout { get; }

    /// <summary>True when the deadline, not the caller, stopped the evaluation.</summary>
    public bool TimedOut => _deadline?.IsCancellationRequested == true && !Cancellation.IsCancellationRequested;

    public void Dispose()
    {
        _linked?.Dispose();
        _deadline?.Dispose();
    }
}

/// <summary>
/// Stops the configure function or module body running on the evaluation thread when its
/// <see cref="EvaluationStop"/> fires, by raising <c>breezeblock.EvaluationInterrupted</c> into it (and
/// again, should the code swallow it). Only code run through <see cref="Run{T}"/> can be stopped, so
/// the exception never lands in the engine's own Python code.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly PythonInterrupter _interrupter;
    private readonly CancellationTokenRegistration _registration;
    private bool _detached;

    /// <summary>Prepares to stop code on the calling thread; the GIL must be held.</summary>
    public Interruption(EvaluationStop stop)
    {
        Stop = stop;
        _interrupter = PythonInterrupter.ForCurrentThread(ProcessGuards.InterruptedType);
        _registration = stop.Token.Register(static state => ((PythonInterrupter)state!).Interrupt(), _interrupter);
    }

    public EvaluationStop Stop { get; }

    /// <summary>The evaluation thread's Python thread id, to find where it is when it does not stop.</summary>
    public ulong ThreadId => _interrupter.ThreadId;

    /// <summary>True once the evaluation was told to stop.</summary>
    public bool Requested => Stop.Token.IsCancellationRequested;

    /// <summary>
    /// Runs user code (a configure function, a module body) so that a stop can interrupt it. When the
    /// pass was given up on meanwhile (<see cref="Detach"/>), the code's thread throws
    /// <see cref="PassAbandonedException"/> as soon as the code returns: the lock has been handed on, so
    /// it must not touch the engine's state again, only unwind.
    /// </summary>
    public T Run<T>(Func<T> userCode) => Run(userCode, static code => code());

    /// <summary><see cref="Run{T}(Func{T})"/> for code that takes its state as an argument: a call per config makes no closure.</summary>
    public T Run<TState, T>(TState state, Func<TState, T> userCode)
    {
        T result = default!;
        _interrupter.Enter();
        try
        {
            result = userCode(state);
        }
        catch (Exception) when (Volatile.Read(ref _detached))
        {
            // what the code raised no longer matters to anyone
        }
        finally
        {
            _interrupter.Leave();
        }
        if (Volatile.Read(ref _detached))
        {
            (result as IDisposable)?.Dispose();
            throw new PassAbandonedException();
        }
        return result;
    }

    /// <summary>True when <paramref name="exception"/> is how a stop surfaced (the interruption, or what code that caught it raised instead).</summary>
    public bool IsStop(PythonException exception) => Requested || exception.PythonType == ProcessGuards.InterruptedTypeName;

    /// <summary>Throws what a stop means when one came between two pieces of user code; <paramref name="before"/> says what was about to run.</summary>
    public void ThrowIfStopped(SourceFolder folder, string? before = null)
    {
        if (Requested)
        {
            throw Stopped(null, folder, before, null);
        }
    }

    /// <summary>
    /// What a stop means: for the deadline, a <see cref="ConfigErrorKind.Timeout"/> error at the line the
    /// code was running (from <paramref name="exception"/>'s traceback); for the caller's cancellation,
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public Exception Stopped(PythonException? exception, SourceFolder folder, string? context, string? configName) =>
        Stop.TimedOut
            ? new ConfigException(ExceptionTranslator.FromStop(exception, folder, context, configName, Stop.Timeout!.Value))
            : new OperationCanceledException(Stop.Cancellation);

    /// <summary>Gives up on a thread blocked in a C call: the exception stays pending for when it runs Python again.</summary>
    public void Detach()
    {
        Volatile.Write(ref _detached, true);
        _interrupter.Detach();
    }

    public void Dispose()
    {
        // Not Dispose: it waits for a callback running now, which may be waiting for the GIL this thread holds.
        _registration.Unregister();
        _interrupter.Dispose();
    }
}

/// <summary>Unwinds the thread of a pass that was given up on, once its user code returns; nothing catches it.</summary>
internal sealed class PassAbandonedException() : Exception("this evaluation was given up on; its thread only unwinds");
