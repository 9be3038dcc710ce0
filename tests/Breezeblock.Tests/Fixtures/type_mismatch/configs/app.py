from breezeblock import configure

from models import DbConfig


@configure
def db() -> DbConfig:
    return DbConfig("db.internal", 70000)


@configure
def web(db: DbConfig) -> dict[str, str]:
    return {"db": db.host}
