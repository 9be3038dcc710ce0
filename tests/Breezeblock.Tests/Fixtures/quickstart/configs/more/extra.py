from breezeblock import configure


@configure
def configB(configA):
    return {"name": configA["name"] + "_with_something_extra"}


@configure
def configC(configA, configB):
    return {"name": configB["name"] + "_and_even_more_" + configA["name"]}
