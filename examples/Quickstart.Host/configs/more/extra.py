from breezeblock import configure
from myapp import Config


@configure
def configB(configA):
    return Config(name=configA.name + "_with_something_extra")


@configure
def configC(configA, configB):
    return Config(configB.name + "_and_even_more_" + configA.name)
