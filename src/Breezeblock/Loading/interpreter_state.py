"""The interpreter state a workspace's pass changes, put in as it starts and taken out as it ends
(run by the engine as module _breezeblock_session): the workspace's modules in sys.modules, its
finder first on sys.meta_path, the import hooks that note what is imported, sys.path as it was, and
stdout and stderr (through output). Everything else the pass touches it puts back itself.
"""

import builtins
import importlib
import sys

output = None  # _breezeblock_output, set by the engine
reads = None   # _breezeblock_reads, set by the engine

_real_import = builtins.__import__
_real_gcd_import = importlib._bootstrap._gcd_import  # what import_module calls: tracked there, so import_module stays Python's own
# The engine's __import__ and _gcd_import (.NET functions, as the first original is C): each calls the
# original with the arguments exactly as given, then tells reads what was asked for.
_tracking_import = None
_tracking_gcd_import = None


def enter(finder, breezeblock, redirect_limit):
    """Makes the finder's workspace the one evaluating; returns what leave() needs. redirect_limit:
    None, or what printing to stderr may write (the host keeps stdout for its results)."""
    saved = (list(sys.path), output.redirect_to_stderr(redirect_limit) if redirect_limit is not None else None)
    for name, module in finder.modules.items():
        sys.modules.setdefault(name, module)
    sys.meta_path.insert(0, finder)
    finder.breezeblock = breezeblock
    finder.tracker.start()
    builtins.__import__ = _tracking_import
    importlib._bootstrap._gcd_import = _tracking_gcd_import
    return saved


def leave(finder, breezeblock, saved):
    """Takes out what enter() put in; the modules stay with the finder."""
    finder.tracker.stop()
    builtins.__import__ = _real_import
    importlib._bootstrap._gcd_import = _real_gcd_import
    breezeblock._current = None
    while finder in sys.meta_path:
        sys.meta_path.remove(finder)
    for name in finder.table:
        module = sys.modules.pop(name, None)
        if module is not None:
            finder.modules[name] = module
    for name, module in finder.modules.items():
        if name not in finder.table and sys.modules.get(name) is module:
            del sys.modules[name]
    path, streams = saved
    sys.path[:] = path
    if streams is not None:
        output.restore(streams)
