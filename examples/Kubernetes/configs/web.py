"""The web front end: its Deployment and Service."""

from breezeblock import configure

import workloads
from values import DEFAULT_ENVIRONMENT, values_for


@configure
def web_deployment(environment=DEFAULT_ENVIRONMENT):
    return workloads.deployment("web", values_for(environment), image="registry.example.com/web", port=8080)


@configure
def web_service(web_deployment, environment=DEFAULT_ENVIRONMENT):
    port = web_deployment.spec.template.spec.containers[0].ports[0].container_port
    return workloads.service("web", values_for(environment), port=80, target_port=port)
