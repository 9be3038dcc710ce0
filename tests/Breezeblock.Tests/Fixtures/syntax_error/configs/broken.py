from breezeblock import configure


@configure
def broken():
    return (1 +* 3)
