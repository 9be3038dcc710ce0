"""Hermetic evaluation in process: a tripwire on what would make a result depend on more than its folder.

While a hermetic pass runs, config code may read its folder and the standard library only, and may
not write files, use the network, start processes or read the environment (os.environ is sealed:
declared inputs are how values come in). An attempt raises HermeticError (a BaseException) at its
line and is recorded, so the evaluation fails even when the code catches it. The engine's own I/O
(compiling, its bytecode cache) is not checked. A tripwire through audit hooks (PEP 578), not a
security boundary: the isolated worker under bubblewrap is that.
"""
import _thread
import os
import sys
from collections.abc import MutableMapping

MESSAGES = {}  # the engine's Messages.cs: read, write, network, process, environment


HermeticError = None  # breezeblock.HermeticError, set by the engine when it loads this module

_state = None  # while a hermetic pass runs: (root prefix, readable prefixes, violations, engine_busy, its thread)

_WRITES = {"os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod", "os.chown", "os.link", "os.symlink",
           "os.truncate", "os.utime", "shutil.rmtree", "shutil.copyfile", "shutil.copymode", "shutil.copystat",
           "shutil.move", "shutil.chown"}
_NETWORK = {"socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
            "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg"}
_PROCESSES = {"subprocess.Popen", "os.system", "os.posix_spawn", "os.spawn", "os.startfile"}
_ENVIRONMENT = {"os.putenv", "os.unsetenv"}

EVENTS = ["open", "os.listdir", "os.scandir", *sorted(_WRITES | _NETWORK | _PROCESSES | _ENVIRONMENT)]


class _SealedEnviron(MutableMapping):
    """os.environ while a hermetic pass runs: every read and write is a violation."""

    def _refuse(self, name=None):
        _violate(MESSAGES["environment"].format(name=name if name is not None else "(all of them)"))

    def __getitem__(self, key):
        self._refuse(key)

    def __setitem__(self, key, value):
        self._refuse(key)

    def __delitem__(self, key):
        self._refuse(key)

    def __iter__(self):
        self._refuse()

    def __len__(self):
        self._refuse()

    def __contains__(self, key):
        self._refuse(key)

    def get(self, key, default=None):
        self._refuse(key)

    def copy(self):
        self._refuse()


_sealed = _SealedEnviron()
_saved_environ = None


def start(root, engine_busy):
    """Starts checking for a pass over root; engine_busy() tells the engine's own I/O apart."""
    global _state, _saved_environ
    readable = tuple(
        os.path.join(prefix, "lib") + os.sep
        for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix, getattr(sys, "base_exec_prefix", sys.prefix)} if prefix
    ) + (os.path.dirname(os.__file__) + os.sep,)
    _state = (root.rstrip(os.sep) + os.sep, readable, [], engine_busy, _thread.get_ident())
    _saved_environ = os.environ
    os.environ = _sealed


def stop():
    """Stops checking; returns the violations recorded: [message, file, line]."""
    global _state
    if _state is None:
        return []
    violations = _state[2]
    _state = None
    if os.environ is _sealed:
        os.environ = _saved_environ
    return violations


def _violate(message):
    state = _state
    if state is not None:
        frame = sys._getframe(1)
        while frame is not None and not frame.f_code.co_filename.startswith(state[0]):
            frame = frame.f_back
        state[2].append([message, frame.f_code.co_filename if frame else None, frame.f_lineno if frame else 0])
    raise HermeticError(message)


def _path(value):
    try:
        path = os.fspath(value)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return os.path.abspath(path)
    except Exception:
        return None


def _runs_config_code(root):
    """True when a frame of the calling thread's stack runs a file of the folder (a thread config code started)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(root):
            return True
        frame = frame.f_back
    return False


def audit(event, args):
    state = _state
    if state is None or state[3]():
        return
    root, readable, _, _, thread = state
    if _thread.get_ident() != thread and not _runs_config_code(root):
        return  # the host's own Python on another thread, not the evaluation's
    
    if event == "open":
        path, mode, flags = args
        if path is None or isinstance(path, int):
            return
        writing = any(c in mode for c in "wax+") if mode is not None else bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        full = _path(path)
        if writing:
            _violate(MESSAGES["write"].format(what="open()", path=full))
        if full is not None and not (full + os.sep).startswith(root) and not full.startswith(readable) and full != os.devnull:
            _violate(MESSAGES["read"].format(what="open()", path=full))
    elif event in ("os.listdir", "os.scandir"):
        full = _path(args[0] if args and args[0] is not None else ".")
        if full is not None and not (full + os.sep).startswith(root) and not full.startswith(readable):
            _violate(MESSAGES["read"].format(what=event + "()", path=full))
    elif event in _WRITES:
        _violate(MESSAGES["write"].format(what=event + "()", path=_path(args[0]) if args else "?"))
    elif event in _NETWORK:
        _violate(MESSAGES["network"].format(what=event))
    elif event in _PROCESSES:
        _violate(MESSAGES["process"].format(what=event))
    elif event in _ENVIRONMENT:
        _violate(MESSAGES["environment"].format(name=args[0] if args else "?"))
