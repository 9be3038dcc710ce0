"""The importer of one workspace's config folder (run by the engine as module _breezeblock_loader).

Modules of the folder are found by an explicit table rather than through sys.path, so they never
shadow installed modules, files whose names are not identifiers still load, and each module runs
exactly once per load whichever import reaches it first. A workspace keeps its modules between
evaluations; while it evaluates they are in sys.modules and its finder first on sys.meta_path
(session), what each body and config reads is noted (reads), and code comes from bytecode.
"""

import importlib
import importlib.machinery
import importlib.util
import sys

bytecode = None  # _breezeblock_bytecode, set by the engine
reads = None     # _breezeblock_reads
session = None   # _breezeblock_session


class DependencyFailed(ImportError):
    """Raised when a module imports a folder module that already failed (its error is reported once)."""


class FolderFinder:
    """Finds, loads and watches the modules of one folder, named in ``table``: name -> (path, kind, directory)."""

    def __init__(self, root, cache_dir):
        self.root = root
        self.cache_dir = cache_dir
        self.tracker = reads.ReadTracker(root, cache_dir)
        self.current = self.tracker.current  # [the config running now, or None]: written by the engine around each call
        self.table = {}
        self.sources = None      # name -> (bytes, cache key) or None, for the modules this load executes (from the engine)
        self.modules = {}        # name -> module object, kept between evaluations
        self.failed = set()
        self.failed_because = {} # module name -> the folder module its failure came from, when that is another
        self.executed = []       # modules this load executed, in order
        self.registrations = {}  # module name -> ([function], [name], ids), for this load
        self.loaded = ([], [], [])  # (modules, functions, names) registered by the last load, one entry per function
        self.saved = None
        self.breezeblock = None

    # -- the import protocol -------------------------------------------------------------------

    def find_spec(self, fullname, path=None, target=None):
        entry = self.table.get(fullname)
        if entry is None:
            return None
        self.tracker.note_module_import(fullname)
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
        registrations = self.registrations[name] = ([], [], set())
        origin = module.__spec__.origin
        linecache = sys.modules.get("linecache")
        if linecache is not None:
            linecache.cache.pop(origin, None)  # tracebacks and line numbers must show the source that runs
        self.tracker.begin_module(name)
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
            self.tracker.end_module()

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
        self.tracker.paused += 1  # the engine's own reads: not the module's
        try:
            given = self.sources(name) if self.sources is not None else None
            if given is not None:
                source, key, unsaved = given  # read once by the engine, which hashed it: the key names its compiled code
                if unsaved:  # an editor's text, not the disk's: tracebacks and checks must read these lines
                    import linecache
                    text = bytes(source).decode("utf-8", "replace")
                    linecache.cache[path] = (len(text), None, text.splitlines(True), path)
            else:
                with open(path, "rb") as file:
                    source = file.read()
                key = None
            return bytecode.code_for(source, path, key, self.cache_dir)
        finally:
            self.tracker.paused -= 1

    # -- sessions: the workspace's modules in sys.modules while it evaluates --------------------

    def enter(self, breezeblock, redirect_print):
        """Makes this workspace the one evaluating: its modules, finder, registration and tracking go in."""
        self.saved = session.enter(self, breezeblock, redirect_print)

    def leave(self, breezeblock):
        """Takes everything enter() put in out again; the modules stay with the workspace."""
        session.leave(self, breezeblock, self.saved)
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
        self.registrations = {}

    def end_load(self):
        """(executed, failed, {name: (imports, files)}, {failed: the module it failed because of}) for this load; registered() has what it registered."""
        self.sources = None
        module_reads = self.tracker.take_module_reads()
        executed, failed = self.executed, sorted(self.failed)
        modules, functions, names = self.loaded = ([], [], [])
        for name in executed:
            if name not in self.failed:
                registered_functions, registered_names, _ = self.registrations[name]
                modules += [name] * len(registered_functions)
                functions += registered_functions
                names += registered_names
        because, self.failed_because = self.failed_because, {}
        self.executed, self.registrations = [], {}
        return executed, failed, module_reads, because

    def registered(self):
        """([module], [function], [name]) for what the last load registered, one entry per function, handed over once."""
        loaded, self.loaded = self.loaded, ([], [], [])
        return loaded

    # -- evaluation -----------------------------------------------------------------------------

    def take_config_reads(self):
        """{config: (imports, files)} for the configs that read a module or file while running."""
        return self.tracker.take_config_reads()

    def current_digests(self, keys):
        """The digest of each tracked path as it is now (a folder listing when the key ends with a separator)."""
        return self.tracker.current_digests(keys)


def load(name):
    """Imports one folder module (a no-op when an import already ran it)."""
    importlib.import_module(name)


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
