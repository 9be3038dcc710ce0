from breezeblock import configure


@configure
def web(databse):
    return 1
