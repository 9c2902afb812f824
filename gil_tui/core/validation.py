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
