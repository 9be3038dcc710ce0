using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration.Tests;

[CollectionDefinition(nameof(ReplacedFolderTests), DisableParallelization = true)]
public sealed class ReplacedFolderTestsDefinition;

/// <summary>
/// A server whose config folder a deploy tool replaces, again and again: each replacement's content
/// is served, the process holds no more descriptors, inotify instances or watcher threads after a
/// cycle than before it, and disposing the provider gives back everything it started. Alone in its
/// collection, so that no other test moves the counts; it waits for reloads, never for time.
/// </summary>
[Collection(nameof(ReplacedFolderTests))]
public sealed class ReplacedFolderTests
{
    private static string Web(int port) => $"from breezeblock import configure\n\n@configure\ndef web():\n    return {{\"Port\": {port}}}\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_folder_deleted_and_made_again_six_times_is_served_each_time_and_leaks_nothing(bool byRename)
    {
        Replace(byRename, cycles: 1, measure: false); // what the process loads once (assemblies, Python modules) is not a leak
        Replace(byRename, cycles: 6, measure: true);
    }

    private static void Replace(bool byRename, int cycles, bool measure)
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "config");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "web.py"), Web(0));
        var before = ProcessResources.Now();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var configuration = new ConfigurationBuilder().AddPythonConfig(source =>
        {
            source.Path = folder;
            source.ReloadOnChange = true;
            source.ReloadDelay = 20;
            source.LoggerFactory = loggerFactory;
            source.OnLoadException = context => context.Ignore = true; // the folder is briefly gone: that reload keeps the last good configuration
        }).Build();
        Assert.Equal("0", configuration["web:Port"]);
        var watching = ProcessResources.Now();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            if (byRename)
            {
                var staged = $"{folder}.new";
                Directory.CreateDirectory(staged);
                File.WriteAllText(Path.Combine(staged, "web.py"), Web(cycle));
                Directory.Delete(folder, recursive: true);
                Directory.Move(staged, folder);
            }
            else
            {
                Directory.Delete(folder, recursive: true);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "web.py"), Web(cycle));
            }
            var expected = cycle.ToString(System.Globalization.CultureInfo.InvariantCulture);
            logs.WaitUntil(() => configuration["web:Port"] == expected, $"replacement #{cycle} served");
            var now = ProcessResources.Now();
            Assert.True(!measure || now.Descriptors <= watching.Descriptors && now.InotifyInstances <= watching.InotifyInstances && now.WatcherThreads <= watching.WatcherThreads,
                $"after replacement #{cycle} the process holds {now}; after the first load it held {watching}");
        }
        foreach (var provider in configuration.Providers.OfType<IDisposable>())
        {
            provider.Dispose();
        }
        var after = ProcessResources.Now();
        if (!measure)
        {
            return;
        }
        Assert.Equal((before.InotifyInstances, before.WatcherThreads), (after.InotifyInstances, after.WatcherThreads));
        Assert.True(after.Descriptors <= before.Descriptors, $"disposed, the provider left descriptors open: {before} → {after}");
    }
}
