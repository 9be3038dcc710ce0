namespace Breezeblock.Tests;

/// <summary><see cref="ConfigOptions.Hermetic"/> in process: the tripwire reports each kind of accidental I/O at its line.</summary>
[Trait("Category", "Smoke")]
public sealed class HermeticTests(EngineFixture fixture)
{
    private const string Header = "import os, socket, subprocess\nfrom breezeblock import configure\n\n";

    private ConfigEngine Engine(bool hermetic = true)
    {
        var options = fixture.Options();
        options.Hermetic = hermetic;
        return new ConfigEngine(options);
    }

    public static TheoryData<string, string, string> Attempts => new()
    {
        { "return open('/etc/hostname').read()", "app.py:6", "open() reads /etc/hostname, outside the config folder: a hermetic evaluation reads only its folder and the standard library" },
        { "return os.listdir('/')", "app.py:6", "os.listdir() reads /, outside the config folder: a hermetic evaluation reads only its folder and the standard library" },
        { "open(os.path.join(os.path.dirname(__file__), 'out.txt'), 'w')", "app.py:6", "open() writes {folder}/out.txt: a hermetic evaluation writes nothing" },
        { "os.remove(__file__)", "app.py:6", "os.remove() writes {folder}/app.py: a hermetic evaluation writes nothing" },
        { "socket.getaddrinfo('example.com', 80)", "app.py:6", "socket.getaddrinfo uses the network: a hermetic evaluation has none" },
        { "subprocess.run(['true'])", "app.py:6", "subprocess.Popen starts a process: a hermetic evaluation starts none" },
        { "return os.environ['HOME']", "app.py:6", "reading the environment (HOME): a hermetic evaluation sees no environment variables; pass the value as an input" },
        { "return os.getenv('PATH')", "app.py:6", "reading the environment (PATH): a hermetic evaluation sees no environment variables; pass the value as an input" },
    };

    [Theory]
    [MemberData(nameof(Attempts))]
    public void Each_kind_of_io_is_refused_at_its_line(string body, string location, string message)
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef a():\n    " + body + "\n"));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single();
        Assert.Equal((ConfigErrorKind.HermeticViolation, location), (error.Kind, error.Location?.ToString()));
        Assert.Equal(message.Replace("{folder}", Path.GetFullPath(folder.Path), StringComparison.Ordinal), error.Message);
        Assert.Equal(Messages.HermeticHint, error.Hint);
        Assert.True(File.Exists(Path.Combine(folder.Path, "app.py")));
    }

    [Fact]
    public void An_attempt_the_code_catches_still_fails_the_evaluation()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef a():\n    try:\n        return os.environ['HOME']\n    except BaseException:\n        return 'caught'\n"));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single();
        Assert.Equal((ConfigErrorKind.HermeticViolation, "app.py:7"), (error.Kind, error.Location?.ToString()));
    }

    [Fact]
    public void The_folder_and_the_standard_library_may_be_read_and_the_environment_comes_back_afterwards()
    {
        using var folder = new TempFolder(
            ("data.json", "{\"replicas\": 3}"),
            ("app.py", Header + "import json, textwrap\n\n@configure\ndef a():\n    with open(os.path.join(os.path.dirname(__file__), 'data.json')) as f:\n        return json.load(f)['replicas'] + len(textwrap.dedent(' x'))\n"));
        using (var engine = Engine())
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(4L, result.Get<long>("a"));
        }
        using var open = new TempFolder(("app.py", Header + "@configure\ndef home():\n    return 'HOME' in os.environ\n"));
        using var plain = Engine(hermetic: false);
        using var after = plain.Evaluate(open.Path);
        Assert.True(after.Get<bool>("home"));
    }

    [Fact]
    public async Task A_thread_config_code_starts_is_held_to_it_and_the_hosts_own_python_on_other_threads_is_not()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import threading, time

            @configure
            def a():
                seen = []
                worker = threading.Thread(target=lambda: seen.append(os.listdir('/')))
                worker.start()
                worker.join()
                go = os.path.join(os.path.dirname(__file__), 'go')
                deadline = time.monotonic() + 60  # the test never hangs on it
                while not os.path.exists(go) and time.monotonic() < deadline:
                    time.sleep(0.01)
                return len(seen)
            """));
        var options = fixture.Options();
        options.Hermetic = true;
        using var started = new ManualResetEventSlim();
        options.ConfigStarting = _ => started.Set();
        using var engine = new ConfigEngine(options);
        var evaluation = Task.Run(() => Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the config never started");
        // The host reading what it likes meanwhile, on a thread of its own (not a Python worker: those
        // may all be waiting for the evaluation lock this evaluation holds).
        Exception? failure = null;
        var outside = 0L;
        var host = new Thread(() =>
        {
            try
            {
                using (fixture.Runtime.Acquire())
                {
                    using var listing = fixture.Runtime.Evaluate($"len(__import__('os').listdir({System.Text.Json.JsonSerializer.Serialize(Path.GetTempPath())}))");
                    outside = listing.As<long>();
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        host.Start();
        host.Join();
        Assert.Null(failure);
        Assert.True(outside > 0);
        File.WriteAllText(Path.Combine(folder.Path, "go"), "");
        var error = (await evaluation).Errors.Single();
        Assert.Equal((ConfigErrorKind.HermeticViolation, "app.py:9"), (error.Kind, error.Location?.ToString()));
        Assert.StartsWith("os.listdir() reads /, outside the config folder", error.Message);
    }
}
