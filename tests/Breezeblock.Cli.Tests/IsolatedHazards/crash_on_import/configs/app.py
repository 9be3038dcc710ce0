import ctypes
from breezeblock import configure

ctypes.string_at(0)
