from breezeblock import configure

from models import DbConfig


@configure
def db() -> dict:
    return {"host": "db.internal", "port": 5432}


@configure
def web(db: DbConfig) -> dict[str, str]:
    return {"db": db.host}
