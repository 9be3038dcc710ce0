"""Checks, tests and contracts at 1,000 configs, each against its baseline measured in the same run.

1. `breezeblock test DIR --matrix environment=dev,staging,prod` against three separate
   `breezeblock eval DIR --set environment=...` runs (their sum): the matrix runs through one
   workspace, so what an environment does not change is loaded once and reused. Goal: <= 0.5x.
2. `breezeblock check` of the folder with every config and parameter annotated (so every edge is type
   checked) against `check` of the same folder without annotations. Goal: <= 1.3x.

The folder: 1,000 configs in 10 files; per file one `settings` config takes the environment and 9
configs need it, the other 90 do not; one @check per file. The CLI is published once (ReadyToRun,
as a user installs it); each command runs REPEAT times, alternating, after a warm-up run that fills
the bytecode cache. Reports medians. Standard library only.

    python3 bench/scaling/contracts.py [--repeat 9] [--size 1000]
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
from run import medians, publish  # noqa: E402  (same timing as the scaling benchmark)

PER_FILE = 100
ENVIRONMENTS = ("dev", "staging", "prod")


def generate(folder, size, annotated):
    """The benchmark's folder; with annotated, every return and parameter carries a type."""
    os.makedirs(folder, exist_ok=True)
    returns = " -> dict[str, int]" if annotated else ""
    typed = ": dict[str, int]" if annotated else ""
    environment = ": str" if annotated else ""
    for f in range(size // PER_FILE):
        lines = ["from breezeblock import configure, check", ""]
        lines += ["@configure", f"def settings{f}(environment{environment}){returns}:",
                  '    return {"replicas": 3 if environment == "prod" else 1, "file": %d}' % f, ""]
        for j in range(1, PER_FILE):
            if j < 10:
                lines += ["@configure", f"def c{f}_{j}(settings{f}{typed}){returns}:",
                          f'    return {{"replicas": settings{f}["replicas"], "index": {j}}}', ""]
            elif j == 10:
                lines += ["@configure", f"def c{f}_{j}(){returns}:", f'    return {{"index": {j}}}', ""]
            else:
                lines += ["@configure", f"def c{f}_{j}(c{f}_{j - 1}{typed}){returns}:",
                          f'    return {{"index": c{f}_{j - 1}["index"] + 1}}', ""]
        lines += ["@check", f"def replicated{f}(settings{f}, c{f}_1, environment):",
                  '    if environment == "prod":', f'        assert c{f}_1["replicas"] >= 3', ""]
        with open(os.path.join(folder, f"part{f:04}.py"), "w") as file:
            file.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="breezeblock-contracts-")
    cli_dir = os.path.join(work, "cli")
    print(f"publishing the CLI (ReadyToRun) to {cli_dir}", file=sys.stderr)
    cli = publish(ROOT, cli_dir)
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    plain, typed = os.path.join(work, "plain"), os.path.join(work, "typed")
    generate(plain, args.size, annotated=False)
    generate(typed, args.size, annotated=True)

    commands = {f"eval {e}": [cli, "eval", plain, "--set", f"environment={e}"] for e in ENVIRONMENTS}
    commands["test matrix"] = [cli, "test", plain, "--matrix", "environment=" + ",".join(ENVIRONMENTS), "--quiet"]
    commands["check plain"] = [cli, "check", plain, "--set", "environment=dev", "--quiet"]
    commands["check typed"] = [cli, "check", typed, "--set", "environment=dev", "--quiet"]
    m = medians(commands, env, args.repeat)
    evals = sum(m[f"eval {e}"] for e in ENVIRONMENTS)

    version = subprocess.run(["python3", "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; Python {version}; "
          f"{time.strftime('%Y-%m-%d')}; {args.size:,} configs in {args.size // PER_FILE} files; median of {args.repeat} runs each, alternating\n")
    print("| measurement | baseline | measured | ratio | goal |")
    print("|---|---:|---:|---:|---:|")
    parts = " + ".join(f"{m['eval ' + e] * 1000:.0f}" for e in ENVIRONMENTS)
    print(f"| `test` over dev, staging, prod | three `eval` runs: {evals * 1000:.0f} ms ({parts}) | {m['test matrix'] * 1000:.0f} ms | "
          f"**{m['test matrix'] / evals:.2f}×** | ≤ 0.5× |")
    print(f"| `check`, every edge annotated | `check` unannotated: {m['check plain'] * 1000:.0f} ms | {m['check typed'] * 1000:.0f} ms | "
          f"**{m['check typed'] / m['check plain']:.2f}×** | ≤ 1.3× |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
