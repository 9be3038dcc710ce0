import ctypes
import os
from breezeblock import configure


@configure
def kills():
    ctypes.CDLL(None).kill(os.getpid(), 9)
