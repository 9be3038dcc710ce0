namespace Breezeblock.Tests;

[CollectionDefinition(nameof(FolderWatcherTests), DisableParallelization = true)]
public sealed class FolderWatcherTestsDefinition;

/// <summary>
/// A watched folder replaced the ways deploy tools replace one (deleted and made again, renamed into
/// place, a symbolic link swapped), cycle after cycle: each replacement is noticed, and the process
/// holds no more descriptors, inotify instances or watcher threads after it than before; disposing
/// gives back all of them. Alone in its collection, so that no other test's files or watchers move
/// the counts. The waits are for callbacks, never for time to pass.
/// </summary>
[Collection(nameof(FolderWatcherTests))]
public sealed class FolderWatcherTests
{
    private const int Cycles = 6;

    /// <summary>Each callback, with what the file the test looks for held when it ran.</summary>
    private sealed class Callbacks(string file)
    {
        private readonly object _lock = new(); // Monitor.Wait needs a monitor
        private readonly List<string?> _seen = [];

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _seen.Count;
                }
            }
        }

        public void Changed()
        {
            string? text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                text = null; // not there (yet, or any more)
            }
            lock (_lock)
            {
                _seen.Add(text);
                Monitor.PulseAll(_lock);
            }
        }

        /// <summary>Waits for a callback that found the file holding <paramref name="text"/>: the watcher then watches what is there now.</summary>
        public void WaitForContent(string text) => WaitUntil(() => _seen.Contains(text), $"no callback found {file} holding '{text}'");

        /// <summary>Waits for callbacks beyond the first <paramref name="count"/>.</summary>
        public void WaitForMore(int count) => WaitUntil(() => _seen.Count > count, $"no callback after the first {count}");

        private void WaitUntil(Func<bool> condition, string failure)
        {
            lock (_lock)
            {
                while (!condition())
                {
                    Assert.True(Monitor.Wait(_lock, TimeSpan.FromMinutes(1)), failure);
                }
            }
        }
    }

    private static void Replace(string folder, string how, int cycle)
    {
        var text = $"PORT = {cycle}\n";
        switch (how)
        {
            case "delete and create":
                Directory.Delete(folder, recursive: true);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "web.py"), text);
                break;
            case "rename into place":
                var staged = $"{folder}.new";
                Directory.CreateDirectory(staged);
                File.WriteAllText(Path.Combine(staged, "web.py"), text);
                Directory.Delete(folder, recursive: true);
                Directory.Move(staged, folder);
                break;
            case "swap a link":
                var target = $"{folder}.{cycle}";
                Directory.CreateDirectory(target);
                File.WriteAllText(Path.Combine(target, "web.py"), text);
                var link = $"{folder}.link";
                File.CreateSymbolicLink(link, target);
                var moved = ChildProcess.Run(ChildProcess.StartInfo("mv", ["-T", link, folder]), TimeSpan.FromMinutes(1)); // rename(2) over the old link, as deploy tools do
                Assert.Equal(0, moved.Exit);
                break;
        }
    }

    [Theory]
    [InlineData("delete and create")]
    [InlineData("rename into place")]
    [InlineData("swap a link")]
    public void A_folder_replaced_again_and_again_is_seen_each_time_and_leaves_nothing_behind(string how)
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "config");
        if (how == "swap a link")
        {
            Directory.CreateDirectory($"{folder}.first");
            File.WriteAllText(Path.Combine($"{folder}.first", "web.py"), "PORT = 0\n");
            File.CreateSymbolicLink(folder, $"{folder}.first");
        }
        else
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "web.py"), "PORT = 0\n");
        }
        var before = ProcessResources.Now();
        var callbacks = new Callbacks(Path.Combine(folder, "web.py"));
        var watcher = new FolderWatcher(folder, TimeSpan.FromMilliseconds(20), callbacks.Changed);
        var watching = ProcessResources.Now();
        Assert.True(watching.InotifyInstances > before.InotifyInstances, $"watching holds inotify: {before} → {watching}");
        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            Replace(folder, how, cycle);
            callbacks.WaitForContent($"PORT = {cycle}\n");
            var now = ProcessResources.Now();
            // A replacement in progress may hold less for a moment; never more.
            Assert.True(now.Descriptors <= watching.Descriptors && now.InotifyInstances <= watching.InotifyInstances && now.WatcherThreads <= watching.WatcherThreads,
                $"after {how} #{cycle} the process holds {now}, watching from the start it held {watching}");
        }
        watcher.Dispose();
        Assert.Equal(before, ProcessResources.Now());
    }

    [Fact]
    public void An_edit_in_a_folder_made_after_watching_began_is_seen()
    {
        using var folder = new TempFolder(("web.py", "PORT = 0\n"));
        var callbacks = new Callbacks(Path.Combine(folder.Path, "services", "db.py"));
        using var watcher = new FolderWatcher(folder.Path, TimeSpan.FromMilliseconds(20), callbacks.Changed);
        var count = callbacks.Count;
        Directory.CreateDirectory(Path.Combine(folder.Path, "services"));
        callbacks.WaitForMore(count); // the new folder is watched from when it is noticed
        folder.Write("services/db.py", "HOST = 'a'\n");
        callbacks.WaitForContent("HOST = 'a'\n");
        folder.Write("services/db.py", "HOST = 'b'\n"); // in place: seen only through the new folder's own watch
        callbacks.WaitForContent("HOST = 'b'\n");
    }

    [Fact]
    public void A_folder_that_does_not_exist_yet_is_seen_when_it_appears_and_disposing_releases_its_watch()
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "later", "config");
        var before = ProcessResources.Now();
        var callbacks = new Callbacks(Path.Combine(folder, "web.py"));
        var watcher = new FolderWatcher(folder, TimeSpan.FromMilliseconds(20), callbacks.Changed);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "web.py"), "PORT = 1\n");
        callbacks.WaitForContent("PORT = 1\n");
        watcher.Dispose();
        Assert.Equal(before, ProcessResources.Now());
    }
}
