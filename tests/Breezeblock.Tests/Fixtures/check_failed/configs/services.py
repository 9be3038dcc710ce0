from dataclasses import dataclass

from breezeblock import configure


@dataclass
class Service:
    name: str
    replicas: int
    owner: str = ""


@configure
def web(environment="dev"):
    return {"replicas": 3 if environment == "prod" else 1, "image": "web:1.4"}


@configure
def api():
    return Service("api", 3, "team-a")


@configure
def worker():
    return Service("worker", 1)
