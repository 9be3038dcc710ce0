from breezeblock import configure


@configure(nam="db")  # a misspelt keyword: this module fails to load
def database():
    return {"host": "db.internal"}


@configure
def cache():
    return {"host": "cache.internal"}
