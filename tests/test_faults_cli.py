"""Faults injected for real into ``gil-tui run`` and the runner: a killed lab in every mode, SIGTERM and SIGHUP to
gil-tui itself, cancel timing in every mode, and interpreters that crash at start-up.

Each checks what a class in front of a projector would see: a status of ``error`` (or an interrupted exit), no
process of the run left, no board file left, and a next run that works.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from gil_tui.core.model import RunSpec
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun
from gil_tui.lab.board import T_DONE, Board

pytestmark = pytest.mark.slow

MODES = ["sequential", "threads", "processes", "asyncio", "interpreters"]
KILLED = "the lab stopped without a result (killed by SIGKILL)"


def python_for(mode: str, pyenv_python) -> str:
    """Subinterpreters need 3.12+; every other mode runs on the interpreter running the tests."""
    return pyenv_python("3.12") if mode == "interpreters" else sys.executable


def start(argv: list[str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gil_tui", *argv], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            **kwargs)


def lab_of(proc: subprocess.Popen, timeout: float = 30) -> tuple[psutil.Process, str]:
    """The lab process a gil-tui started, and its board path (from the lab's own command line)."""
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in parent.children(recursive=True):
            try:
                cmdline = child.cmdline()
            except psutil.Error:
                continue
            if "lab" in cmdline and cmdline[-1].startswith("{"):
                return child, json.loads(cmdline[-1])["board"]
        assert proc.poll() is None, "gil-tui exited before starting the lab: %s" % (proc.communicate(),)
        time.sleep(0.02)
    raise AssertionError("no lab process appeared")


def wait_for_progress(board_path: str, tasks: int, timeout: float = 30) -> None:
    """Until each of the first ``tasks`` tasks has ticked at least once: the run is really under way."""
    board = Board.open(board_path)
    try:
        deadline = time.monotonic() + timeout
        while any(board.task(i)[T_DONE] == 0 for i in range(tasks)):
            assert time.monotonic() < deadline, "the tasks never started"
            time.sleep(0.01)
    finally:
        board.close()


def family_of(lab: psutil.Process) -> list[psutil.Process]:
    return [lab] + lab.children(recursive=True)


def assert_all_gone(family: list[psutil.Process], board_path: str, timeout: float = 5) -> None:
    gone, alive = psutil.wait_procs(family, timeout=timeout)
    for proc in alive:  # never leave a 30 s run behind, even when the test fails
        proc.kill()
    assert alive == [], alive
    assert not os.path.exists(board_path)


def next_run_works(mode: str, python: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "fib", "--size", "15", "-n", "2", "-m",
                           mode, "--python", python, "--json"], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1])["status"] == "ok"


@pytest.mark.parametrize("mode", MODES)
def test_the_lab_killed_mid_run_is_an_error_and_leaves_nothing(mode, pyenv_python):
    python = python_for(mode, pyenv_python)
    proc = start(["run", "-w", "sleep", "-m", mode, "-n", "2", "--size", "30", "--python", python, "--json"])
    try:
        lab, board = lab_of(proc)
        wait_for_progress(board, 1 if mode == "sequential" else 2)
        family = family_of(lab)
        if mode == "processes":
            assert len(family) == 3, family
        os.kill(lab.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1, err
    result = json.loads(out.splitlines()[-1])
    assert result["status"] == "error" and result["error"] == KILLED
    assert "Traceback" not in err
    assert_all_gone(family, board)
    next_run_works(mode, python)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("live", [False, True], ids=["json", "live"])
def test_gil_tui_run_terminated_cleans_up_and_says_interrupted(signum, live):
    # processes mode: the run has the most to leave behind (the lab and one process per task)
    proc = start(["run", "-w", "sleep", "-m", "processes", "-n", "2", "--size", "30"] + ([] if live else ["--json"]))
    try:
        lab, board = lab_of(proc)
        wait_for_progress(board, 2)
        family = family_of(lab)
        assert len(family) == 3
        t0 = time.monotonic()
        os.kill(proc.pid, signum)  # what a dropped SSH session (SIGHUP) or a service manager (SIGTERM) does
        out, err = proc.communicate(timeout=10)
        stopped_in = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, (proc.returncode, err)
    assert err.strip().splitlines()[-1] == "gil-tui run: interrupted" and "Traceback" not in err
    assert stopped_in < 1.5
    assert_all_gone(family, board)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("workload, size", [("sleep", 30.0), ("io", 100000)])
def test_cancel_stops_every_mode_within_half_a_second(mode, workload, size, pyenv_python):
    """From cancel() to the last process of the run gone, tasks blocked in the kernel included."""
    interp = lab_interpreter(python_for(mode, pyenv_python))
    with LabRun(RunSpec(workload, mode, 2, size, interp)).start() as lab:
        assert lab.board is not None and lab.proc is not None
        path = lab.board.path
        deadline = time.monotonic() + 30
        while lab.snapshot().done[0] == 0 or (mode == "processes" and min(lab.snapshot().done) == 0):
            assert time.monotonic() < deadline and not lab.finished(), "the tasks never started"
            time.sleep(0.01)
        family = family_of(psutil.Process(lab.proc.pid))
        t0 = time.monotonic()
        result = lab.cancel()
        gone, alive = psutil.wait_procs(family, timeout=5)
        stopped_in = time.monotonic() - t0
    print("cancel %s/%s: %.3f s" % (mode, workload, stopped_in))
    assert alive == [] and result.status == "cancelled"
    # the target is 0.5 s; a shared 2-core box gets a generous margin (measured 0.06-0.4 s here)
    assert stopped_in < 1.5
    assert not os.path.exists(path)


CRASHING = """#!/bin/sh
# answers the probe as {python}, then dies when asked to run the lab ($5 is the lab command)
if [ "$5" = lab ]; then
    {crash}
fi
exec {python} "$@"
"""


@pytest.mark.parametrize("crash, message", [
    ("kill -SEGV $$", "the lab stopped without a result (killed by SIGSEGV)"),
    ("exit 139", "the lab stopped without a result (exit code 139)"),
    ("echo 'Fatal Python error: init failed' >&2; exit 1", "the lab stopped without a result (Fatal Python error: "
                                                           "init failed)"),
], ids=["SIGSEGV", "exit-139", "fatal-error"])
def test_an_interpreter_that_crashes_at_start_up_is_a_clear_error(tmp_path, crash, message):
    python = tmp_path / "python3"
    python.write_text(CRASHING.format(python=sys.executable, crash=crash))
    python.chmod(0o755)
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))  # no probe cached from another test
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "fib", "--size", "15", "-n", "1", "-m",
                           "threads", "--python", str(python)], capture_output=True, text=True, timeout=60, env=env,
                          stdin=subprocess.DEVNULL)
    assert time.monotonic() - t0 < 30
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert message in " ".join(proc.stdout.split())
