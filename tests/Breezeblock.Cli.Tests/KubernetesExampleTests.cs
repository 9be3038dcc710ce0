using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Breezeblock.Cli.Tests;

/// <summary>
/// examples/Kubernetes, a Helm chart written as configs over KubernetesClient's real model types
/// (loaded with <c>--host</c> from a class library whose dependencies are in the NuGet cache): the
/// manifests it writes are what KubernetesClient itself reads back and writes again.
/// </summary>
public sealed class KubernetesExampleTests
{
    private static readonly string Configs = Path.Combine(Cli.RepositoryRoot, "examples", "Kubernetes", "configs");

    internal static string Host
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(Cli.RepositoryRoot, "examples", "Kubernetes", "Kubernetes.Host", "bin", configuration, "net10.0", "Kubernetes.Host.dll");
        }
    }

    private static readonly string[] Manifests = ["api_deployment", "api_service", "api_settings", "web_deployment", "web_service"];

    [Fact]
    public void The_manifests_read_back_with_kubernetes_clients_deserializer_and_write_the_same()
    {
        var output = Directory.CreateTempSubdirectory("breezeblock-k8s-").FullName;
        try
        {
            var (exit, _, stderr) = Cli.Process(null, "eval", Configs, "--host", Host, "--set", "environment=prod", "--format", "yaml", "--output-dir", Path.Combine(output, "yaml"));
            Assert.True(exit == 0, stderr);
            (exit, _, stderr) = Cli.Process(null, "eval", Configs, "--host", Host, "--set", "environment=prod", "--format", "json", "--output-dir", Path.Combine(output, "json"));
            Assert.True(exit == 0, stderr);
            Assert.Equal(Manifests, Directory.GetFiles(Path.Combine(output, "yaml"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));

            foreach (var name in Manifests)
            {
                var read = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(output, "yaml", name + ".yaml")));
                var written = JsonNode.Parse(KubernetesJson.Serialize(Assert.Single(read)));
                var ours = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "json", name + ".json")));
                Assert.True(JsonNode.DeepEquals(ours, written), $"{name}:\nours {ours}\nKubernetesClient's {written}");
            }

            var web = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(output, "yaml", "web_deployment.yaml")));
            var container = web.Spec.Template.Spec.Containers.Single();
            Assert.Equal((4, "registry.example.com/web:1.4.0", "prod"), (web.Spec.Replicas, container.Image, web.Metadata.NamespaceProperty));
            Assert.Equal(("25%", "0"), (web.Spec.Strategy.RollingUpdate.MaxSurge.Value, web.Spec.Strategy.RollingUpdate.MaxUnavailable.Value));
            Assert.Equal(("1", "1Gi"), (container.Resources.Requests["cpu"].ToString(), container.Resources.Requests["memory"].ToString()));
            Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
            var service = KubernetesYaml.Deserialize<V1Service>(File.ReadAllText(Path.Combine(output, "yaml", "web_service.yaml")));
            Assert.Equal((80, "8080"), (service.Spec.Ports.Single().Port, service.Spec.Ports.Single().TargetPort.Value));
            var settings = KubernetesYaml.Deserialize<V1ConfigMap>(File.ReadAllText(Path.Combine(output, "yaml", "api_settings.yaml")));
            Assert.Equal("warning", settings.Data["LOG_LEVEL"]);
            var api = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(Path.Combine(output, "yaml", "api_deployment.yaml")));
            Assert.Equal("api-settings", api.Spec.Template.Spec.Containers.Single().EnvFrom.Single().ConfigMapRef.Name);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_environment_is_an_error_at_its_line()
    {
        var (exit, _, stderr) = Cli.Run("eval", Configs, "--host", Host, "--set", "environment=qa", "--target", "api_service");
        Assert.Equal(1, exit);
        Assert.StartsWith("error: values.py:19: ValueError: unknown environment 'qa'; known: dev, staging, prod", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_whose_dependencies_are_not_restored_says_which_and_where_it_looked()
    {
        var home = Directory.CreateTempSubdirectory("breezeblock-no-packages-").FullName;
        try
        {
            var packages = Path.Combine(home, "packages");
            var (exit, _, stderr) = Cli.Process(new Dictionary<string, string> { ["HOME"] = home, ["NUGET_PACKAGES"] = packages }, "eval", Configs, "--host", Host);
            Assert.Equal(2, exit);
            Assert.Equal($"error: {CliMessages.HostDependencyMissing(Host, "KubernetesClient", [packages, Path.Combine(home, ".nuget", "packages")])}\n", stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void The_stubs_of_every_model_are_python_with_keyword_safe_and_wire_names()
    {
        var output = Directory.CreateTempSubdirectory("breezeblock-k8s-stubs-").FullName;
        try
        {
            var (exit, _, stderr) = Cli.Run("stubs", "--host", Host, "--output", output);
            Assert.True(exit == 0, stderr);
            var stub = Path.Combine(output, "k8s.pyi");
            var python = Breezeblock.Python.PythonRuntime.Current.Installation.ProgramPath;
            var parse = ChildProcess.StartInfo(python, ["-c", "import ast, sys; tree = ast.parse(open(sys.argv[1]).read(), sys.argv[1]); print(sum(isinstance(n, ast.ClassDef) for n in tree.body))", stub], null, unset: ["PYTHONPATH", "PYTHONHOME"]);
            var (parsed, classes, errors) = ChildProcess.Run(parse, TimeSpan.FromMinutes(2));
            Assert.True(parsed == 0, errors); // a member named after a keyword ("not") would be a SyntaxError here
            Assert.True(int.Parse(classes.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 800, classes);
            var text = File.ReadAllText(stub);
            Assert.Contains("    not_: Optional[V1JSONSchemaProps]\n", text, StringComparison.Ordinal);
            Assert.Contains("    except_: Optional[List[Optional[str]]]\n", text, StringComparison.Ordinal);
            Assert.Contains("    namespace: Optional[str]\n", text, StringComparison.Ordinal);
            Assert.Contains("    api_version: Optional[str]\n", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
