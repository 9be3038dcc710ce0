"""Where a value inside a config's result was computed, read from the source (run by the engine as module _breezeblock_origins).

``origin(path, line, key_path)`` parses the file, finds the function defined at ``line``, and follows
``key_path`` (``["replicas"]``, ``["ports", 0]``) through what it returns: a dict display's key, a
call's keyword argument (a dataclass, a host type), a list's item, through local names assigned once.
It gives the expression that computes the value, its line, and the parameters it reads (with the keys
it reads them at: ``base["scale"]`` reads ``base`` at ``["scale"]``). Nothing runs; what the source
does not say plainly (a value built in a loop, a function with several returns) gives None.
"""

import ast


def origin(path, line, key_path):
    """(line, expression source, [(parameter, [keys])]) or None."""
    try:
        with open(path, "rb") as file:
            source = file.read().decode("utf-8")
        tree = ast.parse(source, path)
    except (OSError, SyntaxError, ValueError):
        return None
    function = next((n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.lineno == line), None)
    if function is None:
        return None
    parameters = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    returns = [n for n in _own_nodes(function) if isinstance(n, ast.Return) and n.value is not None]
    if len(returns) != 1:
        return None
    assignments = _single_assignments(function)
    expression = returns[0].value
    for key in key_path:
        expression = _through_names(expression, assignments, parameters)
        expression = _item(expression, key)
        if expression is None:
            return None
    expression = _through_names(expression, assignments, parameters)  # a local's value is computed where it is assigned
    found = []
    _references(expression, parameters, assignments, found, set(), 0)
    text = ast.get_source_segment(source, expression) or ""
    return (expression.lineno, " ".join(text.split()), found)


def _references(expression, parameters, assignments, found, seen, depth):
    """The parameters an expression reads, with the keys it reads them at; through locals assigned once."""
    for node in ast.walk(expression):
        if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)):
            continue
        if node.id in parameters:
            entry = (node.id, tuple(_keys_read(expression, node)))
            if entry not in seen:
                seen.add(entry)
                found.append((entry[0], list(entry[1])))
        elif node.id in assignments and depth < 20:
            _references(assignments[node.id], parameters, assignments, found, seen, depth + 1)


def _own_nodes(function):
    """The nodes of a function's body, not those of functions and lambdas defined in it."""
    stack = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                stack.append(child)


def _single_assignments(function):
    """name -> the expression of a local assigned exactly once (``result = {...}``)."""
    counts, values = {}, {}
    for node in _own_nodes(function):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            if isinstance(target, ast.Name):
                counts[target.id] = counts.get(target.id, 0) + 1
                values[target.id] = node.value if not isinstance(node, ast.AugAssign) else None
            elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                counts[target.value.id] = counts.get(target.value.id, 0) + 2  # changed after it was made: not plain
    return {name: values[name] for name, count in counts.items() if count == 1 and values.get(name) is not None}


def _through_names(expression, assignments, parameters):
    for _ in range(20):
        if isinstance(expression, ast.Name) and expression.id not in parameters and expression.id in assignments:
            expression = assignments[expression.id]
        else:
            break
    return expression


def _item(expression, key):
    if isinstance(expression, ast.Dict):
        for k, v in zip(expression.keys, expression.values):
            if isinstance(k, ast.Constant) and k.value == key:
                return v
        return None
    if isinstance(expression, ast.Call):
        for keyword in expression.keywords:
            if keyword.arg == key:
                return keyword.value
        return None
    if isinstance(expression, (ast.List, ast.Tuple)) and isinstance(key, int) and -len(expression.elts) <= key < len(expression.elts):
        element = expression.elts[key]
        return None if isinstance(element, ast.Starred) else element
    return None


def _keys_read(expression, name):
    """The constant keys and attributes a parameter is read at: base["scale"].x -> ["scale", "x"]."""
    parents = {}
    for node in ast.walk(expression):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    keys = []
    node = name
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.Subscript) and parent.value is node:
            index = parent.slice
            if isinstance(index, ast.Constant) and isinstance(index.value, (str, int)):
                keys.append(index.value)
                node = parent
                continue
        elif isinstance(parent, ast.Attribute) and parent.value is node:
            keys.append(parent.attr)
            node = parent
            continue
        break
    return keys
