"""What each module body and each config reads while a workspace evaluates (run by the engine as
module _breezeblock_reads): the modules it imports (the engine's __import__ and _gcd_import report
them), the files it opens and the folders it lists (audit events the engine forwards to audit()).
Those records decide what the next evaluation runs again. Reads are noted for the evaluating thread
only, and not while the engine does its own I/O there (paused).
"""

import _thread
import importlib.util
import os
import stat
from _blake2 import blake2b  # at start, never from inside an audit hook; hashlib would load OpenSSL first

UNREADABLE = "-"  # the digest of a path that cannot be read

_get_ident = _thread.get_ident
_SPECIAL = tuple(os.sep + name + os.sep for name in ("dev", "proc", "sys"))
_PYCACHE = os.sep + "__pycache__" + os.sep

active = None  # the tracker of the workspace evaluating now; evaluations never overlap


class ReadTracker:
    """The reads of one workspace: of each module body for the load, and of each config that reads anything."""

    def __init__(self, root, cache_dir):
        self.root = root
        self.cache_dir = cache_dir
        self.current = [None]  # [the name of the config running now, or None]: written by the engine around each call
        self.stack = []        # folder modules executing now, innermost last
        self.reads = {}        # module name -> (imports, files) of its body, for this load
        self.config_reads = {} # config name -> (imports, files), for configs that read anything
        self.digests = {}      # digest of each path read, memoized for one evaluation
        self.thread = None
        self.paused = 0
        self.ignored = ()

    def start(self):
        """As a pass starts, on its thread: reads are noted from now, on this thread."""
        global active
        import sys
        self.thread = _get_ident()
        self.digests = {}
        prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, getattr(sys, "base_exec_prefix", sys.prefix)}
        self.ignored = tuple(p.rstrip(os.sep) + os.sep for p in prefixes if p) + ((self.cache_dir.rstrip(os.sep) + os.sep,) if self.cache_dir else ())
        active = self

    def stop(self):
        global active
        if active is self:
            active = None

    def begin_module(self, name):
        self.reads[name] = (set(), {})
        self.stack.append(name)

    def end_module(self):
        self.stack.pop()

    def take_module_reads(self):
        """{module: (imports, files)} of the bodies that ran in this load, handed over once."""
        reads, self.reads = self.reads, {}
        return {name: (sorted(imports), files) for name, (imports, files) in reads.items()}

    def note_module_import(self, fullname):
        reads = self._reads()
        if reads is not None:
            reads[0].add(fullname)  # a first import that bypassed __import__ (importlib.import_module)

    def take_config_reads(self):
        """{config: (imports, files)} for the configs that read a module or file while running."""
        reads, self.config_reads = self.config_reads, {}
        return {name: (sorted(imports), files) for name, (imports, files) in reads.items()}

    def current_digests(self, keys):
        """The digest of each tracked path as it is now (a folder listing when the key ends with a separator)."""
        return [self.digest(key) for key in keys]

    def _reads(self):
        if self.paused or _get_ident() != self.thread:
            return None
        if self.stack:
            return self.reads[self.stack[-1]]
        config = self.current[0]
        if config is None:
            return None
        reads = self.config_reads.get(config)
        if reads is None:
            reads = self.config_reads[config] = (set(), {})  # made only for a config that reads something
        return reads

    def note_path(self, path, listing):
        if self.paused or _get_ident() != self.thread or (not self.stack and self.current[0] is None):
            return
        try:
            path = os.fspath(path)
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            path = os.path.abspath(path)
        except Exception:
            return
        if not self._tracked(path):
            return
        reads = self._reads()  # after the checks: a config whose reads are all untracked gets no entry
        key = path.rstrip(os.sep) + os.sep if listing else path
        files = reads[1]
        if key not in files:
            digest = self.digest(key)
            if digest is not None:
                files[key] = digest

    def _tracked(self, path):
        if _PYCACHE in path or path.startswith(_SPECIAL):
            return False
        if path == self.root or path.startswith(self.root + os.sep):
            return True
        return not path.startswith(self.ignored)

    def digest(self, key):
        """blake2b of a file's bytes or a folder's sorted names; None for what is not a regular file."""
        if key in self.digests:
            return self.digests[key]
        self.paused += 1
        try:
            if key.endswith(os.sep):
                data = "\0".join(sorted(os.listdir(key))).encode("utf-8", "surrogateescape")
            else:
                if not stat.S_ISREG(os.stat(key).st_mode):
                    self.digests[key] = None
                    return None
                with open(key, "rb") as file:
                    data = file.read()
            value = blake2b(data, digest_size=16).hexdigest()
        except (OSError, ValueError):
            value = UNREADABLE
        finally:
            self.paused -= 1
        self.digests[key] = value
        return value


def note_import(name, globals, fromlist, level):
    """Records an __import__ call for the module body or config running now (after the import, whatever it did)."""
    tracker = active
    if tracker is None:
        return
    reads = tracker._reads()
    if reads is not None:
        _note_import(reads[0], name, globals, fromlist, level)


def note_gcd_import(name, package, level):
    """Records an importlib.import_module call likewise (its name, without the dots, and level)."""
    tracker = active
    if tracker is None:
        return
    reads = tracker._reads()
    if reads is not None:
        _note_import(reads[0], name, {"__package__": package}, (), level or 0)


def _note_import(imports, name, globals, fromlist, level):
    """Records the absolute name an import asks for, its parent packages, and from-list submodules."""
    if not isinstance(name, str) or not isinstance(level, int):
        return
    if level:
        try:
            name = importlib.util.resolve_name("." * level + name, _package_of(globals if isinstance(globals, dict) else {}))
        except Exception:  # a bad __package__: the import itself said so
            return
    if not isinstance(name, str) or not name:
        return
    prefix = None
    for part in name.split("."):
        prefix = part if prefix is None else prefix + "." + part
        imports.add(prefix)
    try:
        items = list(fromlist or ())
    except Exception:
        return
    for item in items:
        if isinstance(item, str) and item != "*":
            imports.add(name + "." + item)


def _package_of(globals):
    package = globals.get("__package__")
    if package is not None:
        return package
    spec = globals.get("__spec__")
    if spec is not None:
        return spec.parent
    module = globals.get("__name__", "")
    return module if "__path__" in globals else module.rpartition(".")[0]


def engine_busy():
    """True while the engine does its own I/O (compiling, its bytecode cache) on the evaluating thread."""
    tracker = active
    return tracker is not None and tracker.paused > 0 and _get_ident() == tracker.thread


def audit(event, args):
    """Records a file opened for reading or a folder listed; the engine calls it for those audit events only."""
    tracker = active
    if tracker is None:
        return
    if event == "open":
        path, mode, flags = args
        if path is None or isinstance(path, int):
            return
        if mode is not None:
            if any(c in mode for c in "wax+"):
                return
        elif flags & (os.O_WRONLY | os.O_RDWR):
            return
        tracker.note_path(path, False)
    elif event == "os.listdir" or event == "os.scandir":
        path = args[0]
        if not isinstance(path, int):
            tracker.note_path("." if path is None else path, True)
