using Breezeblock;
using k8s.Models;

namespace Kubernetes.Host;

/// <summary>
/// Registers KubernetesClient's models (the whole <c>k8s.Models</c> namespace, as generated from
/// the Kubernetes OpenAPI) as the Python module <c>k8s</c>, so configs build <c>V1Deployment</c>,
/// <c>V1Service</c> and <c>V1ConfigMap</c> objects that the application (or <c>kubectl</c>) takes as they are.
/// </summary>
public sealed class KubernetesHost : IConfigHost
{
    /// <inheritdoc />
    public void Configure(ConfigOptions options) =>
        options.AddHostModule("k8s", module => module.AddTypes(typeof(V1Deployment).Assembly, "k8s.Models"));
}
