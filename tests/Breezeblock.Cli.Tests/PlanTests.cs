namespace Breezeblock.Cli.Tests;

/// <summary><c>plan --against-dir</c>: comparing with what <c>eval --output-dir</c> wrote.</summary>
public sealed class PlanTests : IDisposable
{
    private const string Header = "from breezeblock import configure\n\n";
    private readonly string _out = Directory.CreateTempSubdirectory("breezeblock-plan-").FullName;

    [Fact]
    public void Plan_against_an_output_folder_exits_0_when_nothing_changed_and_3_with_each_change()
    {
        using var configs = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return {'port': 80, 'hosts': ['a']}\n\n@configure\ndef worker():\n    return 1\n"));
        Assert.Equal(0, Cli.Run("eval", configs.Path, "--output-dir", _out).Exit);
        var (exit, stdout, stderr) = Cli.Run("plan", configs.Path, "--against-dir", _out);
        Assert.Equal((0, CliMessages.NoChanges(_out) + "\n", ""), (exit, stdout, stderr));

        File.WriteAllText(Path.Combine(configs.Path, "app.py"), Header + "@configure\ndef web():\n    return {'port': 81, 'hosts': ['a', 'b'], 'tls': True}\n\n@configure\ndef cache():\n    return None\n");
        (exit, stdout, stderr) = Cli.Run("plan", configs.Path, "--against-dir", _out);
        Assert.Equal((3, ""), (exit, stderr));
        Assert.Equal($"""
            ~ web.port: 80 → 81
            + web.hosts[1]: "b"
            + web.tls: true
            + cache: null
            - worker: 1

            {CliMessages.PlanSummary(3, 1, 1)}

            """, stdout);
    }

    [Fact]
    public void Plan_reads_a_yaml_output_folder_and_names_a_file_that_is_neither_json_nor_yaml()
    {
        using var configs = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return {'port': 80, 'name': 'true', 'ratio': 0.5, 'big': 123456789012345678901234567890}\n"));
        Assert.Equal(0, Cli.Run("eval", configs.Path, "--output-dir", _out, "--format", "yaml").Exit);
        var (exit, stdout, stderr) = Cli.Run("plan", configs.Path, "--against-dir", _out);
        Assert.Equal((0, "", ""), (exit, stderr, stdout.Length > 0 && stdout.StartsWith("No changes", StringComparison.Ordinal) ? "" : stdout)); // a quoted "true" stays a string, the big number its digits

        var yaml = Path.Combine(_out, "broken.yaml");
        File.WriteAllText(yaml, "web:\n  ports: [80\n");
        (exit, _, stderr) = Cli.Run("plan", configs.Path, "--against", yaml);
        Assert.Equal((2, $"error: {yaml}:3: not YAML: While parsing a flow sequence, did not find expected ',' or ']'\n"), (exit, stderr));

        var broken = Path.Combine(_out, "broken.json");
        File.WriteAllText(broken, "{\n  \"web\": 1,\n}\n");
        (exit, _, stderr) = Cli.Run("plan", configs.Path, "--against", broken);
        Assert.Equal(2, exit);
        Assert.Equal($"error: {broken}:3: not JSON: The JSON object contains a trailing comma at the end which is not supported in this mode\n", stderr);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
