"""Generates a folder of N configure functions, 100 per file, for the scaling benchmark.

    python3 generate.py OUT N chain    each config needs the one before it (a chain N deep)
    python3 generate.py OUT N fanin    per file, 99 leaves feed one aggregator; a root needs every aggregator
"""
import os
import sys

PER_FILE = 100


def chain(n):
    for start in range(0, n, PER_FILE):
        lines = ["from breezeblock import configure", ""]
        for i in range(start, min(start + PER_FILE, n)):
            if i == 0:
                lines += ["@configure", "def c0():", '    return {"name": "c0", "depth": 0, "tags": ["base"]}', ""]
            else:
                lines += ["@configure", f"def c{i}(c{i - 1}):",
                          f'    return {{"name": "c{i}", "depth": c{i - 1}["depth"] + 1, "tags": c{i - 1}["tags"][:2] + ["c{i}"]}}', ""]
        yield start // PER_FILE, lines


def fanin(n):
    files = max(1, n // PER_FILE)
    for f in range(files):
        lines = ["from breezeblock import configure", ""]
        leaves = [f"leaf{f}_{j}" for j in range(PER_FILE - 1)]
        for leaf in leaves:
            lines += ["@configure", f"def {leaf}():", f'    return {{"name": "{leaf}", "weight": {len(leaf)}}}', ""]
        lines += ["@configure", f"def group{f}({', '.join(leaves)}):",
                  f"    parts = [{', '.join(leaves)}]",
                  '    return {"count": len(parts), "weight": sum(p["weight"] for p in parts)}', ""]
        if f == files - 1:
            groups = [f"group{g}" for g in range(files)]
            lines += ["@configure", f"def root({', '.join(groups)}):",
                      f"    return sum(g['weight'] for g in [{', '.join(groups)}])", ""]
        yield f, lines


def main(out, n, shape):
    os.makedirs(out, exist_ok=True)
    for index, lines in {"chain": chain, "fanin": fanin}[shape](n):
        with open(os.path.join(out, f"part{index:04}.py"), "w") as file:
            file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
