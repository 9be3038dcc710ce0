"""The memory baseline for an idle workspace: plain Python loads a folder (as baseline.py does),
evaluates every config and keeps the modules, functions and results. Prints the growth of the
process's resident memory, in KiB, from before loading to after.

    python3 hold.py DIR
"""
import gc
import graphlib
import inspect
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import baseline  # noqa: E402


def resident_kib():
    import ctypes
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # as the engine's measurement does: what is kept, not the peak
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def main(root):
    gc.collect()
    before = resident_kib()
    baseline.load(root)
    functions = {f.__name__: f for f in baseline.registry}
    needs = {name: list(inspect.signature(f).parameters) for name, f in functions.items()}
    results = {}
    for name in graphlib.TopologicalSorter(needs).static_order():
        results[name] = functions[name](**{p: results[p] for p in needs[name]})
    gc.collect()
    print(resident_kib() - before)
    return results


if __name__ == "__main__":
    kept = main(sys.argv[1])
