"""Checking what a person asked for: one clear message per mistake, shared by the CLI and the app.

A mistake is raised as ``UsageError(Message(key, params))`` (keys ``usage.*`` in gil_tui.i18n): ``str(exc)`` is the
English line the CLI prints, ``exc.render(lang)`` the same message in the app's language.
"""

from __future__ import annotations

from ..i18n import Message, interval_text
from ..lab.catalog import MAX_WORKERS, MODES, SWITCH_INTERVAL_RANGE, WORKLOADS, SizeError, check_size, default_size
from .probe import Interpreter


class UsageError(ValueError):
    """Bad input. The message is shown as it is: one line, no traceback.

    ``message`` is a ``Message`` (a key and its parameters, rendered in any language) or, for the CLI's own
    English-only messages, a plain string shown as it is.
    """

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.message.render(lang) if isinstance(self.message, Message) else self.message


def _error(key: str, **params: object) -> UsageError:
    return UsageError(Message(key, params))


def workload(value: str) -> str:
    if value not in WORKLOADS:
        raise _error("usage.workload", value=value, choices=", ".join(WORKLOADS))
    return value


def modes(value: str) -> list[str]:
    names = [part.strip() for part in value.split(",") if part.strip()]
    if not names:
        raise _error("usage.mode.none", choices=", ".join(MODES))
    for name in names:
        if name not in MODES:
            raise _error("usage.mode.unknown", value=name, choices=", ".join(MODES))
    return names


def modes_for(interp: Interpreter, names: list[str]) -> list[str]:
    """Check the modes against the interpreter (``Interpreter.runs``): subinterpreters need Python 3.12+."""
    for name in names:
        if not interp.runs(name):
            raise _error("usage.mode.python", mode=name, executable=interp.executable, version=interp.version)
    return names


def workers(value: str | int) -> int:
    try:
        n = int(str(value).strip())
    except ValueError:
        raise _error("usage.workers.whole", max=MAX_WORKERS, value=value) from None
    if not 1 <= n <= MAX_WORKERS:
        raise _error("usage.workers.range", max=MAX_WORKERS, value=n)
    return n


def size(workload_name: str, value: str | float | None) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default_size(workload_name)
    try:
        return check_size(workload_name, str(value).strip())
    except SizeError as exc:  # the lab's English message, said again by key in the reader's language
        _, _, upper, unit, _ = WORKLOADS[workload_name]
        raise _error("usage.size." + exc.reason, workload=workload_name, value=str(value).strip(), upper=upper,
                     unit=unit) from None


def sizes(workload_name: str, value: str | float | None) -> tuple[float, ...] | None:
    """One size per task from "30..34" (a range of whole sizes) or "30,31,32" (a list); None for a single size (or
    none given: then ``size`` applies)."""
    text = "" if value is None else str(value).strip()

    def one(part: str) -> float:
        if not part.strip():  # "30..", ",31": an empty size is a mistake here, not the default
            raise _error("usage.size.positive", value=text)
        return size(workload_name, part)

    if ".." in text:
        low_text, _, high_text = text.partition("..")
        low, high = one(low_text), one(high_text)
        if low != int(low) or high != int(high):
            raise _error("usage.sizes.whole", value=text)
        if high < low:
            raise _error("usage.sizes.order", value=text)
        found: tuple[float, ...] = tuple(range(int(low), int(high) + 1))
    elif "," in text:
        found = tuple(one(part) for part in text.split(","))
    else:
        return None
    if len(found) > MAX_WORKERS:
        raise _error("usage.sizes.many", max=MAX_WORKERS, count=len(found), value=text)
    return found


def work(workload_name: str, size_value: str | float | None, workers_value: str | int | None,
         default_workers: int) -> tuple[int, float, tuple[float, ...] | None]:
    """(workers, size, sizes) from ``--size`` and ``-n``: a range or list of sizes gives one task per size (then
    ``size`` is the largest), and ``-n``, when given too, must agree with it."""
    per_task = sizes(workload_name, size_value)
    asked = None if workers_value is None else workers(workers_value)  # None: not given (-n left out)
    if per_task is None:
        return asked or default_workers, size(workload_name, size_value), None
    if asked is not None and asked != len(per_task):
        raise _error("usage.sizes.workers", count=len(per_task), workers=asked, value=str(size_value).strip())
    return len(per_task), max(per_task), per_task


def sizes_text(per_task: tuple[float, ...]) -> str:
    """"30..34" for consecutive whole sizes, else "30,32,33": as ``--size`` and the Size field take them."""
    whole = all(x == int(x) for x in per_task)
    if whole and len(per_task) > 2 and list(per_task) == list(range(int(per_task[0]), int(per_task[-1]) + 1)):
        return "%d..%d" % (per_task[0], per_task[-1])
    return ",".join("%d" % x if x == int(x) else "%g" % x for x in per_task)


def switch_interval(value: str | float) -> float:
    low, high = SWITCH_INTERVAL_RANGE
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise _error("usage.switch.number", value=value) from None
    if not low <= seconds <= high:
        raise _error("usage.switch.range", low=interval_text(low), high=interval_text(high), value=seconds)
    return seconds


def gil(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in ("on", "off"):
        raise _error("usage.gil", value=value)
    return value


def gil_for(interp: Interpreter, choice: str | None) -> str | None:
    """Check the GIL choice against the build: only a free-threaded build can run without it."""
    if choice == "off" and not interp.free_threaded:
        raise _error("usage.gil.build", executable=interp.executable, version=interp.version)
    return choice
