using System.Text.Json;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// The generated stubs, judged by a real type checker: pyright finds no error in the examples'
/// configs, and flags a config that passes text where a host type wants a number, misspells a
/// keyword argument, or calls a host function with the wrong number of arguments. The project file
/// is the one <c>breezeblock init</c> writes, so editors get the same.
/// </summary>
public sealed class TypeCheckTests
{
    private static string WebAppHost => HostAssembly("WebApp");

    [Theory]
    [InlineData("examples/quickstart", null)]
    [InlineData("examples/Quickstart.Host/configs", "Quickstart.Host")]
    [InlineData("examples/WebApp/configs", "WebApp")]
    [InlineData("examples/Kubernetes/configs", "Kubernetes.Host")]
    public void The_examples_configs_type_check_clean(string configs, string? host)
    {
        using var project = new Project(host is null ? null : HostAssembly(host));
        project.CopyConfigs(Path.Combine(Cli.RepositoryRoot, configs));
        Assert.Equal([], project.Check());
    }

    [Fact]
    public void Wrong_types_misspelled_keywords_and_wrong_arity_are_flagged_at_their_lines()
    {
        using var project = new Project(WebAppHost);
        project.Write("configs/bad.py", """
            from breezeblock import configure
            from webapp import Upstream, catalog_url


            @configure
            def upstreams():
                return [
                    Upstream(name="a", url=catalog_url("eu"), weight="50"),
                    Upstream(nmae="b", url=catalog_url("us")),
                    Upstream(name="c", url=catalog_url("eu", "us")),
                ]
            """);
        var errors = project.Check();
        Assert.Equal(
            [(8, "reportArgumentType"), (9, "reportCallIssue"), (9, "reportCallIssue"), (10, "reportCallIssue")], // line 9: no parameter "nmae", and "name" is missing
            errors.Select(e => (e.Line, e.Rule)).Order());
        Assert.Contains(errors, e => e.Line == 8 && e.Message.Contains("\"Literal['50']\"", StringComparison.Ordinal) && e.Message.Contains("\"int\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("nmae", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 10 && e.Message.Contains("Expected 1 positional argument", StringComparison.Ordinal));
    }

    [Fact]
    public void KubernetesClients_models_are_checked_with_the_conversions_they_accept()
    {
        using var project = new Project(KubernetesExampleTests.Host);
        project.Write("configs/bad.py", """
            from k8s import V1ResourceRequirements, V1ServicePort

            ok = [V1ServicePort(port=80, target_port=8080), V1ServicePort(port=80, target_port="http"), V1ResourceRequirements(limits={"cpu": "500m", "memory": 2})]
            port = V1ServicePort(port="80")
            target = V1ServicePort(port=80, target_port=1.5)
            limits = V1ResourceRequirements(limits={"cpu": [1]})
            """);
        var errors = project.Check();
        Assert.Equal([(4, "reportArgumentType"), (5, "reportArgumentType"), (6, "reportArgumentType")], errors.Select(e => (e.Line, e.Rule)).Order());
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("\"IntOrString | int | str | None\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_exceptions_breezeblock_raises_are_in_its_stub()
    {
        using var project = new Project(null);
        project.Write("configs/guarded.py", """
            import os
            from breezeblock import HermeticError, HostProtectionError, configure


            @configure
            def guarded() -> str:
                try:
                    os._exit(1)
                except (HostProtectionError, HermeticError) as error:
                    return str(error)
            """);
        Assert.Equal([], project.Check());
    }

    [Fact]
    public void What_init_writes_type_checks_clean_and_flags_a_mistake()
    {
        var pyright = ExternalTools.Pyright();
        var folder = Directory.CreateTempSubdirectory("breezeblock-init-pyright-").FullName;
        try
        {
            var (exit, _, stderr) = Cli.Run("init", folder, "--host", WebAppHost);
            Assert.True(exit == 0, stderr);
            Assert.Equal([], Project.Diagnostics(pyright, folder));
            File.WriteAllText(Path.Combine(folder, "configs", "mistake.py"), "from webapp import Upstream\n\nUPSTREAM = Upstream(name='x', url=None, weight='heavy')\n");
            Assert.Equal([(3, "reportArgumentType")], Project.Diagnostics(pyright, folder).Select(e => (e.Line, e.Rule)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string HostAssembly(string name)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        if (name == "Kubernetes.Host")
        {
            return KubernetesExampleTests.Host;
        }
        var project = name == "WebApp" ? "WebApp" : "Quickstart.Host";
        return Path.Combine(Cli.RepositoryRoot, "examples", project, "bin", configuration, "net10.0", name + ".dll");
    }

    internal sealed record Diagnostic(string File, int Line, string? Rule, string Message);

    /// <summary>A folder laid out as <c>breezeblock init</c> lays it out: configs/, typings/ from <c>stubs</c>, pyrightconfig.json.</summary>
    private sealed class Project : IDisposable
    {
        private readonly string _pyright = ExternalTools.Pyright();

        public Project(string? host)
        {
            Path = Directory.CreateTempSubdirectory("breezeblock-pyright-").FullName;
            var args = new List<string> { "stubs", "--output", System.IO.Path.Combine(Path, "typings") };
            if (host is not null)
            {
                args.AddRange(["--host", host]);
            }
            var (exit, _, stderr) = Cli.Run([.. args]);
            Assert.True(exit == 0, stderr);
            File.WriteAllText(System.IO.Path.Combine(Path, "pyrightconfig.json"), StarterFiles.Files.Single(f => f.Path == "pyrightconfig.json").Text);
            Directory.CreateDirectory(System.IO.Path.Combine(Path, "configs"));
        }

        public string Path { get; }

        public void CopyConfigs(string from)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*.py", SearchOption.AllDirectories))
            {
                Write(System.IO.Path.Combine("configs", System.IO.Path.GetRelativePath(from, file)), File.ReadAllText(file));
            }
        }

        public void Write(string relative, string text)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        public List<Diagnostic> Check() => Diagnostics(_pyright, Path);

        /// <summary>pyright's errors and warnings for the project in <paramref name="folder"/>, with 1-based lines.</summary>
        public static List<Diagnostic> Diagnostics(string pyright, string folder)
        {
            var (_, stdout, stderr) = ExternalTools.Run(pyright, null, folder, "--outputjson", "-p", folder);
            using var report = JsonDocument.Parse(stdout.Length > 0 ? stdout : throw new InvalidOperationException("pyright printed nothing: " + stderr));
            Assert.True(report.RootElement.GetProperty("summary").GetProperty("filesAnalyzed").GetInt32() > 0, "pyright analyzed no file in " + folder);
            return report.RootElement.GetProperty("generalDiagnostics").EnumerateArray()
                .Where(d => d.GetProperty("severity").GetString() is "error" or "warning")
                .Select(d => new Diagnostic(
                    d.GetProperty("file").GetString()!,
                    d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1,
                    d.TryGetProperty("rule", out var rule) ? rule.GetString() : null,
                    d.GetProperty("message").GetString()!))
                .ToList();
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
