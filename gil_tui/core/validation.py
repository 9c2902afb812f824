"""Checking what a person asked for: one clear message per mistake, shared by the CLI and the app."""

from __future__ import annotations

from ..lab.catalog import MAX_WORKERS, MODES, SWITCH_INTERVAL_RANGE, WORKLOADS, check_size, default_size
from .probe import Interpreter


class UsageError(ValueError):
    """Bad input. The message is shown as it is: one line, no traceback."""


def workload(value: str) -> str:
    if value not in WORKLOADS:
        raise UsageError("unknown workload %r (choose from %s)" % (value, ", ".join(WORKLOADS)))
    return value


def modes(value: str) -> list[str]:
    names = [part.strip() for part in value.split(",") if part.strip()]
    if not names:
        raise UsageError("no mode given (choose from %s)" % ", ".join(MODES))
    for name in names:
        if name not in MODES:
            raise UsageError("unknown mode %r (choose from %s)" % (name, ", ".join(MODES)))
    return names


def workers(value: str | int) -> int:
    try:
        n = int(str(value).strip())
    except ValueError:
        raise UsageError("workers must be a whole number from 1 to %d, not %r" % (MAX_WORKERS, value)) from None
    if not 1 <= n <= MAX_WORKERS:
        raise UsageError("workers must be from 1 to %d, not %d" % (MAX_WORKERS, n))
    return n


def size(workload_name: str, value: str | float | None) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default_size(workload_name)
    try:
        return check_size(workload_name, str(value).strip())
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def switch_interval(value: str | float) -> float:
    low, high = SWITCH_INTERVAL_RANGE
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise UsageError("switch interval must be a number of seconds, not %r" % (value,)) from None
    if not low <= seconds <= high:
        raise UsageError("switch interval must be between %g and %g seconds, not %g" % (low, high, seconds))
    return seconds


def gil(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in ("on", "off"):
        raise UsageError("--gil must be on or off, not %r" % value)
    return value


def gil_for(interp: Interpreter, choice: str | None) -> str | None:
    """Check the GIL choice against the build: only a free-threaded build can run without it."""
    if choice == "off" and not interp.free_threaded:
        raise UsageError("--gil off needs a free-threaded build (such as python3.13t); %s is Python %s, built with "
                         "the GIL" % (interp.executable, interp.version))
    return choice
