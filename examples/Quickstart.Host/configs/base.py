from breezeblock import configure
from myapp import Config


@configure
def configA():
    return Config(name="blah")
