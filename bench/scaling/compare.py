"""`breezeblock eval` as built from the working tree against the same command built from another git
revision, in the same run: a regression check for whole processes (startup, JIT and all).

Publishes both CLIs (ReadyToRun, as run.py does; the other revision through a temporary git
worktree), checks they print the same JSON, then times them alternately on examples/quickstart
and on generated folders, and reports median wall time and peak RSS with their ratios.

    python3 bench/scaling/compare.py --against 708b171 [--repeat 7] [--sizes 10000]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from run import measure, output, publish  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", required=True, help="the git revision to compare with")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="10000")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="breezeblock-compare-")
    tree = os.path.join(work, "tree")
    try:
        subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", "-q", tree, args.against], check=True)
        print(f"publishing the CLI of {args.against} and of the working tree", file=sys.stderr)
        clis = {"before": publish(tree, os.path.join(work, "before")), "now": publish(ROOT, os.path.join(work, "now"))}
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
        folders = [("quickstart", os.path.join(ROOT, "examples", "quickstart"))]
        for shape in ("chain", "fanin"):
            for size in [int(s) for s in args.sizes.split(",")]:
                folder = os.path.join(work, f"{shape}-{size}")
                subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, str(size), shape], check=True)
                folders.append((f"{shape} {size:,}", folder))
        print(f"| folder | {args.against} | now | time ratio | {args.against} peak RSS | now peak RSS | memory ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for label, folder in folders:
            if output([clis["before"], "eval", folder], env) != output([clis["now"], "eval", folder], env):
                raise SystemExit(f"{label}: the two CLIs printed different JSON")
            times = {"before": [], "now": []}
            memory = {"before": [], "now": []}
            for _ in range(args.repeat):
                for name in ("before", "now"):
                    seconds, rss = measure([clis[name], "eval", folder], env)
                    times[name].append(seconds)
                    memory[name].append(rss)
            t0, t1 = statistics.median(times["before"]), statistics.median(times["now"])
            m0, m1 = statistics.median(memory["before"]), statistics.median(memory["now"])
            print(f"| {label} | {t0 * 1000:.0f} ms | {t1 * 1000:.0f} ms | {t1 / t0:.2f}× | {m0:.0f} MiB | {m1:.0f} MiB | {m1 / m0:.2f}× |")
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", tree], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
