"""Where a config file's functions, names, parameters and their uses are (run by the engine as _breezeblock_outline).

Read from the source with ast, running nothing. Lines are 1-based; columns are 0-based and count UTF-16
code units, as editors do (ast counts UTF-8 bytes).
"""

import ast
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def outline(text):
    """('ok', [function]) or ('syntax', line): see SourceOutline.cs for the shape of a function."""
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        return ("syntax", error.lineno or 0)
    except (ValueError, RecursionError, MemoryError):
        return ("syntax", 0)
    lines = _LINE_BREAK.split(text)
    return ("ok", [_function(node, lines) for node in _functions(tree.body)])


def _functions(body):
    # Module-level functions, and those under module-level if/try blocks (configs defined conditionally).
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node
        elif isinstance(node, (ast.If, ast.Try)):
            yield from _functions(node.body)
            yield from _functions(node.orelse)
            for handler in getattr(node, "handlers", []):
                yield from _functions(handler.body)
            yield from _functions(getattr(node, "finalbody", []))


def _column(lines, line, byte_offset):
    if line < 1 or line > len(lines):
        return 0
    prefix = lines[line - 1].encode("utf-8")[:byte_offset].decode("utf-8", "replace")
    return len(prefix.encode("utf-16-le")) // 2


def _span(lines, node):
    end_line = getattr(node, "end_lineno", node.lineno) or node.lineno
    end = node.end_col_offset if end_line == node.lineno and node.end_col_offset is not None else None
    start = _column(lines, node.lineno, node.col_offset)
    return (node.lineno, start, _column(lines, node.lineno, end) if end is not None else start)


def _name_span(node, lines):
    # ast places a def at "def"/"async": the name follows it.
    text = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
    start = len(text.encode("utf-8")[: node.col_offset].decode("utf-8", "replace"))
    found = re.compile(r"def\s+(" + re.escape(node.name) + r")\b").search(text, start)
    if found is None:
        return (node.lineno, 0, 0)
    first = len(text[: found.start(1)].encode("utf-16-le")) // 2
    return (node.lineno, first, first + len(node.name.encode("utf-16-le")) // 2)


def _name_argument(node, lines):
    # @configure(name="db") / @check(name="..."): the span of the string's text, inside its quotes.
    for decorator in node.decorator_list:
        if not isinstance(decorator, ast.Call):
            continue
        for keyword in decorator.keywords:
            value = keyword.value
            if keyword.arg == "name" and isinstance(value, ast.Constant) and isinstance(value.value, str):
                line, start, end = _span(lines, value)
                if end - start >= 2 and value.end_lineno == value.lineno:
                    source = lines[line - 1]
                    quote = len(re.match(r"[rRuUbBfF]*('''|\"\"\"|'|\")?", source[len(source.encode("utf-16-le")[: start * 2].decode("utf-16-le")):]).group(0))
                    return (line, start + quote, start + quote + len(value.value.encode("utf-16-le")) // 2)
    return None


def _annotation(node):
    if node is None:
        return None
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 (ast.unparse is 3.9+; an odd node must not stop the outline)
        return None


def _uses(function, name, lines):
    found = []

    def visit(node):
        if isinstance(node, ast.Name) and node.id == name:
            found.append(_span(lines, node))
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            for outer in [*getattr(node, "decorator_list", []), *arguments.defaults, *[d for d in arguments.kw_defaults if d is not None]]:
                visit(outer)
            bound = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg] if a is not None}
            if name not in bound:  # a nested function that takes the same name reads its own
                for inner in node.body if isinstance(node.body, list) else [node.body]:
                    visit(inner)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    for statement in function.body:
        visit(statement)
    return found


def _function(node, lines):
    arguments = node.args
    first = min([node.lineno, *[d.lineno for d in node.decorator_list]])
    parameters = [
        (a.arg, _span(lines, a)[:2] + (_column(lines, a.lineno, a.col_offset) + len(a.arg.encode("utf-16-le")) // 2,), _uses(node, a.arg, lines), _annotation(a.annotation))
        for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    ]
    return (node.name, first, node.lineno, node.end_lineno or node.lineno, _name_span(node, lines), _name_argument(node, lines), parameters, _annotation(node.returns))
