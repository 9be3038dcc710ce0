"""`breezeblock check` at 1,000 configs, as a pre-commit hook runs it, against two baselines in the same run.

Baselines: `breezeblock eval` of the same folder (a check must cost less than evaluating), and the
pure-Python floor `python3 baseline.py --check DIR` (import every file, read the signatures, order
the graph; run nothing). The CLI is published once (ReadyToRun, as a user installs it); each
command runs REPEAT times, alternating, after one warm-up run that fills the bytecode cache.
Reports median wall time and the ratios. Standard library only.

    python3 bench/scaling/check.py [--repeat 9] [--size 1000]
"""
import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from run import medians as timed, publish  # noqa: E402  (same timing as the scaling benchmark)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    python = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True).stdout.strip()
    work = tempfile.mkdtemp(prefix="breezeblock-check-")
    cli_dir = os.path.join(work, "cli")
    print(f"publishing the CLI (ReadyToRun) to {cli_dir}", file=sys.stderr)
    cli = publish(ROOT, cli_dir)
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))

    rows = []
    for shape in ("chain", "fanin"):
        folder = os.path.join(work, f"{shape}-{args.size}")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, str(args.size), shape], check=True)
        commands = {
            "python --check": [python, os.path.join(HERE, "baseline.py"), "--check", folder],
            "breezeblock eval": [cli, "eval", folder],
            "breezeblock check": [cli, "check", folder, "--quiet"],
        }
        medians = timed(commands, env, args.repeat)
        rows.append((shape, medians))
        print(f"{shape}: " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in medians.items()), file=sys.stderr)

    version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; Python {version}; "
          f"{time.strftime('%Y-%m-%d')}; {args.size:,} configs in {args.size // 100} files; median of {args.repeat} runs each, alternating\n")
    print("| shape | python3 baseline.py --check | breezeblock eval | breezeblock check | check / eval | check / python |")
    print("|---|---:|---:|---:|---:|---:|")
    for shape, m in rows:
        check, evaluate, floor = m["breezeblock check"], m["breezeblock eval"], m["python --check"]
        print(f"| {shape} | {floor * 1000:.0f} ms | {evaluate * 1000:.0f} ms | {check * 1000:.0f} ms | {check / evaluate:.2f}× | {check / floor:.2f}× |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
