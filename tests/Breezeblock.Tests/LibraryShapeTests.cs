using Breezeblock.Tests.Shapes;

namespace Breezeblock.Tests;

/// <summary>Host types shaped as real libraries' are (<see cref="Shapes"/>), as config code uses them.</summary>
public sealed class LibraryShapeTests(EngineFixture fixture)
{
    private ConfigEngine Engine()
    {
        var options = fixture.Options();
        options.AddHostModule("lib", module => module.AddType<Container>().AddType<SchemaProps>().AddType<ObjectMeta>().AddType<Service>().AddType<ServicePort>().AddType<Resources>());
        return new ConfigEngine(options);
    }

    private const string Imports = "import copy\nfrom breezeblock import configure\nfrom lib import Container, Probe, SchemaProps, ObjectMeta, Service, ServicePort, PortValue, Resources, Quantity\n\n";

    [Fact]
    public void Members_without_nullable_annotations_take_and_give_none_while_annotated_ones_refuse_it()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def api():
                c = Container(name="api", readiness_probe=None, args=None)
                c.readiness_probe = c.readiness_probe  # read as None, written back as None
                c.env = {"A": "1"}
                c.probes = [Probe(path="/ready", port=8080), None]
                return c
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var api = result.Get<Container>("api");
        Assert.Equal(("api", (Probe?)null, (IList<string>?)null, "1"), (api.Name, api.ReadinessProbe, api.Args, api.Env["A"]));
        Assert.Equal(["/ready", null], api.Probes.Select(p => p?.Path));

        using var annotated = new TempFolder(("app.py", Imports + "@configure\ndef web():\n    return Service(name=None)\n"));
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(annotated.Path));
        Assert.Equal("TypeError: name: expected str, got NoneType", error.Errors[0].Message);
    }

    [Fact]
    public void Members_go_by_their_wire_names_and_keywords_get_a_trailing_underscore()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def schema():
                inner = SchemaProps(from_="x", ref="#/definitions/a")
                return SchemaProps(not_=inner)

            @configure
            def meta():
                by_keyword = ObjectMeta(name="api", namespace="prod")
                by_position = ObjectMeta("api", "prod")
                return [by_keyword.namespace, by_position.namespace, by_keyword == by_position]
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var schema = result.Get<SchemaProps>("schema");
        Assert.Equal(("x", "#/definitions/a"), (schema.Not.From, schema.Not.Ref));
        Assert.Equal(new List<object?> { "prod", "prod", true }, result.Get("meta"));
    }

    [Fact]
    public void Plain_values_become_the_types_that_convert_from_them_in_members_items_and_dict_values()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def port():
                p = ServicePort(port=80, target_port=8080, ports=[1, "http", 2**40])
                p.target_port = "http-alt"
                return p

            @configure
            def reads(port):
                return [PortValue(8080).value, PortValue("web").value, port.ports[1].value, type(port.target_port).__name__]

            @configure
            def quantities():
                q = Quantity("500m")
                return [str(q), f"{q}", repr(q), q == Quantity("500m"), q == Quantity("2"), repr(PortValue(80))]

            @configure
            def resources():
                return Resources(limits={"cpu": "500m", "memory": 2}, requests={"cpu": 0.25})
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var servicePort = result.Get<ServicePort>("port");
        Assert.Equal("http-alt", servicePort.TargetPort.Value);
        Assert.Equal(["1", "http", "1099511627776"], servicePort.Ports.Select(p => p.Value));
        Assert.Equal(new List<object?> { "8080", "web", "http", "PortValue" }, result.Get("reads"));
        // a value type of a library prints as itself (its ToString, its converter) and compares by what it holds
        Assert.Equal(new List<object?> { "500m", "500m", "Quantity('500m')", true, false, "PortValue(80)" }, result.Get("quantities"));
        var resources = result.Get<Resources>("resources");
        Assert.Equal(["500m", "2", "0.25"], new[] { resources.Limits["cpu"], resources.Limits["memory"], resources.Requests["cpu"] }.Select(q => q.ToString()));
    }

    [Theory]
    [InlineData("ServicePort(target_port=1.5)", "TypeError: target_port: expected Union[PortValue, int, str], got float")]
    [InlineData("ServicePort(ports=[1, None, True])", "TypeError: ports[2]: expected Union[PortValue, int, str], got bool")]
    [InlineData("Resources(limits={'cpu': 'lots'})", "ValueError: limits[\"cpu\"]: Quantity does not accept 'lots': 'lots' is not a quantity")]
    [InlineData("PortValue(2**70)", "ValueError: PortValue: 1180591620717411303424 is out of range for Int64 (-9223372036854775808 to 9223372036854775807)")]
    public void A_value_no_conversion_takes_is_an_error_naming_the_accepted_types(string call, string message)
    {
        using var folder = new TempFolder(("app.py", Imports + $"@configure\ndef bad():\n    return {call}\n"));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path));
        Assert.Equal((message, (int?)7), (error.Errors[0].Message, error.Errors[0].Location?.Line));
    }

    [Fact]
    public void Output_follows_the_types_json_contract_and_reads_back_with_system_text_json()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def port():
                return ServicePort(port=80, target_port="http", ports=[8080, "web"])

            @configure
            def resources():
                return Resources(limits={"cpu": "500m", "memory": "2Gi"}, note="not written")

            @configure
            def ports():
                return {"a": ServicePort(port=1), "b": ServicePort(port=2, target_port=9090)}
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        // wire names, converters (a bare int or string; the quantity's text), [JsonIgnore], nulls left out
        Assert.Equal("""{"port":80,"targetPort":"http","ports":[8080,"web"]}""", result.ToJson("port", indented: false));
        Assert.Equal("""{"limits":{"cpu":"500m","memory":"2Gi"}}""", result.ToJson("resources", indented: false));
        Assert.Equal("limits:\n  cpu: \"500m\"\n  memory: \"2Gi\"\n", result.ToYaml("resources"));
        var read = System.Text.Json.JsonSerializer.Deserialize<Resources>(result.ToJson("resources"))!;
        Assert.Equal(["500m", "2Gi"], read.Limits.Values.Select(q => q.ToString()));
        var port = System.Text.Json.JsonSerializer.Deserialize<ServicePort>(result.ToJson("port"))!;
        Assert.Equal(("http", "8080 web"), (port.TargetPort.Value, string.Join(" ", port.Ports.Select(p => p.Value))));
        // for binders (IConfiguration) members go by C# name, and a value its converter writes is still that value
        Assert.Equal(new Dictionary<string, object?> { ["Limits"] = new Dictionary<string, object?> { ["cpu"] = "500m", ["memory"] = "2Gi" }, ["Requests"] = null, ["Note"] = "not written" },
            result.Get("resources", PlainDataStyle.Binding));
        // a dict of host objects is handed back as those objects
        var byName = result.Get<Dictionary<string, ServicePort>>("ports");
        Assert.Equal((1, 2, "9090"), (byName["a"].Port, byName["b"].Port, byName["b"].TargetPort.Value));
    }

    [Fact]
    public void A_host_object_that_output_cannot_hold_faithfully_is_an_error_at_its_path()
    {
        var options = fixture.Options();
        options.AddHostModule("opaque", module => module.AddType<Opaque>());
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure
            from opaque import Opaque

            @configure
            def held():
                return {"sizes": [Opaque("1"), Opaque("2")]}
            """));
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        var error = Assert.Throws<ConfigException>(() => result.ToJson());
        Assert.Equal(Messages.Unrepresentable("held", "$.held.sizes[0]", Messages.HostObjectNotFaithful("Opaque")), error.Errors[0].Message);
    }

    [Fact]
    public void A_copy_of_an_earlier_result_is_a_new_object_that_can_change()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def base():
                return Container(name="base", args=["serve"], env={"A": "1"}, readiness_probe=Probe(path="/", port=80))

            @configure
            def deep(base):
                c = copy.deepcopy(base)
                c.name = "deep"
                c.args.append("--verbose")
                c.env["B"] = "2"
                c.readiness_probe.port = 81
                return c

            @configure
            def shallow(base):
                c = copy.copy(base)
                c.name = "shallow"
                try:
                    c.args.append("x")  # the list is base's, frozen with it: copy.copy shares what it holds
                    shared = False
                except AttributeError:
                    shared = True
                return [c.name, shared, c == base]
            """));
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path);
        var (original, deep) = (result.Get<Container>("base"), result.Get<Container>("deep"));
        Assert.Equal(("base", "serve", 1, 80), (original.Name, string.Join(" ", original.Args), original.Env.Count, original.ReadinessProbe.Port));
        Assert.Equal(("deep", "serve --verbose", 2, 81), (deep.Name, string.Join(" ", deep.Args), deep.Env.Count, deep.ReadinessProbe.Port));
        Assert.Equal(new List<object?> { "shallow", true, false }, result.Get("shallow"));
    }

    [Fact]
    public void Stubs_are_python_with_the_names_and_nullability_of_run_time()
    {
        using var engine = Engine();
        var directory = Directory.CreateTempSubdirectory("breezeblock-stubs-").FullName;
        try
        {
            engine.WriteStubs(directory);
            var stub = File.ReadAllText(Path.Combine(directory, "lib.pyi"));
            Assert.Contains("    not_: Optional[SchemaProps]\n", stub, StringComparison.Ordinal);
            Assert.Contains("    from_: Optional[str]\n", stub, StringComparison.Ordinal);
            Assert.Contains("    namespace: Optional[str]\n", stub, StringComparison.Ordinal);
            Assert.Contains("    readiness_probe: Optional[Probe]\n", stub, StringComparison.Ordinal);
            Assert.Contains("    name: str\n", stub, StringComparison.Ordinal); // Service.Name is annotated: never None
            // an attribute set from what its type converts from reads back as that type
            Assert.Contains("""
                    @property
                    def target_port(self) -> Optional[PortValue]: ...
                    @target_port.setter
                    def target_port(self, value: Optional[Union[PortValue, int, str]]) -> None: ...
                """.Replace("\r", ""), stub, StringComparison.Ordinal);
            Assert.Contains("def __init__(self, *, port: int = ..., target_port: Optional[Union[PortValue, int, str]] = ..., ports: Optional[List[Optional[Union[PortValue, int, str]]]] = ...) -> None: ...", stub, StringComparison.Ordinal);
            Assert.Contains("limits: Optional[Dict[str, Optional[Union[Quantity, int, float, str]]]] = ...", stub, StringComparison.Ordinal);
            Assert.Contains("    def __init__(self, value: Union[int, str], /) -> None: ...\n", stub, StringComparison.Ordinal); // PortValue(8080)
            Assert.Contains("    def __init__(self, value: Union[int, float], /) -> None: ...\n", stub, StringComparison.Ordinal); // Quantity(2), beside Quantity(value: str)
            using (fixture.Runtime.Acquire())
            {
                using var globals = fixture.Runtime.CreateGlobals();
                globals.SetItem("source", stub);
                fixture.Runtime.Execute("import ast\nast.parse(source, 'lib.pyi')", "<stubs>", globals).Dispose(); // raises on a stub that is not Python
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("json")]
    [InlineData("os.path")]
    public void A_host_module_may_not_replace_a_standard_library_module(string name)
    {
        var options = fixture.Options();
        var error = Assert.Throws<ArgumentException>(() => options.AddHostModule(name, module => module.AddType<Probe>()));
        Assert.StartsWith(Messages.HostModuleNameTaken(name, Messages.HostModuleIsStandard), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_of_model_types_is_one_call_and_what_cannot_be_bridged_is_listed()
    {
        var options = fixture.Options();
        HostModuleBuilder? builder = null;
        options.AddHostModule("shapes", module => builder = module.AddTypes(typeof(Probe).Assembly, "Breezeblock.Tests.Shapes"));
        var refused = Assert.Throws<ArgumentException>(() => fixture.Options().AddHostModule("one", module => module.AddType<Download>()));
        Assert.Equal([(typeof(Download), refused.Message)], builder!.SkippedTypes.Select(s => (s.Type, s.Reason)));
        using var folder = new TempFolder(("app.py", "from breezeblock import configure\nfrom shapes import Container, Probe, PortValue, Opaque\n\n@configure\ndef c():\n    return Container(name='x', readiness_probe=Probe(port=1))\n"));
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal(1, result.Get<Container>("c").ReadinessProbe.Port);

        var none = Assert.Throws<ArgumentException>(() => fixture.Options().AddHostModule("none", module => module.AddTypes(typeof(Probe).Assembly, "No.Such.Namespace")));
        Assert.StartsWith(Messages.NoTypesAdded("Breezeblock.Tests", "No.Such.Namespace", null), none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_keyword_value_in_a_call_over_several_lines_is_reported_at_its_argument()
    {
        using var folder = new TempFolder(("app.py", Imports + """
            @configure
            def port():
                return ServicePort(
                    port=80,
                    ports=[Probe(path="/", port=1) and 1],  # port= inside a nested call is not this call's
                    target_port=1.5,
                )
            """));
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path)).Errors[0];
        var expectedLine = fixture.Runtime.Version >= new Version(3, 11) ? 10 : 7; // before 3.11 Python does not say where the call ends
        Assert.Equal(("TypeError: target_port: expected Union[PortValue, int, str], got float", expectedLine),
            (error.Message, error.Location?.Line ?? 0));
        if (expectedLine == 10)
        {
            Assert.Equal(("target_port=1.5,", 9), (error.Frames[0].SourceLine, error.Frames[0].Column));
        }
    }
}
