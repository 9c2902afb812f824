"""The progress board: a file-backed mmap shared by the parent, the lab and its workers.

Threads, child processes and subinterpreters all map the same file, so progress costs a store
into memory, never a message. Layout (native int64 words, then one byte per timeline slot):

    header   HEADER_WORDS words
    tasks    TASK_WORDS words per task
    timeline SLOTS bytes per task: 1 where the task made progress during that slice
"""

import errno
import mmap
import os
import time

MAGIC = 0x47494C4C4142  # "GILLAB"
VERSION = 3  # 2: a 32-word header (hand-overs, the probe, the convoy); 3: 12 words per task

# header words
H_MAGIC, H_VERSION, H_TASKS, H_STATE, H_CANCEL, H_COUNTER, H_T0, H_SLICE_NS, H_SLOTS = range(9)
# the last task that made progress (its index + 1; 0: none yet): a task that finds another's id counts a hand-over
H_OWNER = 9
# the responsiveness probe (lab.probe): wake-ups so far, their lateness added up (µs), the worst since the parent
# last read it (µs; the parent sets it back to 0)
H_PROBE_WAKES, H_PROBE_LATE_US, H_PROBE_MAX_US = 10, 11, 12
# the convoy workload: the phase (0 baseline, 1 with CPU work), CPU tasks finished, and the
# I/O task's round trips and nanoseconds alone, then with the CPU tasks
H_PHASE, H_FINISHED = 13, 15
H_ALONE_TRIPS, H_ALONE_NS, H_LOADED_TRIPS, H_LOADED_NS = 16, 17, 18, 19
# the convoy's placement (lab.echo.cores): the core the I/O task and its echo peer were held on, + 1 (0: not held),
# and how many of the sides (the I/O task, the peer, each CPU task) the kernel would not let us hold
H_IO_CORE, H_HOLD_MISSES = 20, 21
HEADER_WORDS = 32

# task words
T_DONE, T_TOTAL, T_START, T_END, T_CPU, T_STATE, T_HANDOVERS, T_READY, T_RUNQ = range(9)
# T_READY: a convoy CPU task computes; T_RUNQ: ns runnable but not on a CPU, -1 where the system does not say
# (Linux's schedstat): time the machine's other load took, not the task's waiting
TASK_WORDS = 12  # nine used, room for more

# states, for the board and for each task
PENDING, RUNNING, DONE, ERROR, CANCELLED = range(5)
STATE_NAMES = ("pending", "running", "ok", "error", "cancelled")

DEFAULT_SLICE_NS = 500000  # 0.5 ms: finer than the default 5 ms switch interval
DEFAULT_SLOTS = 1 << 20  # about 8.7 minutes at 0.5 ms; pages never touched cost nothing


class Cancelled(Exception):
    """Raised inside a task when the parent asked the run to stop."""


def board_size(tasks, slots):
    return (HEADER_WORDS + TASK_WORDS * tasks) * 8 + tasks * slots


def reserve(fd, size):
    """Allocate the file's pages now (posix_fallocate). A file system that cannot (EOPNOTSUPP, EINVAL) is left as it
    is; no room (ENOSPC) or anything else is raised."""
    fallocate = getattr(os, "posix_fallocate", None)
    if fallocate is None:  # not on macOS: pages are then found missing only when touched
        return
    try:
        fallocate(fd, 0, size)
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)):
            raise


class Board:
    """A view of the board file. ``create`` makes it (the parent); ``open`` maps an existing one."""

    def __init__(self, path, fd, mm):
        self.path = path
        self._fd = fd
        self._mm = mm
        header = memoryview(mm)[: HEADER_WORDS * 8].cast("q")
        self.tasks = header[H_TASKS]
        self.slots = header[H_SLOTS]
        header.release()
        words_end = (HEADER_WORDS + TASK_WORDS * self.tasks) * 8
        self.words = memoryview(mm)[:words_end].cast("q")
        self.timeline = memoryview(mm)[words_end:]

    @classmethod
    def create(cls, path: str, tasks: int, slots: int = DEFAULT_SLOTS, slice_ns: int = DEFAULT_SLICE_NS) -> "Board":
        """Make the board file, every page of it reserved: on a full /dev/shm this raises OSError (ENOSPC) here,
        rather than SIGBUS later when a page is first touched. Nothing is left behind on failure."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            size = board_size(tasks, slots)
            os.ftruncate(fd, size)
            reserve(fd, size)
            mm = mmap.mmap(fd, 0)
        except BaseException:
            os.close(fd)
            try:
                os.unlink(path)
            except OSError:
                pass
            raise
        header = memoryview(mm)[: HEADER_WORDS * 8].cast("q")
        header[H_VERSION] = VERSION
        header[H_TASKS] = tasks
        header[H_SLICE_NS] = slice_ns
        header[H_SLOTS] = slots
        header[H_MAGIC] = MAGIC
        header.release()
        return cls(path, fd, mm)

    @classmethod
    def open(cls, path: str) -> "Board":
        fd = os.open(path, os.O_RDWR)
        try:
            mm = mmap.mmap(fd, 0)
        except BaseException:
            os.close(fd)
            raise
        board = cls(path, fd, mm)
        if board.words[H_MAGIC] != MAGIC or board.words[H_VERSION] != VERSION:
            board.close()
            raise ValueError("%s is not a gil-tui progress board" % path)
        return board

    @property
    def fileno(self):
        return self._fd

    def task_word(self, index: int, field: int) -> int:
        return HEADER_WORDS + TASK_WORDS * index + field

    def task(self, index):
        base = HEADER_WORDS + TASK_WORDS * index
        return self.words[base : base + TASK_WORDS].tolist()

    def lane(self, index: int) -> memoryview:
        start = index * self.slots
        return self.timeline[start : start + self.slots]

    def close(self) -> None:
        for view in (self.words, self.timeline):
            view.release()
        try:
            self._mm.close()
        except BufferError:  # a caller still holds a view; the mapping goes when it is collected
            pass
        os.close(self._fd)


class Reporter:
    """What a task calls as it makes progress: one store for the count, one for the timeline."""

    __slots__ = ("words", "lane", "done", "index", "_me", "_done_at", "_hand_at", "_t0", "_slice", "_slots",
                 "_clock")

    def __init__(self, board, index, total):
        self.words = board.words
        self.index = index
        self._me = index + 1
        self._hand_at = board.task_word(index, T_HANDOVERS)
        self.lane = board.lane(index)
        self.done = 0
        self._done_at = board.task_word(index, T_DONE)
        self._t0 = board.words[H_T0]
        self._slice = board.words[H_SLICE_NS]
        self._slots = board.slots
        self._clock = time.monotonic_ns
        self.words[board.task_word(index, T_TOTAL)] = total

    def tick(self, amount=1):
        self.done += amount
        words = self.words
        words[self._done_at] = self.done
        owner = words[H_OWNER]
        if owner != self._me:
            if owner:
                words[self._hand_at] += 1
            words[H_OWNER] = self._me
        slot = (self._clock() - self._t0) // self._slice
        if slot < self._slots:
            self.lane[slot] = 1
        if words[H_CANCEL]:
            raise Cancelled()

    def cancelled(self):
        return self.words[H_CANCEL] != 0
