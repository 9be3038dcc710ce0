from breezeblock import configure


@configure
def configA():
    return {"name": "blah"}
