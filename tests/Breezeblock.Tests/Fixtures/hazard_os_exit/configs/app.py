import os
from breezeblock import configure


@configure
def quits():
    os._exit(0)
