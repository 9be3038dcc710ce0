from breezeblock import configure


@configure
def from_odd_file():
    return __name__
