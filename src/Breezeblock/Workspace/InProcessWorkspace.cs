using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// A workspace evaluated in this process: each evaluation runs on a Python worker thread holding the
/// evaluation lock, stopped by its deadline or cancellation; code that will not stop is given up on
/// a second later, with this workspace (its thread may still run the folder's code).
/// </summary>
internal sealed class InProcessWorkspace(WorkspaceState state) : IWorkspaceBackend
{
    private readonly WorkspaceState _state = state;

    public ConfigResult? LastGood => _state.LastGood;

    public UnsavedFiles Unsaved => _state.Unsaved;

    public ConfigResult Evaluate(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        using var stop = new EvaluationStop(_state.Options.Timeout, cancellationToken);
        if (!stop.Token.CanBeCanceled || PythonRuntime.HoldsGil)
        {
            return _state.Runtime.Run(() => EvaluateLocked(targets, stop));
        }
        return RunStoppableBlocking(() => EvaluateLocked(targets, stop), stop);
    }

    public async Task<ConfigResult> EvaluateAsync(IReadOnlyCollection<string>? targets, CancellationToken cancellationToken)
    {
        using var stop = new EvaluationStop(_state.Options.Timeout, cancellationToken);
        return await RunStoppable(() => EvaluateLocked(targets, stop), stop).ConfigureAwait(false);
    }

    public ConfigCheck Check(IReadOnlyCollection<string>? targets, bool schemas)
    {
        using var stop = new EvaluationStop(_state.Options.Timeout, CancellationToken.None);
        Func<ConfigCheck> check = () => EvaluationLock.Run(_state.Runtime, lease =>
        {
            ThrowIfUnusable();
            return new WorkspacePass(_state, lease).Check(targets, stop, schemas);
        }, stop.Token);
        return !stop.Token.CanBeCanceled || PythonRuntime.HoldsGil
            ? _state.Runtime.Run(check)
            : RunStoppableBlocking(check, stop);
    }

    public void Invalidate() => _state.Runtime.Run(() => EvaluationLock.Run(_state.Runtime, () =>
    {
        _state.Results.Clear();
        return true;
    }, CancellationToken.None));

    public void Close()
    {
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

    // How long code told to stop has before the workspace gives up on it.
    private TimeSpan StopGrace => _state.Options.Limits.StopGrace;

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
            var where = scope?.WhereNow(SourceFolder.Discover(_state.Root, _state.DisplayPath, maxFileBytes: _state.Options.Limits.MaxFileBytes));
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
            throw new ConfigException(ExceptionTranslator.FromStop(null, SourceFolder.Discover(_state.Root, _state.DisplayPath, maxFileBytes: _state.Options.Limits.MaxFileBytes), null, null, stop.Timeout!.Value)); // waited past the deadline for another evaluation
        }
    }

    private void ThrowIfUnusable()
    {
        if (_state.Abandoned is { } reason)
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.Unstoppable, Messages.WorkspaceAbandoned(reason), null) { Hint = Messages.UnstoppableHint(_state.Options.IsolationSyntax) });
        }
    }
}
