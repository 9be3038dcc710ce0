namespace Breezeblock.Tests;

/// <summary>
/// Configs receive results, inputs and defaults read-only, so a config's value is the same whatever
/// else runs (targets included), and a workspace can reuse it.
/// </summary>
[Trait("Category", "Smoke")]
public sealed class FrozenValueTests(EngineFixture fixture)
{
    private const string Header = "from breezeblock import configure\n\n";

    [Fact]
    public void Changing_a_received_dict_fails_at_that_line_with_a_hint()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def base():
                return {"replicas": 3, "labels": {"team": "core"}}

            @configure
            def web(base):
                base["replicas"] = 99
                return base
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal("""
            error: app.py:9: TypeError: cannot change this dict: it belongs to the result of config 'base', which has already returned, and results are frozen
              app.py:9 in web: base["replicas"] = 99
              while running config 'web' (app.py:8)
              hint: configs receive results, inputs and defaults read-only; change a copy: dict(value), list(value) or copy.deepcopy(value)
            """.TrimEnd(), error.Message);
        using var targeted = engine.Evaluate(folder.Path, ["base"]);
        Assert.Equal(3L, ((Dictionary<string, object?>)targeted.Get("base")!)["replicas"]);
    }

    [Theory]
    [InlineData("base['labels']['team'] = 'x'", "dict")]
    [InlineData("base['ports'].append(81)", "list")]
    [InlineData("base['ports'] += [81]", "list")]
    [InlineData("base['ports'].sort()", "list")]
    [InlineData("base.update(x=1)", "dict")]
    [InlineData("base.pop('ports')", "dict")]
    [InlineData("del base['ports'][0]", "list")]
    [InlineData("base.setdefault('x', 1)", "dict")]
    public void Every_way_of_changing_nested_plain_data_is_refused(string statement, string what)
    {
        using var folder = new TempFolder(("app.py", Header + $$"""
            @configure
            def base():
                return {"labels": {"team": "core"}, "ports": [80]}

            @configure
            def web(base):
                {{statement}}
                return 1
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(("TypeError: " + Messages.Frozen(what, Messages.ResultOwner("base")), "app.py:9"), (error.Errors[0].Message, error.Location?.ToString()));
    }

    [Fact]
    public void Frozen_values_read_copy_and_compare_like_the_originals()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import copy, json

            @configure
            def base():
                return {"ports": [80, 443], "tags": {"a", "b"}, "pair": (1, [2])}

            @configure
            def checks(base):
                mine = copy.deepcopy(base)
                mine["ports"].append(8080)
                shallow = dict(base)
                shallow["extra"] = True
                merged = {**base, "more": 1} | {"x": 2}
                return {
                    "is_dict": isinstance(base, dict) and isinstance(base["ports"], list),
                    "equal": base == {"ports": [80, 443], "tags": {"a", "b"}, "pair": (1, [2])},
                    "json": json.dumps(base["ports"]),
                    "copied": mine["ports"],
                    "original": base["ports"],
                    "shallow": sorted(shallow),
                    "merged": sorted(merged),
                    "list_copy": base["ports"][:] + [1],
                    "tags": type(base["tags"]).__name__,
                    "repr": repr(base["ports"]),
                }
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path, ["checks"]);
        Assert.Equal("""{"checks":{"is_dict":true,"equal":true,"json":"[80, 443]","copied":[80,443,8080],"original":[80,443],"shallow":["extra","pair","ports","tags"],"merged":["more","pair","ports","tags","x"],"list_copy":[80,443,1],"tags":"frozenset","repr":"[80, 443]"}}""",
            result.ToJson(indented: false));
    }

    [Fact]
    public void Dataclass_results_are_read_only_and_replace_gives_a_changeable_copy()
    {
        using var folder = new TempFolder(("app.py", Header + """
            import copy, dataclasses

            @dataclasses.dataclass
            class Web:
                name: str
                ports: list

            @configure
            def base():
                return Web("api", [80])

            @configure
            def checks(base):
                changed = dataclasses.replace(base, name="api2")
                changed.name = "api3"
                deep = copy.deepcopy(base)
                deep.ports.append(81)
                return {
                    "instance": isinstance(base, Web),
                    "equal": base == Web("api", [80]) and Web("api", [80]) == base,
                    "repr": repr(base),
                    "changed": changed.name,
                    "changed_type": type(changed) is Web,
                    "deep": deep.ports,
                    "asdict": dataclasses.asdict(base),
                }

            @configure
            def mutates(base):
                base.name = "other"
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path, ["checks"]);
        Assert.Equal("""{"checks":{"instance":true,"equal":true,"repr":"Web(name='api', ports=[80])","changed":"api3","changed_type":true,"deep":[80,81],"asdict":{"name":"api","ports":[80]}}}""",
            result.ToJson(indented: false));
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["mutates"]));
        Assert.Equal(("dataclasses.FrozenInstanceError: " + Messages.Frozen("Web object", Messages.ResultOwner("base")), "app.py:32"), (error.Errors[0].Message, error.Location?.ToString()));
        Assert.Equal(Messages.FrozenHint, error.Errors[0].Hint);
    }

    [Fact]
    public void Inputs_and_parameter_defaults_are_read_only_too()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def appends(settings):
                settings["hosts"].append("c")

            @configure
            def default_grows(items=[]):
                items.append(1)
                return items
            """));
        using var engine = fixture.Engine(new Dictionary<string, object?> { ["settings"] = new Dictionary<string, object?> { ["hosts"] = new List<object?> { "a" } } });
        var input = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["appends"]));
        Assert.Equal("TypeError: " + Messages.Frozen("list", Messages.InputOwner("settings")), input.Errors[0].Message);
        var defaults = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["default_grows"]));
        Assert.Equal("TypeError: cannot change this list: it belongs to the default of parameter 'items' of config 'default_grows', and defaults are frozen", defaults.Errors[0].Message);
    }

    [Fact]
    public void Values_nested_too_deep_to_freeze_are_an_error_naming_the_config()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def deep():
                value = []
                for _ in range(600):
                    value = [value]
                return value
            """));
        using var engine = fixture.Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal(("ValueError: the result is nested more than 500 levels deep", "app.py:4", "deep"), (error.Errors[0].Message, error.Location?.ToString(), error.Errors[0].ConfigName));
    }

    [Fact]
    public void Shared_and_cyclic_values_keep_their_shape()
    {
        using var folder = new TempFolder(("app.py", Header + """
            @configure
            def shared():
                common = {"a": 1}
                loop = []
                loop.append(loop)
                return {"x": common, "y": common, "loop": loop}

            @configure
            def checks(shared):
                return [shared["x"] is shared["y"], shared["loop"][0] is shared["loop"]]
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path, ["checks"]);
        Assert.Equal(new List<object?> { true, true }, result.Get("checks"));
    }
}
