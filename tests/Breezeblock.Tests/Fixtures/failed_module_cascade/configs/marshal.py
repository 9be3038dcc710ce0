from breezeblock import configure


@configure
def codec():
    return "json"
