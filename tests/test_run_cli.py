"""``gil-tui run`` as a person or a script uses it: a real process, its exit code, stdout and stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from gil_tui.lab.catalog import MAX_WORKERS


def gil_tui_run(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", "run", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)


def assert_one_line_usage_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("gil-tui run: error: ")
    for word in words:
        assert word in lines[0]


@pytest.mark.slow
@pytest.mark.parametrize("args, words", [
    (["-w", "nope"], ["unknown workload 'nope'", "race-plain"]),
    (["-m", "nope"], ["unknown mode 'nope'"]),
    (["-m", "threads,nope"], ["unknown mode 'nope'"]),
    (["-m", ","], ["no mode given"]),
    (["-n", "0"], ["workers must be from 1 to %d" % MAX_WORKERS]),
    (["-n", str(MAX_WORKERS + 1)], ["workers must be from 1 to %d, not %d" % (MAX_WORKERS, MAX_WORKERS + 1)]),
    (["-n", "abc"], ["workers must be a whole number"]),
    (["--size", "-1"], ["size must be a positive number, not '-1'"]),
    (["--size", "abc"], ["size must be a positive number, not 'abc'"]),
    (["--size", "0"], ["size must be a positive number, not '0'"]),
    (["--size", "1e18"], ["size for fib is at most 40"]),
    (["--switch-interval", "0"], ["switch interval must be between"]),
    (["--gil", "maybe"], ["--gil must be on", "'maybe'"]),
    (["--python", "/nonexistent/python3"], ["/nonexistent/python3", "does not exist"]),
    (["--python", "no-such-python-here"], ["no-such-python-here", "was not found on PATH"]),
    (["--bogus"], ["unrecognized arguments: --bogus"]),
])
def test_bad_input_is_one_line_and_exit_2(args, words):
    assert_one_line_usage_error(gil_tui_run(*args), *words)


@pytest.mark.parametrize("version", ["2.7", "3.6"])
def test_an_interpreter_older_than_39_is_refused(pyenv_python, version):
    python = pyenv_python(version)
    assert_one_line_usage_error(gil_tui_run("--python", python), "the lab needs Python 3.9 or newer",
                                "Python %s." % version)


def test_gil_off_on_a_gil_build_says_why():
    assert_one_line_usage_error(gil_tui_run("--gil", "off"), "off needs a free-threaded build", "built with the GIL")


def test_a_file_that_is_not_python_is_refused(tmp_path):
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho hello\n")
    fake.chmod(0o755)
    assert_one_line_usage_error(gil_tui_run("--python", str(fake)), "is not a working Python interpreter")


CONTRACT = {
    "schema": int, "workload": str, "mode": str, "workers": int, "size": (int, float), "interpreter": dict,
    "switch_interval": float, "status": str, "error": type(None), "wall_s": float, "cpu_s": float,
    "cores_used": float, "speedup": float, "tasks": list, "counter": dict,
}
TASK = {"index": int, "done": int, "total": int, "wall_s": float, "cpu_s": float}


def test_json_lines_carry_the_contract():
    proc = gil_tui_run("-w", "race", "-m", "sequential,threads", "-n", "2", "--size", "3000", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    results = [json.loads(line) for line in lines]
    assert [r["mode"] for r in results] == ["sequential", "threads"]
    for r in results:
        for key, kind in CONTRACT.items():
            assert isinstance(r[key], kind), (key, r[key])
        assert r["schema"] == 2 and r["status"] == "ok" and r["workload"] == "race" and r["workers"] == 2
        assert r["size"] == 3000
        assert set(r["interpreter"]) >= {"executable", "version", "free_threaded", "gil_enabled"}
        assert r["interpreter"]["executable"] == os.path.realpath(sys.executable) or r["interpreter"][
            "executable"] == sys.executable
        assert isinstance(r["interpreter"]["free_threaded"], bool)
        assert isinstance(r["interpreter"]["gil_enabled"], bool)
        assert r["cores_used"] == pytest.approx(r["cpu_s"] / r["wall_s"])
        assert [t["index"] for t in r["tasks"]] == [0, 1]
        for task in r["tasks"]:
            for key, kind in TASK.items():
                assert isinstance(task[key], kind), (key, task[key])
            assert task["done"] == task["total"] == 3000
        assert set(r["counter"]) == {"expected", "final", "lost"} and r["counter"]["expected"] == 6000
    assert results[0]["speedup"] == 1.0
    assert results[1]["speedup"] == pytest.approx(results[0]["wall_s"] / results[1]["wall_s"])


def test_json_without_a_sequential_run_has_null_speedup_and_counter():
    proc = gil_tui_run("-w", "fib", "-m", "threads", "-n", "1", "--size", "12", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["speedup"] is None and result["counter"] is None


def test_a_task_that_raises_is_status_error_and_exit_1(tmp_path):
    env = dict(os.environ, GIL_TUI_SCRATCH_DIR=str(tmp_path / "no-such-dir"))
    proc = gil_tui_run("-w", "io", "-m", "threads", "-n", "2", "--size", "3", "--json", env=env)
    assert proc.returncode == 1
    result = json.loads(proc.stdout)
    assert result["status"] == "error"
    assert result["error"].startswith("FileNotFoundError: ")
    assert "no-such-dir" in result["error"]
    assert "Traceback" not in proc.stderr


def test_a_task_that_raises_shows_its_message_under_the_table(tmp_path):
    env = dict(os.environ, GIL_TUI_SCRATCH_DIR=str(tmp_path / "no-such-dir"), COLUMNS="200")
    proc = gil_tui_run("-w", "io", "-m", "sequential", "-n", "1", "--size", "3", env=env)
    assert proc.returncode == 1
    assert "sequential (error)" in proc.stdout
    assert "sequential: FileNotFoundError: " in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_interpreters_mode_on_311_is_an_error_with_exit_1(pyenv_python):
    proc = gil_tui_run("-w", "fib", "-m", "interpreters", "-n", "2", "--size", "12", "--json",
                       "--python", pyenv_python("3.11"))
    assert proc.returncode == 1
    result = json.loads(proc.stdout)
    assert (result["status"], result["error"]) == (
        "error", "subinterpreters are not available on Python 3.11 (they need 3.12 or newer)")


def test_the_table_shows_the_counter_and_lost_updates():
    proc = gil_tui_run("-w", "race-locked", "-m", "sequential,threads", "-n", "2", "--size", "2000",
                       env=dict(os.environ, COLUMNS="200"))
    assert proc.returncode == 0, proc.stderr
    assert "4,000/4,000" in proc.stdout and "0 (0.0%)" in proc.stdout
    assert "1.00×" in proc.stdout


def lab_of(proc: psutil.Process, timeout: float = 20) -> tuple[psutil.Process, str]:
    """The lab process started by a gil-tui run and its board path (from the lab's own command line)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in proc.children(recursive=True):
            try:
                cmdline = child.cmdline()
            except psutil.NoSuchProcess:
                continue
            if "lab" in cmdline:
                cfg = json.loads(cmdline[cmdline.index("lab") + 1])
                return child, cfg["board"]
        time.sleep(0.02)
    raise AssertionError("no lab process appeared")


@pytest.mark.slow
@pytest.mark.parametrize("extra", [["--json"], []])
def test_ctrl_c_stops_at_once_exits_130_and_leaves_nothing(extra):
    proc = subprocess.Popen([sys.executable, "-m", "gil_tui", "run", "-w", "sleep", "-m", "processes", "-n", "2",
                             "--size", "30", *extra], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        parent = psutil.Process(proc.pid)
        lab, board = lab_of(parent)
        deadline = time.monotonic() + 20
        while len(lab.children()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        family = [lab] + lab.children(recursive=True)
        assert len(family) == 3 and os.path.exists(board)
        t0 = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
        code = proc.wait(10)
        stopped_in = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate()
    assert code == 130
    assert err.decode().strip().splitlines()[-1] == "gil-tui run: interrupted"
    assert "Traceback" not in err.decode()
    assert "speedup" not in out.decode()  # no empty table for a run that never ended
    assert stopped_in < 1.0  # well under the 30 s the tasks would take; measured ~0.1 s here
    gone, alive = psutil.wait_procs(family, timeout=2)
    assert alive == []
    assert not os.path.exists(board)
