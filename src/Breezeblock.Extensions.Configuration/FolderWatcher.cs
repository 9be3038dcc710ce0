namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// Calls back once after changes under a folder have settled: every change (an editor's save by
/// rename, by delete and create, or in place) restarts a timer of <c>delay</c>. While the folder does
/// not exist, its nearest existing ancestor is watched for it to appear; if it disappears, that
/// counts as a change and the ancestor is watched again. Callbacks never overlap.
/// </summary>
internal sealed class FolderWatcher : IDisposable
{
    private readonly string _folder;
    private readonly TimeSpan _delay;
    private readonly Action _changed;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private FileSystemWatcher? _watcher;
    private bool _watchingFolder;
    private bool _disposed;

    public FolderWatcher(string folder, TimeSpan delay, Action changed)
    {
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
