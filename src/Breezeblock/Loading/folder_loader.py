"""The importer of one workspace's config folder (run by the engine as module _breezeblock_loader).

Modules of the folder are found by an explicit table rather than through sys.path, so they never
shadow installed modules, files whose names are not identifiers still load, and each module runs
exactly once per load whichever import reaches it first. Compiled code is cached by content.

A workspace keeps its modules between evaluations. While it evaluates (between enter() and leave())
its modules are in sys.modules and its finder is first on sys.meta_path, and the finder records what
each module body and each config reads: the modules it imports (through __import__), the files it
opens and the folders it lists (audit events the engine forwards to audit()). Those records decide
what the next evaluation runs again.
"""

import _thread
import builtins
import importlib
import importlib.machinery
import importlib.util
import marshal
import os
import re
import sys
from _blake2 import blake2b  # at start, never from inside an audit hook; hashlib would load OpenSSL first

MESSAGES = {}  # filled from the engine's Messages.cs

_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")

# The finder implements the import protocols without importlib.abc's base classes.

UNREADABLE = "-"  # the digest of a path that cannot be read

_get_ident = _thread.get_ident
_real_import = builtins.__import__
_real_import_module = importlib.import_module
_real_gcd_import = importlib._bootstrap._gcd_import  # what import_module calls: tracked there, so import_module stays Python's own
_active = None  # the finder of the workspace evaluating now; evaluations never overlap
_SPECIAL = tuple(os.sep + name + os.sep for name in ("dev", "proc", "sys"))
_PYCACHE = os.sep + "__pycache__" + os.sep


class DependencyFailed(ImportError):
    """Raised when a module imports a folder module that already failed (its error is reported once)."""


class FolderFinder:
    """Finds, loads and watches the modules of one folder, named in ``table``: name -> (path, kind, directory)."""

    def __init__(self, root, cache_dir):
        self.root = root
        self.cache_dir = cache_dir
        self.current = [None]  # [the name of the config running now, or None]: written by the engine around each call
        self.table = {}
        self.sources = None      # name -> source bytes or None, for the modules this load executes (from the engine)
        self.modules = {}        # name -> module object, kept between evaluations
        self.failed = set()
        self.failed_because = {} # module name -> the folder module its failure came from, when that is another
        self.stack = []          # modules executing now, innermost last
        self.executed = []       # modules this load executed, in order
        self.reads = {}          # module name -> (imports, files) of its body, for this load
        self.registrations = {}  # module name -> ([function], [name], ids), for this load
        self.loaded = ([], [], [])  # (modules, functions, names) registered by the last load, one entry per function
        self.config_reads = {}   # config name -> (imports, files), for configs that read anything
        self.digests = {}        # digest of each path read, memoized for one evaluation
        self.thread = None
        self.paused = 0
        self.saved = None
        self.ignored = ()
        self.breezeblock = None

    # -- the import protocol -------------------------------------------------------------------

    def find_spec(self, fullname, path=None, target=None):
        entry = self.table.get(fullname)
        if entry is None:
            return None
        reads = self._reads()
        if reads is not None:
            reads[0].add(fullname)  # a first import that bypassed __import__ (importlib.import_module)
        origin, kind, directory = entry
        if kind == "namespace":
            spec = importlib.machinery.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [directory]
            return spec
        locations = [directory] if kind == "package" else None
        return importlib.util.spec_from_file_location(fullname, origin, loader=self, submodule_search_locations=locations)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__spec__.name
        if name in self.failed:
            raise DependencyFailed(f"cannot import {name}: it failed to load", name=name)
        self.executed.append(name)
        self.reads[name] = (set(), {})
        registrations = self.registrations[name] = ([], [], set())
        origin = module.__spec__.origin
        linecache = sys.modules.get("linecache")
        if linecache is not None:
            linecache.cache.pop(origin, None)  # tracebacks and line numbers must show the source that runs
        self.stack.append(name)
        outer, self.breezeblock._current = self.breezeblock._current, registrations
        try:
            exec(self.code_for(name, origin), module.__dict__)
        except BaseException as error:
            self.failed.add(name)
            if name not in self.failed_because:
                root = error.name if isinstance(error, DependencyFailed) else self._origin(error)
                if root is not None and root != name:
                    self.failed_because[name] = root
            raise
        finally:
            self.breezeblock._current = outer
            registrations[2].clear()  # the ids only guard against registering twice while the body runs
            self.stack.pop()

    def _origin(self, error):
        """The folder module an exception came from: the file of a SyntaxError, else the innermost folder frame."""
        paths = {entry[0]: module for module, entry in self.table.items()}
        if isinstance(error, SyntaxError) and error.filename in paths:
            return paths[error.filename]
        origin = None
        traceback = error.__traceback__
        while traceback is not None:
            origin = paths.get(traceback.tb_frame.f_code.co_filename, origin)
            traceback = traceback.tb_next
        return origin

    def code_for(self, name, path):
        self.paused += 1
        try:
            given = self.sources(name) if self.sources is not None else None
            if given is not None:
                source, key = given  # read once by the engine, which hashed it: the key names its compiled code
            else:
                with open(path, "rb") as file:
                    source = file.read()
                key = None
            _check_utf8(source, path)  # before the cache: a cached file's code would hide it
            cached = self._cache_path(path, source, key)
            if cached is not None:
                try:
                    with open(cached, "rb") as file:
                        return marshal.loads(file.read())
                except (OSError, EOFError, ValueError, TypeError):
                    pass
            # What runs is the marshalled code, cached or not: a set constant rebuilt by marshal iterates
            # in another order than the one compile() made, and a run must not depend on the cache.
            data = marshal.dumps(compile(source, path, "exec", dont_inherit=True))
            if cached is not None:
                try:
                    os.makedirs(os.path.dirname(cached), exist_ok=True)
                    temporary = f"{cached}.{os.getpid()}.tmp"
                    with open(temporary, "wb") as file:
                        file.write(data)
                    os.replace(temporary, cached)
                except OSError:
                    pass
            return marshal.loads(data)
        finally:
            self.paused -= 1

    def _cache_path(self, path, source, key):
        if not self.cache_dir:
            return None
        if key is None:  # a file the engine could not read: hashed here, by content and path
            digest = blake2b(source, digest_size=16)
            digest.update(path.encode("utf-8", "surrogatepass"))
            key = digest.hexdigest()
        return os.path.join(self.cache_dir, importlib.util.MAGIC_NUMBER.hex(), key)

    # -- sessions: the workspace's modules in sys.modules while it evaluates --------------------

    def enter(self, breezeblock, redirect_print):
        """Makes this workspace the one evaluating: its modules, finder, registration and tracking go in."""
        global _active
        self.thread = _get_ident()
        self.digests = {}
        self.saved = (list(sys.path), sys.stdout, sys.stderr)
        for name, module in self.modules.items():
            sys.modules.setdefault(name, module)
        sys.meta_path.insert(0, self)
        prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, getattr(sys, "base_exec_prefix", sys.prefix)}
        self.ignored = tuple(p.rstrip(os.sep) + os.sep for p in prefixes if p) + ((self.cache_dir.rstrip(os.sep) + os.sep,) if self.cache_dir else ())
        self.breezeblock = breezeblock
        builtins.__import__ = _tracking_import
        importlib._bootstrap._gcd_import = _tracking_gcd_import
        _active = self
        if redirect_print:
            budget = [OUTPUT_LIMIT]  # shared: what both streams may still write in this evaluation
            sys.stdout = _CappedStream(sys.stderr, budget)
            sys.stderr = _CappedStream(sys.stderr, budget)

    def leave(self, breezeblock):
        """Takes everything enter() put in out again; the modules stay with the workspace."""
        global _active
        _active = None
        builtins.__import__ = _real_import
        importlib._bootstrap._gcd_import = _real_gcd_import
        breezeblock._current = None
        while self in sys.meta_path:
            sys.meta_path.remove(self)
        for name in self.table:
            module = sys.modules.pop(name, None)
            if module is not None:
                self.modules[name] = module
        for name, module in self.modules.items():
            if name not in self.table and sys.modules.get(name) is module:
                del sys.modules[name]
        path, stdout, stderr = self.saved
        sys.path[:] = path
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        sys.stdout, sys.stderr = stdout, stderr
        self.saved = None

    # -- loading --------------------------------------------------------------------------------

    def unload(self, names):
        """Forgets modules that changed or are gone (and their parent's attribute for them)."""
        for name in names:
            module = self.modules.pop(name, None)
            if module is None:
                continue
            if sys.modules.get(name) is module:
                del sys.modules[name]
            parent, _, child = name.rpartition(".")
            owner = sys.modules.get(parent) if parent else None
            if owner is not None and getattr(owner, child, None) is module:
                try:
                    delattr(owner, child)
                except AttributeError:
                    pass

    def begin_load(self, table, sources):
        """The folder's modules now, and sources(name): (bytes, cache key) of a module this load executes, handed over once (None: read the file)."""
        self.table = table
        self.sources = sources
        self.failed = set()
        self.failed_because = {}
        self.executed = []
        self.reads = {}
        self.registrations = {}

    def end_load(self):
        """(executed, failed, {name: (imports, files)}, {failed: the module it failed because of}) for this load; registered() has what it registered."""
        self.sources = None
        reads = {name: (sorted(imports), files) for name, (imports, files) in self.reads.items()}
        executed, failed = self.executed, sorted(self.failed)
        modules, functions, names = self.loaded = ([], [], [])
        for name in executed:
            if name not in self.failed:
                registered_functions, registered_names, _ = self.registrations[name]
                modules += [name] * len(registered_functions)
                functions += registered_functions
                names += registered_names
        because, self.failed_because = self.failed_because, {}
        self.executed, self.reads, self.registrations = [], {}, {}
        return executed, failed, reads, because

    def registered(self):
        """([module], [function], [name]) for what the last load registered, one entry per function, handed over once."""
        loaded, self.loaded = self.loaded, ([], [], [])
        return loaded

    # -- evaluation -----------------------------------------------------------------------------

    def take_config_reads(self):
        """{config: (imports, files)} for the configs that read a module or file while running."""
        reads, self.config_reads = self.config_reads, {}
        return {name: (sorted(imports), files) for name, (imports, files) in reads.items()}

    def current_digests(self, keys):
        """The digest of each tracked path as it is now (a folder listing when the key ends with a separator)."""
        return [self.digest(key) for key in keys]

    # -- tracking -------------------------------------------------------------------------------

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
        reads = self._reads()
        if reads is None:
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
                import stat
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


# builtins.__import__ and importlib._bootstrap._gcd_import (which importlib.import_module calls)
# while a workspace evaluates: functions of the engine's, in .NET, as the first is C. They call the
# original with the arguments exactly as given, so imports behave, fail and warn as without them (no
# frame of theirs in a traceback or in a warning's stack level), then tell note_import /
# note_gcd_import what was asked for; nothing those two do can change the import's outcome.
_tracking_import = None
_tracking_gcd_import = None


def note_import(name, globals, fromlist, level):
    """Records an __import__ call for the module body or config running now (after the import, whatever it did)."""
    finder = _active
    if finder is None:
        return
    reads = finder._reads()
    if reads is not None:
        _note_import(reads[0], name, globals, fromlist, level)


def note_gcd_import(name, package, level):
    """Records an importlib.import_module call likewise (its name, without the dots, and level)."""
    finder = _active
    if finder is None:
        return
    reads = finder._reads()
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
    finder = _active
    return finder is not None and finder.paused > 0 and _get_ident() == finder.thread


def audit(event, args):
    """Records a file opened for reading or a folder listed; the engine calls it for those audit events only."""
    finder = _active
    if finder is None:
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
        finder.note_path(path, False)
    elif event == "os.listdir" or event == "os.scandir":
        path = args[0]
        if not isinstance(path, int):
            finder.note_path("." if path is None else path, True)


# -- reading the folder ---------------------------------------------------------------------------

def load(name):
    """Imports one folder module (a no-op when an import already ran it)."""
    _real_import_module(name)


def collisions(names, check_installed):
    """{name: where} for top-level names already taken: imported now, or (for check_installed) installed."""
    taken = {}
    for name in names:
        if name in sys.builtin_module_names:
            taken[name] = "built into Python"
            continue
        existing = sys.modules.get(name)
        if existing is not None:
            taken[name] = getattr(existing, "__file__", None) or "already imported"
            continue
        if name in check_installed:
            location = _installed_location(name)
            if location is not None:
                taken[name] = location
    return taken


def _installed_location(name):
    try:
        spec = importlib.machinery.PathFinder.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    return spec.origin or (list(spec.submodule_search_locations or []) or ["a namespace package"])[0]


def _check_utf8(source, path):
    """A SyntaxError at the first NUL byte, or at the first byte that is not UTF-8 unless the file declares an encoding (PEP 263)."""
    nul = source.find(b"\0")
    if nul >= 0:
        line = source.count(b"\n", 0, nul) + 1
        column = nul - (source.rfind(b"\n", 0, nul) + 1) + 1
        raise SyntaxError(MESSAGES["nul_byte"], (path, line, column, None))
    if any(_CODING.match(line) for line in source.split(b"\n", 2)[:2]):
        return
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as error:
        line = source.count(b"\n", 0, error.start) + 1
        start = source.rfind(b"\n", 0, error.start) + 1
        column = len(source[start:error.start].decode("utf-8", "replace")) + 1
        raise SyntaxError(MESSAGES["not_utf8"].format(byte=source[error.start]), (path, line, column, None)) from None


OUTPUT_LIMIT = 1_000_000  # characters config code may print per evaluation; then one note, and nothing


class _CappedStream:
    """Writes through to a stream until the evaluation's output budget is spent, then says so once
    and drops the rest: a print loop cannot flood the host's output (or fill a pipe nobody reads)."""

    def __init__(self, target, budget):
        self._target = target
        self._budget = budget

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        budget = self._budget
        if budget[0] > 0:
            if len(text) <= budget[0]:
                budget[0] -= len(text)
                return self._target.write(text)
            self._target.write(text[: budget[0]])
            self._target.write("\n" + MESSAGES["output_truncated"].format(limit=OUTPUT_LIMIT) + "\n")
            budget[0] = 0
        return len(text)

    def flush(self):
        self._target.flush()

    def isatty(self):
        return False

    def writable(self):
        return True

    def fileno(self):
        return self._target.fileno()

    @property
    def encoding(self):
        return getattr(self._target, "encoding", "utf-8")
