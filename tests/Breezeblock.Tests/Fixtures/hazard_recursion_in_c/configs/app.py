import json, sys
from breezeblock import configure

sys.setrecursionlimit(10**6)


@configure
def nested():
    value = []
    for _ in range(300_000):
        value = [value]
    return len(json.dumps(value))
