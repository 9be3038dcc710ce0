from breezeblock import configure


@configure
def db():
    return 1
