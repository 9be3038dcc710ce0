from breezeblock import configure


@configure
def ok():
    return True
