"""Faults injected for real into the workbench: its lab SIGKILLed in every mode, an interpreter that crashes at
start-up, the terminal resized down to 20x8 and back during a run, and SIGTERM / SIGHUP to ``gil-tui`` in a pty."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

import psutil
import pytest
from test_faults_cli import CRASHING, KILLED, MODES, assert_all_gone, family_of, lab_of, wait_for_progress

from gil_tui.core.probe import lab_interpreter
from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.lanes import RunLanes
from gil_tui.ui.widgets.setup import SetupPane, SetupValues
from gil_tui.ui.workbench import Workbench

from .conftest import children, run_to_row, shown, sync, until

pytestmark = pytest.mark.slow


async def next_run_is_ok(app: Workbench, pilot, runs: int, size: str = "0.05") -> None:
    app.query_one(SetupPane).set_value("size", size)
    await pilot.pause()
    await run_to_row(app, pilot, runs)
    assert app.query_one(HistoryTable).results[-1].status == "ok"


@pytest.mark.parametrize("mode", MODES)
@sync
async def test_the_lab_killed_mid_run_is_shown_as_an_error_and_leaves_nothing(mode, here, pyenv_python):
    interp = lab_interpreter(pyenv_python("3.12")) if mode == "interpreters" else here
    app = Workbench([interp], SetupValues(workload="sleep", mode=mode, workers=2, size=30), blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: sum(app.query_one(RunLanes).done) > 0)
        assert app.active is not None and app.active.lab.proc is not None and app.active.lab.board is not None
        lab = psutil.Process(app.active.lab.proc.pid)
        board = app.active.lab.board.path
        if mode == "processes":
            await until(pilot, lambda: min(app.query_one(RunLanes).done) > 0)
        family = family_of(lab)
        assert len(family) == (3 if mode == "processes" else 1)
        os.kill(lab.pid, signal.SIGKILL)
        await until(pilot, lambda: app.active is None, timeout=10)
        result = app.query_one(HistoryTable).results[0]
        assert result.status == "error" and result.error == KILLED
        assert "SIGKILL" in shown(app, "#details")
        assert_all_gone(family, board)
        assert not children()
        await next_run_is_ok(app, pilot, 2)


@sync
async def test_an_interpreter_that_crashes_at_start_up_is_reported_and_the_app_stays_up(here, tmp_path):
    python = tmp_path / "python3"
    python.write_text(CRASHING.format(python=sys.executable, crash="kill -SEGV $$"))
    python.chmod(0o755)
    crashing = lab_interpreter(str(python))  # answers the probe: the crash comes when the lab starts
    app = Workbench([crashing, here], SetupValues(workload="fib", mode="threads", workers=1, size=15), blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_to_row(app, pilot, 1, timeout=20)
        result = app.query_one(HistoryTable).results[0]
        assert result.status == "error"
        assert result.error == "the lab stopped without a result (killed by SIGSEGV)"
        assert "SIGSEGV" in shown(app, "#details")
        assert not children()
        app.query_one(SetupPane).set_value("python", "1")  # this interpreter: the next run works
        await next_run_is_ok(app, pilot, 2, size="15")


SIZES = [(20, 8), (80, 24), (33, 9), (120, 40), (20, 8), (60, 15), (200, 60), (21, 8)]


@sync
async def test_resizing_down_to_20x8_and_back_during_a_run_keeps_the_result(make_app):
    # a 5 s run: time for a dozen resizes even on a loaded machine, where seeing the first progress can take a while
    app = make_app(workload="sleep", mode="threads", workers=2, size=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: sum(app.query_one(RunLanes).done) > 0)
        resizes = 0
        while app.active is not None and resizes < 12:
            await pilot.resize_terminal(*SIZES[resizes % len(SIZES)])
            await pilot.pause(0.02)
            resizes += 1
        await until(pilot, lambda: app.active is None, timeout=60)
        for size in SIZES + [(80, 24)]:  # and a few more once the result is on screen
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert resizes >= 4, "the run ended before the terminal was resized a few times"
        result = app.query_one(HistoryTable).results[0]
        assert result.status == "ok"
        assert [t.done for t in result.tasks] == [t.total for t in result.tasks]
        assert "Wall %.3f s" % result.wall_s in shown(app, "#details")
        assert app.query_one(RunLanes).done == [t.done for t in result.tasks]
        assert app.size == (80, 24) and not children()


class Pty:
    """gil-tui in a pseudo-terminal of its own, as a person's terminal would run it; the output is drained."""

    def __init__(self, argv: list[str], cols: int = 100, rows: int = 30) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        self.proc = subprocess.Popen([sys.executable, "-m", "gil_tui", *argv], stdin=slave, stdout=slave,
                                     stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while self.master is not None:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO once the program has exited, EBADF once hung up
                return
            if not chunk:
                return
            self.output += chunk

    def hang_up(self) -> None:
        master, self.master = self.master, None
        if master is not None:
            os.close(master)

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.hang_up()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_gil_tui_terminated_mid_run_cancels_quits_and_leaves_nothing(signum):
    term = Pty(["-w", "sleep", "-m", "processes", "-n", "2", "--size", "30", "--run"])
    try:
        lab, board = lab_of(term.proc)
        wait_for_progress(board, 2)
        family = family_of(lab)
        assert len(family) == 3
        t0 = time.monotonic()
        os.kill(term.proc.pid, signum)
        code = term.proc.wait(15)
        stopped_in = time.monotonic() - t0
    finally:
        term.close()
    assert code == 0, bytes(term.output[-2000:])  # quit as q does, not killed by the signal
    assert b"\x1b[?1049l" in term.output  # the terminal was given back: out of the alternate screen
    assert b"Traceback" not in term.output
    assert stopped_in < 3.0
    assert_all_gone(family, board)


def test_gil_tui_whose_terminal_hangs_up_mid_run_leaves_nothing():
    """The SSH session drops: SIGHUP, and the terminal is gone, so every write fails from then on."""
    term = Pty(["-w", "sleep", "-m", "processes", "-n", "2", "--size", "30", "--run"])
    try:
        lab, board = lab_of(term.proc)
        wait_for_progress(board, 2)
        family = family_of(lab)
        os.kill(term.proc.pid, signal.SIGHUP)
        term.hang_up()
        term.proc.wait(15)
    finally:
        term.close()
    assert_all_gone(family, board)
