import ctypes
from breezeblock import configure


@configure
def leaves():
    ctypes.CDLL(None)._exit(0)
