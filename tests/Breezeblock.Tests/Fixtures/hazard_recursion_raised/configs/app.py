import sys
from breezeblock import configure

sys.setrecursionlimit(200000)


def down(n):
    return 0 if n == 0 else down(n - 1) + 1


@configure
def deep():
    return down(5000)
