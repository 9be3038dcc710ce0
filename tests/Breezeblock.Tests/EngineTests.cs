using System.Text;
using Breezeblock.Python;

namespace Breezeblock.Tests;

[Trait("Category", "Smoke")]
public sealed class EngineTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    public sealed class Service
    {
        public string Name { get; set; } = "";
        public int MaxSurge { get; set; }
        public List<string> Hosts { get; set; } = [];
    }

    [Fact]
    public void Json_written_from_python_objects_is_the_json_of_plain_data()
    {
        // WriteJson writes plain results straight from the Python objects and the rest through plain
        // data; ToJson always makes plain data. Both must write the same bytes, value for value.
        using var folder = new TempFolder(("app.py", Header + """
            import collections, dataclasses, enum

            class Level(enum.IntEnum):
                HIGH = 3

            @dataclasses.dataclass
            class Point:
                x: int

            @configure
            def scalars():
                return {"text": "é\n\"\\\t\u2028 \x01 😀", "empty": "", "numbers": [0, -2, 2**63 - 1, 1.5, 1e20, -0.0, 1e-05], "flags": [True, False, None]}

            @configure
            def nested():
                return {"a": {"b": [[], {}, ({"c": (1, "x")},)]}, "ordered": collections.OrderedDict(z=1, a=2), "named": collections.namedtuple("P", "x y")(1, 2)}

            @configure
            def mixed():
                return {"big": 2**70, "set": {3, 1, 2}, "level": Level.HIGH, "point": Point(1), "keys": {1: "one", True: "yes", 2.5: "f"}}

            @configure
            def deep():
                value = []
                for _ in range(150):
                    value = [value]
                return value

            @configure
            def top_level_text():
                return "just text"
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        foreach (var indented in new[] { true, false })
        {
            using var stream = new MemoryStream();
            result.WriteJson(stream, indented);
            Assert.Equal(result.ToJson(indented) + "\n", Encoding.UTF8.GetString(stream.ToArray()));
        }
        Assert.Contains("\"text\": \"é\\n\\\"\\\\\\t\\u2028 \\u0001 😀\"", result.ToJson());
        Assert.Contains("\"big\": 1180591620717411303424", result.ToJson());
    }

    [Fact]
    public void Results_bind_to_typed_dotnet_values()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import dataclasses

            @dataclasses.dataclass
            class Web:
                name: str
                max_surge: int
                hosts: list

            @configure
            def web():
                return Web("api", 2, ["a", "b"])

            @configure
            def raw():
                return {"name": "raw", "max_surge": 1, "hosts": []}

            @configure
            def port():
                return 8080
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        var web = result.Get<Service>("web");
        Assert.Equal(("api", 2), (web.Name, web.MaxSurge));
        Assert.Equal(["a", "b"], web.Hosts);
        Assert.Equal("raw", result.Get<Service>("raw").Name);
        Assert.Equal(8080, result.Get<int>("port"));
        Assert.Equal(8080L, result.Get("port"));
        Assert.Equal(["web", "raw", "port"], result.Names);
        using var python = result.Get<PyObject>("web");
        Assert.Equal("Web", RuntimeTypeName(python));
    }

    private string RuntimeTypeName(PyObject value)
    {
        using (fixture.Runtime.Acquire())
        {
            return value.TypeName;
        }
    }

    [Fact]
    public void Reading_a_result_that_does_not_fit_names_the_config_and_path()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return {'max_surge': 'lots'}\n"));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        var error = Assert.Throws<ConfigException>(() => result.Get<Service>("web"));
        Assert.Equal(ConfigErrorKind.ConversionError, error.Kind);
        Assert.Equal("error: app.py:4: config 'web' cannot become Service: $.web.max_surge: expected Int32, got str \"lots\"", error.Message);
        Assert.Equal("no config 'webb' was evaluated; did you mean 'web'?", Assert.Throws<KeyNotFoundException>(() => result.Get<Service>("webb")).Message);
    }

    [Fact]
    public void A_chain_of_5000_configs_across_50_files_evaluates()
    {
        var files = Enumerable.Range(0, 50).Select(f =>
        {
            var source = new StringBuilder(Header);
            for (var i = f * 100; i < (f + 1) * 100; i++)
            {
                source.Append(i == 0 ? "@configure\ndef c0():\n    return 0\n\n" : $"@configure\ndef c{i}(c{i - 1}):\n    return c{i - 1} + 1\n\n");
            }
            return ($"part{f:00}.py", source.ToString());
        }).ToArray();
        using var folder = new TempFolder(files);
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path, ["c4999"]);
        Assert.Equal(4999L, result.Get("c4999"));
        Assert.Equal(["c4999"], result.Names);
    }

    [Fact]
    public void Cancellation_stops_between_configure_functions()
    {
        using var folder = new TempFolder(("app.py", Header + """
            started = []

            @configure
            def first():
                started.append("first")
                return 1

            @configure
            def after(first):
                started.append("after")
                raise RuntimeError("must not run after cancellation")

            @configure
            def seen():
                return list(started)
            """));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using (var engine = fixture.Engine())
        {
            Assert.ThrowsAny<OperationCanceledException>(() => engine.Evaluate(folder.Path, cancellationToken: cancelled.Token)); // before anything
        }
        using var between = new CancellationTokenSource();
        var options = fixture.Options();
        options.ConfigStarting = name => // the engine's own hook, on the evaluating thread: first has returned, after is next
        {
            if (name == "after")
            {
                between.Cancel();
            }
        };
        using var cancelling = new ConfigEngine(options);
        using var workspace = cancelling.OpenWorkspace(folder.Path);
        Assert.ThrowsAny<OperationCanceledException>(() => workspace.Evaluate(cancellationToken: between.Token));
        using var next = workspace.Evaluate(["seen"]); // the module stays loaded: its list says which functions started
        Assert.Equal(["first"], (IEnumerable<object?>)next.Get("seen")!);
    }

    [Fact]
    public async Task Evaluations_run_from_many_threads_one_at_a_time()
    {
        // Each evaluation marks its start and end through host functions and sleeps in between,
        // letting go of the GIL: only the evaluation lock keeps two from overlapping.
        using var folder = new TempFolder(("app.py", Header + "import time\nfrom probe import enter, leave\n\n@configure\ndef value(n):\n    enter()\n    time.sleep(0.02)\n    leave()\n    return n * 2\n"));
        var active = 0;
        var most = 0;
        var tasks = Enumerable.Range(0, 8).Select(n =>
        {
            var options = fixture.Options(new Dictionary<string, object?> { ["n"] = n });
            options.AddHostModule("probe", module => module
                .AddFunction("enter", () =>
                {
                    var now = Interlocked.Increment(ref active);
                    InterlockedMax(ref most, now);
                })
                .AddFunction("leave", () => Interlocked.Decrement(ref active)));
            var engine = new ConfigEngine(options);
            return n % 2 == 0 ? Task.Run(() => engine.Evaluate(folder.Path)) : engine.EvaluateAsync(folder.Path);
        });
        var results = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 8).Select(n => (object?)(long)(n * 2)), results.Select(r => r.Get("value")));
        Assert.Equal(1, most);
        foreach (var result in results)
        {
            result.Dispose();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public void Print_goes_to_stderr_when_asked()
    {
        using var folder = new TempFolder(("app.py", Header + "import sys\n@configure\ndef where():\n    return sys.stdout.fileno()\n"));
        var options = fixture.Options();
        using (var engine = new ConfigEngine(options))
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(1L, result.Get("where"));
        }
        options.RedirectPrintToStandardError = true;
        using (var engine = new ConfigEngine(options))
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(2L, result.Get("where")); // print writes to the process's stderr
        }
    }

    [Fact]
    public void Compiled_modules_are_cached_by_content()
    {
        var cache = Directory.CreateTempSubdirectory("breezeblock-cache-").FullName;
        try
        {
            using var folder = new TempFolder(("app.py", Header + "@configure\ndef version():\n    return 1\n"));
            var options = fixture.Options();
            options.BytecodeCacheDirectory = cache;
            using var engine = new ConfigEngine(options);
            using (var result = engine.Evaluate(folder.Path))
            {
                Assert.Equal(1L, result.Get("version"));
            }
            Assert.Single(Directory.GetFiles(cache, "*", SearchOption.AllDirectories));
            folder.Write("app.py", Header + "@configure\ndef version():\n    return 2\n");
            using (var result = engine.Evaluate(folder.Path))
            {
                Assert.Equal(2L, result.Get("version"));
            }
            Assert.Equal(2, Directory.GetFiles(cache, "*", SearchOption.AllDirectories).Length);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Unknown_targets_and_missing_folders_are_errors_with_suggestions()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return 1\n"));
        using var engine = fixture.Engine();
        var unknown = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["wbe"]));
        Assert.Equal(ConfigErrorKind.UnknownTarget, unknown.Kind);
        Assert.Equal("error: target 'wbe' is not a config\n  hint: did you mean 'web'? (the config at app.py:4)", unknown.Message);
        var missing = Assert.Throws<ConfigException>(() => engine.Evaluate(Path.Combine(folder.Path, "nope")));
        Assert.Equal(ConfigErrorKind.FolderNotFound, missing.Kind);
    }

    [Fact]
    public void An_error_the_host_keeps_holds_no_python_object_and_so_not_the_failing_frames_locals()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import gc, weakref

            refs = []

            class Big:
                pass

            @configure
            def fails(round):
                if round == 1:
                    big = Big()
                    refs.append(weakref.ref(big))
                    raise ValueError("big is a local of this frame")
                return 0

            @configure
            def alive(fails, round):
                gc.collect()
                return [ref() is not None for ref in refs]
            """));
        var options = fixture.Options(new Dictionary<string, object?> { ["round"] = 1L });
        using var engine = new ConfigEngine(options);
        using var workspace = engine.OpenWorkspace(folder.Path);
        var kept = Assert.Throws<ConfigException>(() => workspace.Evaluate());
        Assert.Equal("ValueError", kept.Errors[0].PythonException!.PythonType); // its .NET data stays
        options.Inputs["round"] = 2L;
        using var result = workspace.Evaluate();
        Assert.Equal("[false]", result.ToJson("alive", indented: false)); // released although the host still holds the error
        GC.KeepAlive(kept);
    }

    [Fact]
    public void Config_code_can_import_and_catch_the_exceptions_breezeblock_raises()
    {
        using var folder = new TempFolder(("app.py", "import os\nfrom breezeblock import configure, HostProtectionError, HermeticError\n\n@configure\ndef guarded():\n    try:\n        os._exit(3)\n    except HostProtectionError as error:\n        return [type(error).__module__, type(error).__name__, issubclass(HermeticError, BaseException)]\n"));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"guarded":["breezeblock","HostProtectionError",true]}""", result.ToJson(indented: false));
    }

    [Fact]
    public void With_targets_only_the_errors_that_concern_them_fail_the_evaluation()
    {
        using var folder = new TempFolder(
            ("app.py", Header + "@configure\ndef base():\n    return 1\n\n@configure\ndef web(base):\n    return base + 1\n"),
            ("worker.py", Header + "@configure\ndef worker(queue_url):\n    return queue_url\n\n@configure\ndef loop(loop):\n    return 1\n"));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path, ["web"]); // worker needs what nobody gives, loop needs itself: neither is asked for
        Assert.Equal(2L, result.Get("web"));
        var all = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal([ConfigErrorKind.MissingDependency, ConfigErrorKind.Cycle], all.Errors.Select(e => e.Kind).Order());
        var asked = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["web", "worker"]));
        Assert.Equal(("worker", ConfigErrorKind.MissingDependency), (asked.Errors.Single().ConfigName, asked.Kind));
    }

    [Fact]
    public void Inputs_reach_configure_functions_as_python_values()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef echo(text, number, items, mapping, nothing=1):\n    return [text, number, items, mapping, nothing]\n"));
        using var engine = fixture.Engine(new Dictionary<string, object?>
        {
            ["text"] = "x",
            ["number"] = 3,
            ["items"] = new List<string> { "a" },
            ["mapping"] = new Dictionary<string, object?> { ["k"] = true },
            ["nothing"] = null,
        });
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"echo":["x",3,["a"],{"k":true},null]}""", result.ToJson(indented: false));
    }
}
