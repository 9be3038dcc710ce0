using System.Diagnostics;

namespace Breezeblock.Cli.Tests;

/// <summary><c>breezeblock watch</c> against real file edits, as a real process.</summary>
public sealed class WatchTests
{
    private const string Header = "from breezeblock import configure\n\n";

    private static TempFolder Folder() => new(
        ("base.py", Header + "@configure\ndef database():\n    return {'port': 5432}\n"),
        ("web.py", Header + "@configure\ndef web(database):\n    return {'db': database['port'], 'replicas': 2}\n"),
        ("worker.py", Header + "@configure\ndef worker():\n    return {'queue': 'jobs'}\n"));

    [Fact]
    public void An_edit_prints_the_new_output_soon_and_only_the_changed_modules_dependants_run()
    {
        using var folder = Folder();
        using var watch = new WatchProcess(folder.Path);
        watch.WaitUntilWatching();
        Assert.Contains("\"replicas\": 2", watch.WaitForOutput(1));
        Assert.Matches(@"^[0-9:]{8} evaluated 3 configs; ran database, web, worker \(3 of 3\); [0-9.]+ ms$", watch.Errors[0]);

        File.WriteAllText(Path.Combine(folder.Path, "web.py"), Header + "@configure\ndef web(database):\n    return {'db': database['port'], 'replicas': 3}\n");
        Assert.Contains("\"replicas\": 3", watch.WaitForOutput(2)); // how soon is measured in bench/, not asserted here
        Assert.Matches(@"^[0-9:]{8} changed web\.replicas; ran web \(1 of 3\); [0-9.]+ ms$", watch.WaitForError(l => l.Contains("changed", StringComparison.Ordinal)));

        var before = watch.Errors.Count;
        File.WriteAllText(Path.Combine(folder.Path, "base.py"), Header + "@configure\ndef database():\n    return {'port': 6432}\n");
        Assert.Contains("\"db\": 6432", watch.WaitForOutput(3));
        Assert.Matches(@"changed database\.port, web\.db; ran database, web \(2 of 3\)", watch.WaitForError(l => l.Contains("changed", StringComparison.Ordinal), before));
        Assert.Equal(0, watch.Stop());
    }

    [Fact]
    public void With_targets_the_counts_are_of_what_was_evaluated_and_other_configs_errors_are_not_theirs()
    {
        using var folder = Folder();
        File.WriteAllText(Path.Combine(folder.Path, "worker.py"), Header + "@configure\ndef worker(queue_url):\n    return {'queue': queue_url}\n"); // broken, but not a target
        using var watch = new WatchProcess(folder.Path, "--target", "web");
        watch.WaitUntilWatching();
        Assert.Contains("\"replicas\": 2", watch.WaitForOutput(1));
        Assert.Matches(@"^[0-9:]{8} evaluated 2 configs; ran database, web \(2 of 2\); [0-9.]+ ms$", watch.Errors[0]);
        File.WriteAllText(Path.Combine(folder.Path, "base.py"), Header + "@configure\ndef database():\n    return {'port': 6432}\n");
        Assert.Contains("\"db\": 6432", watch.WaitForOutput(2));
        Assert.Matches(@"changed web\.db; ran database, web \(2 of 2\)", watch.WaitForError(l => l.Contains("changed", StringComparison.Ordinal)));
        Assert.DoesNotContain(watch.Errors, l => l.Contains("worker", StringComparison.Ordinal));
        Assert.Equal(0, watch.Stop());
    }

    [Fact]
    public void A_broken_edit_prints_the_error_and_keeps_the_last_good_output_until_fixed()
    {
        using var folder = Folder();
        using var watch = new WatchProcess(folder.Path);
        watch.WaitUntilWatching();
        watch.WaitForOutput(1);

        File.WriteAllText(Path.Combine(folder.Path, "web.py"), Header + "@configure\ndef web(database:\n    return 1\n");
        watch.WaitForError(l => l.EndsWith(CliMessages.WatchKeptLastGood("", true), StringComparison.Ordinal));
        Assert.Contains(watch.Errors, l => l.StartsWith("error: web.py:4:", StringComparison.Ordinal) && l.Contains("SyntaxError", StringComparison.Ordinal));
        Assert.Single(watch.Outputs);

        File.WriteAllText(Path.Combine(folder.Path, "web.py"), Header + "@configure\ndef web(database):\n    return {'fixed': True}\n");
        Assert.Contains("\"fixed\": true", watch.WaitForOutput(2));
        Assert.Equal(0, watch.Stop());
    }

    [Fact]
    public void Saves_by_rename_and_by_delete_and_create_are_seen()
    {
        using var folder = Folder();
        using var watch = new WatchProcess(folder.Path);
        watch.WaitUntilWatching();
        watch.WaitForOutput(1);

        var worker = Path.Combine(folder.Path, "worker.py");
        var temporary = Path.Combine(folder.Path, ".worker.py.swp");
        File.WriteAllText(temporary, Header + "@configure\ndef worker():\n    return {'queue': 'renamed'}\n");
        File.Move(temporary, worker, overwrite: true);
        Assert.Contains("\"renamed\"", watch.WaitForOutput(2));

        File.Delete(worker);
        Thread.Sleep(20);
        File.WriteAllText(worker, Header + "@configure\ndef worker():\n    return {'queue': 'recreated'}\n");
        Assert.Contains("\"recreated\"", watch.WaitForOutput(3));
        Assert.Equal(0, watch.Stop());
    }

    [Fact]
    public void With_output_dir_the_files_follow_the_edits()
    {
        using var folder = Folder();
        var output = Directory.CreateTempSubdirectory("breezeblock-watch-out-").FullName;
        try
        {
            using var watch = new WatchProcess(folder.Path, "--output-dir", output);
            watch.WaitUntilWatching();
            Assert.Equal("{\n  \"queue\": \"jobs\"\n}\n", File.ReadAllText(Path.Combine(output, "worker.json")));
            File.Delete(Path.Combine(folder.Path, "worker.py"));
            watch.WaitForError(l => l.Contains("changed worker", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(output, "worker.json")));
            Assert.True(File.Exists(Path.Combine(output, "web.json")));
            Assert.Empty(watch.Outputs);
            Assert.Equal(0, watch.Stop());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
