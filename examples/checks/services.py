"""The services of a small platform, one config each, shaped by the environment."""

from dataclasses import dataclass, field
from typing import Annotated, Literal

from breezeblock import Length, Pattern, Range, configure

Environment = Literal["dev", "staging", "prod"]


@dataclass
class Service:
    name: Annotated[str, Pattern(r"^[a-z][a-z0-9-]*$"), Length(1, 63)]
    image: str
    replicas: Annotated[int, Range(1, 50)]
    port: Annotated[int, Range(1, 65535)]
    owner: str = ""
    env: dict[str, str] = field(default_factory=dict)


@configure
def database(environment: Environment) -> dict[str, str]:
    host = "db.internal" if environment == "prod" else f"db.{environment}.internal"
    return {"host": host, "name": "shop"}


@configure
def api(environment: Environment, database: dict[str, str]) -> Service:
    return Service(
        name="api",
        image="registry.example.com/shop/api:2.4.1",
        replicas=3 if environment == "prod" else 1,
        port=8080,
        owner="team-shop",
        env={"DATABASE_HOST": database["host"], "ENVIRONMENT": environment},
    )


@configure
def worker(environment: Environment, database: dict[str, str]) -> Service:
    return Service(
        name="worker",
        image="registry.example.com/shop/worker:2.4.1",
        replicas=2 if environment == "prod" else 1,
        port=9090,
        owner="team-shop",
        env={"DATABASE_HOST": database["host"]},
    )
