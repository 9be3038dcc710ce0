namespace Breezeblock.Testing;

/// <summary>
/// What this process holds that a watcher can leak, from /proc/self (Linux): open file descriptors,
/// inotify instances among them, and file-watching threads (ours and FileSystemWatcher's, by the
/// names Linux shows, their first 15 characters). Read after a full collection, so only what is
/// still reachable or never released is counted.
/// </summary>
internal readonly record struct ProcessResources(int Descriptors, int InotifyInstances, int WatcherThreads)
{
    private static readonly string[] s_watcherThreads = ["Folder watcher", ".NET File Watch"];

    public static ProcessResources Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int descriptors = 0, inotify = 0;
        foreach (var descriptor in Directory.GetFiles("/proc/self/fd"))
        {
            descriptors++;
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.Contains("inotify", StringComparison.Ordinal))
                {
                    inotify++;
                }
            }
            catch (IOException)
            {
                // closed while listed (the listing's own descriptor)
            }
        }
        var threads = 0;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                threads += s_watcherThreads.Contains(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n')) ? 1 : 0;
            }
            catch (IOException)
            {
                // the thread ended while listed
            }
        }
        return new ProcessResources(descriptors, inotify, threads);
    }
}
