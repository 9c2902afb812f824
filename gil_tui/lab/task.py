"""Running one task: its record on the board (state, times, CPU) around the workload itself."""

import time

from . import usertask
from .board import CANCELLED, DONE, ERROR, RUNNING, T_CPU, T_END, T_RUNQ, T_START, T_STATE, Cancelled, Reporter
from .workloads import ASYNC_TASKS, TASKS, total

USER_TASK = "task"  # your own function (usertask.py), not one of the workloads


def runqueue_ns():
    """How long this thread has been runnable but waiting for a CPU (Linux schedstat), None where unknown."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None


class TaskRecord(object):
    def __init__(self, board, index, workload, size):
        self.board = board
        self.index = index
        self.rep = Reporter(board, index, total(workload, size))
        self.error = None

    def _word(self, field):
        return self.board.task_word(self.index, field)

    def begin(self):
        words = self.board.words
        words[self._word(T_STATE)] = RUNNING
        self._cpu0 = time.thread_time_ns()
        self._runq0 = runqueue_ns()
        words[self._word(T_START)] = time.monotonic_ns()

    def end(self, exc):
        words = self.board.words
        words[self._word(T_END)] = time.monotonic_ns()
        words[self._word(T_CPU)] = time.thread_time_ns() - self._cpu0
        runq = runqueue_ns()
        words[self._word(T_RUNQ)] = -1 if runq is None or self._runq0 is None else runq - self._runq0
        if exc is None:
            state = DONE
        elif isinstance(exc, Cancelled):
            state = CANCELLED
        else:
            state = ERROR
            self.error = "%s: %s" % (type(exc).__name__, exc) if str(exc) else type(exc).__name__
        words[self._word(T_STATE)] = state


def task_size(cfg, index):
    """Task ``index``'s size: its own from ``cfg["sizes"]`` when the run gave one per task (fib(30)…fib(34)), else
    the run's ``size``."""
    sizes = cfg.get("sizes")
    return sizes[index] if sizes else cfg["size"]


def run_task(board, index, workload, size, ctx):
    """Run task ``index`` in this thread; return the error message or None."""
    record = TaskRecord(board, index, workload, size)
    record.begin()
    exc = value = None
    try:
        if workload == USER_TASK:
            value = usertask.call(board, record.rep, index, size, ctx)
        else:
            TASKS[workload](record.rep, size, ctx)
    except BaseException as caught:  # a task's failure is a result, never a traceback
        exc = caught
    record.end(exc)
    if workload == USER_TASK:
        usertask.report(ctx, index, value, exc)
    return record.error


async def run_task_async(board, index, workload, size, ctx):
    record = TaskRecord(board, index, workload, size)
    record.begin()
    exc = value = None
    try:
        if workload == USER_TASK:
            value = await usertask.call_async(board, record.rep, index, size, ctx)
        elif workload in ASYNC_TASKS:
            await ASYNC_TASKS[workload](record.rep, size, ctx)
        else:
            TASKS[workload](record.rep, size, ctx)  # CPU-bound: blocks the event loop throughout
    except BaseException as caught:
        exc = caught
    record.end(exc)
    if workload == USER_TASK:
        usertask.report(ctx, index, value, exc)
    return record.error
