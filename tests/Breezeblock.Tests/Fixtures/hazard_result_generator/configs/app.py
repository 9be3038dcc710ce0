from breezeblock import configure


@configure
def a():
    return [1, (i for i in range(3))]
