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

__all__ = ["configure", "HostProtectionError", "HermeticError", "Secret", "secret"]

# Secret and secret are set by the host, from the engine's secrets module (Secrets/secrets.py).


class HostProtectionError(BaseException):
    """Config code tried something that would end, replace or signal the process it runs in (os._exit, exec, fork, signals)."""


class HermeticError(BaseException):
    """A hermetic evaluation refused what config code tried: reading outside its folder, writing, the network, processes, the environment."""

# Where @configure records a function: (list, ids) of the module whose body is running, set by the host
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


def _register(function, name):
    if not callable(function):
        raise TypeError(f"@configure applies to functions, got {type(function).__name__}")
    current = _current
    if current is not None and id(function) not in current[2]:
        current[2].add(id(function))
        current[0].append(function)
        current[1].append(name)
    return function
