using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary><c>breezeblock watch</c> as a real process: its outputs (one JSON object per pass) and stderr lines as they come.</summary>
internal sealed class WatchProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly List<string> _outputs = [];
    private readonly List<string> _errors = [];
    private readonly Lock _lock = new();
    private readonly System.Text.StringBuilder _pending = new();

    public WatchProcess(params string[] args)
    {
        _process = Process.Start(Cli.StartInfo(null, null, ["watch", .. args]))!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_lock)
            {
                _pending.Append(e.Data).Append('\n');
                if (e.Data == "}" || (_pending.Length == e.Data.Length + 1 && !e.Data.StartsWith('{')))
                {
                    _outputs.Add(_pending.ToString()); // a whole JSON object (or one-line value) ends here
                    _pending.Clear();
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lock)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Outputs
    {
        get
        {
            lock (_lock)
            {
                return [.. _outputs];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Waits for the watcher to say it watches (the first pass is done).</summary>
    public void WaitUntilWatching() => WaitForError(line => line.StartsWith("watching ", StringComparison.Ordinal));

    /// <summary>Waits for the next stderr line, after the first <paramref name="after"/>, that <paramref name="match"/> accepts; returns it.</summary>
    public string WaitForError(Func<string, bool> match, int after = 0)
    {
        var found = Wait(() => Errors.Skip(after).FirstOrDefault(match));
        return found ?? throw new TimeoutException($"no such line on stderr within {Patience.TotalSeconds} s; stderr so far:\n{string.Join('\n', Errors)}");
    }

    /// <summary>Waits for output number <paramref name="count"/> (1-based) and returns it.</summary>
    public string WaitForOutput(int count) =>
        Wait(() => Outputs.Count >= count ? Outputs[count - 1] : null)
        ?? throw new TimeoutException($"output {count} did not come within {Patience.TotalSeconds} s; stderr:\n{string.Join('\n', Errors)}");

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public int Stop()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        if (!_process.WaitForExit(Patience))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("watch did not stop on SIGTERM");
        }
        _process.WaitForExit(); // drain the output events
        return _process.ExitCode;
    }

    private static string? Wait(Func<string?> probe)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (probe() is { } value)
            {
                return value;
            }
            Thread.Sleep(20);
        }
        return null;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
