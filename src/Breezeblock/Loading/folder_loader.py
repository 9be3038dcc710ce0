"""The importer for one config folder (run by the engine as module _breezeblock_loader).

Modules of the folder are found by an explicit table rather than through sys.path, so they never
shadow installed modules, files whose names are not identifiers still load, and each module runs
exactly once per evaluation whichever import reaches it first. Compiled code is cached by content.
"""

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


class DependencyFailed(ImportError):
    """Raised when a module imports a folder module that already failed (its error is reported once)."""


class FolderFinder:
    """Finds and loads the modules of one folder, named in ``table``: name -> (path, kind, directory)."""

    def __init__(self, table, cache_dir):
        self.table = table
        self.cache_dir = cache_dir
        self.failed = set()
        self.executed = []

    def find_spec(self, fullname, path=None, target=None):
        entry = self.table.get(fullname)
        if entry is None:
            return None
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
        try:
            exec(self.code_for(module.__spec__.origin), module.__dict__)
        except BaseException:
            self.failed.add(name)
            raise

    def code_for(self, path):
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

    def _cache_path(self, path, source):
        if not self.cache_dir:
            return None
        from _blake2 import blake2b  # hashlib would load OpenSSL first
        digest = blake2b(source, digest_size=16)
        digest.update(path.encode("utf-8", "surrogatepass"))
        return os.path.join(self.cache_dir, importlib.util.MAGIC_NUMBER.hex(), digest.hexdigest())


def install(table, cache_dir):
    finder = FolderFinder(table, cache_dir)
    sys.meta_path.insert(0, finder)
    return finder


def uninstall(finder):
    while finder in sys.meta_path:
        sys.meta_path.remove(finder)
    for name in finder.table:
        sys.modules.pop(name, None)


def load(name):
    """Imports one folder module (a no-op when an import already ran it)."""
    importlib.import_module(name)


def installed_location(name):
    """Where an installed (non-folder) module of this top-level name lives, or None."""
    if name in sys.builtin_module_names:
        return "built into Python"
    existing = sys.modules.get(name)
    if existing is not None:
        return getattr(existing, "__file__", None) or "already imported"
    try:
        spec = importlib.machinery.PathFinder.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    return spec.origin or (list(spec.submodule_search_locations or []) or ["a namespace package"])[0]


def describe_all(registry):
    """describe() for every (function, name) registered, with the function's name: one call for all."""
    described = []
    for function, name in registry:
        try:
            parameters, var_positional, var_keyword, file, line = describe(function)
            described.append((name or getattr(function, "__name__", None) or repr(function), parameters, var_positional, var_keyword, file, line, None))
        except Exception as error:  # a signature that cannot be read is reported for that function alone
            described.append((name or repr(function), [], None, None, "<unknown>", 0, f"{type(error).__name__}: {error}"))
    return described


def describe(function):
    """(parameters, *args name, **kwargs name, file, line) of a config function.

    parameters: (name, kind, has_default). Plain functions are read from their code object, which
    is many times faster than inspect.signature; anything else goes through inspect.
    """
    target = function
    for _ in range(100):
        wrapped = getattr(target, "__wrapped__", None)
        if wrapped is None or hasattr(target, "__signature__"):
            break
        target = wrapped
    code = getattr(target, "__code__", None)
    if type(target) is types.FunctionType and not hasattr(target, "__signature__"):
        count, positional_only, keyword_only = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
        names = code.co_varnames
        defaults = target.__defaults__ or ()
        keyword_defaults = target.__kwdefaults__ or {}
        first_default = count - len(defaults)
        parameters = [(names[i], POSITIONAL_ONLY if i < positional_only else POSITIONAL_OR_KEYWORD, i >= first_default) for i in range(count)]
        parameters += [(names[i], KEYWORD_ONLY, names[i] in keyword_defaults) for i in range(count, count + keyword_only)]
        index = count + keyword_only
        var_positional = var_keyword = None
        if code.co_flags & CO_VARARGS:
            var_positional = names[index]
            index += 1
        if code.co_flags & CO_VARKEYWORDS:
            var_keyword = names[index]
    else:
        import inspect
        signature = inspect.signature(function)
        kinds = {
            inspect.Parameter.POSITIONAL_ONLY: POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD: POSITIONAL_OR_KEYWORD,
            inspect.Parameter.KEYWORD_ONLY: KEYWORD_ONLY,
        }
        parameters, var_positional, var_keyword = [], None, None
        for parameter in signature.parameters.values():
            if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
                var_positional = parameter.name
            elif parameter.kind is inspect.Parameter.VAR_KEYWORD:
                var_keyword = parameter.name
            else:
                parameters.append((parameter.name, kinds[parameter.kind], parameter.default is not inspect.Parameter.empty))
    if code is None:
        code = _code_of(function)
    file = code.co_filename if code is not None else "<unknown>"
    line = _def_line(file, code.co_firstlineno) if code is not None else 0
    return parameters, var_positional, var_keyword, file, line


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


def _def_line(file, first_line):
    """The line of ``def``: co_firstlineno points at the first decorator of a decorated function."""
    import linecache
    if not linecache.getline(file, first_line).lstrip().startswith("@"):
        return first_line
    for line in range(first_line + 1, first_line + 50):
        if linecache.getline(file, line).lstrip().startswith(("def ", "async def ")):
            return line
    return first_line


def enter(redirect_print):
    """Saves what an evaluation may change (sys.path, sys.stdout) and optionally sends print() to stderr."""
    state = (list(sys.path), sys.stdout)
    if redirect_print:
        sys.stdout = sys.stderr
    return state


def leave(state):
    """Restores what enter() saved."""
    path, stdout = state
    sys.path[:] = path
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stdout = stdout
