from breezeblock import configure


@configure
def plain():
    return "plain"


@configure()
def called():
    return "called"


@configure(name="db")
def make_database():
    return {"host": "db.internal"}


@configure("positional")
def positional_name():
    return "positional"


@configure
def uses_db(db, plain):
    # a decorated function stays an ordinary function
    return {"host": db["host"], "direct": make_database()["host"], "plain": plain}
