using BenchmarkDotNet.Attributes;
using Breezeblock.Python;
using k8s.Models;

namespace Breezeblock.Benchmarks;

/// <summary>
/// 1,000 Deployments of KubernetesClient's real model types (the whole k8s.Models namespace
/// registered, as examples/Kubernetes does) against the same data as plain dicts (the baseline):
/// one whole evaluation each, freezing included. The host side is received as a
/// <c>List&lt;V1Deployment&gt;</c>; the dicts stay in Python.
/// </summary>
public class KubernetesBenchmarks
{
    private const int Count = 1_000;
    private string _folder = "";
    private ConfigEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("breezeblock-bench-k8s-").FullName;
        File.WriteAllText(Path.Combine(_folder, "deployments.py"), $$$"""
            from breezeblock import configure
            from k8s import (V1Container, V1ContainerPort, V1Deployment, V1DeploymentSpec, V1DeploymentStrategy,
                V1HTTPGetAction, V1LabelSelector, V1ObjectMeta, V1PodSpec, V1PodTemplateSpec, V1Probe,
                V1ResourceRequirements, V1RollingUpdateDeployment)


            def labels(i):
                return {"app.kubernetes.io/name": f"app{i}", "app.kubernetes.io/instance": f"app{i}-prod"}


            def hosted_deployment(i):
                return V1Deployment(
                    api_version="apps/v1", kind="Deployment",
                    metadata=V1ObjectMeta(name=f"app{i}", namespace="prod", labels=labels(i)),
                    spec=V1DeploymentSpec(
                        replicas=3,
                        selector=V1LabelSelector(match_labels=labels(i)),
                        strategy=V1DeploymentStrategy(type="RollingUpdate", rolling_update=V1RollingUpdateDeployment(max_surge="25%", max_unavailable=0)),
                        template=V1PodTemplateSpec(
                            metadata=V1ObjectMeta(labels=labels(i)),
                            spec=V1PodSpec(containers=[V1Container(
                                name=f"app{i}", image=f"registry.example.com/app{i}:1.4.0",
                                ports=[V1ContainerPort(name="http", container_port=8080)],
                                resources=V1ResourceRequirements(requests={"cpu": "500m", "memory": "512Mi"}, limits={"memory": "512Mi"}),
                                readiness_probe=V1Probe(http_get=V1HTTPGetAction(path="/healthz", port="http"), period_seconds=5),
                            )]),
                        ),
                    ),
                )


            def plain_deployment(i):
                return {
                    "apiVersion": "apps/v1", "kind": "Deployment",
                    "metadata": {"name": f"app{i}", "namespace": "prod", "labels": labels(i)},
                    "spec": {
                        "replicas": 3,
                        "selector": {"matchLabels": labels(i)},
                        "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 0}},
                        "template": {
                            "metadata": {"labels": labels(i)},
                            "spec": {"containers": [{
                                "name": f"app{i}", "image": f"registry.example.com/app{i}:1.4.0",
                                "ports": [{"name": "http", "containerPort": 8080}],
                                "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}, "limits": {"memory": "512Mi"}},
                                "readinessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 5},
                            }]},
                        },
                    },
                }


            @configure
            def plain():
                return [plain_deployment(i) for i in range({{{Count}}})]


            @configure
            def hosted():
                return [hosted_deployment(i) for i in range({{{Count}}})]
            """);
        var options = new ConfigOptions { BytecodeCacheDirectory = null };
        options.AddHostModule("k8s", module => module.AddTypes(typeof(V1Deployment).Assembly, "k8s.Models"));
        _engine = new ConfigEngine(options);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "1,000 Deployments as plain dicts (stay in Python)")]
    public int Dicts()
    {
        using var result = _engine.Evaluate(_folder, ["plain"]);
        using var list = result.Get<PyObject>("plain");
        return _engine.Runtime.Run(() => (int)list.Length);
    }

    [Benchmark(Description = "1,000 V1Deployments, received as List<V1Deployment>")]
    public int HostObjects()
    {
        using var result = _engine.Evaluate(_folder, ["hosted"]);
        return result.Get<List<V1Deployment>>("hosted").Count;
    }
}
