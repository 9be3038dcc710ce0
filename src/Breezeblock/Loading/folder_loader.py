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
import sys
import types

# inspect (10 ms to import) is needed only for callables that are not plain functions; it is
# imported there. The finder implements the import protocols without importlib.abc's base classes.

CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY = 0, 1, 2
UNREADABLE = "-"  # the digest of a path that cannot be read

_get_ident = _thread.get_ident
_real_import = builtins.__import__
_real_import_module = importlib.import_module
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
        self.sources = {}        # name -> source bytes, for the modules this load executes
        self.modules = {}        # name -> module object, kept between evaluations
        self.failed = set()
        self.stack = []          # modules executing now, innermost last
        self.executed = []       # modules this load executed, in order
        self.reads = {}          # module name -> (imports, files) of its body, for this load
        self.registrations = {}  # module name -> ([(function, name)], ids), for this load
        self.loaded = []         # (module, function, name) registered by the last load
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
        registrations = self.registrations[name] = ([], set())
        origin = module.__spec__.origin
        linecache = sys.modules.get("linecache")
        if linecache is not None:
            linecache.cache.pop(origin, None)  # tracebacks and line numbers must show the source that runs
        self.stack.append(name)
        outer, self.breezeblock._current = self.breezeblock._current, registrations
        try:
            exec(self.code_for(name, origin), module.__dict__)
        except BaseException:
            self.failed.add(name)
            raise
        finally:
            self.breezeblock._current = outer
            self.stack.pop()

    def code_for(self, name, path):
        self.paused += 1
        try:
            source = self.sources.pop(name, None)
            if source is None:
                with open(path, "rb") as file:
                    source = file.read()
            cached = self._cache_path(path, source)
            if cached is not None:
                try:
                    with open(cached, "rb") as file:
                        return marshal.loads(file.read())
                except (OSError, EOFError, ValueError, TypeError):
                    pass
            code = compile(source, path, "exec", dont_inherit=True)
            if cached is not None:
                try:
                    os.makedirs(os.path.dirname(cached), exist_ok=True)
                    temporary = f"{cached}.{os.getpid()}.tmp"
                    with open(temporary, "wb") as file:
                        file.write(marshal.dumps(code))
                    os.replace(temporary, cached)
                except OSError:
                    pass
            return code
        finally:
            self.paused -= 1

    def _cache_path(self, path, source):
        if not self.cache_dir:
            return None
        from _blake2 import blake2b  # hashlib would load OpenSSL first
        digest = blake2b(source, digest_size=16)
        digest.update(path.encode("utf-8", "surrogatepass"))
        return os.path.join(self.cache_dir, importlib.util.MAGIC_NUMBER.hex(), digest.hexdigest())

    # -- sessions: the workspace's modules in sys.modules while it evaluates --------------------

    def enter(self, breezeblock, redirect_print):
        """Makes this workspace the one evaluating: its modules, finder, registration and tracking go in."""
        global _active
        self.thread = _get_ident()
        self.digests = {}
        self.saved = (list(sys.path), sys.stdout)
        for name, module in self.modules.items():
            sys.modules.setdefault(name, module)
        sys.meta_path.insert(0, self)
        prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix, getattr(sys, "base_exec_prefix", sys.prefix)}
        self.ignored = tuple(p.rstrip(os.sep) + os.sep for p in prefixes if p) + ((self.cache_dir.rstrip(os.sep) + os.sep,) if self.cache_dir else ())
        self.breezeblock = breezeblock
        builtins.__import__ = _tracking_import
        importlib.import_module = _tracking_import_module
        _active = self
        if redirect_print:
            sys.stdout = sys.stderr

    def leave(self, breezeblock):
        """Takes everything enter() put in out again; the modules stay with the workspace."""
        global _active
        _active = None
        builtins.__import__ = _real_import
        importlib.import_module = _real_import_module
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
        path, stdout = self.saved
        sys.path[:] = path
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.stdout = stdout
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
        """The folder's modules now, and the source of each module this load executes."""
        self.table = table
        self.sources = sources
        self.failed = set()
        self.executed = []
        self.reads = {}
        self.registrations = {}

    def end_load(self):
        """(executed, failed, {name: (imports, files)}) for this load; registered() has what it registered."""
        self.sources = {}
        reads = {name: (sorted(imports), files) for name, (imports, files) in self.reads.items()}
        executed, failed = self.executed, sorted(self.failed)
        self.loaded = [(name, function, config_name) for name in executed if name not in self.failed for function, config_name in self.registrations[name][0]]
        self.executed, self.reads, self.registrations = [], {}, {}
        return executed, failed, reads

    def registered(self):
        """[(module, function, name)] for what the last load registered, handed over once."""
        loaded, self.loaded = self.loaded, []
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
        from _blake2 import blake2b
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


def _tracking_import(name, globals=None, locals=None, fromlist=(), level=0):
    finder = _active
    if finder is not None:
        reads = finder._reads()
        if reads is not None:
            _note_import(reads[0], name, globals, fromlist, level)
    return _real_import(name, globals, locals, fromlist, level)


def _tracking_import_module(name, package=None):
    finder = _active
    if finder is not None and isinstance(name, str):
        reads = finder._reads()
        if reads is not None:
            level = len(name) - len(name.lstrip("."))
            _note_import(reads[0], name[level:], {"__package__": package}, (), level)
    return _real_import_module(name, package)


def _note_import(imports, name, globals, fromlist, level):
    """Records the absolute name an import asks for, its parent packages, and from-list submodules."""
    if level:
        try:
            name = importlib.util.resolve_name("." * level + name, _package_of(globals or {}))
        except (ImportError, ValueError, TypeError):
            return
    if not isinstance(name, str) or not name:
        return
    prefix = None
    for part in name.split("."):
        prefix = part if prefix is None else prefix + "." + part
        imports.add(prefix)
    for item in fromlist or ():
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


def describe_all(registry, freeze, owner, default_owner):
    """describe() for every (module, function, name): one call for all. Defaults are frozen like results.

    Each row: (name, parameter names, kinds, default reprs, *args, **kwargs, file, line, error,
    qualified name, identity, module, function). kinds has one digit per parameter: kind * 2 + has
    default (kind: 0 positional-only, 1 positional-or-keyword, 2 keyword-only); default reprs has one
    entry per parameter with a default, in order, or is None when none has.
    """
    described = []
    lines = {}
    for module, function, name in registry:
        config_name = name or getattr(function, "__name__", None) or repr(function)
        try:
            _freeze_defaults(function, config_name, freeze, owner, default_owner)
            names, kinds, defaults, var_positional, var_keyword, file, line = describe(function, lines)
            if type(function) is types.FunctionType:
                qualified = function.__module__ + "." + function.__qualname__
                identity = hash(function)  # identity-based for functions, and not audited as id() is
            else:
                qualified = f"{getattr(function, '__module__', None) or '?'}.{getattr(function, '__qualname__', None) or config_name}"
                identity = id(function)
            described.append((config_name, names, kinds, defaults, var_positional, var_keyword, file, line, None, qualified, identity, module, function))
        except Exception as error:  # a signature that cannot be read is reported for that function alone
            described.append((config_name, (), "", None, None, None, "<unknown>", 0, f"{type(error).__name__}: {error}", config_name, id(function), module, None))
    return described


def _freeze_defaults(function, config_name, freeze, owner, template):
    if type(function) is not types.FunctionType:
        return
    defaults = function.__defaults__
    if defaults:
        code = function.__code__
        names = code.co_varnames[code.co_argcount - len(defaults):code.co_argcount]
        frozen = tuple(freeze(value, owner(template.format(parameter=n, config=config_name)), None) for n, value in zip(names, defaults))
        if any(a is not b for a, b in zip(frozen, defaults)):
            function.__defaults__ = frozen
    keyword_defaults = function.__kwdefaults__
    if keyword_defaults:
        function.__kwdefaults__ = {n: freeze(value, owner(template.format(parameter=n, config=config_name)), None) for n, value in keyword_defaults.items()}


_KINDS = "012345"


def describe(function, lines=None):
    """(parameter names, kinds, default reprs, *args name, **kwargs name, file, line) of a config function.

    Plain functions are read from their code object, which is many times faster than
    inspect.signature; anything else goes through inspect.
    """
    target = function
    if type(function) is not types.FunctionType or function.__dict__:
        for _ in range(100):
            wrapped = getattr(target, "__wrapped__", None)
            if wrapped is None or hasattr(target, "__signature__"):
                break
            target = wrapped
    if type(target) is types.FunctionType and (target is function or not hasattr(target, "__signature__")):
        code = target.__code__
        count, positional_only, keyword_only = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
        names = code.co_varnames[:count + keyword_only]
        defaults = target.__defaults__ or ()
        keyword_defaults = target.__kwdefaults__
        first_default = count - len(defaults)
        if not defaults and not keyword_defaults and positional_only == 0 and keyword_only == 0:
            kinds = "2" * count  # the usual config: positional-or-keyword parameters without defaults
            reprs = None
        else:
            kinds = ""
            reprs = []
            for i in range(count):
                has_default = i >= first_default
                kinds += _KINDS[(POSITIONAL_ONLY if i < positional_only else POSITIONAL_OR_KEYWORD) * 2 + has_default]
                if has_default:
                    reprs.append(_short_repr(defaults[i - first_default]))
            for i in range(count, count + keyword_only):
                has_default = keyword_defaults is not None and names[i] in keyword_defaults
                kinds += _KINDS[KEYWORD_ONLY * 2 + has_default]
                if has_default:
                    reprs.append(_short_repr(keyword_defaults[names[i]]))
            reprs = tuple(reprs) or None
        index = count + keyword_only
        var_positional = var_keyword = None
        if code.co_flags & CO_VARARGS:
            var_positional = code.co_varnames[index]
            index += 1
        if code.co_flags & CO_VARKEYWORDS:
            var_keyword = code.co_varnames[index]
    else:
        import inspect
        signature = inspect.signature(function)
        kind_of = {
            inspect.Parameter.POSITIONAL_ONLY: POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD: POSITIONAL_OR_KEYWORD,
            inspect.Parameter.KEYWORD_ONLY: KEYWORD_ONLY,
        }
        names, kinds, reprs, var_positional, var_keyword = [], "", [], None, None
        for parameter in signature.parameters.values():
            if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
                var_positional = parameter.name
            elif parameter.kind is inspect.Parameter.VAR_KEYWORD:
                var_keyword = parameter.name
            else:
                has_default = parameter.default is not inspect.Parameter.empty
                names.append(parameter.name)
                kinds += _KINDS[kind_of[parameter.kind] * 2 + has_default]
                if has_default:
                    reprs.append(_short_repr(parameter.default))
        names, reprs = tuple(names), (tuple(reprs) or None)
        code = getattr(target, "__code__", None)
    if code is None:
        code = _code_of(function)
    file = code.co_filename if code is not None else "<unknown>"
    line = _def_line(file, code.co_firstlineno, lines if lines is not None else {}) if code is not None else 0
    return names, kinds, reprs, var_positional, var_keyword, file, line


def _short_repr(value):
    try:
        text = repr(value)
    except Exception as error:
        return f"<{type(value).__name__}: repr failed: {type(error).__name__}>"
    return text if len(text) <= 200 else text[:197] + "..."


def _code_of(function):
    """The code object behind a callable that is not a plain function: a partial's function, a callable object's __call__."""
    for candidate in (getattr(function, "func", None), getattr(type(function), "__call__", None)):
        for _ in range(10):
            if candidate is None or hasattr(candidate, "__code__"):
                break
            candidate = getattr(candidate, "func", None) or getattr(candidate, "__wrapped__", None)
        code = getattr(candidate, "__code__", None)
        if code is not None:
            return code
    return None


def _def_line(file, first_line, lines):
    """The line of ``def``: co_firstlineno points at the first decorator of a decorated function."""
    source = lines.get(file)
    if source is None:
        import linecache
        source = lines[file] = linecache.getlines(file)
    if first_line > len(source) or not source[first_line - 1].lstrip().startswith("@"):
        return first_line
    for line in range(first_line + 1, min(first_line + 50, len(source) + 1)):
        if source[line - 1].lstrip().startswith(("def ", "async def ")):
            return line
    return first_line
