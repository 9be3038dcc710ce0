"""Compiled config modules, cached by content (run by the engine as module _breezeblock_bytecode).

code_for() gives a module's code object: from the cache when the file's bytes were compiled before
(by any workspace, any process), else compiled and written to the cache. What runs is always the
marshalled code, so a run never depends on whether the cache had it.
"""

import importlib.util
import marshal
import os
import re
import time
from _blake2 import blake2b  # hashlib would load OpenSSL first

MESSAGES = {}  # the engine's texts: not_utf8, nul_byte

_CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def code_for(source, path, key, cache_dir):
    """The code of a module's source; key names its compiled code in cache_dir (None: hashed here)."""
    check_utf8(source, path)  # before the cache: a cached file's code would hide it
    cached = _cache_path(path, source, key, cache_dir)
    if cached is not None:
        try:
            with open(cached, "rb") as file:
                return marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):
            pass
    # What runs is the marshalled code, cached or not: a set constant rebuilt by marshal iterates
    # in another order than the one compile() made, and a run must not depend on the cache.
    data = marshal.dumps(compile(source, path, "exec", dont_inherit=True))
    if cached is not None:
        _write(cached, data)
    return marshal.loads(data)


def _write(cached, data):
    """Writes a cache entry whole or not at all; a write that fails (a full disk) leaves nothing behind."""
    folder = os.path.dirname(cached)
    temporary = f"{cached}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        if folder not in _swept:
            _swept.add(folder)
            sweep(folder)
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, cached)
    except OSError:
        try:
            os.remove(temporary)
        except OSError:
            pass


STALE_SECONDS = 3600  # a temporary file this old is a dead writer's, whatever its process id says
_swept = set()  # the cache folders this process has cleaned of dead writers' files


def sweep(folder):
    """Removes the temporary files that writers which died (killed, or crashed) left in folder: those
    of a process that no longer runs here, or older than STALE_SECONDS. A live writer in another pid
    namespace may look dead; losing its file only means its entry is not written (its replace fails)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    own = os.getpid()
    for name in names:
        key, _, rest = name.partition(".")
        if not rest.endswith(".tmp"):
            continue
        path = os.path.join(folder, name)
        try:
            pid = int(rest[:-4])
            if (pid != own and not _alive(pid)) or time.time() - os.stat(path).st_mtime > STALE_SECONDS:
                os.remove(path)
        except (OSError, ValueError):
            pass


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, as another user
        return True
    return True


def _cache_path(path, source, key, cache_dir):
    if not cache_dir:
        return None
    if key is None:  # a file the engine could not read: hashed here, by content and path
        digest = blake2b(source, digest_size=16)
        digest.update(path.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
    return os.path.join(cache_dir, importlib.util.MAGIC_NUMBER.hex(), key)


def check_utf8(source, path):
    """A SyntaxError at the first NUL byte, or at the first byte that is not UTF-8 unless the file declares an encoding (PEP 263)."""
    nul = source.find(b"\0")
    if nul >= 0:
        line = source.count(b"\n", 0, nul) + 1
        column = nul - (source.rfind(b"\n", 0, nul) + 1) + 1
        raise SyntaxError(MESSAGES["nul_byte"], (path, line, column, None))
    if any(_CODING.match(line) for line in source.split(b"\n", 2)[:2]):
        return
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as error:
        line = source.count(b"\n", 0, error.start) + 1
        start = source.rfind(b"\n", 0, error.start) + 1
        column = len(source[start:error.start].decode("utf-8", "replace")) + 1
        raise SyntaxError(MESSAGES["not_utf8"].format(byte=source[error.start]), (path, line, column, None)) from None
