"""Names, defaults and limits of the lab's workloads and modes: a contract with scripts and the UI."""

from typing import NamedTuple, Union


class Workload(NamedTuple):
    default_size: Union[int, float]
    integral: bool  # the size is a whole number
    upper: Union[int, float]  # the largest size accepted
    unit: str
    description: str


WORKLOADS = {
    "fib": Workload(33, True, 40, "n", "recursive pure-Python Fibonacci fib(n): holds the GIL"),
    "sleep": Workload(1.0, False, 60.0, "s", "time.sleep in 10 ms steps: releases the GIL while waiting"),
    "race": Workload(100000, True, 10000000, "increments",
                     "shared counter, unlocked read-call-write: loses updates under the GIL"),
    "race-plain": Workload(100000, True, 10000000, "increments",
                           "the post's literal self.count += n: exact with the GIL on 3.10+"),
    "race-locked": Workload(100000, True, 10000000, "increments", "the race counter behind a lock: always exact"),
    "hash": Workload(512, True, 8192, "MiB", "hashlib.sha256 over 1 MiB buffers: C code that releases the GIL"),
    "io": Workload(1000, True, 100000, "writes", "64 KiB file writes, each fsync'd: real blocking I/O"),
    "convoy": Workload(31, True, 40, "n", "task 0's 1-byte round trips to an echo process, alone, then beside "
                                          "N-1 tasks computing fib(n)"),
}

MODES = {
    "sequential": "the N tasks one after another in one thread",
    "threads": "one thread per task (threading)",
    "processes": "one process per task; counters in shared memory",
    "asyncio": "one coroutine per task on one event loop",
    "interpreters": "one subinterpreter per task, each in its own thread (3.12+)",
}

RACE_WORKLOADS = ("race", "race-plain", "race-locked")
CONCURRENT_MODES = ("threads", "processes", "interpreters")  # the tasks run at once
MAX_WORKERS = 64
DEFAULT_WORKERS = 4
DEFAULT_SWITCH_INTERVAL = 0.005
SWITCH_INTERVAL_RANGE = (1e-6, 1.0)


def default_size(workload: str) -> Union[int, float]:
    return WORKLOADS[workload].default_size


class SizeError(ValueError):
    """A size the workload cannot take. ``reason`` names the mistake ("positive", "whole" or "max") for callers that
    word it themselves, in the reader's language (gil_tui.core.validation); the message is the English one."""

    def __init__(self, message: str, reason: str) -> None:
        ValueError.__init__(self, message)
        self.reason = reason


def check_size(workload: str, size: Union[str, float]) -> Union[int, float]:
    """Return the size as the workload's type, or raise SizeError (a ValueError) with a message for a person."""
    spec = WORKLOADS[workload]
    integral, upper, unit = spec.integral, spec.upper, spec.unit
    try:
        value = float(size)
    except (TypeError, ValueError):
        raise SizeError("size must be a positive number, not %r" % (size,), "positive") from None
    if not 0 < value < float("inf"):  # also refuses nan, which compares false either way
        raise SizeError("size must be a positive number, not %r" % (size,), "positive")
    if integral and value != int(value):
        raise SizeError("size for %s must be a whole number (%s)" % (workload, unit), "whole")
    if value > upper:
        raise SizeError("size for %s is at most %s %s" % (workload, upper, unit), "max")
    return int(value) if integral else value
