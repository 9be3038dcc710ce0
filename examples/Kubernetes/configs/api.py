"""The API: its settings (a ConfigMap), its Deployment reading them, and its Service."""

from breezeblock import configure
from k8s import V1ConfigMap

import workloads
from values import DEFAULT_ENVIRONMENT, values_for


@configure
def api_settings(environment=DEFAULT_ENVIRONMENT):
    values = values_for(environment)
    return V1ConfigMap(
        api_version="v1",
        kind="ConfigMap",
        metadata=workloads.metadata("api-settings", values),
        data={"LOG_LEVEL": values["log_level"], "ENVIRONMENT": values["environment"]},
    )


@configure
def api_deployment(api_settings, environment=DEFAULT_ENVIRONMENT):
    values = values_for(environment)
    return workloads.deployment("api", values, image="registry.example.com/api", port=9000, config_map=api_settings.metadata.name)


@configure
def api_service(environment=DEFAULT_ENVIRONMENT):
    return workloads.service("api", values_for(environment), port=9000)
