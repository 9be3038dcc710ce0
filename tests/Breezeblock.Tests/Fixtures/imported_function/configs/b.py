from breezeblock import configure


@configure
def configB():
    return 1
