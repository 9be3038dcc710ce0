using System.Numerics;
using YamlDotNet.RepresentationModel;

namespace Breezeblock.Tests;

/// <summary>JSON and YAML writing and typed binding of plain data: no Python involved.</summary>
public sealed class OutputTests
{
    private static readonly Dictionary<string, object?> Sample = new()
    {
        ["name"] = "api",
        ["yes"] = "yes",
        ["number_text"] = "0123",
        ["empty"] = "",
        ["colon"] = "a: b",
        ["replicas"] = 3L,
        ["big"] = BigInteger.Pow(10, 30),
        ["ratio"] = 0.5,
        ["whole"] = 2.0,
        ["enabled"] = true,
        ["nothing"] = null,
        ["ports"] = new List<object?> { 80L, 443L },
        ["labels"] = new Dictionary<string, object?> { ["team"] = "core", ["odd key"] = "v" },
        ["none_list"] = new List<object?>(),
        ["none_map"] = new Dictionary<string, object?>(),
    };

    [Fact]
    public void Json_is_indented_ordered_and_keeps_what_python_would_write()
    {
        Assert.Equal("""{"a":1,"b":[2.0,"\ud800"],"c":{}}""", JsonOutput.Write(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = new List<object?> { 2.0, "\uD800" }, ["c"] = new Dictionary<string, object?>() }, indented: false));
        // The same text as Python's repr() of these floats.
        (double Value, string Repr)[] floats = [(1e16, "1e+16"), (1e15, "1000000000000000.0"), (1.5e-7, "1.5e-07"), (0.0001, "0.0001"), (1e-5, "1e-05"),
            (123.456, "123.456"), (-2.0, "-2.0"), (0.0, "0.0"), (1.2345678901234568e17, "1.2345678901234568e+17"), (0.1 + 0.2, "0.30000000000000004"), (5e-324, "5e-324")];
        Assert.All(floats, f => Assert.Equal(f.Repr, JsonText.Double(f.Value)));
    }

    [Fact]
    public void Yaml_reads_back_as_the_same_values()
    {
        var yaml = YamlOutput.Write(Sample);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string Scalar(string key) => ((YamlScalarNode)root[key]).Value!;
        Assert.Equal("api", Scalar("name"));
        Assert.Equal("yes", Scalar("yes"));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)root["yes"]).Style);
        Assert.Equal("0123", Scalar("number_text"));
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)root["number_text"]).Style);
        Assert.Equal("a: b", Scalar("colon"));
        Assert.Equal("", Scalar("empty"));
        Assert.Equal("3", Scalar("replicas"));
        Assert.Equal("1000000000000000000000000000000", Scalar("big"));
        Assert.Equal("2.0", Scalar("whole"));
        Assert.Equal("null", Scalar("nothing"));
        Assert.Equal(["80", "443"], ((YamlSequenceNode)root["ports"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("v", ((YamlScalarNode)((YamlMappingNode)root["labels"])["odd key"]).Value);
        Assert.Empty((YamlSequenceNode)root["none_list"]);
        Assert.Empty((YamlMappingNode)root["none_map"]);
    }

    [Fact]
    public void Yaml_refuses_lone_surrogates_with_their_path()
    {
        var error = Assert.Throws<UnrepresentableValueException>(() => YamlOutput.Write(new Dictionary<string, object?> { ["web"] = new List<object?> { "ok", "\uD800" } }));
        Assert.Equal("$.web[1]", error.Path);
    }

    private sealed class Service
    {
        public string Name { get; set; } = "";
        public int MaxSurge { get; set; }
        public List<int> Ports { get; } = [];
        public Dictionary<string, string> Labels { get; set; } = [];
        public Tier Tier { get; set; }
        public TimeSpan Timeout { get; set; }
        public double? Ratio { get; set; }
    }

    private enum Tier
    {
        Bronze,
        Gold,
    }

    private sealed record Database(string Host, int Port = 5432);

    private sealed record Optional(string? Name);

    private sealed class Strict
    {
        public required string Region { get; init; }
    }

    [Fact]
    public void Dicts_bind_to_classes_ignoring_case_and_underscores()
    {
        var data = new Dictionary<string, object?>
        {
            ["name"] = "api",
            ["max_surge"] = 2L,
            ["ports"] = new List<object?> { 80L, 443L },
            ["labels"] = new Dictionary<string, object?> { ["team"] = "core" },
            ["tier"] = "GOLD",
            ["timeout"] = "00:00:30",
            ["ratio"] = null,
            ["unknown_key"] = "ignored",
        };
        var service = (Service)DataBinder.Bind(data, typeof(Service), "$.web")!;
        Assert.Equal(("api", 2, Tier.Gold, TimeSpan.FromSeconds(30)), (service.Name, service.MaxSurge, service.Tier, service.Timeout));
        Assert.Equal([80, 443], service.Ports);
        Assert.Equal("core", service.Labels["team"]);
        Assert.Null(service.Ratio);
        var database = (Database)DataBinder.Bind(new Dictionary<string, object?> { ["host"] = "db" }, typeof(Database), "$.db")!;
        Assert.Equal(new Database("db"), database);
    }

    [Fact]
    public void Binding_errors_name_the_path_and_the_types()
    {
        Assert.Equal("$.web.max_surge: expected Int32, got str \"two\"",
            Assert.Throws<DataBindingException>(() => DataBinder.Bind(new Dictionary<string, object?> { ["max_surge"] = "two" }, typeof(Service), "$.web")).Message);
        Assert.Equal("$.web.ports[1]: 70000000000 does not fit in Int32",
            Assert.Throws<DataBindingException>(() => DataBinder.Bind(new Dictionary<string, object?> { ["ports"] = new List<object?> { 1L, 70_000_000_000L } }, typeof(Service), "$.web")).Message);
        Assert.Equal("$.s: has no key for the required property Strict.Region",
            Assert.Throws<DataBindingException>(() => DataBinder.Bind(new Dictionary<string, object?>(), typeof(Strict), "$.s")).Message);
        // a positional record's parameter that may not be null needs its key, as a required property does
        Assert.Equal("$.db: " + Messages.BindingMissingParameter("Database", "Host"),
            Assert.Throws<DataBindingException>(() => DataBinder.Bind(new Dictionary<string, object?> { ["port"] = 1L }, typeof(Database), "$.db")).Message);
        Assert.Null(((Optional)DataBinder.Bind(new Dictionary<string, object?>(), typeof(Optional), "$.o")!).Name);
        Assert.Equal("$.t: 'Platinum' is not a member of Tier (Bronze, Gold)",
            Assert.Throws<DataBindingException>(() => DataBinder.Bind("Platinum", typeof(Tier), "$.t")).Message);
    }
}
