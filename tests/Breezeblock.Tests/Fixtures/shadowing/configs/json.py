from breezeblock import configure


@configure
def mine():
    return 1
