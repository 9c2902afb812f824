"""Starting, watching, cancelling and collecting one lab run, from the parent side.

Headless: used by ``gil-tui run`` and by the app alike, and never imports textual.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import IO

import psutil

from ..lab import bootstrap
from ..lab.board import (
    DEFAULT_SLICE_NS,
    DEFAULT_SLOTS,
    H_CANCEL,
    H_COUNTER,
    H_PROBE_LATE_US,
    H_PROBE_MAX_US,
    H_PROBE_WAKES,
    H_STATE,
    H_T0,
    PENDING,
    STATE_NAMES,
    T_DONE,
    T_STATE,
    T_TOTAL,
    Board,
)
from ..lab.catalog import RACE_WORKLOADS
from . import usertask
from .model import Counter, RunResult, RunSpec, TaskResult, Timeline

MIN_SLOTS = 1 << 14  # the shortest timeline a board is made with (about 8 s at 0.5 ms) before /dev/shm is "full"
CANCEL_GRACE = 0.35  # seconds the lab gets to stop by itself before its process group is killed
START_TIMEOUT = 30.0  # seconds an interpreter gets to load the lab and start the tasks (the probe already answered)


@dataclass
class Snapshot:
    """What the board says right now: read by the UI's timer, never pushed."""

    elapsed_s: float
    done: list[int]
    total: list[int]
    states: list[str]
    counter: int
    running: bool


@dataclass
class TaskLanes:
    slice_s: float
    lanes: list[bytes] = field(default_factory=list)  # a byte per slice: 1 where the task made progress


def board_dir() -> str:
    """Where boards live: memory-backed /dev/shm when there is one."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK):
        return shm
    return tempfile.gettempdir()


SCRATCH_ENV = "GIL_TUI_SCRATCH_DIR"


def scratch_dir() -> str:
    """Where the io workload writes: $GIL_TUI_SCRATCH_DIR as given (to measure another disk), else a disk-backed
    directory, so fsync waits for a device. A bad directory is the io tasks' error, reported like any other."""
    chosen = os.environ.get(SCRATCH_ENV)
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    for candidate in ("/var/tmp", tempfile.gettempdir()):
        if os.path.isdir(candidate) and os.access(candidate, os.W_OK):
            return candidate
    return tempfile.gettempdir()


class LabRun:
    """One run of the lab process. Use as a context manager: leaving it kills and cleans up."""

    def __init__(self, spec: RunSpec, slice_ns: int = DEFAULT_SLICE_NS, start_timeout: float = START_TIMEOUT):
        self.spec = spec
        self.slice_ns = slice_ns
        self.start_timeout = start_timeout
        self.board: Board | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self._out: IO[bytes] | None = None
        self._err: IO[bytes] | None = None
        self._result: RunResult | None = None
        self._group_reaped = False
        self._cancel_asked = False  # only our own request makes a run "cancelled": workers of a killed lab set the
        # board's cancel flag themselves when they see it gone
        self._final: Snapshot | None = None
        self.started = 0.0
        self.slots_cut = False  # the board's folder had no room for the whole timeline: a shorter one was made
        self._idle0: tuple[float, float] | None = None  # (the machine's idle CPU seconds, monotonic time) at start
        self.outcomes: str | None = None  # your own code: where its tasks leave their outcomes

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> LabRun:
        spec = self.spec
        try:
            self.board = self._create_board()
        except OSError as exc:  # e.g. /dev/shm full or not writable: a failed run, not a traceback
            self._result = self.unfinished("error", "could not create the progress board: %s" % (exc.strerror or exc))
            return self
        path = self.board.path
        cfg = {
            "board": path,
            "workload": spec.workload,
            "mode": spec.mode,
            "workers": spec.workers,
            "size": spec.size,
            "switch_interval": spec.switch_interval,
            "probe": spec.probing,
            "scratch_dir": scratch_dir(),
            "parent": os.getpid(),  # so a lab whose parent died before it looked still notices
        }
        if spec.sizes:
            cfg["sizes"] = list(spec.sizes)  # one size per task
        if spec.task is not None:
            try:
                self.outcomes = usertask.make_outcome_dir(board_dir())
            except OSError as exc:
                self._result = self.unfinished("error", "could not create a directory for the tasks' outcomes: %s"
                                               % (exc.strerror or exc))
                self.close()
                return self
            path_, _, function = spec.task.rpartition(":")
            cfg.update(workload=usertask.WORKLOAD, size=spec.task_arg,
                       task={"path": path_, "function": function, "outcomes": self.outcomes})
        env = dict(os.environ)
        if spec.gil is not None:
            env["PYTHON_GIL"] = "1" if spec.gil == "on" else "0"
        self._out = tempfile.TemporaryFile()
        self._err = tempfile.TemporaryFile()
        self.started = time.monotonic()
        self._idle0 = machine_idle_seconds(), self.started
        try:
            self.proc = subprocess.Popen(
                bootstrap.command(spec.interpreter.executable, "lab", json.dumps(cfg)),
                stdin=subprocess.DEVNULL, stdout=self._out, stderr=self._err, env=env,
                cwd=usertask.working_dir() if spec.task else tempfile.gettempdir(), start_new_session=True)
        except OSError as exc:
            self._result = self.unfinished("error", "could not start %s: %s" % (spec.interpreter.executable, exc))
            self.close()
        return self

    def _create_board(self) -> Board:
        """The board, every page reserved up front. When the board's folder (/dev/shm: 64 MiB in a Docker container,
        less than 64 workers' full timelines) has no room for the whole timeline, a shorter one (down to
        MIN_SLOTS) that fits; the result then says how far its timeline goes."""
        slots = DEFAULT_SLOTS
        while True:
            fd, path = tempfile.mkstemp(prefix="gil-tui-board-", dir=board_dir())
            os.close(fd)
            os.unlink(path)  # Board.create makes it again exclusively, with its own size
            try:
                board = Board.create(path, self.spec.workers, slots=slots, slice_ns=self.slice_ns)
            except OSError as exc:
                if exc.errno != errno.ENOSPC or slots <= MIN_SLOTS:
                    raise
                slots //= 2
                continue
            self.slots_cut = slots < DEFAULT_SLOTS
            return board

    def __enter__(self) -> LabRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def finished(self) -> bool:
        if self._result is not None or self.proc is None or self.proc.poll() is not None:
            return True
        if self._start_overdue():
            self._give_up_start()
            return True
        return False

    def wait(self, timeout: float | None = None) -> RunResult | None:
        """The result once the lab has exited (None if still running after ``timeout``)."""
        if self._result is not None:
            return self._result
        assert self.proc is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._start_overdue():
                return self._give_up_start()
            step = None if deadline is None else max(0.0, deadline - time.monotonic())
            if self._pending():  # wake up in time to notice a lab that never starts
                start_left = max(0.01, self.started + self.start_timeout - time.monotonic())
                step = start_left if step is None else min(step, start_left)
            try:
                self.proc.wait(step)
                return self._collect()
            except subprocess.TimeoutExpired:
                if deadline is not None and time.monotonic() >= deadline:
                    return None

    def _pending(self) -> bool:
        return self.board is not None and self.board.words[H_STATE] == PENDING

    def _start_overdue(self) -> bool:
        return (self._result is None and self.proc is not None and self.proc.poll() is None and self._pending()
                and time.monotonic() - self.started > self.start_timeout)

    def _give_up_start(self) -> RunResult:
        self._kill()
        self._result = self._collect().replace(
            status="error", error="%s did not start the lab within %g s" % (self.spec.interpreter.executable,
                                                                            self.start_timeout))
        return self._result

    def cancel(self) -> RunResult:
        """Ask the lab to stop, kill it if it has not within CANCEL_GRACE; return the cancelled result."""
        if self._result is not None:
            return self._result
        self._cancel_asked = True
        if self.board is not None:
            self.board.words[H_CANCEL] = 1
        assert self.proc is not None
        try:
            self.proc.wait(CANCEL_GRACE)
        except subprocess.TimeoutExpired:
            self._kill()
        result = self._collect()
        if not result.ok:
            self._result = result = result.replace(status="cancelled", error=None)
        return result

    def close(self) -> None:
        """Kill whatever is left of the lab's process group and remove the board file."""
        if self.proc is not None and (self.proc.poll() is None or self.proc.returncode < 0 or self.spec.task):
            self._kill()  # also when a signal killed the lab: its worker processes may live on; and your own code
            # may have forked children that outlive the lab
        if self.outcomes is not None:
            usertask.remove_outcome_dir(self.outcomes)
            self.outcomes = None
        if self.board is not None:
            path = self.board.path
            final = self._read_snapshot(self.board)
            if self._result is not None and self._result.wall_s:
                final.elapsed_s = self._result.wall_s
            final.running = False
            self._final = final
            self.board.close()
            self.board = None
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        for f in (self._out, self._err):
            if f is not None:
                f.close()
        self._out = self._err = None

    def _kill(self) -> None:
        """SIGKILL the lab's whole process group: the lab and any worker processes it started."""
        assert self.proc is not None
        if not self._group_reaped:
            # While the group has members its id cannot be reused, so this reaches only the run's processes.
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._group_reaped = True
        self.proc.wait()

    # -- reading --------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The board now; after close(), the board as it was when closed (so a UI can keep showing it)."""
        board = self.board
        if board is None:
            return self._final_snapshot()
        try:
            return self._read_snapshot(board)
        except ValueError:  # closed by another thread while we read: the views were released
            return self._final_snapshot()

    def _final_snapshot(self) -> Snapshot:
        if self._final is not None:
            return self._final
        n = self.spec.workers
        return Snapshot(0.0, [0] * n, [0] * n, ["pending"] * n, 0, False)

    def _read_snapshot(self, board: Board) -> Snapshot:
        words = board.words
        done, total, states = [], [], []
        for index in range(board.tasks):
            base = board.task_word(index, 0)
            done.append(words[base + T_DONE])
            total.append(words[base + T_TOTAL])
            states.append(STATE_NAMES[words[base + T_STATE]])
        t0 = words[H_T0]
        elapsed = (time.monotonic_ns() - t0) / 1e9 if t0 else 0.0
        return Snapshot(elapsed, done, total, states, words[H_COUNTER], STATE_NAMES[words[H_STATE]] == "running")

    def probe_window(self) -> tuple[int, int, int] | None:
        """The responsiveness probe so far: wake-ups, their lateness added up (µs), and the worst lateness (µs) since
        the last call, which starts a new window. None once the board is gone."""
        board = self.board
        if board is None:
            return None
        try:
            words = board.words
            worst = words[H_PROBE_MAX_US]
            words[H_PROBE_MAX_US] = 0  # the probe raises it again from its next wake-up
            return words[H_PROBE_WAKES], words[H_PROBE_LATE_US], worst
        except ValueError:  # closed by another thread while we read
            return None

    def timeline(self, start_slot: int = 0, end_slot: int | None = None) -> TaskLanes:
        """The recorded activity per task, slots [start_slot, end_slot)."""
        board = self.board
        if board is None:
            return TaskLanes(self.slice_ns / 1e9)
        if end_slot is None:
            t0 = board.words[H_T0]
            end_slot = (time.monotonic_ns() - t0) // self.slice_ns + 1 if t0 else 0
        end_slot = max(start_slot, min(end_slot, board.slots))
        lanes = [bytes(board.lane(i)[start_slot:end_slot]) for i in range(board.tasks)]
        return TaskLanes(self.slice_ns / 1e9, lanes)

    # -- results --------------------------------------------------------------------------------

    def unfinished(self, status: str = "error", error: str | None = None) -> RunResult:
        """A result for a run that never produced one of its own (it failed to start, or was given up on)."""
        return RunResult.of(self.spec, status, error)

    def _collect(self) -> RunResult:
        if self._result is not None:
            return self._result
        assert self.proc is not None and self._out is not None and self._err is not None
        self._out.seek(0)
        self._err.seek(0)
        out = self._out.read().decode("utf-8", "replace").strip().splitlines()
        err = self._err.read().decode("utf-8", "replace").strip().splitlines()
        result = RunResult.of(self.spec)
        lab = None
        if out:
            try:
                lab = json.loads(out[-1])
            except ValueError:
                lab = None
        if not isinstance(lab, dict):
            code = self.proc.returncode
            why = err[-1] if err else (_signal_text(-code) if code < 0 else "exit code %d" % code)
            cancelled = self._cancel_asked
            result = self._from_board(result.replace(status="cancelled" if cancelled else "error",
                                                      error="the lab stopped without a result (%s)" % why))
        else:
            result = result.with_lab_report(lab)
            if not result.tasks:
                result = self._from_board(result)
        if self.outcomes is not None:
            report = usertask.read_outcomes(self.outcomes, self.spec.workers)
            result = result.replace(task_report=report)
            exited = usertask.exit_error(report)
            if exited is not None and result.status != "ok":
                result = result.replace(status="error", error=exited)
        if result.wall_s and result.cpu_s is not None:
            result = result.replace(cores_used=result.cpu_s / result.wall_s)
        if self.slots_cut and self.board is not None:
            note = "the timeline covers at most the first %.0f s: %s had no room for more" % (
                self.board.slots * self.slice_ns / 1e9, os.path.dirname(self.board.path))
            result = result.replace(notes=result.notes + (note,))
        if self._idle0 is not None:
            idle0, t0 = self._idle0
            elapsed = time.monotonic() - t0
            if elapsed > 0:  # other programs are to blame only when this says the machine had no idle core
                result = result.replace(machine_idle=max(0.0, (machine_idle_seconds() - idle0) / elapsed))
        if self.board is not None and result.wall_s:
            slots = int(result.wall_s * 1e9 // self.slice_ns) + 1
            lanes = self.timeline(0, slots).lanes
            result = result.replace(timeline=Timeline(self.slice_ns / 1e9, tuple(lanes)))
        self._result = result
        return result

    def _from_board(self, result: RunResult) -> RunResult:
        """The tasks (and the counter of a race) as the board last showed them: for a lab that said nothing."""
        if self.board is None:
            return result
        snap = self.snapshot()
        states = snap.states
        if not self._cancel_asked:  # tasks of a killed lab mark themselves cancelled; nobody cancelled them
            states = ["error" if state == "cancelled" else state for state in states]
        tasks = tuple(TaskResult(i, snap.done[i], snap.total[i], None, None, states[i])
                      for i in range(len(snap.done)))
        counter = result.counter
        if self.spec.workload in RACE_WORKLOADS:
            expected = sum(snap.done)
            counter = Counter(expected, snap.counter, expected - snap.counter)
        return result.replace(tasks=tasks, counter=counter)


def machine_idle_seconds() -> float:
    """The machine's idle CPU time so far, every core added (waiting for I/O counts as idle: a core was free)."""
    times = psutil.cpu_times()
    return float(times.idle + getattr(times, "iowait", 0.0))


def _signal_text(number: int) -> str:
    try:
        return "killed by %s" % signal.Signals(number).name
    except ValueError:
        return "killed by signal %d" % number
