"""Values configs hand to each other (run by the engine as module _breezeblock_values).

A config's result is frozen when its function returns, and so are inputs and parameter defaults:
dicts and lists become read-only copies (FrozenDict, FrozenList), sets frozensets, tuples are rebuilt
around frozen items, dataclass instances get a read-only subclass, and host objects are frozen by the
host. So a config that receives a value can read it but never change it, whichever configs ran
before, and a result the workspace reuses is exactly what running it again would give.

same() compares two results strictly (types, order, -0.0), for the workspace's early cutoff.
"""

import sys
from math import copysign as _copysign
from sys import intern as _intern

MESSAGES = {}  # the engine's message catalogue: frozen, result_owner, too_deep, unknown_owner
MAX_DEPTH = 500
_ATOMIC = frozenset({int, float, str, bool, type(None), bytes, complex})


def add_atomic(kind):
    """Another immutable type whose values are frozen as they are (the host's Secret)."""
    global _ATOMIC
    _ATOMIC = _ATOMIC | {kind}


def _frozen_error(what, owner):
    return TypeError(MESSAGES["frozen"].format(what=what, owner=owner_text(owner)))


class FrozenDict(dict):
    """A dict in a config's result: read it like any dict; dict(d) or copy.deepcopy(d) gives one to change."""

    __slots__ = ("_owner",)

    def _refuse(self, *args, **kwargs):
        raise _frozen_error("dict", self._owner)

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __copy__(self):
        return dict(self)

    def __deepcopy__(self, memo):
        import copy
        result = memo[id(self)] = {}
        for key, value in dict.items(self):
            result[copy.deepcopy(key, memo)] = copy.deepcopy(value, memo)
        return result

    def __reduce__(self):
        return (dict, (dict(self),))


class FrozenList(list):
    """A list in a config's result: read it like any list; list(l) or copy.deepcopy(l) gives one to change."""

    __slots__ = ("_owner",)

    def _refuse(self, *args, **kwargs):
        raise _frozen_error("list", self._owner)

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __copy__(self):
        return list(self)

    def __deepcopy__(self, memo):
        import copy
        result = memo[id(self)] = []
        for item in self:
            result.append(copy.deepcopy(item, memo))
        return result

    def __reduce__(self):
        return (list, (list(self),))


_FROZEN = frozenset({FrozenDict, FrozenList, frozenset})
_frozen_classes = {}   # dataclass -> its read-only subclass, or None when it cannot have one
_thawed = {}           # read-only subclass -> the dataclass
_field_names = {}      # dataclass -> the names of its fields
_owners = {}           # id(instance) -> owner, for dataclass instances frozen in this evaluation
_set_attribute = object.__setattr__


def forget_owners():
    """Called as each evaluation starts: instances frozen before it are named by a generic owner."""
    _owners.clear()


def freeze(value, owner, host_freeze=None):
    """The frozen form of value; owner names what it belongs to in error messages (see owner_text)."""
    kind = type(value)
    if kind in _ATOMIC or kind in _FROZEN:
        return value
    if type(owner) is str:
        owner = _intern(owner)  # a config's name: the function's own name object, not one more str per result
    if kind is dict and _ATOMIC.issuperset(map(type, value.values())):
        frozen = FrozenDict(value)  # the usual small result: copied in C, nothing inside to freeze
        frozen._owner = owner
        return frozen
    freezer = _Freezer(owner, host_freeze)
    frozen = freezer.freeze(value, 0)
    if freezer.hosts:
        host_freeze(freezer.hosts, owner_text(owner))  # one call for every host object found
    return frozen


class Owner(str):
    """An owner described in full (an input, a default); a plain str owner is a config's name."""

    __slots__ = ()


def owner_text(owner):
    return owner if type(owner) is Owner else MESSAGES["result_owner"].format(config=owner)


class _Freezer:
    __slots__ = ("owner", "host_freeze", "memo", "hosts")

    def __init__(self, owner, host_freeze):
        self.owner = owner
        self.host_freeze = host_freeze
        self.memo = {}
        self.hosts = []  # objects of other classes, for the host to freeze those that are its own

    def freeze(self, value, depth):
        kind = type(value)
        if kind in _ATOMIC or kind in _FROZEN or kind in _thawed:
            return value
        memo = self.memo
        done = memo.get(id(value))
        if done is not None:
            return done
        if depth >= MAX_DEPTH:
            raise ValueError(MESSAGES["too_deep"].format(depth=MAX_DEPTH))
        if kind is dict or (isinstance(value, dict) and kind.__name__ in ("OrderedDict", "defaultdict") and kind.__module__ == "collections"):
            if _ATOMIC.issuperset(map(type, value.values())):
                frozen = memo[id(value)] = FrozenDict(value)  # copied in C: nothing inside needs freezing
                frozen._owner = self.owner
                return frozen
            frozen = memo[id(value)] = FrozenDict()
            frozen._owner = self.owner
            depth += 1
            for key, item in value.items():
                dict.__setitem__(frozen, key, item if type(item) in _ATOMIC else self.freeze(item, depth))
            return frozen
        if kind is list:
            if _ATOMIC.issuperset(map(type, value)):
                frozen = memo[id(value)] = FrozenList(value)
                frozen._owner = self.owner
                return frozen
            frozen = memo[id(value)] = FrozenList()
            frozen._owner = self.owner
            depth += 1
            for item in value:
                list.append(frozen, item if type(item) in _ATOMIC else self.freeze(item, depth))
            return frozen
        if kind is set:
            frozen = memo[id(value)] = frozenset(value)
            return frozen
        if isinstance(value, tuple):
            return self._tuple(value, kind, depth)
        if hasattr(kind, "__dataclass_fields__") and not isinstance(value, type):
            return self._dataclass(value, kind, depth)
        if self.host_freeze is not None and kind.__module__ != "builtins":
            self.hosts.append(value)
        return value

    def _tuple(self, value, kind, depth):
        if _ATOMIC.issuperset(map(type, value)):
            return value
        items = []
        changed = False
        for item in value:
            frozen = item if type(item) in _ATOMIC else self.freeze(item, depth + 1)
            changed = changed or frozen is not item
            items.append(frozen)
        if not changed:
            result = value
        elif kind is tuple:
            result = tuple(items)
        elif hasattr(kind, "_make"):
            result = kind._make(items)
        else:
            result = value  # a tuple subclass of unknown construction keeps its items as they are
        self.memo[id(value)] = result
        return result

    def _dataclass(self, value, kind, depth):
        self.memo[id(value)] = value
        names = _field_names.get(kind)
        if names is None:
            names = _field_names[kind] = tuple(f.name for f in sys.modules["dataclasses"].fields(kind))
        for name in names:
            try:
                current = getattr(value, name)
            except AttributeError:
                continue
            if type(current) not in _ATOMIC:
                frozen = self.freeze(current, depth + 1)
                if frozen is not current:
                    _set_attribute(value, name, frozen)
        subclass = _frozen_classes[kind] if kind in _frozen_classes else _frozen_class(kind)
        if subclass is not None:
            try:
                _set_attribute(value, "__class__", subclass)
            except TypeError:
                return value
            _owners[id(value)] = self.owner
        return value


def _frozen_class(cls):
    """The read-only subclass of a dataclass (made once), or None when it is frozen already or cannot have one."""
    if cls in _frozen_classes:
        return _frozen_classes[cls]
    params = getattr(cls, "__dataclass_params__", None)
    subclass = None
    if params is not None and not params.frozen and cls.__setattr__ is object.__setattr__ and cls.__delattr__ is object.__delattr__:
        try:
            subclass = _make_frozen_class(cls, params)
            _thawed[subclass] = cls
        except Exception:
            subclass = None
    _frozen_classes[cls] = subclass
    return subclass


def _owner_of(instance):
    owner = _owners.get(id(instance))
    return MESSAGES["unknown_owner"] if owner is None else owner_text(owner)


def _make_frozen_class(cls, params):
    import operator

    dataclasses = sys.modules["dataclasses"]
    compared = tuple(f.name for f in dataclasses.fields(cls) if f.compare)

    def refuse(self):
        raise dataclasses.FrozenInstanceError(MESSAGES["frozen"].format(what=f"{cls.__name__} object", owner=_owner_of(self)))

    def __init__(self, *args, **kwargs):
        # Constructing the read-only class (dataclasses.replace, copy) makes an ordinary instance.
        object.__setattr__(self, "__class__", cls)
        cls.__init__(self, *args, **kwargs)

    def __reduce_ex__(self, protocol):
        reduced = cls.__reduce_ex__(self, protocol)
        if isinstance(reduced, tuple) and len(reduced) >= 2 and reduced[1] and reduced[1][0] is type(self):
            reduced = (reduced[0], (cls,) + tuple(reduced[1][1:])) + tuple(reduced[2:])
        return reduced

    def comparison(op):
        def compare(self, other):
            if type(other) in (cls, type(self)):
                return op(tuple(getattr(self, n) for n in compared), tuple(getattr(other, n) for n in compared))
            return NotImplemented
        return compare

    namespace = {
        "__slots__": (),
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__setattr__": lambda self, name, value: refuse(self),
        "__delattr__": lambda self, name: refuse(self),
        "__init__": __init__,
        "__reduce_ex__": __reduce_ex__,
        "__hash__": cls.__hash__,
    }
    if params.eq:
        namespace["__eq__"] = comparison(operator.eq)
    if params.order:
        for name, op in (("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt), ("__ge__", operator.ge)):
            namespace[name] = comparison(op)
    return type(cls)(cls.__name__, (cls,), namespace)


def same(a, b):
    """True when a and b are the same value: equal, of the same types, in the same order."""
    return _same(a, b, None)


def _same(a, b, seen):
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is float:
        return (a == b and _copysign(1.0, a) == _copysign(1.0, b)) or (a != a and b != b)
    if kind in _ATOMIC:
        return a == b
    if isinstance(a, (dict, list, tuple)):
        if len(a) != len(b):
            return False
        seen = seen if seen is not None else set()
        pair = (id(a), id(b))
        if pair in seen:
            return True
        seen.add(pair)
        if isinstance(a, dict):
            for (ka, va), (kb, vb) in zip(a.items(), b.items()):
                if not _same(ka, kb, seen) or not _same(va, vb, seen):
                    return False
            return True
        for x, y in zip(a, b):
            if not _same(x, y, seen):
                return False
        return True
    if kind is frozenset or kind is set:
        return len(a) == len(b) and {(type(x), x) for x in a} == {(type(x), x) for x in b}
    if hasattr(kind, "__dataclass_fields__"):
        for field in sys.modules["dataclasses"].fields(a):
            if not _same(getattr(a, field.name, None), getattr(b, field.name, None), seen):
                return False
        return True
    if kind.__eq__ is object.__eq__:
        return False  # compared by identity, and they are different objects
    try:
        return bool(a == b) and repr(a) == repr(b)
    except Exception:
        return False


def find_cycle(value, base):
    """[where, container] when value contains itself: the path of the item that is one of its own
    containers, and that container's path (both below base); None when it does not. Iterative, so a
    deep value cannot exhaust the stack."""
    on_path = {}
    stack = [(value, base, False)]
    while stack:
        item, path, leaving = stack.pop()
        if leaving:
            on_path.pop(id(item), None)
            continue
        kind = type(item)
        if isinstance(item, dict):
            children = [(_member(path, key), child) for key, child in item.items()]
        elif isinstance(item, (list, tuple)):
            children = [(f"{path}[{index}]", child) for index, child in enumerate(item)]
        elif hasattr(kind, "__dataclass_fields__") and not isinstance(item, type):
            children = [(f"{path}.{name}", getattr(item, name, None)) for name in kind.__dataclass_fields__]
        else:
            continue
        if id(item) in on_path:
            return [path, on_path[id(item)]]
        on_path[id(item)] = path
        stack.append((item, path, True))
        stack.extend((child, child_path, False) for child_path, child in reversed(children))
    return None


def _member(path, key):
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    import json
    return f"{path}[{json.dumps(key) if isinstance(key, str) else key!r}]"
