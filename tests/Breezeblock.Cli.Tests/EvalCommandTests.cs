using YamlDotNet.RepresentationModel;

namespace Breezeblock.Cli.Tests;

/// <summary>The CLI contract scripts depend on: streams, exit codes and formats.</summary>
[Trait("Category", "Smoke")]
public sealed class EvalCommandTests
{
    [Fact]
    public void Eval_prints_one_json_object_and_nothing_else()
    {
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"));
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal(Cli.Expected("quickstart", "expected.json"), stdout);
    }

    [Theory]
    [InlineData("cycle")]
    [InlineData("missing_dependency")]
    [InlineData("evaluation_error")]
    [InlineData("syntax_error")]
    [InlineData("unrepresentable")]
    public void Configuration_errors_exit_1_with_the_engines_errors_on_stderr(string fixture)
    {
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture(fixture));
        Assert.Equal((1, ""), (exit, stdout));
        var headers = Cli.ExpectedError(fixture).Split('\n').Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(headers);
        Assert.Equal(headers, stderr.Split('\n').Where(line => line.StartsWith("error: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_input_no_config_uses_is_a_usage_error_with_a_suggestion()
    {
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture("parameters"), "--set", "zone=a", "--set", "replicsa=5");
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal("error: input 'replicsa' is not used: no config and no parameter has that name\n  hint: did you mean 'replicas'? (a parameter of config 'with_default' at params.py:10)\n", stderr);
    }

    [Fact]
    public void Targets_and_inputs_come_from_the_command_line()
    {
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture("parameters"), "--target", "with_default", "-t", "uses_overridden",
            "--set", "zone=a", "--set", "overridden={\"from\": \"cli\"}", "--set", "replicas=5");
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal("""
            {
              "with_default": {
                "base": 10,
                "replicas": 5,
                "region": "eu",
                "zone": "a"
              },
              "uses_overridden": {
                "from": "cli"
              }
            }

            """, stdout);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("\"x\"", "'x'")]
    [InlineData("{\"a\":1}", "{'a': 1}")]
    [InlineData("[1, 2.5, null, true]", "[1, 2.5, None, True]")]
    [InlineData("plain text", "'plain text'")]
    [InlineData("{not json", "'{not json'")]
    [InlineData("", "''")]
    [InlineData("a=b", "'a=b'")]
    public void Set_values_are_json_when_they_parse_as_json(string value, string pythonRepr)
    {
        using var folder = new TempFolder(("echo.py", "from breezeblock import configure\n\n@configure\ndef echo(value):\n    return repr(value)\n"));
        var (exit, stdout, stderr) = Cli.Run("eval", folder.Path, "--set", $"value={value}");
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal($"{{\n  \"echo\": {Breezeblock.Tests.Json.Quote(pythonRepr)}\n}}\n", stdout);
    }

    [Fact]
    public void Yaml_output_reads_back_as_the_json_output()
    {
        var (exit, stdout, _) = Cli.Run("eval", Cli.Fixture("rendering"), "--format", "yaml");
        Assert.Equal(0, exit);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(stdout));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var scalars = (YamlMappingNode)root["scalars"];
        Assert.Equal("héllo \"quoted\" 😀", ((YamlScalarNode)scalars["text"]).Value);
        Assert.Equal("1267650600228229401496703205376", ((YamlScalarNode)scalars["big"]).Value);
        Assert.Equal("gold", ((YamlScalarNode)((YamlMappingNode)root["rich"])["tier"]).Value);
    }

    [Theory]
    [InlineData(new[] { "eval" }, "error: Required argument missing for command: 'eval'.")]
    [InlineData(new[] { "eval", ".", "--bogus" }, "error: Unrecognized command or argument '--bogus'.")]
    [InlineData(new[] { "eval", ".", "--format", "xml" }, "error: Argument 'xml' not recognized. Must be one of:")]
    [InlineData(new[] { "eval", "/no/such/folder" }, "error: config folder /no/such/folder does not exist")]
    [InlineData(new[] { "eval", ".", "--set", "novalue" }, "error: --set expects NAME=VALUE, got 'novalue'")]
    [InlineData(new[] { "frobnicate" }, "error: Unrecognized command or argument 'frobnicate'.")]
    public void Usage_errors_exit_2(string[] args, string message)
    {
        var (exit, stdout, stderr) = Cli.Run(args);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains(message, stderr);
        Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public void An_unknown_target_is_a_usage_error_with_a_suggestion()
    {
        var (exit, _, stderr) = Cli.Run("eval", Cli.Fixture("targets"), "--target", "webb");
        Assert.Equal(2, exit);
        Assert.Equal("error: target 'webb' is not a config\n  hint: did you mean 'web'? (the config at t.py:10)\n", stderr);
    }
}
