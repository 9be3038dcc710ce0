using System.Diagnostics;
using System.Reflection;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>
/// One started worker: the process, its channel, and the tail of what it wrote to stderr (which is
/// passed on to this process's stderr as it comes, and read for Python's faulthandler traceback
/// when the worker dies).
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int TailLines = 400;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Thread _stderrPump;

    private WorkerProcess(Process process)
    {
        _process = process;
        Channel = new WorkerChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        _stderrPump = new Thread(PumpStderr) { IsBackground = true, Name = $"Breezeblock worker {process.Id} stderr" };
        _stderrPump.Start();
    }

    public WorkerChannel Channel { get; }

    public int Id => _process.Id;

    /// <summary>Starts a worker and waits until it is ready.</summary>
    /// <exception cref="PythonStartException">The worker could not start Python, or did not start at all.</exception>
    public static WorkerProcess Start(ConfigOptions options)
    {
        IReadOnlyList<string> command = options.WorkerCommand is { Count: > 0 } given ? given : DefaultCommand();
        if (options.Hermetic)
        {
            command = Sandbox(command);
        }
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[ConfigWorker.EnvironmentVariable] = "1";
        start.Environment[WorkerLimits.MemoryVariable] = options.WorkerMemoryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The worker's Python starts with the seed the host's would: fixed unless the host asked for random.
        start.Environment[ConfigWorker.HashSeedVariable] = options.Hermetic || options.FixedHashSeed
            ? (options.Python.HashSeed ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : ConfigWorker.RandomHashSeed;
        if (options.Hermetic)
        {
            start.Environment["DOTNET_EnableDiagnostics"] = "0"; // no IPC files to write on a read-only file system
        }
        if (!string.IsNullOrWhiteSpace(options.Python.Path))
        {
            start.Environment[PythonLocator.EnvironmentVariable] = Path.GetFullPath(options.Python.Path);
        }
        var worker = new WorkerProcess(Process.Start(start) ?? throw new PythonStartException(Messages.WorkerDidNotStart(string.Join(' ', command), "")));
        var ready = Task.Run(worker.Channel.Receive);
        if (!ready.Wait(StartTimeout) || ready.Result is not { } message)
        {
            worker.Kill();
            throw new PythonStartException(Messages.WorkerDidNotStart(string.Join(' ', command), worker.Tail()));
        }
        var fields = new DataFields(message, "worker greeting");
        if (fields.String("op") == "failed")
        {
            worker.Kill();
            throw new PythonStartException(fields.String("message"));
        }
        return worker;
    }

    // The worker under bubblewrap: the whole file system read-only, no network, its own /proc and /dev.
    private static List<string> Sandbox(IReadOnlyList<string> command)
    {
        var bwrap = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "bwrap"))
            .FirstOrDefault(File.Exists)
            ?? throw new PythonStartException(Messages.NoBubblewrap);
        return [bwrap, "--die-with-parent", "--unshare-net", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--", .. command];
    }

    // This program again: its own executable, or dotnet and the entry assembly.
    private static List<string> DefaultCommand()
    {
        var program = Environment.ProcessPath ?? throw new PythonStartException(Messages.WorkerDidNotStart("(this program)", "its path is unknown"));
        return Path.GetFileNameWithoutExtension(program) == "dotnet" && Assembly.GetEntryAssembly()?.GetName().Name is { Length: > 0 } entry
            ? [program, Path.Combine(AppContext.BaseDirectory, entry + ".dll")]
            : [program];
    }

    /// <summary>The worker's resident memory, or 0 when it cannot be read.</summary>
    public long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{_process.Id}/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has already ended
        }
    }

    /// <summary>How it ended: its exit code, or the signal that ended it (as 128 + the signal's number); null if it has not within the wait.</summary>
    public int? ExitStatus(TimeSpan wait)
    {
        if (!_process.WaitForExit(wait))
        {
            return null;
        }
        _stderrPump.Join(TimeSpan.FromSeconds(2)); // the last words (faulthandler's traceback) first
        return _process.ExitCode;
    }

    /// <summary>The last lines the worker wrote to stderr.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    private void PumpStderr()
    {
        try
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                lock (_tail)
                {
                    _tail.Enqueue(line);
                    if (_tail.Count > TailLines)
                    {
                        _tail.Dequeue();
                    }
                }
                Console.Error.WriteLine(line);
            }
        }
        catch (IOException)
        {
            // the worker is gone
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close(); // the worker ends when its channel closes
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Kill();
        }
        _process.Dispose();
    }
}
