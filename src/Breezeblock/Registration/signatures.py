"""What @configure registered, read for the engine (run by the engine as module _breezeblock_signatures).

describe_all reads registered functions' parameters, definition lines and qualified names, a slice of
the registry per call, and freezes its parameter defaults as results are frozen (configs receive them read-only).
Plain functions are read from their code objects, many times faster than inspect.signature.
"""

import types

# inspect (10 ms to import) is needed only for callables that are not plain functions; it is
# imported there.

CO_VARARGS = 0x04
CO_VARKEYWORDS = 0x08
CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR = 0x20, 0x80, 0x200
MESSAGES = {}  # the engine's texts: class, coroutine, generator, unreadable, each_needs_value


class _Unusable(Exception):
    """A registered callable that cannot be a configure function, with where it is defined."""

    def __init__(self, message, file, line):
        super().__init__(message)
        self.file, self.line = file, line
POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY = 0, 1, 2


def describe_all(registry, freeze, owner, default_owner, start=0, count=None):
    """describe() for at most count functions of registry, from start. Defaults are frozen like results.

    registry is ([module], [function], [name]), one entry per function (name None: the function's own).

    Each row: (name, parameter names, kinds, default reprs, *args, **kwargs, file, line, error,
    qualified name, identity, module, function, check, annotated). annotated says what the function
    annotates: 1 its return, 2 a parameter, 3 both, 0 nothing. check is None for a config; for a check it is
    (each types or None, their qualified names), and a check with each types is described without its
    first parameter, which receives each value. error is the engine's message for a function that
    cannot be a config (a class, an async def, a generator function, a signature that cannot be read);
    file and line then say where it is, as far as can be told. kinds has one digit per parameter: kind * 2 + has
    default (kind: 0 positional-only, 1 positional-or-keyword, 2 keyword-only); default reprs has one
    entry per parameter with a default, in order, or is None when none has. The qualified name is None
    when it is module.name, as for most configs: the engine keeps one string fewer per config.
    """
    described = []
    lines = {}
    modules, functions, config_names = registry
    for index in range(start, len(functions) if count is None else min(len(functions), start + count)):
        module, function, name = modules[index], functions[index], config_names[index]
        check = None
        if type(name) is tuple:  # a check: (name, each types)
            name, each = name
            check = (each, tuple(kind.__qualname__ for kind in each) if each else ())
        config_name = name or getattr(function, "__name__", None) or repr(function)
        try:
            _refuse_unusable(function, config_name, lines)
            _freeze_defaults(function, config_name, freeze, owner, default_owner)
            names, kinds, defaults, var_positional, var_keyword, file, line = describe(function, lines)
            if check is not None and check[0]:
                names, kinds, defaults = _without_value_parameter(names, kinds, defaults, config_name, file, line)
            if type(function) is types.FunctionType:
                function_module, qualname = function.__module__, function.__qualname__
                identity = hash(function)  # identity-based for functions, and not audited as id() is
            else:
                function_module, qualname = getattr(function, "__module__", None) or "?", getattr(function, "__qualname__", None) or config_name
                identity = id(function)
            qualified = None if function_module == module and qualname == config_name else f"{function_module}.{qualname}"
            annotations = getattr(function, "__annotations__", None) if type(function) is types.FunctionType else None
            annotated = 0 if not annotations else ("return" in annotations) + 2 * (len(annotations) > ("return" in annotations))
            described.append((config_name, names, kinds, defaults, var_positional, var_keyword, file, line, None, qualified, identity, module, function, check, annotated))
        except _Unusable as error:
            described.append((config_name, (), "", None, None, None, error.file, error.line, str(error), config_name, id(function), module, None, check, 0))
        except Exception as error:  # a signature that cannot be read is reported for that function alone
            message = MESSAGES["unreadable"].format(config=config_name, problem=f"{type(error).__name__}: {error}")
            described.append((config_name, (), "", None, None, None, "<unknown>", 0, message, config_name, id(function), module, None, check, 0))
    return described


def _without_value_parameter(names, kinds, defaults, check_name, file, line):
    """A check(each=...)'s parameters without its first, which receives each value and is not wired."""
    if not names or kinds[0] == "4" or kinds[0] == "5":  # none, or keyword-only: no place for the value
        raise _Unusable(MESSAGES["each_needs_value"].format(check=check_name), file, line)
    if int(kinds[0]) & 1:
        defaults = defaults[1:] or None
    return names[1:], kinds[1:], defaults


def _refuse_unusable(function, config_name, lines):
    """Raises _Unusable for what is called like a function but does not return a config's value."""
    if isinstance(function, type):
        file, line = _class_location(function, lines)
        raise _Unusable(MESSAGES["class"].format(config=config_name, name=function.__name__), file, line)
    code = getattr(function, "__code__", None)
    if code is None:
        return
    flags = code.co_flags
    kind = "coroutine" if flags & (CO_COROUTINE | CO_ASYNC_GENERATOR) else "generator" if flags & CO_GENERATOR else None
    if kind is not None:
        raise _Unusable(MESSAGES[kind].format(config=config_name), code.co_filename, _def_line(code.co_filename, code.co_firstlineno, lines))


def _class_location(cls, lines):
    """(file, line of its class statement) of a class, or (its module's file, 0), or ("<unknown>", 0)."""
    import sys
    file = getattr(sys.modules.get(cls.__module__), "__file__", None) or "<unknown>"
    try:
        import inspect
        file = inspect.getsourcefile(cls) or file
        line = inspect.getsourcelines(cls)[1]
    except (OSError, TypeError):
        return file, 0
    return file, _def_line(file, line, lines)


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
        kept = file in linecache.cache
        lines.clear()  # functions come file by file: hold one file's lines at a time
        source = lines[file] = linecache.getlines(file)
        if not kept:
            linecache.cache.pop(file, None)  # read for this, not kept: a large folder's lines would stay in memory
    if first_line > len(source) or not source[first_line - 1].lstrip().startswith("@"):
        return first_line
    for line in range(first_line + 1, min(first_line + 50, len(source) + 1)):
        if source[line - 1].lstrip().startswith(("def ", "async def ", "class ")):
            return line
    return first_line


def declared(path):
    """[(config name, line)] of the @configure functions a file defines, read without running it.

    For a module that failed to load, so that configs needing its configs are not reported as needing
    something undefined. The file is parsed (any decorator spelled configure, breezeblock.configure or
    an imported alias, with name="..." or a positional name); a file that does not parse is scanned
    line by line for the same decorators.
    """
    try:
        with open(path, "rb") as file:
            source = file.read()
    except OSError:
        return []
    import ast
    try:
        tree = ast.parse(source, path)
    except (SyntaxError, ValueError):
        return _declared_in_lines(source.decode("utf-8", "replace").splitlines())
    aliases = {"configure"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "breezeblock":
            aliases.update(alias.asname or alias.name for alias in node.names if alias.name == "configure")
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call is not None else decorator
            named = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
            if named not in aliases and named != "configure":
                continue
            name = node.name
            if call is not None:
                given = [k.value for k in call.keywords if k.arg == "name"] + call.args[:1]
                if given and isinstance(given[0], ast.Constant) and isinstance(given[0].value, str) and given[0].value:
                    name = given[0].value
            found.append((name, node.lineno))
            break
    return found


_DECORATOR = None


def _declared_in_lines(lines):
    import re
    global _DECORATOR
    if _DECORATOR is None:
        _DECORATOR = re.compile(r"""^\s*@\s*(?:\w+\.)?configure\b(?:\s*\(\s*(?:name\s*=\s*)?(?P<q>["'])(?P<name>[^"']+)(?P=q))?""")
    found = []
    pending = None
    for number, line in enumerate(lines, 1):
        match = _DECORATOR.match(line)
        if match:
            pending = match.group("name") or ""
            continue
        if pending is not None:
            definition = re.match(r"^\s*(?:async\s+)?def\s+(\w+)", line)
            if definition:
                found.append((pending or definition.group(1), number))
                pending = None
            elif not line.strip().startswith("@") and line.strip():
                pending = None
    return found
