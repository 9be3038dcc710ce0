namespace Breezeblock.Cli.Tests;

/// <summary>The vault a test host registers: its function reads a value only the host process has.</summary>
public sealed class VaultHost : IConfigHost
{
    /// <summary>Set in the test process; a worker process that ran the function itself would not see it.</summary>
    public static string? Secret { get; set; }

    /// <inheritdoc />
    public void Configure(ConfigOptions options) =>
        options.AddHostModule("vault", module => module
            .AddFunction("secret", (string key) => $"{key}:{Secret ?? "not the host"}")
            .AddFunction("missing", new Func<string, string>(key => throw new KeyNotFoundException($"no secret '{key}'")))
            .AddFunction("sealed", (string key) => new SecretString($"{key}:{Secret ?? "not the host"}"))
            .AddFunction("length", (SecretString value) => value.Reveal().Length));
}

/// <summary><see cref="ConfigIsolation.Process"/> through the library: a warm worker, host functions run by the host, results as data, and a new worker after a crash.</summary>
public sealed class IsolationTests
{
    private const string Header = "from breezeblock import configure\n\n";

    private static ConfigOptions Options()
    {
        var options = new ConfigOptions
        {
            Isolation = ConfigIsolation.Process,
            WorkerCommand = WorkerRole.StartCommand([typeof(VaultHost).Assembly.Location]),
        };
        new VaultHost().Configure(options);
        return options;
    }

    [Fact]
    public void Host_functions_run_in_the_host_and_their_errors_are_raised_at_the_callers_line()
    {
        VaultHost.Secret = "from the host";
        using var folder = new TempFolder(("app.py", Header + "from vault import secret, missing\n\n@configure\ndef db():\n    return {'password': secret('db')}\n\n@configure\ndef broken():\n    return missing('api')\n"));
        using var engine = new ConfigEngine(Options());
        using var workspace = engine.OpenWorkspace(folder.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal((ConfigErrorKind.EvaluationError, "app.py:11"), (error.Kind, error.Location?.ToString()));
        Assert.Equal("KeyError: \"no secret 'api'\"", error.Message);
        using var result = workspace.Evaluate(["db"]);
        Assert.Equal("{\"db\":{\"password\":\"db:from the host\"}}", result.ToJson(indented: false));
        Assert.Equal("db:from the host", result.Get<Dictionary<string, string>>("db")["password"]);
    }

    [Fact]
    public void Secrets_cross_to_the_worker_and_back_and_stay_masked()
    {
        VaultHost.Secret = SecretFixture.Token;
        using var folder = new TempFolder(("app.py", Header + "from vault import sealed, length\n\n@configure\ndef db(db_password):\n    token = sealed('api')\n    return {'dsn': f'pg://app:{db_password}@db', 'token': token, 'length': length(db_password)}\n"));
        var options = Options();
        options.Secrets["db_password"] = SecretFixture.Password;
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"db":{"dsn":"pg://app:(secret)@db","token":"(secret)","length":19}}""", result.ToJson(indented: false));
        var db = result.Get<Dictionary<string, object>>("db");
        Assert.Equal(($"pg://app:{SecretFixture.Password}@db", $"api:{SecretFixture.Token}"), ((string)db["dsn"], (string)db["token"]));
        SecretFixture.AssertNoPlaintext(result.ToSnapshotJson(), "the host's snapshot of a worker's result");
    }

    [Fact]
    public void The_worker_stays_warm_and_evaluates_incrementally()
    {
        using var folder = new TempFolder(
            ("a.py", Header + "@configure\ndef a():\n    return 1\n"),
            ("b.py", Header + "@configure\ndef b(a):\n    return a + 1\n"));
        using var engine = new ConfigEngine(Options());
        using var workspace = engine.OpenWorkspace(folder.Path);
        using (var first = workspace.Evaluate())
        {
            Assert.Equal(["a", "b"], first.Report.Ran);
        }
        File.WriteAllText(Path.Combine(folder.Path, "b.py"), Header + "@configure\ndef b(a):\n    return a + 2\n");
        using var second = workspace.Evaluate();
        Assert.Equal(["b"], second.Report.Ran);
        Assert.Equal(["a"], second.Report.Reused);
        Assert.Equal(3L, second.Get<long>("b"));
        Assert.Equal(3L, workspace.LastGoodResult!.Get<long>("b"));
    }

    [Fact]
    public void After_a_crash_the_next_evaluation_gets_a_new_worker()
    {
        using var folder = new TempFolder(("app.py", Header + "import ctypes\n\n@configure\ndef crash():\n    return ctypes.string_at(0)\n"));
        using var engine = new ConfigEngine(Options());
        using var workspace = engine.OpenWorkspace(folder.Path);
        var error = Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors.Single();
        Assert.Equal(ConfigErrorKind.WorkerDied, error.Kind);
        Assert.Equal("the config process crashed (segmentation fault) while running config 'crash'", error.Message);
        Assert.Equal("app.py:7", error.Location?.ToString());

        File.WriteAllText(Path.Combine(folder.Path, "app.py"), Header + "@configure\ndef fine():\n    return 'ok'\n");
        using var result = workspace.Evaluate();
        Assert.Equal("ok", result.Get<string>("fine"));
    }

    [Fact]
    public void A_check_runs_in_the_worker_too()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef web(databse):\n    return 1\n\n@configure\ndef database():\n    return 2\n"));
        using var engine = new ConfigEngine(Options());
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check();
        var error = Assert.Single(check.Errors);
        Assert.Equal((ConfigErrorKind.MissingDependency, "app.py:4:9", "did you mean 'database'? (the config at app.py:8)"), (error.Kind, error.Location?.ToString(), error.Hint));
        Assert.Equal(["web", "database"], check.Configs.Select(c => c.Name));
    }

    [Fact]
    public void The_hosts_limits_hold_in_the_worker()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef loud():\n    for i in range(100):\n        print('x' * 99)\n    return 1\n"));
        var received = new List<PythonOutput>();
        var options = Options();
        options.Output = received.Add;
        options.Limits.MaxOutputCharacters = 1_000;
        using var engine = new ConfigEngine(options);
        using (var result = engine.Evaluate(folder.Path))
        {
            Assert.Equal(10, received.Count(o => o.Message == new string('x', 99)));
        }
        options.Limits.MaxFileBytes = 64;
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors.Single();
        Assert.StartsWith("app.py is ", error.Message);
    }
}
