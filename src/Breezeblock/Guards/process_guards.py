"""Tripwires that keep config code from ending, replacing, copying or signalling the host process.

In-process they catch accidents, not attacks (ctypes reaches libc directly); the isolated worker is
the boundary for code that must not be trusted. Each blocked call raises HostProtectionError, a
BaseException like SystemExit, at the caller's line. Texts come from the engine's Messages.cs.
"""
import _thread
import os
import signal

MESSAGES = {}


HostProtectionError = None  # breezeblock.HostProtectionError, set by the engine when it installs the guards


class EvaluationInterrupted(BaseException):
    """Raised into running config code when its evaluation's deadline passes or it is cancelled."""

    landed = {}  # thread id -> how many were raised there: code that is stopped but goes on has caught them

    def __init__(self, *args):
        super().__init__(*args)
        ident = _thread.get_ident()  # raised on the thread it stops
        EvaluationInterrupted.landed[ident] = EvaluationInterrupted.landed.get(ident, 0) + 1


def landed_on(thread_id):
    """How many interruptions were raised on a thread so far."""
    return EvaluationInterrupted.landed.get(thread_id, 0)


EvaluationInterrupted.__module__ = "breezeblock"


def innermost_frame(thread_id, folder):
    """[file, line, function, source] of the innermost frame of a thread that runs a file under folder, or None."""
    import linecache
    import sys
    frame = sys._current_frames().get(thread_id)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(folder):
            return [name, frame.f_lineno, frame.f_code.co_name, linecache.getline(name, frame.f_lineno).strip() or None]
        frame = frame.f_back
    return None


def _call_text(name, args, kwargs):
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _blocked(name, message):
    def blocked(*args, **kwargs):
        raise HostProtectionError(MESSAGES[message].format(call=_call_text(name, args, kwargs)))
    blocked.__name__ = name.rsplit(".", 1)[-1]
    blocked.__qualname__ = blocked.__name__
    blocked.__doc__ = f"Blocked by breezeblock: {MESSAGES[message].format(call=name + '()')}"
    return blocked


_PATCHES = (
    ("os", ("_exit", "abort"), "exit"),
    ("posix", ("_exit", "abort"), "exit"),
    ("signal", ("alarm", "setitimer", "signal", "raise_signal", "pthread_kill", "siginterrupt", "set_wakeup_fd"), "signal"),
    ("_signal", ("alarm", "setitimer", "signal", "raise_signal", "pthread_kill", "siginterrupt", "set_wakeup_fd"), "signal"),
)


def install():
    import importlib
    for module_name, names, message in _PATCHES:
        module = importlib.import_module(module_name)
        for name in names:
            if hasattr(module, name):
                setattr(module, name, _blocked(f"{'os' if module_name == 'posix' else module_name.lstrip('_')}.{name}", message))


def audit(event, args):
    """The audited calls that would signal, replace or copy this process (os.kill of itself, exec, fork)."""
    if event in ("os.kill", "os.killpg"):
        target, sig = args[0], args[1]
        own = target in (0, -1, os.getpid()) if event == "os.kill" else target in (0, os.getpgrp())
        if own and sig != 0:
            raise HostProtectionError(MESSAGES["kill"].format(call=_call_text(event, args, {})))
    elif event == "signal.pthread_kill":
        if args[1] != 0:
            raise HostProtectionError(MESSAGES["signal"].format(call=_call_text(event, args, {})))
    elif event == "os.exec":
        raise HostProtectionError(MESSAGES["exec"].format(call=_call_text(event, (args[0],), {})))
    elif event in ("os.fork", "os.forkpty"):
        raise HostProtectionError(MESSAGES["fork"].format(call=event + "()"))


def save_settings():
    """What config code may change for the whole process, which each pass puts back: the recursion
    limit, the thread switch interval and the working directory."""
    import sys
    try:
        cwd = os.getcwd()
    except OSError:
        cwd = None
    return (sys.getrecursionlimit(), sys.getswitchinterval(), cwd)


def restore_settings(saved):
    import sys
    limit, interval, cwd = saved
    if sys.getrecursionlimit() != limit:
        sys.setrecursionlimit(limit)
    if sys.getswitchinterval() != interval:
        sys.setswitchinterval(interval)
    if cwd is not None:
        try:
            if os.getcwd() == cwd:
                return
        except OSError:
            pass
        try:
            os.chdir(cwd)
        except OSError:
            pass  # the folder is gone: nothing to go back to


def threads_now():
    """The threads alive now, to compare with after an evaluation; called on the evaluating thread as a pass starts.

    That thread is the host's, so threading sees a "dummy" thread, which counts as a daemon; config code
    runs there as a script runs on its main thread, so it is made no daemon: threads it starts are not
    daemons either, as in plain Python (the host never waits for them: Python is never finalized).
    """
    import threading
    current = threading.current_thread()
    if isinstance(current, threading._DummyThread) and current.daemon:
        current._daemonic = False
    return set(threading.enumerate())


def left_running(before, folder):
    """[name, file, line] of each thread started since before and still alive, where it runs the folder's code (file None when it does not)."""
    import threading
    found = []
    for thread in threading.enumerate():
        if thread in before or not thread.is_alive() or isinstance(thread, threading._DummyThread):
            continue  # _DummyThread: a host thread that entered Python, not one config code started
        place = innermost_frame(thread.ident, folder) if thread.ident is not None else None
        found.append([thread.name, place[0] if place else None, place[1] if place else 0])
    return found
