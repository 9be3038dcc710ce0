namespace Breezeblock;

/// <summary>
/// Calls back once after changes under a folder have settled: every change (an editor's save by
/// rename, by delete and create, or in place) restarts a timer of <c>delay</c>. While the folder does
/// not exist, its nearest existing ancestor is watched for it to appear; if it disappears, that
/// counts as a change and the ancestor is watched again. The folder's parent is watched too, for the
/// folder being replaced (renamed into place, or a symbolic link swapped to a new target, as deploy
/// tools do). Callbacks never overlap, and a change during one brings one more. Changes under
/// <c>__pycache__</c> are ignored. Each replacement leaves nothing behind (see <see cref="ChangeFeed"/>),
/// and disposing releases every thread and descriptor the watcher holds. For a long-lived host that
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
    private readonly Lock _lock = new();    // the timer and the callback's state
    private readonly Lock _watching = new(); // the feeds
    private ChangeFeed? _feed;       // the folder with everything under it, or its nearest existing ancestor (under _watching)
    private ChangeFeed? _parentFeed; // the folder's parent, for the folder itself being replaced (under _watching)
    private bool _watchingFolder;
    private string? _ancestor; // the nearest existing ancestor watched while the folder does not exist
    private bool _disposed;

    /// <summary>Starts watching <paramref name="folder"/> (which need not exist yet).</summary>
    /// <param name="folder">The folder to watch, with everything under it.</param>
    /// <param name="delay">How long changes must settle before <paramref name="changed"/> is called.</param>
    /// <param name="changed">Called on a thread-pool thread; an exception it throws is the caller's to avoid.</param>
    /// <exception cref="IOException">The system refuses to watch the folder (a limit on inotify instances or watches).</exception>
    public FolderWatcher(string folder, TimeSpan delay, Action changed)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(changed);
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _delay = delay;
        _changed = changed;
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        try
        {
            Watch();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Watch()
    {
        // Under a lock of its own, not _lock: stopping a feed waits for its callback, which may be waiting for _lock.
        lock (_watching)
        {
            if (Volatile.Read(ref _disposed))
            {
                return;
            }
            StopFeeds();
            _watchingFolder = Directory.Exists(_folder);
            if (_watchingFolder)
            {
                _feed = ChangeFeed.Start(_folder, recursive: true, OnEvent, Lost);
                var parent = Path.GetDirectoryName(_folder);
                _parentFeed = parent is null ? null : ChangeFeed.Start(parent, recursive: false, OnParentEvent, Lost);
            }
            else
            {
                _ancestor = NearestExistingAncestor(_folder);
                _feed = ChangeFeed.Start(_ancestor, recursive: false, OnEvent, Lost);
            }
            if (Moved())
            {
                Schedule(rewatch: true); // the folder or a folder on its path appeared while the watch was being made
            }
        }
    }

    private void StopFeeds()
    {
        _feed?.Dispose();
        _parentFeed?.Dispose();
        (_feed, _parentFeed) = (null, null);
    }

    /// <summary>Whether what should be watched is no longer what is watched.</summary>
    private bool Moved() =>
        _watchingFolder != Directory.Exists(_folder) || (!_watchingFolder && NearestExistingAncestor(_folder) != _ancestor);

    private bool OnPath(string path) =>
        path == _folder || _folder.StartsWith(path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void Lost() => Schedule(rewatch: true); // events were lost (overflow) or the folder went away: look again

    private void OnParentEvent(string path)
    {
        if (path == _folder)
        {
            Schedule(rewatch: true); // the folder was replaced: watch what is there now
        }
    }

    private void OnEvent(string path)
    {
        if (!_watchingFolder)
        {
            if (OnPath(path))
            {
                Schedule(rewatch: true); // the folder, or a folder on its path, appeared: watch nearer
            }
            return;
        }
        if (path.Contains($"{Path.DirectorySeparatorChar}__pycache__", StringComparison.Ordinal))
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
            if (rewatch || Moved())
            {
                try
                {
                    Watch();
                }
                catch (IOException)
                {
                    Schedule(rewatch: true); // the system refused for now (a watch limit): try again after the next delay
                }
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

    /// <summary>Stops watching and releases what the watcher holds; a callback already running finishes.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
        }
        lock (_watching) // after a replacement in progress, so that what it started is stopped too
        {
            StopFeeds();
        }
    }
}
