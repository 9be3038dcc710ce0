namespace Breezeblock;

/// <summary>
/// Notices of changes under one directory, for <see cref="FolderWatcher"/>: <c>changed</c> receives
/// the full path of each entry that changed (the directory's own path when it was moved or deleted),
/// <c>lost</c> that notices may have been missed (an overflow, or the directory is no longer watched),
/// both on the feed's own thread. Disposing releases everything the feed holds before it returns.
/// On Linux the feed is inotify, read by the feed itself (<see cref="InotifyFeed"/>):
/// FileSystemWatcher there keeps its thread and inotify instance forever once the directory it
/// watches is deleted (dotnet/runtime#35439), which a folder replaced by a deploy tool does each time.
/// </summary>
internal abstract class ChangeFeed : IDisposable
{
    /// <summary>Starts a feed of <paramref name="directory"/>, with what is under it when <paramref name="recursive"/>.</summary>
    /// <param name="directory">An existing directory; if it is gone by the time it is watched, <paramref name="lost"/> is called.</param>
    /// <param name="recursive">Whether subdirectories are watched too (those named <c>__pycache__</c> are not).</param>
    /// <param name="changed">Called with the full path of what changed.</param>
    /// <param name="lost">Called when notices may have been missed.</param>
    /// <exception cref="IOException">The system refuses to watch (a limit on inotify instances or watches).</exception>
    public static ChangeFeed Start(string directory, bool recursive, Action<string> changed, Action lost) =>
        OperatingSystem.IsLinux() ? new InotifyFeed(directory, recursive, changed, lost) : new WatcherFeed(directory, recursive, changed, lost);

    /// <summary>Stops the feed; a callback already running finishes first, unless it is the one disposing.</summary>
    public abstract void Dispose();

    /// <summary>FileSystemWatcher's feed, where it gives back what it holds when disposed.</summary>
    private sealed class WatcherFeed : ChangeFeed
    {
        private readonly FileSystemWatcher? _watcher;

        public WatcherFeed(string directory, bool recursive, Action<string> changed, Action lost)
        {
            if (!Directory.Exists(directory))
            {
                ThreadPool.QueueUserWorkItem(_ => lost()); // gone since it was looked for: the watcher looks again
                return;
            }
            _watcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = recursive,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = 64 * 1024,
            };
            FileSystemEventHandler onEvent = (_, e) => changed(e.FullPath);
            _watcher.Changed += onEvent;
            _watcher.Created += onEvent;
            _watcher.Deleted += onEvent;
            _watcher.Renamed += (_, e) =>
            {
                changed(e.OldFullPath);
                changed(e.FullPath);
            };
            _watcher.Error += (_, _) => lost();
            _watcher.EnableRaisingEvents = true;
        }

        public override void Dispose() => _watcher?.Dispose();
    }
}
