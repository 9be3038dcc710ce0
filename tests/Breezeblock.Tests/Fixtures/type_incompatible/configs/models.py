from dataclasses import dataclass
from typing import Annotated

from breezeblock import Range


@dataclass
class DbConfig:
    host: str
    port: Annotated[int, Range(1, 65535)] = 5432
