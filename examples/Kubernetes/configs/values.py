"""What differs between environments: Helm's values.yaml, as data that code can check.

Not a config itself (so the output folder holds manifests only): each config takes the input
`environment` (`--set environment=prod`; "dev" when not given) and reads its values from here.
"""

DEFAULT_ENVIRONMENT = "dev"

ENVIRONMENTS = {
    "dev": {"replicas": 1, "image_tag": "latest", "cpu": "250m", "memory": "256Mi", "log_level": "debug"},
    "staging": {"replicas": 2, "image_tag": "1.4.0-rc.2", "cpu": "500m", "memory": "512Mi", "log_level": "info"},
    "prod": {"replicas": 4, "image_tag": "1.4.0", "cpu": "1", "memory": "1Gi", "log_level": "warning"},
}


def values_for(environment):
    """The values of one environment, with its name."""
    if environment not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {environment!r}; known: {', '.join(ENVIRONMENTS)}")
    return {"environment": environment, **ENVIRONMENTS[environment]}
