import dataclasses
import datetime
import decimal
import enum
from breezeblock import configure


class Tier(enum.Enum):
    GOLD = "gold"
    SILVER = 2


@dataclasses.dataclass
class Service:
    name: str
    replicas: int = 2
    tags: tuple = ()


@configure
def scalars():
    return {"none": None, "true": True, "int": 42, "big": 2 ** 100, "float": 1.5, "whole": 3.0, "text": "héllo \"quoted\" 😀"}


@configure
def containers():
    return {"list": [1, [2, 3]], "tuple": (1, "a"), "empty_list": [], "empty_dict": {}, 1: "int key", "set": {"b", "a"}}


@configure
def rich():
    return {
        "service": Service("api", tags=("x",)),
        "tier": Tier.GOLD,
        "tiers": [Tier.SILVER],
        "when": datetime.date(2026, 11, 23),
        "price": decimal.Decimal("10.50"),
    }
