"""End-to-end scaling benchmark: `breezeblock eval DIR` against `python3 baseline.py DIR`, same run.

Generates folders of 10, 100, 1,000 and 10,000 configure functions (chain and fan-in shapes),
publishes the CLI once (ReadyToRun, as a user installs it), checks both print the same JSON, then
times each command REPEAT times, alternating, and reports the median wall time and the median peak
RSS of each, with their ratio. Standard library only.

    python3 bench/scaling/run.py [--repeat 7] [--sizes 10,100,1000,10000] [--python python3] [--native]

--native publishes the NativeAOT command (-p:Native=true) instead of the ReadyToRun one.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def publish(source, out):
    """Publishes the CLI of the repository at source ReadyToRun (as a user installs it) into out; the command's path."""
    subprocess.run(["dotnet", "publish", os.path.join(source, "src", "Breezeblock.Cli"), "-c", "Release", "-r", "linux-x64",
                    "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", out, "--nologo", "-v", "q"],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "breezeblock")


def medians(commands, env, repeat):
    """{name: median seconds} of each command, run repeat times alternating, after one warm-up run each (it fills the bytecode cache)."""
    import statistics
    for command in commands.values():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(measure(command, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def measure(command, env):
    """Wall seconds and peak RSS (MiB) of one run.

    The peak comes from GNU time (/usr/bin/time, a small process), not from this process's wait4: the
    kernel counts into a child's peak the memory of the process it was spawned from, and this runner
    grows with the outputs it compares (a first version reported 140 MiB for a 25 MiB baseline).
    """
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("needs GNU time for peak memory: apt-get install time")
    with tempfile.NamedTemporaryFile() as report, open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        status = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command], stdout=devnull, stderr=errors, env=env).returncode
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed: {errors.read().decode()}")
        peak_kib = int(open(report.name).read().split()[-1])
    return elapsed, peak_kib / 1024


def output(command, env):
    return subprocess.run(command, capture_output=True, env=env, check=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--python", default=None,
                        help="the interpreter that runs baseline.py (default: the real python3 on PATH, resolved past any pyenv shim)")
    parser.add_argument("--native", action="store_true", help="time the NativeAOT command instead of the ReadyToRun one")
    args = parser.parse_args()

    if args.python is None:
        # A pyenv shim is a bash script that adds 0.1-0.3 s per start; time Python itself, as the CLI does.
        args.python = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True).stdout.strip()
    work = tempfile.mkdtemp(prefix="breezeblock-scaling-")
    cli_dir = os.path.join(work, "cli")
    build = ["-p:Native=true"] if args.native else ["--self-contained", "false", "-p:PublishReadyToRun=true"]
    print(f"publishing the CLI ({'NativeAOT' if args.native else 'ReadyToRun'}) to {cli_dir}", file=sys.stderr)
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Breezeblock.Cli"), "-c", "Release", "-r", "linux-x64",
                    *build, "-o", cli_dir, "--artifacts-path", os.path.join(work, "artifacts"), "--nologo", "-v", "q"],
                   check=True, stdout=subprocess.DEVNULL)
    cli = os.path.join(cli_dir, "breezeblock")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))

    rows = []
    for shape in ("chain", "fanin"):
        for size in [int(s) for s in args.sizes.split(",")]:
            folder = os.path.join(work, f"{shape}-{size}")
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, str(size), shape], check=True)
            engine = [cli, "eval", folder]
            baseline = [args.python, os.path.join(HERE, "baseline.py"), folder]
            if output(engine, env) != output(baseline, env):  # also warms the bytecode cache
                raise SystemExit(f"{shape}-{size}: breezeblock and the baseline printed different JSON")
            times = {"engine": [], "baseline": []}
            memory = {"engine": [], "baseline": []}
            for _ in range(args.repeat):
                for name, command in (("baseline", baseline), ("engine", engine)):
                    seconds, rss = measure(command, env)
                    times[name].append(seconds)
                    memory[name].append(rss)
            row = (shape, size,
                   statistics.median(times["baseline"]), statistics.median(times["engine"]),
                   statistics.median(memory["baseline"]), statistics.median(memory["engine"]))
            rows.append(row)
            print(f"{shape:5} {size:>6}: baseline {row[2]:.3f} s {row[4]:.0f} MiB, breezeblock {row[3]:.3f} s {row[5]:.0f} MiB", file=sys.stderr)

    print(f"baseline interpreter: {args.python}", file=sys.stderr)
    python_version = output([args.python, "-c", "import sys; print(sys.version.split()[0])"], env).decode().strip()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; Python {python_version}; "
          f"{time.strftime('%Y-%m-%d')}; {'NativeAOT' if args.native else 'ReadyToRun'} command; median of {args.repeat} runs each, alternating\n")
    print("| shape | configs | baseline time | breezeblock time | time ratio | baseline peak RSS | breezeblock peak RSS | memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for shape, size, base_t, eng_t, base_m, eng_m in rows:
        print(f"| {shape} | {size:,} | {base_t * 1000:.0f} ms | {eng_t * 1000:.0f} ms | {eng_t / base_t:.2f}× | {base_m:.0f} MiB | {eng_m:.0f} MiB | {eng_m / base_m:.2f}× |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
