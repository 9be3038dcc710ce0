using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A folder of configs kept loaded between evaluations. Each <see cref="Evaluate"/> reads the folder
/// and <see cref="ConfigOptions.Inputs"/> again and runs only what changed since the last one:
/// modules whose files changed (and the modules that import them), and configs whose function, inputs,
/// dependencies' values or files read changed. Every other result is reused, and a reused result is
/// exactly what running it again would give, because configs receive their inputs read-only.
/// <code>
/// using var workspace = engine.OpenWorkspace("configs");
/// using var first = workspace.Evaluate();
/// // ... a file changes ...
/// using var second = workspace.Evaluate();     // second.Report.Ran: only what the change affected
/// </code>
/// An evaluation that fails leaves <see cref="LastGoodResult"/> as it was; fixing the folder recovers
/// without reopening. Workspaces on different folders live side by side and never see each other's
/// modules; evaluations run one at a time in the process. Methods may be called from any thread.
/// </summary>
public sealed class ConfigWorkspace : IDisposable
{
    private readonly WorkspaceState? _inProcess;
    private readonly IsolatedWorkspace? _isolated;
    private int _disposed;

    // singleUse: evaluated once and closed (ConfigEngine.Evaluate), so no result is kept for reuse.
    internal ConfigWorkspace(PythonRuntime runtime, ConfigOptions options, IHostModules? hostModules, string folder, bool singleUse = false, IReadOnlyList<ConfigError>? standingWarnings = null)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _inProcess = new WorkspaceState(runtime, options, hostModules, Folder, folder) { SingleUse = singleUse, StandingWarnings = standingWarnings ?? [] };
    }

    internal ConfigWorkspace(WorkerClient worker, ConfigOptions options, string folder)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _isolated = new IsolatedWorkspace(worker, options, Folder, folder);
    }

    private WorkspaceState _state => _inProcess!;

    /// <summary>The folder's absolute path.</summary>
    public string Folder { get; }

    /// <summary>The result of the last evaluation that succeeded, or null before one has. The workspace owns it (disposing it is not needed).</summary>
    public ConfigResult? LastGoodResult => _isolated is not null ? _isolated.LastGood : _state.LastGood;

    /// <summary>
    /// Evaluates every config, or only <paramref name="targets"/> and what they need, running only what
    /// changed since the last evaluation. The caller owns the result. Cancelling, or the deadline of
    /// <see cref="ConfigOptions.Timeout"/>, interrupts the Python code running.
    /// </summary>
    /// <exception cref="ConfigException">The configuration has errors: all load-time errors together, or every config that failed while running; or the evaluation passed its time limit (<see cref="ConfigErrorKind.Timeout"/>), or could not be stopped (<see cref="ConfigErrorKind.Unstoppable"/>: the workspace cannot be used again).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ConfigResult Evaluate(IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        var targetList = targets?.ToList();
        if (_isolated is not null)
        {
            ThrowIfDisposed();
            return _isolated.Evaluate(targetList, cancellationToken);
        }
        using var stop = new EvaluationStop(_state.Options.Timeout, cancellationToken);
        if (!stop.Token.CanBeCanceled || PythonRuntime.HoldsGil)
        {
            return _state.Runtime.Run(() => EvaluateLocked(targetList, stop));
        }
        return RunStoppableBlocking(() => EvaluateLocked(targetList, stop), stop);
    }

    /// <summary>Like <see cref="Evaluate"/>, without blocking the calling thread.</summary>
    public async Task<ConfigResult> EvaluateAsync(IEnumerable<string>? targets = null, CancellationToken cancellationToken = default)
    {
        var targetList = targets?.ToList();
        if (_isolated is not null)
        {
            ThrowIfDisposed();
            return await Task.Run(() => _isolated.Evaluate(targetList, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        }
        using var stop = new EvaluationStop(_state.Options.Timeout, cancellationToken);
        return await RunStoppable(() => EvaluateLocked(targetList, stop), stop).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the modules that changed, reads what they register and checks the graph and the inputs,
    /// without running any configure function: every problem is reported in the result, none thrown
    /// (but for <see cref="ConfigErrorKind.Timeout"/>: module bodies run, and the time limit holds).
    /// A later <see cref="Evaluate"/> reuses what the check loaded.
    /// </summary>
    /// <param name="targets">Describe only these configs and what they need (an unknown name is an error in the result).</param>
    public ConfigCheck Check(IEnumerable<string>? targets = null)
    {
        var targetList = targets?.ToList();
        if (_isolated is not null)
        {
            ThrowIfDisposed();
            return _isolated.Check(targetList);
        }
        using var stop = new EvaluationStop(_state.Options.Timeout, CancellationToken.None);
        Func<ConfigCheck> check = () => EvaluationLock.Run(_state.Runtime, lease =>
        {
            ThrowIfUnusable();
            return new WorkspacePass(_state, lease).Check(targetList, stop);
        }, stop.Token);
        return !stop.Token.CanBeCanceled || PythonRuntime.HoldsGil
            ? _state.Runtime.Run(check)
            : RunStoppableBlocking(check, stop);
    }

    // Evaluate and Check: the calling thread waits for the pass with kernel waits and fires the deadline
    // itself, so a starved thread pool (many callers blocked in Evaluate) cannot delay a stop.
    private T RunStoppableBlocking<T>(Func<T> pass, EvaluationStop stop)
    {
        var running = _state.Runtime.RunAsync(pass);
        WaitHandle[] endOrCancel = [((IAsyncResult)running).AsyncWaitHandle, stop.Cancellation.WaitHandle];
        if (WaitHandle.WaitAny(endOrCancel, stop.Remaining) == WaitHandle.WaitTimeout)
        {
            stop.Expire();
        }
        if (!((IAsyncResult)running).AsyncWaitHandle.WaitOne(StopGrace)) // not Wait: it throws what the pass threw
        {
            throw GiveUp(stop);
        }
        return running.GetAwaiter().GetResult();
    }

    // Waits for the pass; when it was told to stop and has not within the grace period, gives up on it.
    private async Task<T> RunStoppable<T>(Func<T> pass, EvaluationStop stop)
    {
        var running = _state.Runtime.RunAsync(pass);
        if (!stop.Token.CanBeCanceled)
        {
            return await running.ConfigureAwait(false);
        }
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (stop.Token.Register(() => stopped.TrySetResult()))
        {
            if (await Task.WhenAny(running, stopped.Task).ConfigureAwait(false) == running)
            {
                return await running.ConfigureAwait(false);
            }
        }
        if (await Task.WhenAny(running, Task.Delay(StopGrace)).ConfigureAwait(false) == running)
        {
            return await running.ConfigureAwait(false);
        }
        throw GiveUp(stop); // blocks for at most the grace period, on a rare path
    }

    /// <summary>How long code told to stop has before the workspace gives up on it.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    // The pass does not stop (blocked in a C call): put back what it changed in the interpreter, hand
    // its lock on, and never use this workspace again, since its thread may run the folder's code later.
    private ConfigException GiveUp(EvaluationStop stop)
    {
        var scope = _state.ActivePass;
        var config = scope?.RunningConfig;
        // On a thread of its own, not a Python worker: every worker may be waiting for the lock this releases.
        var cleanup = Task.Factory.StartNew(() =>
        {
            using var gil = _state.Runtime.Acquire();
            var where = scope?.WhereNow(SourceFolder.Discover(_state.Root, _state.DisplayPath));
            var caught = scope is not null && ProcessGuards.InterruptionsLanded(scope.Interruption.ThreadId) > scope.LandedAtStart;
            scope?.Abandon();
            return (where, caught);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        SourceLocation? location = null;
        var why = UnstoppableReason.HoldsInterpreter;
        if (((IAsyncResult)cleanup).AsyncWaitHandle.WaitOne(StopGrace) && cleanup.IsCompletedSuccessfully)
        {
            (location, var caught) = cleanup.Result;
            why = caught ? UnstoppableReason.CatchesInterruption : UnstoppableReason.Blocked;
        }
        // Held in C, the thread cannot be asked where it is: the config it runs is still known, in .NET.
        location ??= config is null ? null : _state.Modules.Registrations.FirstOrDefault(r => r.Function.Name == config)?.Function.Location;
        var error = new ConfigError(ConfigErrorKind.Unstoppable, Messages.Unstoppable(config, stop.TimedOut ? stop.Timeout : null, why), location)
        {
            ConfigName = config,
            Hint = Messages.UnstoppableHint(_state.Options.IsolationSyntax),
        };
        _state.Abandoned = error.Message;
        return new ConfigException(error);
    }

    /// <summary>
    /// Forgets every kept result, so the next evaluation runs every config (modules stay loaded). For
    /// when something the workspace cannot see has changed, such as what a host function returns.
    /// </summary>
    public void Invalidate()
    {
        if (_isolated is not null)
        {
            ThrowIfDisposed();
            _isolated.Invalidate();
            return;
        }
        InvalidateInProcess();
    }

    private void InvalidateInProcess() => _state.Runtime.Run(() => EvaluationLock.Run(_state.Runtime, () =>
    {
        ThrowIfDisposed();
        _state.Cache.Clear();
        return true;
    }, CancellationToken.None));

    private ConfigResult EvaluateLocked(IReadOnlyCollection<string>? targets, EvaluationStop stop)
    {
        try
        {
            return EvaluationLock.Run(_state.Runtime, lease =>
            {
                ThrowIfUnusable();
                return new WorkspacePass(_state, lease).Run(targets, stop);
            }, stop.Token);
        }
        catch (OperationCanceledException) when (stop.TimedOut)
        {
            throw new ConfigException(ExceptionTranslator.FromStop(null, SourceFolder.Discover(_state.Root, _state.DisplayPath), null, null, stop.Timeout!.Value)); // waited past the deadline for another evaluation
        }
    }

    private void ThrowIfUnusable()
    {
        ThrowIfDisposed();
        if (_state.Abandoned is { } reason)
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.Unstoppable, Messages.WorkspaceAbandoned(reason), null) { Hint = Messages.UnstoppableHint(_state.Options.IsolationSyntax) });
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Releases the folder's modules and every kept result (waiting for a running evaluation to end).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_isolated is not null)
        {
            _isolated.Close();
            return;
        }
        if (_state.Abandoned is not null)
        {
            return; // a thread given up on may still use what the workspace holds: it is left to the process
        }
        _state.Runtime.Run(() => EvaluationLock.Run(_state.Runtime, () =>
        {
            _state.Dispose();
            return true;
        }, CancellationToken.None));
    }
}
