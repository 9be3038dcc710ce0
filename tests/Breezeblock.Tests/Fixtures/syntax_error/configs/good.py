from breezeblock import configure


@configure
def good():
    return 1
