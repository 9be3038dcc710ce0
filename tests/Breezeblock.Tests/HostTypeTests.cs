using System.ComponentModel.DataAnnotations;

namespace Breezeblock.Tests;

public enum Tier
{
    Bronze,
    Gold,
    DeepArchive,
}

public sealed class Port
{
    public int Number { get; set; }
    public string Protocol { get; set; } = "tcp";
}

public sealed class Service
{
    public required string Name { get; set; }
    [Range(1, 10)]
    public int Replicas { get; set; } = 1;
    public Tier Tier { get; set; }
    public List<Port> Ports { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = [];
    public double? Ratio { get; set; }
    public TimeSpan Timeout { get; set; }
    public Func<string, int>? Score { get; set; }
    [PythonName("http_port")]
    public ushort HttpPort { get; set; }
}

public sealed class Config(string name)
{
    public string Name { get; set; } = name;
}

[Trait("Category", "Smoke")]
public sealed class HostTypeTests(EngineFixture fixture)
{
    private static readonly Dictionary<string, string> Vault = new() { ["db"] = "s3cret" };

    private ConfigEngine Engine()
    {
        var options = fixture.Options();
        options.AddHostModule("myapp", module => module
            .AddType<Service>()
            .AddType<Config>()
            .AddType<Tier>()
            .AddFunction("secret", (string key) => Vault.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no secret '{key}'"))
            .AddFunction("scale", (int replicas, double factor = 2.0) => (int)(replicas * factor)));
        return new ConfigEngine(options);
    }

    private const string Imports = "from breezeblock import configure\nfrom myapp import Service, Port, Tier, Config, secret, scale\n\n";

    [Fact]
    public void Python_builds_reads_and_mutates_host_objects_and_dotnet_gets_them_back()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            import datetime

            @configure
            def web():
                svc = Service(name="api", replicas=3, tier=Tier.GOLD, timeout=datetime.timedelta(seconds=90))
                svc.ports.append(Port(number=80))
                svc.ports += [Port(number=443, protocol="h2")]
                svc.labels["team"] = "core"
                svc.labels.update(env="prod")
                svc.replicas = scale(svc.replicas, factor=3.0)
                svc.ratio = None
                svc.http_port = 8080
                svc.score = lambda text: len(text) * svc.replicas
                return svc

            @configure
            def named():
                return Config("my name")
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var web = result.Get<Service>("web");
        Assert.Equal(("api", 9, Tier.Gold, TimeSpan.FromSeconds(90), (ushort)8080), (web.Name, web.Replicas, web.Tier, web.Timeout, web.HttpPort));
        Assert.Equal([(80, "tcp"), (443, "h2")], web.Ports.Select(p => (p.Number, p.Protocol)));
        Assert.Equal(new Dictionary<string, string> { ["team"] = "core", ["env"] = "prod" }, web.Labels);
        Assert.Null(web.Ratio);
        Assert.Equal(36, web.Score!("four"));
        Assert.Equal("my name", result.Get<Config>("named").Name);
    }

    [Fact]
    public void Host_objects_render_as_json_keyed_by_python_names()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def web():
                return Service(name="api", tier=Tier.DEEP_ARCHIVE, ports=[Port(number=80)], labels={"a": "b"})
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"web":{"name":"api","replicas":1,"tier":"DeepArchive","ports":[{"number":80,"protocol":"tcp"}],"labels":{"a":"b"},"ratio":null,"timeout":"00:00:00","score":null,"http_port":0}}""",
            result.ToJson(indented: false));
    }

    [Theory]
    [InlineData("svc.replicas = 'three'", "TypeError: replicas: expected int, got str")]
    [InlineData("svc.replcas = 3", "AttributeError: 'Service' object has no attribute 'replcas' to set; did you mean 'replicas'?")]
    [InlineData("svc.ports.append(80)", "TypeError: [1]: expected Port, got int")]
    [InlineData("svc.tier = 'Gold'", "TypeError: tier: expected Tier, got str")]
    [InlineData("svc.replicas = 50", "ValueError: replicas: The field replicas must be between 1 and 10.")]
    [InlineData("svc.http_port = 70000", "ValueError: http_port: 70000 is out of range for UInt16 (0 to 65535)")]
    [InlineData("svc.labels['x'] = 1", "TypeError: [\"x\"]: expected str, got int")]
    [InlineData("Service()", "TypeError: Service() missing 1 required argument: 'name'")]
    [InlineData("Service(name='a', replicas=0)", "ValueError: Service: The field replicas must be between 1 and 10.")]
    [InlineData("Service(name='a', colour='red')", "TypeError: Service() got an unexpected keyword argument 'colour'")]
    [InlineData("Service(name='a', replica=2)", "TypeError: Service() got an unexpected keyword argument 'replica'; did you mean 'replicas'?")]
    [InlineData("Config()", "TypeError: Config() cannot be built from 0 positional arguments; it takes Config(name)")]
    [InlineData("svc.score = 3", "TypeError: score: expected a callable, got int")]
    [InlineData("secret('missing')", "KeyError: \"no secret 'missing'\"")]
    public void Mistakes_are_python_errors_at_the_users_line(string statement, string message)
    {
        using var folder = new TempFolder(("app.py", Imports + $"@configure\ndef web():\n    svc = Service(name='api', ports=[Port(number=1)])\n    {statement}\n    return svc\n"));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(ConfigErrorKind.EvaluationError, error.Kind);
        Assert.Equal("app.py:7", error.Location?.ToString());
        Assert.Equal(message, error.Errors[0].Message);
    }

    [Fact]
    public void Python_can_catch_exceptions_from_host_functions()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def password():
                try:
                    return secret("missing")
                except Exception as error:
                    return f"fallback after {type(error).__name__}"

            @configure
            def db_password():
                return secret(key="db")
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("fallback after KeyError", result.Get<string>("password"));
        Assert.Equal("s3cret", result.Get<string>("db_password"));
    }

    [Fact]
    public void An_uncaught_host_function_exception_shows_the_python_line_and_the_csharp_message()
    {
        using var folder = new TempFolder(("app.py", Imports + "@configure\ndef db():\n    return {'password': secret('prod-db')}\n"));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal("""
            error: app.py:6: KeyError: "no secret 'prod-db'"
              app.py:6 in db: return {'password': secret('prod-db')}
              while running config 'db' (app.py:5)
            """.TrimEnd(), error.Message);
        Assert.IsType<KeyNotFoundException>(error.Errors[0].PythonException?.InnerException);
    }

    [Fact]
    public void Results_are_frozen_once_their_function_returns()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def base():
                return Service(name="base", ports=[Port(number=80)])

            @configure
            def derived(base):
                copy = Service(name=base.name + "-derived", replicas=base.replicas)
                base.ports.append(Port(number=81))
                return copy
            """));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal("app.py:11", error.Location?.ToString());
        Assert.Equal("AttributeError: " + Messages.Frozen("list", Messages.ResultOwner("base")), error.Errors[0].Message);
        Assert.Equal(Messages.FrozenHint, error.Errors[0].Hint);
    }

    [Fact]
    public void Repr_and_equality_use_the_fields()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def checks():
                a = Port(number=80)
                b = Port(number=80)
                return [repr(a), a == b, a != Port(number=81), Tier.GOLD.name, Tier.GOLD.value, repr(Config("x"))]
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal(new List<object?> { "Port(number=80, protocol='tcp')", true, true, "GOLD", "Gold", "Config(name='x')" }, result.Get("checks"));
    }

    [Fact]
    public async Task A_python_function_result_becomes_a_typed_delegate_callable_from_any_thread()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def weights():
                return {"a": 1, "b": 2}

            @configure
            def score(weights):
                def score(text):
                    if text == "boom":
                        raise ValueError("cannot score boom")
                    return sum(weights.get(ch, 0) for ch in text)
                return score
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var score = result.Get<Func<string, int>>("score");
        var scores = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => score(new string('a', i) + "b"))));
        Assert.Equal(Enumerable.Range(0, 32).Select(i => i + 2), scores);
        var error = Assert.Throws<Breezeblock.Python.PythonException>(() => score("boom"));
        Assert.Equal("ValueError: cannot score boom", error.Message);
        Assert.Equal("score", error.Traceback[^1].Function);
        var json = Assert.Throws<ConfigException>(() => result.ToJson());
        Assert.Equal(ConfigErrorKind.UnrepresentableResult, json.Kind);
        Assert.Contains("$.score is a function", json.Message);
    }
}
