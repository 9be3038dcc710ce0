from breezeblock import configure


def depth(n):
    return depth(n + 1)


@configure
def runaway():
    return depth(0)
