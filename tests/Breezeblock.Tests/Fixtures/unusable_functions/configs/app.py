from breezeblock import configure


@configure
class Config:
    def __init__(self):
        self.name = "x"


@configure
async def fetch():
    return 1


@configure
def numbers():
    yield 1


@configure
def web(Config, fetch):
    return 1
