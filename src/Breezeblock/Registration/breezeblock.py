"""Breezeblock: configuration for .NET applications, written in Python.

Mark a function with ``@configure``. Each of its parameters names a config (another
``@configure`` function), an input given by the host or ``--set``, or falls back to the
parameter's default. Every config runs once, after the configs it needs::

    from breezeblock import configure

    @configure
    def database():
        return {"host": "db.internal", "port": 5432}

    @configure
    def web(database, replicas=2):
        return {"db": database["host"], "replicas": replicas}
"""

__all__ = ["configure", "check", "HostProtectionError", "HermeticError", "Secret", "secret", "Range", "Length", "Pattern"]

# Secret and secret are set by the host, from the engine's secrets module (Secrets/secrets.py); Range,
# Length and Pattern (constraints for typing.Annotated) from its types module (Checks/types.py).


class HostProtectionError(BaseException):
    """Config code tried something that would end, replace or signal the process it runs in (os._exit, exec, fork, signals)."""


class HermeticError(BaseException):
    """A hermetic evaluation refused what config code tried: reading outside its folder, writing, the network, processes, the environment."""

# Where @configure and @check record a function: ([function], [name], ids) of the module whose body is running
# (a check's name entry is the tuple (name or None, each types or None)), set by the host
# while it loads a folder, else None (a function decorated at any other time, inside a config say, is
# returned unchanged and registers nothing).
_current = None


def configure(func=None, *, name=None, **unknown):
    """Marks a function as a config: ``@configure``, ``@configure()`` or ``@configure(name="db")``.

    The function is returned unchanged and stays an ordinary, callable Python function.
    """
    if unknown:
        # Said here rather than by Python, whose wording differs between versions (3.13 adds the hint).
        raise TypeError(f"configure() got an unexpected keyword argument {next(iter(unknown))!r}; did you mean 'name'?")
    if isinstance(func, str) and name is None:
        func, name = None, func
    if name is not None and (not isinstance(name, str) or not name):
        raise TypeError(f"configure(name=...) needs a non-empty str, got {name!r}")
    if func is None:
        def decorator(function):
            return _register(function, name)
        return decorator
    return _register(func, name)


def check(func=None, *, name=None, each=None, **unknown):
    """Marks a function as a check: ``@check``, ``@check()``, ``@check(name="...")`` or ``@check(each=Type)``.

    The function is returned unchanged. With ``each``, its first parameter receives, one call at a time,
    the value of every config that is an instance of ``each``; its other parameters are wired by name.
    """
    if unknown:
        raise TypeError(f"check() got an unexpected keyword argument {next(iter(unknown))!r}; it takes name and each")
    if isinstance(func, str) and name is None:
        func, name = None, func
    if name is not None and (not isinstance(name, str) or not name):
        raise TypeError(f"check(name=...) needs a non-empty str, got {name!r}")
    if each is not None:
        kinds = each if isinstance(each, tuple) else (each,)
        if not kinds or not all(isinstance(kind, type) for kind in kinds):
            raise TypeError(f"check(each=...) needs a class or a tuple of classes, got {each!r}")
        each = kinds
    if func is None:
        def decorator(function):
            return _register(function, (name, each))
        return decorator
    return _register(func, (name, each))


def _register(function, name):
    if not callable(function):
        what = "@check" if type(name) is tuple else "@configure"
        raise TypeError(f"{what} applies to functions, got {type(function).__name__}")
    current = _current
    if current is not None and id(function) not in current[2]:
        current[2].add(id(function))
        current[0].append(function)
        current[1].append(name)
    return function
