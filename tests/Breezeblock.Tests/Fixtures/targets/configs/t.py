from breezeblock import configure


@configure
def database():
    return "db"


@configure
def web(database):
    return f"web on {database}"


@configure
def unrelated():
    raise RuntimeError("not a target and not needed: must not run")
