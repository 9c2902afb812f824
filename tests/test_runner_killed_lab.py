"""A lab killed from outside is an error naming the signal, even after its worker processes raised the cancel flag.

Worker processes watch their lab; when it dies they set the board's cancel flag so they stop. The runner must not
read that flag as the user's cancel: only its own ``cancel()`` makes a run "cancelled".
"""

from __future__ import annotations

import os
import signal
import sys
import time

from gil_tui.core.model import RunSpec
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun
from gil_tui.lab.board import H_CANCEL


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_killed_lab_is_an_error_even_when_its_workers_raised_the_cancel_flag():
    spec = RunSpec("sleep", "processes", 2, 30.0, lab_interpreter(sys.executable))
    with LabRun(spec).start() as run:
        assert run.board is not None and run.proc is not None
        wait_for(lambda: min(run.snapshot().done) > 0)  # both worker processes are running their tasks
        os.kill(run.proc.pid, signal.SIGKILL)
        wait_for(lambda: run.board is not None and run.board.words[H_CANCEL] == 1)  # the orphans noticed
        result = run.wait(30)
    assert result is not None
    assert result.status == "error"
    assert result.error is not None and "SIGKILL" in result.error


def test_our_own_cancel_is_still_cancelled():
    spec = RunSpec("sleep", "processes", 2, 30.0, lab_interpreter(sys.executable))
    with LabRun(spec).start() as run:
        wait_for(lambda: min(run.snapshot().done) > 0)
        result = run.cancel()
    assert result.status == "cancelled" and result.error is None
