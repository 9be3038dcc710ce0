using System.Text.Json.Nodes;
using Json.Schema;

namespace Breezeblock.Tests;

/// <summary>
/// Types across the wiring: annotations that cannot match are found by a check (no code run), values
/// are checked against their config's return annotation with the path of the first difference, and
/// each annotated config has a JSON Schema that its real output validates against.
/// </summary>
public sealed class TypeContractTests(EngineFixture fixture)
{
    private const string Models = """
        from dataclasses import dataclass, field
        from typing import Annotated, Literal, Optional, TypedDict

        from breezeblock import Length, Pattern, Range


        @dataclass
        class DbConfig:
            host: Annotated[str, Length(1, 63)]
            port: Annotated[int, Range(1, 65535)] = 5432
            tags: list[str] = field(default_factory=list)


        class Cache(TypedDict):
            url: Annotated[str, Pattern(r"^redis://")]
            ttl: int
        """;

    [Fact]
    public void A_parameter_whose_annotation_the_config_it_names_cannot_satisfy_is_found_without_running_code()
    {
        using var folder = new TempFolder(("models.py", Models), ("app.py", """
            from typing import Optional
            from breezeblock import configure, check
            from models import DbConfig, Cache

            @configure
            def db() -> dict:
                raise RuntimeError("not run by a check")

            @configure
            def cache() -> Cache:
                raise RuntimeError("not run by a check")

            @configure
            def web(db: DbConfig, cache: Optional[Cache], plain, replicas: int = 2) -> dict[str, int]:
                raise RuntimeError("not run by a check")

            @configure
            def fine(cache: dict, web: dict) -> int:
                return 1

            @check
            def sized(web: list):
                pass
            """));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["plain"] = 1 });
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check();
        Assert.Equal(
            [
                (Messages.IncompatibleTypes("web", false, "db", "DbConfig", "db", "dict"), "app.py:14:9"),
                (Messages.IncompatibleTypes("sized", true, "web", "list", "web", "dict[str, int]"), "app.py:22:11"),
            ],
            check.Errors.Select(e => (e.Message, e.Location!.ToString())));
        Assert.All(check.Errors, e => Assert.Equal(ConfigErrorKind.TypeMismatch, e.Kind));
        Assert.Equal(Messages.IncompatibleTypesHint("db", check.Configs[0].Location), check.Errors[0].Hint);

        // an edit that fixes the annotation is seen by the next check, and unchanged edges are not asked again
        folder.Save("app.py", File.ReadAllText(Path.Combine(folder.Path, "app.py")).Replace("def db() -> dict:", "def db() -> DbConfig:").Replace("def sized(web: list)", "def sized(web)"));
        Assert.Empty(workspace.Check().Errors);
    }

    [Theory]
    [InlineData("DbConfig", "DbConfig('db.internal', 5432, ['a'])", null)]
    [InlineData("DbConfig", "DbConfig('', 5432)", "at host it has str '' where the annotation says at least 1 long")]
    [InlineData("DbConfig", "DbConfig('db', 70000)", "at port it has int 70000 where the annotation says a number from 1 to 65535")]
    [InlineData("DbConfig", "DbConfig('db', 5432, ['a', 2])", "at tags[1] it has int 2 where the annotation says str")]
    [InlineData("DbConfig", "{'host': 'db'}", "but returned dict {'host': 'db'}")]
    [InlineData("Cache", "{'url': 'redis://x', 'ttl': 60}", null)]
    [InlineData("Cache", "{'url': 'http://x', 'ttl': 60}", "at url it has str 'http://x' where the annotation says text matching ^redis://")]
    [InlineData("Cache", "{'url': 'redis://x'}", "at ttl it has nothing where the annotation says a key 'ttl' (int)")]
    [InlineData("Cache", "{'url': 'redis://x', 'ttl': True}", "at ttl it has bool True where the annotation says int")]
    [InlineData("Literal['dev', 'prod']", "'staging'", "but returned str 'staging' (one of 'dev', 'prod')")]
    [InlineData("Optional[int]", "None", null)]
    [InlineData("float", "3", null)]
    [InlineData("dict[str, list[int]]", "{'a': [1], 'b': [2, 'x']}", "at b[1] it has str 'x' where the annotation says int")]
    [InlineData("tuple[int, str]", "(1, 'a')", null)]
    [InlineData("int | str", "2.5", "int | str, but returned float 2.5")]
    public void A_value_is_checked_against_its_return_annotation(string annotation, string value, string? problem)
    {
        using var folder = new TempFolder(("models.py", Models), ("app.py", $$"""
            from __future__ import annotations
            from typing import Literal, Optional
            from breezeblock import configure
            from models import DbConfig, Cache

            @configure
            def value() -> {{annotation}}:
                return {{value}}
            """));
        using var engine = fixture.Engine();
        if (problem is null)
        {
            using var result = engine.Evaluate(folder.Path);
            return;
        }
        var error = Assert.Single(Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors);
        Assert.Equal((ConfigErrorKind.TypeMismatch, "app.py:7", "value"), (error.Kind, error.Location!.ToString(), error.ConfigName));
        Assert.StartsWith("config 'value' is declared to return ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unannotated_configs_and_annotations_outside_the_vocabulary_are_not_judged()
    {
        using var folder = new TempFolder(("app.py", """
            from typing import Iterable, TypeVar
            from breezeblock import configure

            T = TypeVar("T")

            @configure
            def plain():
                return {"anything": object.__name__}

            @configure
            def generic(plain) -> T:
                return 3

            @configure
            def callable_() -> Iterable[int]:
                return [4]

            @configure
            def uses(generic: str, callable_: int):
                return generic
            """));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        Assert.Empty(workspace.Check().Errors);
        using var result = workspace.Evaluate();
        Assert.Equal(3L, result.Get<long>("uses"));
    }

    [Fact]
    public void Each_annotated_config_has_a_schema_its_real_output_validates_against()
    {
        using var folder = new TempFolder(("models.py", Models), ("app.py", """
            from typing import Literal, Optional
            from breezeblock import configure
            from models import DbConfig, Cache

            @configure
            def db() -> DbConfig:
                return DbConfig("db.internal", 5432, ["primary"])

            @configure
            def cache() -> Optional[Cache]:
                return {"url": "redis://cache", "ttl": 60}

            @configure
            def mode() -> Literal["dev", "prod"]:
                return "prod"

            @configure
            def ports() -> dict[str, list[int]]:
                return {"web": [80, 443]}

            @configure
            def unannotated():
                return 1
            """));
        using var engine = fixture.Engine();
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check(null, schemas: true);
        Assert.Equal(["cache", "db", "mode", "ports"], check.Schemas.Keys.Order());
        using var result = workspace.Evaluate();
        var outputs = JsonNode.Parse(result.ToJson())!;
        foreach (var (name, text) in check.Schemas)
        {
            var schema = JsonSchema.FromText(text);
            var evaluation = schema.Evaluate(outputs[name], new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, $"{name}'s output {outputs[name]?.ToJsonString()} does not validate against\n{text}");
        }
        // and the schemas do reject what the annotations reject
        var db = JsonSchema.FromText(check.Schemas["db"]);
        Assert.False(db.Evaluate(JsonNode.Parse("""{"host": "db", "port": 70000, "tags": []}""")).IsValid);
        Assert.False(db.Evaluate(JsonNode.Parse("""{"host": "", "port": 1, "tags": []}""")).IsValid);
        Assert.False(db.Evaluate(JsonNode.Parse("""{"port": 1, "tags": []}""")).IsValid);
        Assert.False(JsonSchema.FromText(check.Schemas["cache"]).Evaluate(JsonNode.Parse("""{"url": "http://x", "ttl": 1}""")).IsValid);
        Assert.False(JsonSchema.FromText(check.Schemas["mode"]).Evaluate(JsonNode.Parse("\"staging\"")).IsValid);
        Assert.True(JsonSchema.FromText(check.Schemas["cache"]).Evaluate(JsonNode.Parse("null")).IsValid);
    }

    [Fact]
    public void Host_types_are_checked_statically_and_at_run_time_and_described_as_they_are_written()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure
            from myapp import Port

            @configure
            def port() -> Port:
                return Port(number=443, protocol="h2")

            @configure
            def label(port: str) -> str:
                return "x"
            """));
        var options = fixture.Options();
        options.AddHostModule("myapp", module => module.AddType<Port>());
        using var engine = new ConfigEngine(options);
        using var workspace = engine.OpenWorkspace(folder.Path);
        var check = workspace.Check(null, schemas: true);
        Assert.Equal(Messages.IncompatibleTypes("label", false, "port", "str", "port", "Port"), Assert.Single(check.Errors).Message);
        var schema = JsonSchema.FromText(check.Schemas["port"]);
        Assert.True(schema.Evaluate(JsonNode.Parse("""{"number": 443, "protocol": "h2"}""")).IsValid, check.Schemas["port"]);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{"number": "443", "protocol": "h2"}""")).IsValid, check.Schemas["port"]);

        folder.Save("app.py", "from breezeblock import configure\nfrom myapp import Port\n\n@configure\ndef port() -> Port:\n    return Port(number=443, protocol='h2')\n");
        using (var result = workspace.Evaluate())
        {
            Assert.True(schema.Evaluate(JsonNode.Parse(result.ToJson("port"))).IsValid, result.ToJson("port")); // the schema describes the output as written
        }
        folder.Save("app.py", "from breezeblock import configure\nfrom myapp import Port\n\n@configure\ndef port() -> Port:\n    return {'number': 443}\n");
        var error = Assert.Single(Assert.Throws<ConfigException>(() => workspace.Evaluate()).Errors);
        Assert.Equal(Messages.ReturnMismatch("port", "Port", "", "Port", "dict {'number': 443}"), error.Message);
    }
}
