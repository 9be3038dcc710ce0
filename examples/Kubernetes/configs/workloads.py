"""Shared building blocks, imported by the configs: what a Helm chart puts in _helpers.tpl."""

from k8s import (
    V1ConfigMapEnvSource, V1Container, V1ContainerPort, V1Deployment, V1DeploymentSpec,
    V1DeploymentStrategy, V1EnvFromSource, V1HTTPGetAction, V1LabelSelector, V1ObjectMeta,
    V1PodSpec, V1PodTemplateSpec, V1Probe, V1ResourceRequirements, V1RollingUpdateDeployment,
    V1Service, V1ServicePort, V1ServiceSpec,
)


def labels(app, values):
    return {"app.kubernetes.io/name": app, "app.kubernetes.io/instance": f"{app}-{values['environment']}"}


def metadata(app, values):
    return V1ObjectMeta(name=app, namespace=values["environment"], labels=labels(app, values))


def deployment(app, values, image, port, config_map=None):
    """A rolling-update Deployment of one container, probed on /healthz, sized by the environment."""
    container = V1Container(
        name=app,
        image=f"{image}:{values['image_tag']}",
        ports=[V1ContainerPort(name="http", container_port=port)],
        resources=V1ResourceRequirements(
            requests={"cpu": values["cpu"], "memory": values["memory"]},
            limits={"memory": values["memory"]},
        ),
        readiness_probe=V1Probe(http_get=V1HTTPGetAction(path="/healthz", port="http"), period_seconds=5),
        env_from=[V1EnvFromSource(config_map_ref=V1ConfigMapEnvSource(name=config_map))] if config_map else None,
    )
    return V1Deployment(
        api_version="apps/v1",
        kind="Deployment",
        metadata=metadata(app, values),
        spec=V1DeploymentSpec(
            replicas=values["replicas"],
            selector=V1LabelSelector(match_labels=labels(app, values)),
            strategy=V1DeploymentStrategy(
                type="RollingUpdate",
                rolling_update=V1RollingUpdateDeployment(max_surge="25%", max_unavailable=0),
            ),
            template=V1PodTemplateSpec(
                metadata=V1ObjectMeta(labels=labels(app, values)),
                spec=V1PodSpec(containers=[container]),
            ),
        ),
    )


def service(app, values, port, target_port="http"):
    """A ClusterIP Service in front of the app's pods."""
    return V1Service(
        api_version="v1",
        kind="Service",
        metadata=metadata(app, values),
        spec=V1ServiceSpec(selector=labels(app, values), ports=[V1ServicePort(name="http", port=port, target_port=target_port)]),
    )
