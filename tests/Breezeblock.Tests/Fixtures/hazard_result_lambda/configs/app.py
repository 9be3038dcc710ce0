from breezeblock import configure


@configure
def a():
    return {'f': lambda: 1}
