"""Runs checks and explains failed assertions (run by the engine as module _breezeblock_checks).

A check is called with the configs and inputs its parameters name. When one of its ``assert``
statements fails, the assertion is found in the check's source and the values of its parts are read
again from the failing frame, pytest-style: ``assert web["replicas"] >= 2`` says that
``web["replicas"]`` was 1. Values are frozen, so reading them again gives what the assertion saw; a
part that calls anything but a known side-effect-free function or method is not read again.
"""

# Functions and methods a part of an assertion may call and still be read again: they compute, they do not change anything.
_SAFE_FUNCTIONS = frozenset({
    "abs", "all", "any", "bool", "dict", "float", "frozenset", "int", "isinstance", "len", "list", "max",
    "min", "repr", "round", "set", "sorted", "str", "sum", "tuple", "type",
})
_SAFE_METHODS = frozenset({
    "count", "endswith", "get", "index", "isdigit", "items", "keys", "lower", "startswith", "strip", "upper", "values",
})
_REPR_LIMIT = 200
_failure = None  # the explanation of the last failed assertion, taken once


def run(function, args, keywords):
    """Calls a check; an AssertionError is explained (take_failure) and raised on."""
    global _failure
    _failure = None
    try:
        function(*args, **keywords)
    except AssertionError as error:
        try:
            _failure = explain(error)
        except Exception:  # an explanation is a help; the failure stands without it
            _failure = None
        raise


def matching(kinds, values):
    """The indexes of the values that are instances of kinds (a tuple of types)."""
    return [i for i, value in enumerate(values) if isinstance(value, kinds)]


def take_failure():
    """(assertion source, has a message, [(part, value repr)]) of the last failed assertion, or None; once."""
    global _failure
    failure, _failure = _failure, None
    return failure


def explain(error):
    """What the failing assertion said and what its parts were, or None when no assert statement raised it."""
    traceback = error.__traceback__
    if traceback is None:
        return None
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    frame, line = traceback.tb_frame, traceback.tb_lineno
    import ast
    import linecache
    path = frame.f_code.co_filename
    source = "".join(linecache.getlines(path, frame.f_globals))
    if not source:
        return None
    statement = _assertion_at(ast.parse(source, path), line)
    if statement is None:
        return None
    text = ast.get_source_segment(source, statement.test) or ""
    namespace = dict(frame.f_globals)
    namespace.update(frame.f_locals)  # one namespace: a comprehension in a part sees the frame's locals too
    shown = []
    seen = set()
    for part in _parts(statement.test):
        segment = ast.get_source_segment(source, part)
        if not segment or segment in seen or not _readable(part, namespace):
            continue
        seen.add(segment)
        try:
            value = eval(compile(ast.Expression(body=part), path, "eval"), namespace)
        except Exception:
            continue
        if _uninteresting(value):
            continue
        text_value = _short_repr(value)
        if text_value != segment:
            shown.append((" ".join(segment.split()), text_value))
    return (" ".join(text.split()), statement.msg is not None, shown)


def _assertion_at(tree, line):
    """The innermost assert statement whose lines hold line."""
    import ast
    found = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if found is None or node.lineno >= found.lineno:
                found = node
    return found


def _parts(expression):
    """The parts of an assertion worth a value, outermost first: operands of comparisons, and/or and not, and the calls and lookups among them."""
    import ast
    if isinstance(expression, ast.Compare):
        for operand in [expression.left, *expression.comparators]:
            yield from _parts(operand)
    elif isinstance(expression, ast.BoolOp):
        for value in expression.values:
            yield from _parts(value)
    elif isinstance(expression, ast.UnaryOp) and isinstance(expression.op, ast.Not):
        yield from _parts(expression.operand)
    elif isinstance(expression, ast.Call):
        yield expression
        for argument in expression.args:
            yield from _parts(argument)
    elif isinstance(expression, (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp)):
        yield expression
        if isinstance(expression, ast.BinOp):
            yield from _parts(expression.left)
            yield from _parts(expression.right)


def _readable(part, namespace):
    """True when reading the part again cannot change anything: every call in it is to a known pure function or method."""
    import ast
    import builtins
    for node in ast.walk(part):
        if isinstance(node, (ast.Lambda, ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom)):
            return False
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name):
            if function.id not in _SAFE_FUNCTIONS or namespace.get(function.id, getattr(builtins, function.id)) is not getattr(builtins, function.id):
                return False
        elif not (isinstance(function, ast.Attribute) and function.attr in _SAFE_METHODS):
            return False
    return True


def _uninteresting(value):
    """Modules, functions and classes: their repr says nothing the source does not."""
    import types
    return isinstance(value, (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type))


def _short_repr(value):
    try:
        text = repr(value)
    except Exception as error:
        return f"<{type(value).__name__}: repr failed: {type(error).__name__}>"
    return text if len(text) <= _REPR_LIMIT else text[:_REPR_LIMIT - 3] + "..."
