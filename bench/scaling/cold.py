"""Cold start: `breezeblock eval examples/quickstart` against `python3 baseline.py examples/quickstart`.

What most people evaluate is a small folder, where the cost is starting up, not the configs. Publishes
the command twice, as a user gets it: ReadyToRun on the JIT (the .NET tool) and NativeAOT
(`-p:Native=true`); checks that all three print the same JSON; then times each REPEAT times,
alternating, and reports the median wall time and peak RSS with the ratio to the Python baseline.
Standard library only.

    python3 bench/scaling/cold.py [--repeat 21] [--folder examples/quickstart] [--python python3]

A second table times `--host` (examples/Quickstart.Host, whose configs import the host's types): the
native command hands such a command to the JIT build it carries (jit/), so it is timed against the
ReadyToRun command running it itself.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

from run import HERE, ROOT, measure, output


def publish(target, *properties):
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Breezeblock.Cli"), "-c", "Release", "-r", "linux-x64",
                    "-o", os.path.join(target, "app"), "--artifacts-path", os.path.join(target, "artifacts"), "--nologo", "-v", "q",
                    *properties], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(target, "app", "breezeblock")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--folder", default=os.path.join(ROOT, "examples", "quickstart"))
    parser.add_argument("--python", default=None, help="the interpreter that runs baseline.py (default: the real python3 on PATH)")
    args = parser.parse_args()
    if args.python is None:  # past any pyenv shim, which adds 0.1-0.3 s per start
        args.python = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True).stdout.strip()

    work = tempfile.mkdtemp(prefix="breezeblock-cold-")
    print("publishing ReadyToRun and NativeAOT builds", file=sys.stderr)
    commands = {
        "python3 baseline.py": [args.python, os.path.join(HERE, "baseline.py"), args.folder],
        "breezeblock, ReadyToRun (JIT)": [publish(os.path.join(work, "r2r"), "--self-contained", "false", "-p:PublishReadyToRun=true"), "eval", args.folder],
        "breezeblock, NativeAOT": [publish(os.path.join(work, "native"), "-p:Native=true"), "eval", args.folder],
    }
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    expected = output(commands["python3 baseline.py"], env)
    for name, command in commands.items():
        if output(command, env) != expected:  # also warms the bytecode cache and the file cache
            raise SystemExit(f"{name} printed different JSON from the baseline")
    times = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    for _ in range(args.repeat):
        for name, command in commands.items():
            seconds, rss = measure(command, env)
            times[name].append(seconds)
            memory[name].append(rss)

    host_rows = host_table(commands, env, args.repeat)

    version = output([args.python, "-c", "import sys; print(sys.version.split()[0])"], env).decode().strip()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; Python {version}; "
          f"{time.strftime('%Y-%m-%d')}; {os.path.relpath(args.folder, ROOT)}; median of {args.repeat} runs each, alternating\n")
    print("| command | wall time | ratio | peak RSS | ratio |")
    print("|---|---:|---:|---:|---:|")
    base_t = statistics.median(times["python3 baseline.py"])
    base_m = statistics.median(memory["python3 baseline.py"])
    for name in commands:
        t, m = statistics.median(times[name]), statistics.median(memory[name])
        print(f"| {name} | {t * 1000:.1f} ms | {t / base_t:.2f}× | {m:.1f} MiB | {m / base_m:.2f}× |")
    print("\n| --host (examples/Quickstart.Host) | wall time | ratio | peak RSS | ratio |")
    print("|---|---:|---:|---:|---:|")
    _, base_t, base_m = host_rows[0]
    for name, t, m in host_rows:
        print(f"| {name} | {t * 1000:.1f} ms | {t / base_t:.2f}× | {m:.1f} MiB | {m / base_m:.2f}× |")


def host_table(commands, env, repeat):
    """(name, median seconds, median MiB) of `eval --host` with the ReadyToRun command, then the native one."""
    host = os.path.join(ROOT, "examples", "Quickstart.Host")
    subprocess.run(["dotnet", "build", host, "-c", "Release", "--nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)
    assembly = os.path.join(host, "bin", "Release", "net10.0", "Quickstart.Host.dll")
    runs = {name: [commands[name][0], "eval", os.path.join(host, "configs"), "--host", assembly]
            for name in ("breezeblock, ReadyToRun (JIT)", "breezeblock, NativeAOT")}
    expected = output(runs["breezeblock, ReadyToRun (JIT)"], env)
    if output(runs["breezeblock, NativeAOT"], env) != expected:
        raise SystemExit("the native command's --host printed different JSON")
    samples = {name: [] for name in runs}
    for _ in range(repeat):  # alternating, as above
        for name, command in runs.items():
            samples[name].append(measure(command, env))
    return [(name, statistics.median(s for s, _ in taken), statistics.median(m for _, m in taken)) for name, taken in samples.items()]


if __name__ == "__main__":
    main()
