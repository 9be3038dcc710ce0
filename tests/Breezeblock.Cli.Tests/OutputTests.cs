using System.Text.RegularExpressions;

namespace Breezeblock.Cli.Tests;

/// <summary><c>eval --output</c>, <c>--output-dir</c> and <c>--timings</c>.</summary>
public sealed class OutputTests : IDisposable
{
    private const string Header = "from breezeblock import configure\n\n";
    private readonly string _out = Directory.CreateTempSubdirectory("breezeblock-output-").FullName;

    [Fact]
    public void Output_writes_the_result_to_a_file_and_leaves_an_unchanged_file_alone()
    {
        var file = Path.Combine(_out, "result.json");
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"), "--output", file);
        Assert.Equal((0, "", $"wrote {file}\n"), (exit, stdout, stderr));
        Assert.Equal(Cli.Expected("quickstart", "expected.json"), File.ReadAllText(file));
        var written = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, written.AddHours(-1));
        (exit, _, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"), "--output", file);
        Assert.Equal((0, $"{file} is up to date\n"), (exit, stderr));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(file));
        Assert.Equal([file], Directory.GetFiles(_out)); // no temporary file left behind
    }

    [Fact]
    public void Output_dir_writes_one_file_per_config_and_removes_only_the_files_of_configs_that_are_gone()
    {
        using var configs = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return {'port': 80}\n\n@configure\ndef worker():\n    return ['q']\n"));
        var keep = Path.Combine(_out, "README.md");
        File.WriteAllText(keep, "not ours");
        var (exit, stdout, stderr) = Cli.Run("eval", configs.Path, "--output-dir", _out, "--format", "yaml");
        Assert.Equal((0, "", $"wrote 2 files to {_out} (0 up to date)\n"), (exit, stdout, stderr));
        Assert.Equal("port: 80\n", File.ReadAllText(Path.Combine(_out, "web.yaml")));
        Assert.Equal("- q\n", File.ReadAllText(Path.Combine(_out, "worker.yaml")));

        File.WriteAllText(Path.Combine(configs.Path, "app.py"), Header + "@configure\ndef web():\n    return {'port': 81}\n");
        (exit, _, stderr) = Cli.Run("eval", configs.Path, "--output-dir", _out, "--format", "yaml");
        Assert.Equal((0, $"wrote 1 file to {_out} (0 up to date), removed 1 file of configs that are gone\n"), (exit, stderr));
        Assert.Equal([".breezeblock-output", "README.md", "web.yaml"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("not ours", File.ReadAllText(keep));
        Assert.Equal("port: 81\n", File.ReadAllText(Path.Combine(_out, "web.yaml")));
        Assert.Equal("web.yaml\n", File.ReadAllText(Path.Combine(_out, ".breezeblock-output")));

        (exit, _, _) = Cli.Run("eval", configs.Path, "--output-dir", _out);
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"port\": 81\n}\n", File.ReadAllText(Path.Combine(_out, "web.json")));
        Assert.False(File.Exists(Path.Combine(_out, "web.yaml"))); // the other format's file was ours too
    }

    [Fact]
    public void A_targeted_run_writes_and_removes_only_the_files_of_its_targets()
    {
        using var configs = new TempFolder(("app.py", Header + "@configure\ndef web():\n    return {'port': 80}\n\n@configure\ndef api(web):\n    return {'port': web['port'] + 1}\n\n@configure\ndef worker():\n    return ['q']\n"));
        Assert.Equal(0, Cli.Run("eval", configs.Path, "--output-dir", _out).Exit);
        Assert.Equal(0, Cli.Run("eval", configs.Path, "--output-dir", _out, "--format", "yaml", "--target", "api").Exit);
        // api's file changed format (its json is the target's own, so it goes); web and worker were not targets: left, and still listed
        Assert.Equal([".breezeblock-output", "api.yaml", "web.json", "worker.json"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("api.yaml\nweb.json\nworker.json\n", File.ReadAllText(Path.Combine(_out, ".breezeblock-output")));

        File.WriteAllText(Path.Combine(configs.Path, "app.py"), Header + "@configure\ndef web():\n    return {'port': 80}\n\n@configure\ndef api(web):\n    return {'port': 8}\n");
        var (exit, _, stderr) = Cli.Run("eval", configs.Path, "--output-dir", _out, "--format", "yaml");
        Assert.Equal((0, $"wrote 2 files to {_out} (0 up to date), removed 2 files of configs that are gone\n"), (exit, stderr)); // a full run removes what is gone again (worker, and web in the other format)
        Assert.Equal([".breezeblock-output", "api.yaml", "web.yaml"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_evaluation_writes_nothing()
    {
        var file = Path.Combine(_out, "result.json");
        File.WriteAllText(file, "last good");
        var (exit, _, _) = Cli.Run("eval", Cli.Fixture("evaluation_error"), "--output", file);
        Assert.Equal(1, exit);
        Assert.Equal("last good", File.ReadAllText(file));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_an_error_that_names_it_not_a_crash()
    {
        var blocker = Path.Combine(_out, "file");
        File.WriteAllText(blocker, "a file where a folder is needed");
        var target = Path.Combine(blocker, "result.json");
        var (exit, stdout, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"), "--output", target);
        Assert.Equal((2, "", $"error: {CliMessages.CannotWrite(target, CliMessages.ParentIsAFile(blocker))}\n"), (exit, stdout, stderr));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_named_and_not_the_temporary_file_beside_it()
    {
        const string target = "/sys/breezeblock-result.json"; // sysfs refuses new files even to root, as CI runs
        var (exit, _, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"), "--output", target);
        Assert.Equal((2, $"error: {CliMessages.CannotWrite(target, CliMessages.PermissionDenied)}\n"), (exit, stderr));
    }

    [Fact]
    public void Output_and_output_dir_together_are_a_usage_error()
    {
        var (exit, _, stderr) = Cli.Run("eval", Cli.Fixture("quickstart"), "--output", "a.json", "--output-dir", _out);
        Assert.Equal((2, $"error: {CliMessages.OutputOrOutputDir}\n{CliMessages.UsageHint}\n"), (exit, stderr));
    }

    [Fact]
    public void Timings_list_each_config_slowest_first_with_its_location()
    {
        using var configs = new TempFolder(("app.py", Header + """
            import time

            @configure
            def quick():
                return 1

            @configure
            def slow():
                time.sleep(0.05)
                return 2
            """));
        var (exit, stdout, stderr) = Cli.Run("eval", configs.Path, "--timings", "--quiet");
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"quick\": 1,\n  \"slow\": 2\n}\n", stdout);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(CliMessages.TimingsHeader(2), lines[0]);
        Assert.Matches(@"^ +[0-9]+\.[0-9] ms  slow   app\.py:10$", lines[1]);
        Assert.Matches(@"^ +[0-9]+\.[0-9] ms  quick  app\.py:6$", lines[2]);
        Assert.Matches(@"^  loading [0-9]+\.[0-9] ms, configs [0-9]+\.[0-9] ms, total [0-9]+\.[0-9] ms$", lines[3]);
        Assert.True(Milliseconds(lines[1]) >= 50, lines[1]);
        Assert.True(Milliseconds(lines[1]) >= Milliseconds(lines[2]));
    }

    private static double Milliseconds(string line) =>
        double.Parse(Regex.Match(line, @"([0-9]+\.[0-9]) ms").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
