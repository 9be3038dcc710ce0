"""The pure-Python baseline: the same job as `breezeblock eval DIR`, written the straightforward way.

Imports every .py file (read, compile, exec into a module registered in sys.modules), reads each
@configure function's parameters with inspect.signature, orders the functions with graphlib and
calls each once with the results it needs, then prints the results as JSON.

    python3 baseline.py [--check] DIR     (--check: load and order only, as `breezeblock check`)
"""
import graphlib
import inspect
import json
import os
import sys
import types

registry = []


def configure(function):
    registry.append(function)
    return function


breezeblock = types.ModuleType("breezeblock")
breezeblock.configure = configure
sys.modules["breezeblock"] = breezeblock


def load(root):
    paths = []
    for folder, folders, files in os.walk(root):
        folders[:] = [d for d in folders if d != "__pycache__" and not d.startswith(".")]
        paths += [os.path.join(folder, f) for f in files if f.endswith(".py") and not f.startswith(".")]
    for path in sorted(paths):
        name = os.path.relpath(path, root)[:-3].replace(os.sep, ".")
        module = types.ModuleType(name)
        module.__file__ = path
        sys.modules[name] = module
        with open(path, encoding="utf-8") as file:
            exec(compile(file.read(), path, "exec"), module.__dict__)


def main(root, check=False):
    load(root)
    functions = {f.__name__: f for f in registry}
    needs = {name: list(inspect.signature(f).parameters) for name, f in functions.items()}
    order = list(graphlib.TopologicalSorter(needs).static_order())
    if check:  # --check: load and order, run nothing (what `breezeblock check` does)
        print(f"{len(order)} configs", file=sys.stderr)
        return
    results = {}
    for name in order:
        results[name] = functions[name](**{p: results[p] for p in needs[name]})
    json.dump({name: results[name] for name in functions}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[-1], check="--check" in sys.argv[1:-1])
