"""Where what config code prints and logs goes (run by the engine as module _breezeblock_output):
the one module that replaces sys.stdout and sys.stderr.

While a workspace evaluates for a host that asked for its output (capture), they are streams that
pass each complete line to emit(level, text, module, logger), and a handler on the root logger
passes each logging record. module is the folder module whose code printed or logged (None when it
cannot be told), logger the logging logger's name. For a host that keeps stdout for its result
(the command), both write to stderr instead (redirect_to_stderr). Either way, what one evaluation
prints is capped at a limit of characters (ConfigLimits.MaxOutputCharacters), then a note says so once.
"""

import sys

DEBUG, INFO, WARNING, ERROR, CRITICAL = 10, 20, 30, 40, 50


class _Lines:
    """A text stream that hands over complete lines (the rest when flushed)."""

    def __init__(self, emit, level, modules):
        self._emit = emit
        self._level = level
        self._modules = modules
        self._pending = ""
        self._module = None

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self._pending == "":
            self._module = _caller_module(self._modules)
        self._pending += text
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            self._emit(self._level, line, self._module, None)
            self._module = _caller_module(self._modules) if self._pending else None
        return len(text)

    def flush(self):
        if self._pending:
            line, self._pending = self._pending, ""
            self._emit(self._level, line, self._module, None)

    def isatty(self):
        return False

    def writable(self):
        return True

    @property
    def encoding(self):
        return "utf-8"


def _caller_module(modules):
    """The folder module of the Python code that is writing (print is C: the next frame is its caller)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__")
        if name in modules:
            return name
        frame = frame.f_back
    return None


TRUNCATED = ""  # the note, set by the engine from Messages.cs
REDACT = str     # set by the engine: text -> text with secrets as markers


def _capped(emit, limit):
    """emit, until limit characters went through it; then one warning saying so, and nothing more."""
    budget = [limit]

    def capped(level, text, module, logger):
        if budget[0] <= 0:
            return
        budget[0] -= len(text)
        if budget[0] >= 0:
            emit(level, text, module, logger)
        else:
            emit(WARNING, TRUNCATED.format(limit=limit), module, None)
    return capped


def capture(emit, modules, paths, limit):
    """Sends output to emit until release(); modules: the folder's module names, paths: file -> module name,
    limit: the characters that pass before the rest is dropped."""
    import logging
    emit = _capped(emit, limit)

    class Handler(logging.Handler):
        def emit(self, record):
            try:
                message = record.getMessage()
                if record.exc_info:
                    message += "\n" + logging.Formatter().formatException(record.exc_info)
            except Exception:
                message = str(record.msg)
            emit(record.levelno, message, paths.get(record.pathname), record.name)

    root = logging.getLogger()
    handler = Handler(logging.DEBUG)
    state = (sys.stdout, sys.stderr, root.level, handler)
    sys.stdout = _Lines(emit, INFO, modules)
    sys.stderr = _Lines(emit, WARNING, modules)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the host's logger decides what it keeps
    return state


def release(state):
    """Flushes what is left and puts stdout, stderr and the root logger back."""
    stdout, stderr, level, handler = state
    import logging
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    sys.stdout, sys.stderr = stdout, stderr
    root = logging.getLogger()
    root.removeHandler(handler)
    root.setLevel(level)


def redirect_to_stderr(limit):
    """Both streams to stderr, capped together at limit characters; what restore() puts back."""
    saved = (sys.stdout, sys.stderr)
    budget = [limit, limit]  # shared: what both streams may still write in this evaluation, and the limit
    sys.stdout = _CappedStream(sys.stderr, budget)
    sys.stderr = _CappedStream(sys.stderr, budget)
    return saved


def restore(saved):
    """Flushes what the streams hold and puts the ones saved back."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    sys.stdout, sys.stderr = saved


class _CappedStream:
    """Writes through to a stream until the evaluation's output budget is spent, then says so once
    and drops the rest: a print loop cannot flood the host's output (or fill a pipe nobody reads)."""

    def __init__(self, target, budget):
        self._target = target
        self._budget = budget

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        budget = self._budget
        text = REDACT(text)
        if budget[0] > 0:
            if len(text) <= budget[0]:
                budget[0] -= len(text)
                return self._target.write(text)
            self._target.write(text[: budget[0]])
            self._target.write("\n" + TRUNCATED.format(limit=budget[1]) + "\n")
            budget[0] = 0
        return len(text)

    def flush(self):
        self._target.flush()

    def isatty(self):
        return False

    def writable(self):
        return True

    def fileno(self):
        return self._target.fileno()

    @property
    def encoding(self):
        return getattr(self._target, "encoding", "utf-8")
