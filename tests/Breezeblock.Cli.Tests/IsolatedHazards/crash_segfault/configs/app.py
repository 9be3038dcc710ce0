import ctypes
from breezeblock import configure


@configure
def ok():
    return 1


@configure
def crash(ok):
    return ctypes.string_at(0)
