"""Types across the wiring (run by the engine as module _breezeblock_types).

A config's return annotation and a parameter's annotation are contracts: ``compatible`` says, without
running anything, whether what a config is declared to return can be what a parameter declares it
receives; ``mismatch`` checks a value against an annotation and says where the first difference is;
``schema`` writes an annotation as JSON Schema (2020-12). The vocabulary: classes (dataclasses, host
types, int, float, str, bool, None), ``list``/``tuple``/``set``/``dict`` and their ``typing`` forms,
``Optional``/``Union``/``|``, ``Literal``, ``TypedDict``, ``Any``, and ``Annotated`` with the
constraints ``Range``, ``Length`` and ``Pattern`` of the breezeblock module. Anything else (a TypeVar,
a Callable, a Protocol) is taken as matching: unannotated or unusual code is never refused.
"""

import types

MESSAGES = {}  # the engine's texts: missing_key, not_in, out_of_range, too_short, too_long, no_match
_NONE = type(None)
# typing (and what it imports) is loaded when annotations are first judged, not when breezeblock is
# made: a process whose configs annotate nothing never pays for it.
typing = None
_UNION_TYPES = ()
_hints = None  # function or class -> its resolved annotations, for as long as it lives (a WeakKeyDictionary)


def _ready():
    global typing, _UNION_TYPES, _hints
    if typing is None:
        import typing as loaded
        import weakref
        _UNION_TYPES = (loaded.Union,) + ((types.UnionType,) if hasattr(types, "UnionType") else ())
        _hints = weakref.WeakKeyDictionary()
        typing = loaded


# -- constraints (exported by breezeblock) ------------------------------------------------------

class Range:
    """``Annotated[int, Range(1, 65535)]``: a number at least ``min`` and at most ``max`` (either may be None)."""

    def __init__(self, min=None, max=None):
        self.min, self.max = min, max

    def __repr__(self):
        return f"Range({self.min!r}, {self.max!r})"


class Length:
    """``Annotated[str, Length(1, 63)]``: a text, list or mapping of at least ``min`` and at most ``max`` items."""

    def __init__(self, min=None, max=None):
        self.min, self.max = min, max

    def __repr__(self):
        return f"Length({self.min!r}, {self.max!r})"


class Pattern:
    """``Annotated[str, Pattern(r"^[a-z-]+$")]``: a text the regular expression matches (re.search)."""

    def __init__(self, regex):
        self.regex = regex

    def __repr__(self):
        return f"Pattern({self.regex!r})"


# -- annotations --------------------------------------------------------------------------------

def forget():
    """Drops every resolved annotation."""
    if _hints is not None:
        _hints.clear()


def hints(target):
    """The resolved annotations of a function or class ({} when they cannot be resolved)."""
    _ready()
    try:
        return _hints[target]
    except (KeyError, TypeError):
        pass
    try:
        resolved = typing.get_type_hints(target, include_extras=True)
    except Exception:
        resolved = {}
    try:
        _hints[target] = resolved
    except TypeError:  # not weakly referenceable: resolved each time
        pass
    return resolved


def describe(hint):
    """An annotation as people write it: ``dict[str, int]``, ``DbConfig``, ``Optional[str]``."""
    if hint is _NONE or hint is None:
        return "None"
    if isinstance(hint, type) and not typing.get_args(hint):
        return hint.__qualname__
    text = repr(hint)
    return text.replace("typing.", "")


def _origin(hint):
    return typing.get_origin(hint)


def _strip(hint):
    """Annotated[T, ...] -> T."""
    while _origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    return hint


def _is_typeddict(hint):
    return isinstance(hint, type) and issubclass(hint, dict) and hasattr(hint, "__total__") and hasattr(hint, "__annotations__")


def _is_dataclass(hint):
    return isinstance(hint, type) and hasattr(hint, "__dataclass_fields__")


# -- compatible: the static check ---------------------------------------------------------------

def incompatible(edges):
    """[(index, parameter annotation, return annotation)] for the edges (consumer, parameter, producer) whose types cannot match."""
    _ready()
    found = []
    for index, (consumer, parameter, producer) in enumerate(edges):
        wanted = hints(consumer).get(parameter)
        given = hints(producer).get("return")
        if wanted is None or given is None:
            continue
        try:
            ok = compatible(given, wanted)
        except Exception:
            ok = True
        if not ok:
            found.append((index, describe(wanted), describe(given)))
    return found


def compatible(given, wanted):
    """True when a value of type given can be what a parameter of type wanted receives."""
    given, wanted = _strip(given), _strip(wanted)
    if wanted is typing.Any or given is typing.Any or wanted is object or given == wanted:
        return True
    if given is None:
        given = _NONE
    if wanted is None:
        wanted = _NONE
    if _origin(given) in _UNION_TYPES:
        return all(compatible(member, wanted) for member in typing.get_args(given))
    if _origin(wanted) in _UNION_TYPES:
        return any(compatible(given, member) for member in typing.get_args(wanted))
    if _origin(given) is typing.Literal:
        return all(_literal_fits(value, wanted) for value in typing.get_args(given))
    if _origin(wanted) is typing.Literal:
        return False  # a general type may hold values the literal does not allow
    given_class, wanted_class = _origin(given) or given, _origin(wanted) or wanted
    if not isinstance(given_class, type) or not isinstance(wanted_class, type) or _abstract(given_class) or _abstract(wanted_class):
        return True  # a TypeVar, a Callable, a protocol, a string that did not resolve: not ours to judge
    if _is_typeddict(wanted_class):
        return given_class is wanted_class
    if _is_typeddict(given_class):
        given_class = dict
    if wanted_class is float and given_class is int:
        return True  # the numeric tower: an int is acceptable where a float is
    try:
        if not issubclass(given_class, wanted_class):
            return False
    except TypeError:
        return True
    given_args, wanted_args = typing.get_args(given), typing.get_args(wanted)
    if not given_args or not wanted_args:
        return True
    if wanted_class is tuple or given_class is tuple:
        if len(wanted_args) == 2 and wanted_args[1] is Ellipsis:
            items = given_args[:1] if len(given_args) == 2 and given_args[1] is Ellipsis else given_args
            return all(compatible(item, wanted_args[0]) for item in items)
        return len(given_args) == len(wanted_args) and all(compatible(g, w) for g, w in zip(given_args, wanted_args))
    return len(given_args) == len(wanted_args) and all(compatible(g, w) for g, w in zip(given_args, wanted_args))


def _abstract(kind):
    """A collections.abc class or a protocol: what satisfies it is not a matter of subclassing."""
    return kind.__module__ in ("collections.abc", "typing", "_collections_abc") or getattr(kind, "_is_protocol", False)


def _literal_fits(value, wanted):
    wanted = _strip(wanted)
    if _origin(wanted) is typing.Literal:
        return value in typing.get_args(wanted)
    if _origin(wanted) in _UNION_TYPES:
        return any(_literal_fits(value, member) for member in typing.get_args(wanted))
    return mismatch(value, wanted, "") is None


# -- mismatch: the check of a value -------------------------------------------------------------

def check_return(function, value):
    """(path, expected, got, the annotation) for a config's value that does not match its return annotation, or None."""
    _ready()
    hint = hints(function).get("return")
    if hint is None:
        return None
    found = mismatch(value, hint, "")
    return None if found is None else (*found, describe(hint))


def mismatch(value, hint, path):
    """(path, expected, got) where value first differs from hint, or None when it matches."""
    origin = _origin(hint)
    if origin is typing.Annotated:
        inner, *constraints = typing.get_args(hint)
        found = mismatch(value, inner, path)
        if found is not None:
            return found
        for constraint in constraints:
            problem = _violates(value, constraint)
            if problem is not None:
                return (path, problem, _got(value))
        return None
    if hint is typing.Any or hint is object:
        return None
    if hint is None or hint is _NONE:
        return None if value is None else (path, "None", _got(value))
    if origin in _UNION_TYPES:
        members = typing.get_args(hint)
        for member in members:
            if mismatch(value, member, path) is None:
                return None
        # the deepest difference of the member of the value's own kind says the most
        for member in members:
            member_class = _origin(_strip(member)) or _strip(member)
            if isinstance(member_class, type) and not _is_typeddict(member_class) and isinstance(value, member_class):
                return mismatch(value, member, path)
        return (path, describe(hint), _got(value))
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        if any(value == a and type(value) is type(a) for a in allowed):
            return None
        return (path, MESSAGES["not_in"].format(values=", ".join(repr(a) for a in allowed)), _got(value))
    if _is_typeddict(hint):
        return _typeddict(value, hint, path)
    if _is_dataclass(hint):
        if not isinstance(value, hint):
            return (path, describe(hint), _got(value))
        for name, field_hint in hints(hint).items():
            if name in hint.__dataclass_fields__:
                found = mismatch(getattr(value, name, None), field_hint, _join(path, name))
                if found is not None:
                    return found
        return None
    kind = origin or hint
    if not isinstance(kind, type):
        return None  # a TypeVar, a Callable, a forward reference: taken as matching
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return None
    if kind is int and isinstance(value, bool):
        return (path, "int", _got(value))
    if kind in (list, tuple, set, frozenset) or origin in (list, tuple, set, frozenset):
        return _collection(value, hint, kind, path)
    if kind is dict or origin is dict:
        return _mapping(value, hint, path)
    try:
        if isinstance(value, kind):
            return None
    except TypeError:
        return None
    return (path, describe(hint), _got(value))


def _collection(value, hint, kind, path):
    accepted = (list, tuple) if kind in (list, tuple) else (set, frozenset)
    if not isinstance(value, accepted):
        return (path, describe(hint), _got(value))
    arguments = typing.get_args(hint)
    if not arguments:
        return None
    if kind is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
        if len(value) != len(arguments):
            return (path, describe(hint), _got(value))
        pairs = zip(arguments, value)
    else:
        pairs = ((arguments[0], item) for item in value)
    for index, (item_hint, item) in enumerate(pairs):
        found = mismatch(item, item_hint, f"{path}[{index}]")
        if found is not None:
            return found
    return None


def _mapping(value, hint, path):
    if not isinstance(value, dict):
        return (path, describe(hint), _got(value))
    arguments = typing.get_args(hint)
    if len(arguments) != 2:
        return None
    key_hint, value_hint = arguments
    for key, item in value.items():
        found = mismatch(key, key_hint, _join(path, f"<key {key!r}>")) or mismatch(item, value_hint, _join(path, key))
        if found is not None:
            return found
    return None


def _typeddict(value, hint, path):
    if not isinstance(value, dict):
        return (path, describe(hint), _got(value))
    required = getattr(hint, "__required_keys__", frozenset(hints(hint)) if hint.__total__ else frozenset())
    for name, field_hint in hints(hint).items():
        if name not in value:
            if name in required:
                return (_join(path, name), MESSAGES["missing_key"].format(key=name, type=describe(_strip(field_hint))), "nothing")
            continue
        found = mismatch(value[name], _without_required(field_hint), _join(path, name))
        if found is not None:
            return found
    return None


def _without_required(hint):
    origin = _origin(hint)
    if origin is not None and getattr(origin, "_name", None) in ("Required", "NotRequired"):
        return typing.get_args(hint)[0]
    return hint


def _violates(value, constraint):
    """The rule value breaks, or None."""
    if isinstance(constraint, Range) and isinstance(value, (int, float)) and not isinstance(value, bool):
        if (constraint.min is not None and value < constraint.min) or (constraint.max is not None and value > constraint.max):
            return MESSAGES["out_of_range"].format(min=_bound(constraint.min), max=_bound(constraint.max))
    if isinstance(constraint, Length) and hasattr(value, "__len__"):
        size = len(value)
        if constraint.min is not None and size < constraint.min:
            return MESSAGES["too_short"].format(min=constraint.min)
        if constraint.max is not None and size > constraint.max:
            return MESSAGES["too_long"].format(max=constraint.max)
    if isinstance(constraint, Pattern) and isinstance(value, str):
        import re
        if re.search(constraint.regex, value) is None:
            return MESSAGES["no_match"].format(pattern=constraint.regex)
    return None


def _bound(value):
    return "any" if value is None else repr(value)


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _got(value):
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    kind = type(value)
    if kind.__module__.startswith("_breezeblock"):  # a frozen dict or list is named as what it is to config code
        kind = next((base for base in (dict, list) if isinstance(value, base)), kind)
    return f"{kind.__name__} {text}"


# -- schema -------------------------------------------------------------------------------------

def schema_of(function, title, host_schema):
    """The JSON Schema (2020-12) of a config's return annotation, as indented JSON text, or None without one.

    host_schema(cls) gives the schema of a host type as JSON text (from its .NET type), or None.
    """
    _ready()
    hint = hints(function).get("return")
    if hint is None:
        return None
    import json
    definitions = {}
    root = _schema(hint, definitions, lambda kind: _host(kind, host_schema, json))
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title}
    document.update(root)
    if definitions:
        document["$defs"] = definitions
    return json.dumps(document, indent=2, ensure_ascii=False)


def _host(kind, host_schema, json):
    text = host_schema(kind)
    return None if text is None else json.loads(text)


def _schema(hint, definitions, host_schema):
    origin = _origin(hint)
    if origin is typing.Annotated:
        inner, *constraints = typing.get_args(hint)
        result = dict(_schema(inner, definitions, host_schema))
        for constraint in constraints:
            _constrain(result, constraint)
        return result
    if hint is typing.Any or hint is object:
        return {}
    if hint is None or hint is _NONE:
        return {"type": "null"}
    if origin in _UNION_TYPES:
        return {"anyOf": [_schema(member, definitions, host_schema) for member in typing.get_args(hint)]}
    if origin is typing.Literal:
        values = list(typing.get_args(hint))
        return {"const": values[0]} if len(values) == 1 else {"enum": values}
    if _is_typeddict(hint) or _is_dataclass(hint):
        name = hint.__qualname__
        if name not in definitions:
            definitions[name] = {}  # a class that refers to itself
            fields = hints(hint)
            if _is_typeddict(hint):
                required = sorted(getattr(hint, "__required_keys__", fields if hint.__total__ else ()))
            else:
                import dataclasses
                required = [f.name for f in dataclasses.fields(hint)
                            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
                fields = {n: h for n, h in fields.items() if n in hint.__dataclass_fields__}
            definition = {"type": "object", "properties": {n: _schema(_without_required(h), definitions, host_schema) for n, h in fields.items()}}
            if required:
                definition["required"] = list(required)
            if _is_dataclass(hint):
                definition["additionalProperties"] = False
            definitions[name] = definition
        return {"$ref": f"#/$defs/{name}"}
    kind = origin or hint
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if kind is str:
        return {"type": "string"}
    if kind in (list, tuple, set, frozenset):
        arguments = typing.get_args(hint)
        result = {"type": "array"}
        if kind is tuple and arguments and not (len(arguments) == 2 and arguments[1] is Ellipsis):
            result["prefixItems"] = [_schema(a, definitions, host_schema) for a in arguments]
            result["minItems"] = result["maxItems"] = len(arguments)
        elif arguments:
            result["items"] = _schema(arguments[0], definitions, host_schema)
        if kind in (set, frozenset):
            result["uniqueItems"] = True
        return result
    if kind is dict:
        arguments = typing.get_args(hint)
        result = {"type": "object"}
        if len(arguments) == 2:
            result["additionalProperties"] = _schema(arguments[1], definitions, host_schema)
        return result
    if isinstance(kind, type):
        hosted = host_schema(kind)
        if hosted is not None:
            return hosted
    return {}


def _constrain(result, constraint):
    kind = result.get("type")
    if isinstance(constraint, Range):
        if constraint.min is not None:
            result["minimum"] = constraint.min
        if constraint.max is not None:
            result["maximum"] = constraint.max
    elif isinstance(constraint, Length):
        low, high = {"string": ("minLength", "maxLength"), "array": ("minItems", "maxItems")}.get(kind, ("minProperties", "maxProperties"))
        if constraint.min is not None:
            result[low] = constraint.min
        if constraint.max is not None:
            result[high] = constraint.max
    elif isinstance(constraint, Pattern):
        result["pattern"] = constraint.regex
