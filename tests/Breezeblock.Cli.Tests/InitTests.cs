namespace Breezeblock.Cli.Tests;

/// <summary><c>breezeblock init</c>: a starter folder that evaluates, and never an overwrite.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("breezeblock-init-").FullName;

    [Fact]
    public void Init_makes_a_folder_that_evaluates_and_checks()
    {
        var folder = Path.Combine(_root, "myapp");
        var (exit, stdout, stderr) = Cli.Run("init", folder);
        Assert.Equal((0, ""), (exit, stdout));
        Assert.Equal(
            [
                .. new[] { "configs/base.py", "configs/web.py", "pyrightconfig.json", "typings/breezeblock.pyi" }.Select(p => CliMessages.Created(Path.Combine(folder, p))),
                CliMessages.InitNext(Path.Combine(folder, "configs")),
            ],
            stderr.TrimEnd('\n').Split('\n'));
        (exit, stdout, stderr) = Cli.Run("eval", Path.Combine(folder, "configs"), "--set", "environment=prod");
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal("""
            {
              "database": {
                "host": "db.prod.internal",
                "port": 5432
              },
              "web": {
                "database_url": "postgres://db.prod.internal:5432/app",
                "replicas": 2
              }
            }

            """, stdout);
        Assert.Equal(0, Cli.Run("check", Path.Combine(folder, "configs")).Exit);
    }

    [Fact]
    public void Init_writes_nothing_when_any_file_it_would_write_exists()
    {
        Directory.CreateDirectory(Path.Combine(_root, "configs"));
        File.WriteAllText(Path.Combine(_root, "configs", "web.py"), "# mine");
        var (exit, stdout, stderr) = Cli.Run("init", _root);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal($"error: {CliMessages.InitWouldOverwrite(_root, ["configs/web.py"])}\n", stderr);
        Assert.Equal("# mine", File.ReadAllText(Path.Combine(_root, "configs", "web.py")));
        Assert.Equal([Path.Combine(_root, "configs", "web.py")], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
