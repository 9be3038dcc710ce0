"""The web front end: its Deployment and Service."""

from breezeblock import configure

import workloads


@configure
def web_deployment(values):
    return workloads.deployment("web", values, image="registry.example.com/web", port=8080)


@configure
def web_service(values, web_deployment):
    port = web_deployment.spec.template.spec.containers[0].ports[0].container_port
    return workloads.service("web", values, port=80, target_port=port)
