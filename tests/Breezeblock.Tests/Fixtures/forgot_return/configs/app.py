from breezeblock import configure


@configure
def database():
    {"host": "db.internal", "port": 5432}


@configure
def web(database):
    return {"db": database["host"]}
