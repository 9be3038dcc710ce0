import mmap

from breezeblock import configure

CHUNK = 64 * 1024 * 1024


@configure
def bomb():
    # Shared mappings escape the worker's limit on allocations; its resident memory does not.
    maps = []
    while True:
        block = mmap.mmap(-1, CHUNK)
        for offset in range(0, CHUNK, mmap.PAGESIZE):
            block[offset] = 1
        maps.append(block)
