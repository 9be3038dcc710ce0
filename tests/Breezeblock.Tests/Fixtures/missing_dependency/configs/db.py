from breezeblock import configure


@configure
def database():
    return "db"
