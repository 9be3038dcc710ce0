"""The API: its settings (a ConfigMap), its Deployment reading them, and its Service."""

from breezeblock import configure
from k8s import V1ConfigMap

import workloads


@configure
def api_settings(values):
    return V1ConfigMap(
        api_version="v1",
        kind="ConfigMap",
        metadata=workloads.metadata("api-settings", values),
        data={"LOG_LEVEL": values["log_level"], "ENVIRONMENT": values["environment"]},
    )


@configure
def api_deployment(values, api_settings):
    return workloads.deployment("api", values, image="registry.example.com/api", port=9000, config_map=api_settings.metadata.name)


@configure
def api_service(values):
    return workloads.service("api", values, port=9000)
