"""The workloads: one task's worth of work each, reporting progress as it goes.

Every task calls ``rep.tick`` often (about every 0.1-0.5 ms for CPU-bound work), so the
timeline can show which task made progress in each slice of time.
"""

import asyncio
import hashlib
import math
import os

from .board import (
    DONE,
    H_ALONE_NS,
    H_ALONE_TRIPS,
    H_CANCEL,
    H_COUNTER,
    H_FINISHED,
    H_HOLD_MISSES,
    H_IO_CORE,
    H_LOADED_NS,
    H_LOADED_TRIPS,
    H_PHASE,
    HEADER_WORDS,
    T_READY,
    T_STATE,
    T_TOTAL,
    TASK_WORDS,
    Cancelled,
)

FIB_CHUNK = 16  # fib(16) takes ~0.15 ms on CPython 3.11 here: one tick per chunk
RACE_STEP = 1000  # increments between ticks: 100 ticks at the default size, each under 0.1 ms apart; a tick per
# 100 increments cost race-plain 6 % of its time (bench/overhead.py)
SLEEP_STEP = 0.01
HASH_BLOCK = 1 << 20
IO_BLOCK = 64 * 1024
IO_WINDOW = 64  # blocks: each task rewrites a 4 MiB window of its own file


class Context:
    """What the tasks of one run share: the board's words, the counter and its lock."""

    def __init__(self, words, lock=None, plain_counter=None, scratch_dir=None):
        self.words = words
        self.lock = lock
        self.plain_counter = plain_counter
        self.scratch_dir = scratch_dir
        self.echo_path = None  # the convoy's echo peer
        self.workers = 1
        self.concurrent = True  # the tasks run at once (not sequential, not asyncio)


# --- fib -------------------------------------------------------------------------------------

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def _fib_chunked(n, tick):
    if n <= FIB_CHUNK:
        result = fib(n)
        tick()
        return result
    return _fib_chunked(n - 1, tick) + _fib_chunked(n - 2, tick)


def fib_chunks(n):
    """How many ticks _fib_chunked(n) makes: the leaves of its call tree at or under FIB_CHUNK."""
    a, b = 1, 1  # chunks for FIB_CHUNK - 1 and FIB_CHUNK
    for _ in range(n - FIB_CHUNK):
        a, b = b, a + b
    return b


def fib_task(rep, size, ctx):
    _fib_chunked(size, rep.tick)


# --- sleep -----------------------------------------------------------------------------------

def _sleep_steps(size):
    steps = max(1, int(round(size / SLEEP_STEP)))
    return steps, size / steps


def sleep_task(rep, size, ctx):
    import time

    steps, step = _sleep_steps(size)
    for _ in range(steps):
        time.sleep(step)
        rep.tick()


async def sleep_task_async(rep, size, ctx):
    steps, step = _sleep_steps(size)
    for _ in range(steps):
        await asyncio.sleep(step)
        rep.tick()


# --- the counter races -----------------------------------------------------------------------

def switch_point():
    """An empty Python call. Entering it is where CPython 3.10+ may hand the GIL to another thread."""


def _chunks(size):
    while size > 0:
        step = min(RACE_STEP, size)
        yield step
        size -= step


def race_task(rep, size, ctx):
    words = ctx.words
    at = H_COUNTER
    for step in _chunks(size):
        for _ in range(step):
            value = words[at]
            switch_point()
            words[at] = value + 1
        rep.tick(step)


def race_locked_task(rep, size, ctx):
    words = ctx.words
    at = H_COUNTER
    lock = ctx.lock
    for step in _chunks(size):
        for _ in range(step):
            with lock:
                value = words[at]
                switch_point()
                words[at] = value + 1
        rep.tick(step)


class Counter(object):
    """The post's counter, as it wrote it."""

    def __init__(self):
        self.count = 0

    def increment(self, n):
        self.count += n


class SharedCounter(object):
    """The same method over the shared board, for processes and subinterpreters."""

    def __init__(self, words):
        self.words = words

    @property
    def count(self):
        return self.words[H_COUNTER]

    def increment(self, n):
        self.words[H_COUNTER] += n


def race_plain_task(rep, size, ctx):
    counter = ctx.plain_counter
    for step in _chunks(size):
        for _ in range(step):
            counter.increment(1)
        rep.tick(step)


# --- hash ------------------------------------------------------------------------------------

def hash_task(rep, size, ctx):
    block = bytes(HASH_BLOCK)
    digest = hashlib.sha256()
    for _ in range(size):
        digest.update(block)  # releases the GIL for buffers over 2 KiB
        rep.tick()


# --- io --------------------------------------------------------------------------------------

class _ScratchFile(object):
    def __init__(self, ctx):
        self.fd = -1
        import tempfile

        self.fd, self.path = tempfile.mkstemp(prefix="gil-tui-io-", dir=ctx.scratch_dir)
        self.block = os.urandom(IO_BLOCK)
        self.n = 0

    def write(self):
        os.pwrite(self.fd, self.block, (self.n % IO_WINDOW) * IO_BLOCK)
        os.fsync(self.fd)
        self.n += 1

    def close(self):
        os.close(self.fd)
        os.unlink(self.path)


def io_task(rep, size, ctx):
    scratch = _ScratchFile(ctx)
    try:
        for _ in range(size):
            scratch.write()
            rep.tick()
    finally:
        scratch.close()


async def io_task_async(rep, size, ctx):
    loop = asyncio.get_running_loop()
    scratch = _ScratchFile(ctx)
    try:
        for _ in range(size):
            await loop.run_in_executor(None, scratch.write)
            rep.tick()
    finally:
        scratch.close()


# --- convoy ----------------------------------------------------------------------------------
# Task 0 makes 1-byte round trips with the echo peer: alone for CONVOY_BASELINE_S, then while the other tasks
# compute fib(size). It counts the trips and the time of each phase on the board; the lab reports the rates.
# H_PHASE: 0 alone, 1 the CPU tasks may start, 2 all of them compute (measuring; the probe counts only then),
# 3 measured. With the CPU tasks done, the I/O task measures alone once more: the better window is "alone".

CONVOY_BASELINE_S = 0.3
CONVOY_WAIT = 0.002  # seconds between looks at the board while a task waits for the other side


def _round_trips(rep, conn, until):
    """1-byte round trips until ``until()`` says stop; returns (trips, nanoseconds)."""
    import time

    clock = time.monotonic_ns
    words = rep.words
    total_at = HEADER_WORDS + TASK_WORDS * rep.index + T_TOTAL  # the lane's bar follows the count: no end known
    trips = 0
    start = clock()
    while not until():
        conn.sendall(b"x")
        if not conn.recv(1):
            raise ConnectionError("the echo peer closed the connection")
        trips += 1
        words[total_at] = rep.done + 1
        rep.tick()
    return trips, clock() - start


def _hold_side(words, cpus):
    """Hold this thread on ``cpus`` (lab.echo.hold); a side the kernel would not let us hold is counted on the board.
    The set it had before, to give back, or None."""
    from .echo import hold

    before = hold(0, cpus)
    if before is None:
        words[H_HOLD_MISSES] += 1
    return before


def _io_side(rep, ctx):
    import time

    from .echo import connect, cores, hold

    words = ctx.words
    placed = cores()
    before = _hold_side(words, {placed[0]}) if placed else None
    if before is not None:
        words[H_IO_CORE] = placed[0] + 1
    conn = connect(ctx.echo_path)
    try:
        ends = time.monotonic() + CONVOY_BASELINE_S
        trips, ns = _round_trips(rep, conn, lambda: time.monotonic() >= ends)
        words[H_ALONE_TRIPS], words[H_ALONE_NS] = trips, ns
        words[H_PHASE] = 1
        if ctx.concurrent and ctx.workers > 1:
            # the CPU tasks may still be starting (processes take a while): count from when all of them compute
            ready = [HEADER_WORDS + TASK_WORDS * i + T_READY for i in range(1, ctx.workers)]
            _round_trips(rep, conn, lambda: all(words[at] for at in ready) or words[H_FINISHED] > 0)
            words[H_PHASE] = 2
            trips, ns = _round_trips(rep, conn, lambda: words[H_FINISHED] > 0)
            words[H_LOADED_TRIPS], words[H_LOADED_NS] = trips, ns
            words[H_PHASE] = 3
            # alone once more after the CPU work, and the better window stands for "alone": a busy machine can
            # slow one short window down, rarely both
            states = [HEADER_WORDS + TASK_WORDS * i + T_STATE for i in range(1, ctx.workers)]
            _round_trips(rep, conn, lambda: all(words[at] >= DONE for at in states))
            ends = time.monotonic() + CONVOY_BASELINE_S
            again, again_ns = _round_trips(rep, conn, lambda: time.monotonic() >= ends)
            if again * words[H_ALONE_NS] > words[H_ALONE_TRIPS] * again_ns:
                words[H_ALONE_TRIPS], words[H_ALONE_NS] = again, again_ns
        else:  # the others run after this task (sequential, asyncio) or there are none: a second phase alone
            words[H_PHASE] = 2
            ends = time.monotonic() + CONVOY_BASELINE_S
            trips, ns = _round_trips(rep, conn, lambda: time.monotonic() >= ends)
            words[H_LOADED_TRIPS], words[H_LOADED_NS] = trips, ns
    finally:
        words[H_PHASE] = 3  # measured (or failed): never leave the CPU tasks waiting
        conn.close()
        if before is not None:
            hold(0, before)


def _cpu_side(rep, size, ctx):
    import time

    from .echo import cores, hold

    words = ctx.words
    placed = cores()
    before = _hold_side(words, placed[1]) if placed else None
    try:
        while not words[H_PHASE]:
            if words[H_CANCEL]:
                raise Cancelled()
            time.sleep(CONVOY_WAIT)
        words[HEADER_WORDS + TASK_WORDS * rep.index + T_READY] = 1
        if ctx.concurrent:  # start together: a busy machine can start processes a fib apart
            ready = [HEADER_WORDS + TASK_WORDS * i + T_READY for i in range(1, ctx.workers)]
            while not all(words[at] for at in ready) and not words[H_FINISHED]:
                if words[H_CANCEL]:
                    raise Cancelled()
                time.sleep(CONVOY_WAIT / 4)
        _fib_chunked(size, rep.tick)
    finally:
        words[H_FINISHED] += 1
        if before is not None:
            hold(0, before)


def convoy_task(rep, size, ctx):
    if rep.index == 0:
        _io_side(rep, ctx)
    else:
        _cpu_side(rep, size, ctx)


# --- the table -------------------------------------------------------------------------------

TASKS = {
    "fib": fib_task,
    "sleep": sleep_task,
    "race": race_task,
    "race-plain": race_plain_task,
    "race-locked": race_locked_task,
    "hash": hash_task,
    "io": io_task,
    "convoy": convoy_task,
}

ASYNC_TASKS = {"sleep": sleep_task_async, "io": io_task_async}


def total(workload, size):
    """The count a task reaches when it is done, in the workload's own units of progress."""
    if workload in ("fib", "convoy"):  # convoy: the CPU tasks' count (the I/O task sets its own as it goes)
        return fib_chunks(size)
    if workload == "sleep":
        return _sleep_steps(size)[0]
    if workload == "task":  # your own function: one step, unless it says otherwise through tick
        return 1
    return int(math.ceil(size))
