"""`breezeblock lsp` on a folder of 10,000 configs, driven by the real LSP client of the tests.

Measures, in one run: how long definition and hover take to answer (median of REQUESTS each, over
configs spread across the folder), how long diagnostics take to arrive after a one-line edit (a
parameter misspelt, then put right, median of EDITS each), and the server's memory idle on the folder
against the peak of `breezeblock eval` on the same folder (GNU time). The CLI is published once
(ReadyToRun, as a user installs it). The client is tests/tools/lsp-client.mjs (npm ci --prefix
tests/tools); times are taken here around each message, so they include the client's own hop.

    python3 bench/scaling/lsp.py [--size 10000] [--requests 50] [--edits 9]
"""
import argparse
import json
import os
import platform
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from run import measure, publish  # noqa: E402
import generate  # noqa: E402


class Session:
    """The server behind the client bridge: requests answered in order, notifications queued."""

    def __init__(self, command, folder):
        self.folder = folder
        self.process = subprocess.Popen(["node", os.path.join(ROOT, "tests", "tools", "lsp-client.mjs"), *command, "lsp"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.id = 0
        uri = self.uri("")
        self.request("initialize", {"processId": None, "rootUri": uri, "capabilities": {}, "workspaceFolders": [{"uri": uri, "name": "bench"}]})
        self.notify("initialized", {})

    def _read(self):
        for line in self.process.stdout:
            self.messages.put(json.loads(line))

    def uri(self, relative):
        return "file://" + os.path.join(self.folder, relative).rstrip("/")

    def send(self, command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"notify": method, "params": params})

    def request(self, method, params):
        self.id += 1
        self.send({"id": self.id, "request": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.id)["result"]

    def wait(self, wanted, limit=600):
        deadline = time.time() + limit
        while time.time() < deadline:
            message = self.messages.get(timeout=limit)
            if wanted(message):
                return message
        raise SystemExit("the server did not answer")

    def diagnostics(self, uri, wanted):
        return self.wait(lambda m: m.get("notification") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and wanted(m["params"]["diagnostics"]))

    def server_pid(self):
        children = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout.split()
        return int(children[0])

    def close(self):
        self.send({"exit": True})
        self.process.wait(timeout=120)


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--edits", type=int, default=9)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="breezeblock-lsp-bench-")
    folder = os.path.join(work, "configs")
    generate.main(folder, args.size, "chain")
    command = publish(ROOT, os.path.join(work, "cli"))
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]

    subprocess.run([command, "eval", folder], check=True, stdout=subprocess.DEVNULL, env=env)  # fills the bytecode cache
    eval_peaks = [measure([command, "eval", folder], env)[1] for _ in range(3)]

    session = Session([command], folder)
    session.wait(lambda m: m.get("notification") == "breezeblock/evaluated" and m["params"]["succeeded"])
    files = sorted(f for f in os.listdir(folder) if f.endswith(".py"))
    # partNNNN.py's first function is on line 4 (0-based 3): "def c4200(c4199):", its parameter at character 6 + len("4200")
    targets = [(files[(i * 7) % len(files)], (i * 7) % len(files)) for i in range(args.requests)]
    timings = {"definition": [], "hover": []}
    for method in timings:
        for name, part in targets:
            if part == 0:
                continue
            config = part * generate.PER_FILE
            position = {"line": 3, "character": 7 + len(str(config))}
            start = time.perf_counter()
            answer = session.request(f"textDocument/{method}", {"textDocument": {"uri": session.uri(name)}, "position": position})
            timings[method].append((time.perf_counter() - start) * 1000)
            if answer is None:
                raise SystemExit(f"no {method} answer at {name}")
    time.sleep(2)
    idle = rss_mib(session.server_pid())

    edited = files[len(files) // 2]
    uri = session.uri(edited)
    text = open(os.path.join(folder, edited)).read()
    session.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    part = len(files) // 2
    config = part * generate.PER_FILE
    column = 6 + len(str(config))
    previous = f"c{config - 1}"
    arrivals = {"misspelt": [], "fixed": []}
    version = 1
    for _ in range(args.edits):
        for kind, (old, new) in (("misspelt", (previous, previous + "x")), ("fixed", (previous + "x", previous))):
            version += 1
            change = {"range": {"start": {"line": 3, "character": column}, "end": {"line": 3, "character": column + len(old)}}, "text": new}
            start = time.perf_counter()
            session.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            session.diagnostics(uri, (lambda d: len(d) > 0) if kind == "misspelt" else (lambda d: len(d) == 0))
            arrivals[kind].append((time.perf_counter() - start) * 1000)
    session.close()

    eval_peak = statistics.median(eval_peaks)
    print(f"# {platform.node()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}; {args.size} configs (chain), {args.requests} requests, {args.edits} edits each way")
    for method, values in timings.items():
        print(f"{method:<28} median {statistics.median(values):7.1f} ms   (p90 {sorted(values)[int(len(values) * 0.9)]:.1f} ms)   goal <= 50 ms")
    for kind, values in arrivals.items():
        print(f"diagnostics after edit ({kind:<8}) median {statistics.median(values):7.1f} ms   (max {max(values):.1f} ms)   goal <= 250 ms")
    print(f"memory: server idle {idle:.0f} MiB; eval peak {eval_peak:.0f} MiB; ratio {idle / eval_peak:.2f}x   goal <= 2x")


if __name__ == "__main__":
    main()
