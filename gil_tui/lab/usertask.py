"""Your own code as a workload: ``function(index, size)`` from a file, called once per task.

The file is imported in the measured interpreter (in each worker process and each subinterpreter too).
If the function takes a keyword ``tick`` (or ``**kwargs``), it gets a callable to report progress:
``tick()`` one unit done, ``tick(n)`` n units, ``tick(0, total=N)`` how many units the task has. Without it
the task's lane fills when the function returns.

Each task's outcome - a summary of its return value, or its error and traceback - is written as a small
JSON file into the run's outcome directory (made and removed by the parent), so every mode reports the
same way, and even a task that called ``os._exit`` leaves a word behind.
"""

import hashlib
import json
import os
import sys
import threading
import traceback

from .board import T_DONE, T_TOTAL, Cancelled

WORKLOAD = "task"
REPR_CHARS = 60

_loaded = {}  # type: dict
_load_lock = threading.Lock()
_current = threading.local()  # the index of the task this thread is running
_state = {"outcomes": None, "pid": None, "forks": {}}  # type: dict


class LoadError(Exception):
    """The file or the function cannot be used; the message says why, for a person."""

    def __init__(self, message, details=None):
        Exception.__init__(self, message)
        self.details = details


def _where(tb, path):
    """"line N" of the deepest frame of ``tb`` in ``path`` (the user's file), else ''."""
    line = None
    for frame in traceback.extract_tb(tb):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    return "" if line is None else " (line %d)" % line


def _module_name(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    clean = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in stem)
    return "gil_task_" + clean


def _accepts_tick(func):
    import inspect

    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False
    return "tick" in params or any(p.kind == p.VAR_KEYWORD for p in params.values())


def _check_arguments(func, name):
    import inspect

    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return
    try:
        signature.bind(0, 0)
    except TypeError:
        raise LoadError("%s%s cannot be called as %s(index, size): it must take two positional arguments"
                        % (name, signature, name)) from None


def load(path, name):
    """(the function, whether it takes ``tick``), importing ``path`` once per interpreter; LoadError otherwise."""
    key = (path, name)
    with _load_lock:
        if key in _loaded:
            return _loaded[key]
        if not os.path.isfile(path):
            raise LoadError("no such file: %s" % path)
        import importlib.util

        folder = os.path.dirname(path)
        if folder not in sys.path:
            sys.path.insert(0, folder)  # so the file can import its neighbours
        module_name = _module_name(path)
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise LoadError("%s cannot be imported as Python source" % path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except SyntaxError as exc:
            sys.modules.pop(module_name, None)
            raise LoadError("%s has a syntax error at line %s: %s" % (path, exc.lineno, exc.msg),
                            traceback.format_exc()) from None
        except BaseException as exc:
            sys.modules.pop(module_name, None)
            raise LoadError("importing %s failed%s: %s" % (path, _where(exc.__traceback__, path), _text(exc)),
                            traceback.format_exc()) from None
        func = getattr(module, name, None)
        if func is None:
            found = sorted(k for k, v in vars(module).items()
                           if callable(v) and not k.startswith("_") and getattr(v, "__module__", None) == module_name)
            raise LoadError("%s has no function %r%s" % (path, name, " (it has: %s)" % ", ".join(found) if found
                                                          else ""))
        if not callable(func):
            raise LoadError("%s: %s is a %s, not a function" % (path, name, type(func).__name__))
        _check_arguments(func, name)
        _loaded[key] = loaded = (func, _accepts_tick(func))
        return loaded


def _text(exc):
    return "%s: %s" % (type(exc).__name__, exc) if str(exc) else type(exc).__name__


# --- the watchers: os._exit and os.fork ------------------------------------------------------------

def install(outcomes):
    """Once per interpreter of a run: where outcomes go, and the guards around os._exit and os.fork."""
    if _state["pid"] == os.getpid() and _state["outcomes"] == outcomes:
        return
    _state["outcomes"] = outcomes
    _state["pid"] = os.getpid()
    real_exit = getattr(os._exit, "_gil_real", os._exit)

    def guarded_exit(code):
        index = getattr(_current, "index", None)
        if index is not None and os.getpid() == _state["pid"]:
            stack = _user_stack(traceback.extract_stack()[:-1])
            _write(index, {"index": index, "exit": code, "error": "os._exit(%r)" % (code,), "traceback": stack})
        real_exit(code)

    guarded_exit._gil_real = real_exit  # type: ignore[attr-defined]
    os._exit = guarded_exit
    if hasattr(os, "register_at_fork") and not _state.get("fork_hook"):
        _state["fork_hook"] = True

        def before_fork():
            index = getattr(_current, "index", None)
            if index is not None:
                _state["forks"][index] = _state["forks"].get(index, 0) + 1

        os.register_at_fork(before=before_fork)


def _user_stack(frames):
    """The stack from the user's function down (the lab's frames above it left out), formatted."""
    lab = os.path.dirname(os.path.abspath(__file__)) + os.sep

    def ours(frame):
        return frame.filename == "<string>" or os.path.abspath(frame.filename).startswith(lab)

    start = 0
    for at in range(1, len(frames)):
        if ours(frames[at - 1]) and not ours(frames[at]):
            start = at
    return "Stack (most recent call last):\n" + "".join(traceback.format_list(frames[start:]))


def _write(index, outcome):
    folder = _state["outcomes"]
    if not folder:
        return
    path = os.path.join(folder, "%d.json" % index)
    try:
        with open(path + ".tmp", "w") as f:
            json.dump(outcome, f)
        os.replace(path + ".tmp", path)
    except (OSError, TypeError, ValueError):  # the parent then reports the task from the board alone
        pass


# --- one task ----------------------------------------------------------------------------------------

def _make_tick(board, index, rep):
    words = board.words
    total_at = board.task_word(index, T_TOTAL)

    def tick(amount=1, total=None):
        if total is not None:
            words[total_at] = int(total)
        rep.tick(amount)
        if total is None and words[total_at] <= rep.done:
            words[total_at] = rep.done + 1  # no total said: keep the bar short of full until the end

    return tick


def call(board, rep, index, size, ctx):
    """Run the user's function for task ``index``; return its value (exceptions propagate)."""
    task = ctx.task
    install(task["outcomes"])
    func, takes_tick = load(task["path"], task["function"])
    pid = os.getpid()
    _current.index = index
    _state["forks"].pop(index, None)
    kwargs = {"tick": _make_tick(board, index, rep)} if takes_tick else {}
    try:
        value = func(index, size, **kwargs)
        if hasattr(value, "__await__") and hasattr(value, "send"):  # an async def outside asyncio: run it
            import asyncio

            value = asyncio.run(value)
    finally:
        if os.getpid() != pid:  # a forked child came back here: it must not go on running the lab
            getattr(os._exit, "_gil_real", os._exit)(0)
    _finish(board, index, rep)
    return value


async def call_async(board, rep, index, size, ctx):
    task = ctx.task
    install(task["outcomes"])
    func, takes_tick = load(task["path"], task["function"])
    _current.index = index
    kwargs = {"tick": _make_tick(board, index, rep)} if takes_tick else {}
    value = func(index, size, **kwargs)
    if hasattr(value, "__await__"):
        value = await value
    _finish(board, index, rep)
    return value


def _finish(board, index, rep):
    """The task returned: its lane gets a mark now if it never ticked, and its bar is full."""
    if rep.done == 0:
        try:
            rep.tick()
        except Cancelled:  # the work is done all the same
            pass
    board.words[board.task_word(index, T_TOTAL)] = rep.done
    board.words[board.task_word(index, T_DONE)] = rep.done


def summary(value):
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ is the user's; the summary says so
        text = "<repr failed: %s>" % _text(exc)
    out = {"type": type(value).__name__,
           "digest": hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16],
           "repr": text if len(text) <= REPR_CHARS else text[: REPR_CHARS - 1] + "\u2026"}  # type: dict
    try:
        out["len"] = len(value)
    except Exception:
        pass
    return out


def _user_traceback(exc):
    """The traceback from the user's function down: the lab's own frames left out."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(os.path.dirname(__file__) + os.sep):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def report(ctx, index, value, exc):
    """Write task ``index``'s outcome: its value's summary, or its error (not for a cancelled task)."""
    task = ctx.task
    install(task["outcomes"])
    outcome = {"index": index}  # type: dict
    forks = _state["forks"].pop(index, 0)
    if forks:
        outcome["forks"] = forks
    if isinstance(exc, LoadError):
        outcome["error"] = str(exc)
        outcome["load_error"] = True
        if exc.details:
            outcome["traceback"] = exc.details
    elif isinstance(exc, Cancelled):
        outcome["cancelled"] = True
    elif exc is not None:
        outcome["error"] = _text(exc)
        outcome["traceback"] = _user_traceback(exc)
    else:
        outcome["value"] = summary(value)
    _current.index = None
    _write(index, outcome)


def check(path, name):
    """``lab check-task``: can this interpreter import the file and find the function? A JSON-able dict."""
    try:
        _, takes_tick = load(path, name)
    except LoadError as exc:
        return {"ok": False, "error": str(exc), "traceback": exc.details}
    return {"ok": True, "tick": takes_tick}
