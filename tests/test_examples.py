"""The examples under examples/ run with ``gil-tui run --task`` under threads and processes (and a free-threaded
build where there is one), and get the verdict the README promises for each (issue 15)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gil_tui.core.model import RunResult
from gil_tui.core.verdict import verdict

pytestmark = pytest.mark.slow

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")
MODES = "sequential,threads,processes"


def run_example(task: str, python: str, size: str | None = None) -> list[RunResult]:
    args = [sys.executable, "-m", "gil_tui", "run", "--task", os.path.join(EXAMPLES, task), "-m", MODES, "-n", "4",
            "--python", python, "--json"] + (["--size", size] if size else [])
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = [RunResult.from_json(json.loads(line)) for line in proc.stdout.splitlines()]
    assert [r.mode for r in results] == MODES.split(",")
    for r in results:
        assert r.ok and r.task_report is not None and not r.task_report.errors
    return results


def keys(results: list[RunResult]) -> list[str]:
    return [message.key for message in verdict(results)]


def said(results: list[RunResult]) -> str:
    return "\n".join(message.render("en") for message in verdict(results))


def winner_mode(results: list[RunResult]) -> str:
    message = next(m for m in verdict(results) if m.key.startswith("verdict.winner"))
    return message.params["mode"].key.removeprefix("mode.") if "mode" in message.params else "sequential"


@pytest.mark.parametrize("task", ["parser.py:tokenize", "image.py:blur"])
def test_pure_python_is_cpu_bound_under_the_gil(task):
    results = run_example(task, sys.executable)
    assert "verdict.cpu_gil" in keys(results), said(results)
    assert "verdict.waits" not in keys(results)
    for r in results:  # every task of every mode returned the same, safe code
        assert r.task_report is not None and r.task_report.all_same
    assert "verdict.unsafe" not in keys(results)


@pytest.mark.parametrize("task", ["parser.py:tokenize", "image.py:blur"])
def test_pure_python_runs_in_parallel_threads_without_the_gil(task, free_threaded_python):
    results = run_example(task, free_threaded_python + ":gil=off")
    assert "verdict.free_threaded" in keys(results), said(results)
    assert "verdict.cpu_gil" not in keys(results)


def test_zlib_and_hashlib_release_the_gil():
    results = run_example("compress.py:pack", sys.executable)
    assert "verdict.c_code" in keys(results), said(results)
    assert all(r.task_report is not None and r.task_report.all_same for r in results)


def test_socket_round_trips_wait_and_threads_win():
    results = run_example("echo.py:round_trips", sys.executable)
    assert "verdict.waits" in keys(results), said(results)
    assert "verdict.cpu_gil" not in keys(results) and "verdict.c_code" not in keys(results)
    assert winner_mode(results) == "threads", said(results)


def test_socket_round_trips_wait_on_a_free_threaded_build_too(free_threaded_python):
    results = run_example("echo.py:round_trips", free_threaded_python + ":gil=off")
    assert "verdict.waits" in keys(results), said(results)


def test_the_shared_dict_loses_updates_under_threads_only():
    results = run_example("shared_dict.py:total", sys.executable)
    messages = verdict(results)
    unsafe = [m for m in messages if m.key == "verdict.unsafe"]
    assert [m.params["mode"].key for m in unsafe] == ["mode.threads"], said(results)
    sequential, threads, processes = results
    assert sequential.task_report is not None and sequential.task_report.all_same
    assert processes.task_report is not None and processes.task_report.all_same  # a dict per process: safe
    assert sequential.task_report.values[0].repr == str(sum(range(300000)))
    assert threads.task_report is not None and not threads.task_report.all_same


def test_the_shared_dict_is_unsafe_without_the_gil_as_well(free_threaded_python):
    results = run_example("shared_dict.py:total", free_threaded_python + ":gil=off")
    assert "verdict.unsafe" in keys(results), said(results)
