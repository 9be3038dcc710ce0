from breezeblock import configure
from b import configB


@configure
def configA(configB):
    return configB + 1
