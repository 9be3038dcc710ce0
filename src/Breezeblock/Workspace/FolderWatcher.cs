namespace Breezeblock;

/// <summary>
/// Calls back once after changes under a folder have settled: every change (an editor's save by
/// rename, by delete and create, or in place) restarts a timer of <c>delay</c>. While the folder does
/// not exist, its nearest existing ancestor is watched for it to appear; if it disappears, that
/// counts as a change and the ancestor is watched again. Callbacks never overlap, and a change during
/// one brings one more. Changes under <c>__pycache__</c> are ignored. For a long-lived host that
/// evaluates its workspace again when the folder changes:
/// <code>
/// using var watcher = new FolderWatcher("configs", TimeSpan.FromMilliseconds(200), () => Reload());
/// </code>
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly string _folder;
    private readonly TimeSpan _delay;
    private readonly Action _changed;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private FileSystemWatcher? _watcher;
    private bool _watchingFolder;
    private bool _disposed;

    /// <summary>Starts watching <paramref name="folder"/> (which need not exist yet).</summary>
    /// <param name="folder">The folder to watch, with everything under it.</param>
    /// <param name="delay">How long changes must settle before <paramref name="changed"/> is called.</param>
    /// <param name="changed">Called on a thread-pool thread; an exception it throws is the caller's to avoid.</param>
    public FolderWatcher(string folder, TimeSpan delay, Action changed)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(changed);
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _delay = delay;
        _changed = changed;
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        Watch();
    }

    private void Watch()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _watcher?.Dispose();
            _watchingFolder = Directory.Exists(_folder);
            var target = _watchingFolder ? _folder : NearestExistingAncestor(_folder);
            _watcher = new FileSystemWatcher(target)
            {
                IncludeSubdirectories = _watchingFolder,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            _watcher.Changed += OnEvent;
            _watcher.Created += OnEvent;
            _watcher.Deleted += OnEvent;
            _watcher.Renamed += OnEvent;
            _watcher.Error += (_, _) => Schedule(rewatch: true); // events were lost (overflow) or the folder went away: look again
            _watcher.EnableRaisingEvents = true;
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (!_watchingFolder)
        {
            if (Directory.Exists(_folder))
            {
                Schedule(rewatch: true); // the folder (or a folder on its path) appeared
            }
            return;
        }
        if (e.FullPath.Contains($"{Path.DirectorySeparatorChar}__pycache__", StringComparison.Ordinal))
        {
            return;
        }
        Schedule(rewatch: !Directory.Exists(_folder));
    }

    private bool _rewatch;

    private void Schedule(bool rewatch)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _rewatch |= rewatch;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    private bool _running;
    private bool _pending;

    private void Fire()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            if (_running)
            {
                _pending = true; // a callback runs: run once more when it is done
                return;
            }
            _running = true;
        }
        while (true)
        {
            bool rewatch;
            lock (_lock)
            {
                rewatch = _rewatch;
                _rewatch = false;
            }
            if (rewatch || _watchingFolder != Directory.Exists(_folder))
            {
                Watch();
            }
            _changed();
            lock (_lock)
            {
                if (!_pending || _disposed)
                {
                    _running = false;
                    return;
                }
                _pending = false;
            }
        }
    }

    private static string NearestExistingAncestor(string folder)
    {
        for (var current = Path.GetDirectoryName(folder); current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(current))
            {
                return current;
            }
        }
        return Path.GetPathRoot(folder) ?? "/";
    }

    /// <summary>Stops watching; a callback already running finishes.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _watcher?.Dispose();
            _timer.Dispose();
        }
    }
}
