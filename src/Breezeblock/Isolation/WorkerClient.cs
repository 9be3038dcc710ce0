using System.Text.RegularExpressions;

namespace Breezeblock;

/// <summary>
/// The host's side of <see cref="ConfigIsolation.Process"/>: one worker per engine, started on first
/// use and kept warm, asked one request at a time. While a request runs it answers the worker's host
/// function calls and watches it: past the deadline (and the worker's own chance to stop the code)
/// or over its memory limit it is killed. A worker that dies is reported as an error naming the config
/// it was running and, from Python's faulthandler, the line; the next request starts a new one.
/// </summary>
internal sealed partial class WorkerClient(ConfigOptions options) : IDisposable
{
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromMilliseconds(50);
    private readonly Lock _lock = new();
    private readonly PlainData _plain = new(null, HostObjectRenderer.Instance);
    private WorkerProcess? _worker;

    /// <summary>Sends a request and waits for its answer: the result or check snapshot, or throws the errors.</summary>
    public (string Op, string Snapshot) Request(Dictionary<string, object?> request, EvaluationStop stop, Func<SourceFolder> folder)
    {
        lock (_lock)
        {
            var worker = _worker ??= WorkerProcess.Start(options);
            var started = DateTime.UtcNow;
            string? running = null;
            var killed = KillReason.None;
            using var watch = new Timer(_ => killed = Watch(worker, stop, started, killed), null, WatchPeriod, WatchPeriod);
            worker.Channel.Send(request);
            while (worker.Channel.Receive() is { } message)
            {
                var fields = new DataFields(message, "worker message");
                switch (fields.String("op"))
                {
                    case "running":
                        running = fields.String("config");
                        break;
                    case "call":
                        worker.Channel.Send(options.HostReflection?.AnswerCall(options.HostModules, fields, _plain)
                            ?? WorkerMessages.Raise(new InvalidOperationException(Messages.NoSuchHostFunction(fields.String("module"), fields.String("function")))));
                        break;
                    case "output":
                        options.Output?.Invoke(new PythonOutput(fields.Enum<PythonOutputLevel>("level"), fields.String("message"), fields.Optional("module"), fields.Optional("logger")));
                        break;
                    case "errors":
                        var errors = ConfigException.FromJson(fields.String("errors"));
                        if (errors.Errors.Any(e => e.Kind == ConfigErrorKind.Unstoppable))
                        {
                            Forget(); // the worker ends: its stuck thread may still run; the next request starts a new one
                            throw new ConfigException(errors.Errors.Select(e => e.Kind == ConfigErrorKind.Unstoppable ? e.WithHint(Messages.UnstoppableIsolatedHint) : e).ToList(), errors.Skipped);
                        }
                        throw errors;
                    case "result" or "checked" or "done":
                        return (fields.String("op"), fields.Optional("snapshot") ?? "");
                }
            }
            watch.Dispose();
            throw Died(worker, killed, running, stop, folder);
        }
    }

    /// <summary>Asks the worker to forget a folder's kept results (or its workspace), if it runs.</summary>
    public void Tell(Dictionary<string, object?> request, Func<SourceFolder> folder)
    {
        lock (_lock)
        {
            if (_worker is null)
            {
                return;
            }
        }
        using var stop = new EvaluationStop(null, CancellationToken.None);
        Request(request, stop, folder);
    }

    private KillReason Watch(WorkerProcess worker, EvaluationStop stop, DateTime started, KillReason killed)
    {
        if (killed != KillReason.None)
        {
            return killed;
        }
        if (stop.Cancellation.IsCancellationRequested)
        {
            worker.Kill();
            return KillReason.Cancelled;
        }
        // The worker stops runaway code itself at the deadline and gives up on code that will not stop a
        // second later; only past that is it killed here.
        if (stop.Timeout is { } limit && DateTime.UtcNow - started > limit + options.Limits.StopGrace + options.Limits.StopGrace)
        {
            worker.Kill();
            return KillReason.Deadline;
        }
        if (worker.ResidentBytes() > options.WorkerMemoryLimit)
        {
            worker.Kill();
            return KillReason.Memory;
        }
        return KillReason.None;
    }

    private Exception Died(WorkerProcess worker, KillReason killed, string? running, EvaluationStop stop, Func<SourceFolder> folder)
    {
        var status = worker.ExitStatus(TimeSpan.FromSeconds(5));
        var tail = worker.Tail();
        Forget();
        if (killed == KillReason.Cancelled)
        {
            return new OperationCanceledException(stop.Cancellation);
        }
        var how = killed switch
        {
            KillReason.Memory => Messages.WorkerOutOfMemory(options.WorkerMemoryLimit),
            KillReason.Deadline => Messages.WorkerPastDeadline(stop.Timeout!.Value),
            _ when FaultTitle(tail) is { } fault => Messages.WorkerFault(fault), // a segfault shows as SIGABRT: .NET aborts after faulthandler
            _ => status is > 128 and < 160 ? Messages.WorkerSignalled(SignalName(status.Value - 128)) : Messages.WorkerExited(status),
        };
        var frames = FaultFrames(tail, folder());
        var kind = killed == KillReason.Deadline ? ConfigErrorKind.Unstoppable : ConfigErrorKind.WorkerDied;
        return new ConfigException(new ConfigError(kind, Messages.WorkerDied(how, running), frames.Count > 0 ? frames[0].Location : null)
        {
            ConfigName = running,
            Frames = frames,
            Details = frames.Select(Messages.TracebackFrame).ToList(),
            Hint = killed == KillReason.Memory ? Messages.WorkerMemoryHint : Messages.WorkerDiedHint,
        });
    }

    // faulthandler's "  File "/x/app.py", line 7 in crash" lines of the thread that crashed, most recent
    // call first, those in the folder.
    private static List<ErrorFrame> FaultFrames(string tail, SourceFolder folder)
    {
        var start = tail.IndexOf("Fatal Python error", StringComparison.Ordinal);
        var current = start < 0 ? -1 : tail.IndexOf("Current thread", start, StringComparison.Ordinal);
        if (current < 0)
        {
            return [];
        }
        var end = tail.IndexOf("\n\n", current, StringComparison.Ordinal);
        return FrameLine().Matches(end < 0 ? tail[current..] : tail[current..end])
            .Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Function: m.Groups["function"].Value))
            .Where(f => folder.Contains(f.File))
            .Select(f => new ErrorFrame(folder.Locate(f.File, f.Line), f.Function, ReadLine(f.File, f.Line)))
            .ToList();
    }

    // "Segmentation fault" from faulthandler's "Fatal Python error: Segmentation fault".
    private static string? FaultTitle(string tail)
    {
        var start = tail.IndexOf("Fatal Python error: ", StringComparison.Ordinal); // the first: an abort that follows is the runtime's answer to it
        if (start < 0)
        {
            return null;
        }
        var end = tail.IndexOf('\n', start);
        return tail[(start + "Fatal Python error: ".Length)..(end < 0 ? tail.Length : end)].Trim();
    }

    private static string? ReadLine(string file, int line)
    {
        try
        {
            return File.ReadLines(file).Skip(line - 1).FirstOrDefault()?.Trim() is { Length: > 0 } text ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("""^\s+File "(?<file>[^"]+)", line (?<line>\d+) in (?<function>\S+)""", RegexOptions.Multiline)]
    private static partial Regex FrameLine();

    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        24 => "SIGXCPU",
        _ => $"signal {signal}",
    };

    private void Forget()
    {
        _worker?.Dispose();
        _worker = null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Forget();
        }
    }

    private enum KillReason
    {
        None,
        Cancelled,
        Deadline,
        Memory,
    }
}
