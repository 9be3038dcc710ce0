namespace Breezeblock.Tests;

/// <summary>Hostile input that fixture folders cannot hold: huge files, output floods, threads left running.</summary>
[Trait("Category", "Smoke")]
public sealed class HazardTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void A_file_over_the_size_cap_is_an_error_naming_it_and_is_never_read()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef a():\n    return 1\n"));
        using (var big = File.Create(Path.Combine(folder.Path, "huge.py")))
        {
            big.SetLength(ConfigLimits.DefaultMaxFileBytes + 1);
        }
        Assert.Null(SourceFolder.Discover(folder.Path).Files.Single(f => f.Name == "huge").Hash); // listing it did not read it: a hash is made only from its bytes
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single(); // the only error: had the loader read it, its NUL bytes would be another
        Assert.Equal((ConfigErrorKind.ImportError, "huge.py"), (error.Kind, error.Location?.ToString()));
        Assert.Equal(Messages.FileTooLarge("huge.py", ConfigLimits.DefaultMaxFileBytes + 1, ConfigLimits.DefaultMaxFileBytes), error.Message);
        Assert.Equal("huge.py is 16 MB, more than a config file may be (16 MB)", error.Message);
    }

    [Fact]
    public void A_print_flood_is_cut_at_the_limit_with_one_note()
    {
        using var folder = new TempFolder(("app.py", "import logging\n" + Header + """
            @configure
            def loud():
                for i in range(100_000):
                    print("line", i, "x" * 40)
                    logging.getLogger("app").warning("record %d", i)
                return 1
            """));
        var received = new List<PythonOutput>();
        var options = fixture.Options();
        options.Output = received.Add;
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal(1L, result.Get("loud"));
        Assert.InRange(received.Sum(o => o.Message.Length), 990_000, 1_000_000 + 200);
        var note = received[^1];
        Assert.Equal((PythonOutputLevel.Warning, "[breezeblock: config code printed more than 1,000,000 characters in this evaluation; the rest of its output is left out]"), (note.Level, note.Message));
        Assert.Single(received, o => o.Message.StartsWith("[breezeblock:", StringComparison.Ordinal));

        received.Clear();
        using var again = engine.Evaluate(folder.Path); // the budget is per evaluation
        Assert.Contains(received, o => o.Message == "line 0 " + new string('x', 40));
    }

    [Fact]
    public void The_limits_are_the_hosts_to_set()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef loud():\n    for i in range(100):\n        print('x' * 99)\n    return 1\n"));
        var received = new List<PythonOutput>();
        var options = fixture.Options();
        options.Output = received.Add;
        options.Limits.MaxOutputCharacters = 1_000;
        using (var engine = new ConfigEngine(options))
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(10, received.Count(o => o.Message == new string('x', 99))); // 10 × 99 characters fit in 1,000, the 11th does not
            Assert.Equal("[breezeblock: config code printed more than 1,000 characters in this evaluation; the rest of its output is left out]", received[^1].Message);
        }

        options.Limits.MaxFileBytes = 64;
        using (var engine = new ConfigEngine(options))
        {
            var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single();
            Assert.Equal(Messages.FileTooLarge("app.py", new FileInfo(Path.Combine(folder.Path, "app.py")).Length, 64), error.Message);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Limits.MaxOutputCharacters = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Limits.StopGrace = TimeSpan.Zero);
    }

    [Fact]
    public void A_thread_left_running_is_a_warning_with_where_it_runs()
    {
        using var folder = new TempFolder(("app.py", "import threading, time\n" + Header + """
            stop = threading.Event()

            def tick():
                while not stop.wait(0.05):
                    pass

            @configure
            def starts():
                threading.Thread(target=tick, name="ticker", daemon=True).start()
                return 1

            @configure
            def joins():
                worker = threading.Thread(target=lambda: None, name="quick")
                worker.start()
                worker.join()
                return 2
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ConfigErrorKind.ThreadLeftRunning, warning.Kind);
        Assert.Equal(Messages.ThreadLeftRunning("ticker"), warning.Message);
        Assert.Equal("app.py:7", warning.Location?.ToString());
    }
}
