namespace Breezeblock.Tests;

/// <summary>What config code prints and logs reaches the host through ConfigOptions.Output, and host objects can be read with their C# names.</summary>
[Collection(nameof(InterpreterStateTests))] // replaces sys.stdout for the evaluation
[Trait("Category", "Smoke")]
public sealed class PythonOutputTests(EngineFixture fixture)
{
    [Fact]
    public void Printed_lines_and_logging_records_reach_the_host_with_their_level_and_module()
    {
        using var folder = new TempFolder(
            ("helpers.py", "def shout(text):\n    print(text.upper())\n"),
            ("app.py", """
                import logging, sys
                from breezeblock import configure
                from helpers import shout

                print("loading app")
                log = logging.getLogger("app.settings")

                @configure
                def web():
                    print("two", end=" ")
                    print("parts")
                    print("to stderr", file=sys.stderr)
                    log.debug("debug detail")
                    log.warning("port %d is low", 80)
                    shout("from a helper")
                    return 1
                """));
        var seen = new List<PythonOutput>();
        var options = fixture.Options();
        options.Output = seen.Add;
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal([
            new PythonOutput(PythonOutputLevel.Information, "loading app", "app", null),
            new PythonOutput(PythonOutputLevel.Information, "two parts", "app", null),
            new PythonOutput(PythonOutputLevel.Warning, "to stderr", "app", null),
            new PythonOutput(PythonOutputLevel.Debug, "debug detail", "app", "app.settings"),
            new PythonOutput(PythonOutputLevel.Warning, "port 80 is low", "app", "app.settings"),
            new PythonOutput(PythonOutputLevel.Information, "FROM A HELPER", "helpers", null),
        ], seen);
        using (fixture.Runtime.Acquire())
        {
            using var level = fixture.Runtime.Evaluate("(__import__('logging').getLogger().level, __import__('sys').stdout is __import__('sys').__stdout__)");
            Assert.Equal("(30, True)", level.Repr()); // put back after the evaluation
        }
    }

    [Fact]
    public void Host_objects_can_be_read_with_their_csharp_property_names()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure
            from hosts import Service, Port

            @configure
            def svc():
                return {"service": Service(name="api", http_port=8080, ports=[Port(number=80)]), "raw_key": 1}
            """));
        var options = fixture.Options();
        options.AddHostModule("hosts", module => module.AddType<Service>().AddType<Port>());
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(folder.Path);
        var dotnet = (Dictionary<string, object?>)((Dictionary<string, object?>)result.Get("svc", PlainDataStyle.Binding)!)["service"]!;
        Assert.Equal(["Name", "Replicas", "Tier", "Ports", "Labels", "Ratio", "Timeout", "Score", "HttpPort"], dotnet.Keys);
        Assert.Equal(8080L, dotnet["HttpPort"]);
        Assert.Equal(80L, ((Dictionary<string, object?>)((List<object?>)dotnet["Ports"]!)[0]!)["Number"]);
        var python = (Dictionary<string, object?>)((Dictionary<string, object?>)result.Get("svc", PlainDataStyle.Output)!)["service"]!;
        Assert.Contains("http_port", python.Keys);
    }

    [Fact]
    public void Binding_leaves_out_what_plain_data_cannot_hold_and_output_refuses_it()
    {
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure

            @configure
            def handlers():
                return {"name": "api", "on_request": lambda request: request, "steps": [1, print, 3]}
            """));
        using var engine = fixture.Engine();
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"name":"api","steps":[1,null,3]}""", System.Text.Json.JsonSerializer.Serialize(result.Get("handlers", PlainDataStyle.Binding)));
        var error = Assert.Throws<ConfigException>(() => result.Get("handlers", PlainDataStyle.Output));
        Assert.Equal("config 'handlers' returned a value the output cannot represent: $.handlers.on_request is a function", error.Errors[0].Message);
    }
}
