import os
from breezeblock import configure


@configure
def forks():
    os.fork()
