using System.Text.Json.Nodes;

namespace Breezeblock.Cli.Tests;

/// <summary><c>--values FILE</c>: JSON and YAML inputs, merged in order key by key, <c>--set</c> winning, each input's files in explain and graph.</summary>
public sealed class ValuesFileTests
{
    private const string App = "from breezeblock import configure\n\n@configure\ndef web(environment, resources, replicas=1):\n    return {\"env\": environment, \"resources\": resources, \"replicas\": replicas}\n";

    [Fact]
    public void Later_files_win_mappings_merge_and_set_wins_over_files()
    {
        using var folder = new TempFolder(("app.py", App), ("base.yaml", "environment: dev\nresources:\n  cpu: 500m\n  memory: 1Gi\nreplicas: 2\n"),
            ("prod.json", """{"environment": "prod", "resources": {"cpu": "2"}}"""));
        var (exit, stdout, stderr) = Cli.Run("eval", folder.Path, "--values", Path.Combine(folder.Path, "base.yaml"), "--values", Path.Combine(folder.Path, "prod.json"), "--set", "replicas=5");
        Assert.True(exit == 0, stderr);
        Assert.Equal("""{"env":"prod","resources":{"cpu":"2","memory":"1Gi"},"replicas":5}""", JsonNode.Parse(stdout)!["web"]!.ToJsonString());
    }

    [Fact]
    public void Explain_and_graph_name_the_files_an_input_came_from()
    {
        using var folder = new TempFolder(("app.py", App), ("base.yaml", "environment: dev\nresources: {cpu: 1}\n"), ("prod.yaml", "environment: prod\n"));
        var (_, explained, _) = Cli.ProcessIn(folder.Path, null, "explain", ".", "web", "--values", "base.yaml", "--values", "prod.yaml");
        Assert.Contains("├── environment: input  (--values base.yaml, --values prod.yaml)\n├── resources: input  (--values base.yaml)\n", explained);
        var (_, graph, _) = Cli.ProcessIn(folder.Path, null, "graph", ".", "--values", "base.yaml", "--values", "prod.yaml", "--set", "resources={}");
        Assert.Contains("├── environment  input   (--values base.yaml, --values prod.yaml)\n├── resources    input   (--set resources={})\n", graph);
    }

    [Fact]
    public void A_values_file_that_is_missing_malformed_or_not_a_mapping_is_a_usage_error()
    {
        using var folder = new TempFolder(("app.py", App), ("bad.yaml", "a: [1\n"), ("list.yaml", "- 1\n"), ("bad.json", "{\"a\": }"));
        foreach (var (file, expected) in new[]
        {
            ("missing.yaml", CliMessages.ValuesUnreadable("missing.yaml", "it does not exist")),
            ("list.yaml", CliMessages.ValuesNotAMapping("list.yaml")),
            ("bad.yaml", "bad.yaml:2: not a values file: "),
            ("bad.json", "bad.json:1: not a values file: "),
        })
        {
            var (exit, _, stderr) = Cli.ProcessIn(folder.Path, null, "eval", ".", "--values", file);
            Assert.True(exit == 2, $"{file}: {exit} {stderr}");
            Assert.Contains(expected, stderr);
        }
    }
}
