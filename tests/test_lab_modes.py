"""The modes, driven through the lab's own ``run_lab`` in this interpreter (processes mode starts real workers)."""

from __future__ import annotations

import sys

import pytest

from gil_tui.lab.board import H_STATE, STATE_NAMES, Board
from gil_tui.lab.catalog import DEFAULT_SWITCH_INTERVAL, MODES
from gil_tui.lab.main import run_lab
from gil_tui.lab.workloads import total


def lab(tmp_path, workload, mode, workers=2, size=None):
    size = {"fib": 18, "sleep": 0.03, "hash": 2, "io": 3}.get(workload, 500) if size is None else size
    path = str(tmp_path / "board")
    board = Board.create(path, workers, slots=1 << 14)
    try:
        cfg = {"board": path, "workload": workload, "mode": mode, "workers": workers, "size": size,
               "switch_interval": DEFAULT_SWITCH_INTERVAL, "scratch_dir": str(tmp_path)}
        result = run_lab(cfg)
        result["board_state"] = STATE_NAMES[board.words[H_STATE]]
        return result
    finally:
        board.close()


@pytest.mark.parametrize("mode", ["sequential", "threads", "asyncio", "processes"])
def test_every_task_finishes_in_every_mode(tmp_path, mode):
    result = lab(tmp_path, "fib", mode)
    assert result["status"] == "ok", result["error"]
    assert result["board_state"] == "ok"
    assert [t["state"] for t in result["tasks"]] == ["ok", "ok"]
    assert [t["done"] for t in result["tasks"]] == [total("fib", 18)] * 2
    assert all(t["wall_s"] > 0 and t["cpu_s"] >= 0 for t in result["tasks"])
    assert result["wall_s"] > 0 and result["cpu_s"] >= 0


@pytest.mark.parametrize("mode", ["sequential", "threads", "asyncio", "processes"])
def test_the_locked_race_is_exact_in_every_mode(tmp_path, mode):
    result = lab(tmp_path, "race-locked", mode, workers=3, size=2000)
    assert result["counter"] == {"expected": 6000, "final": 6000, "lost": 0}


def test_race_plain_counts_through_the_posts_counter_object(tmp_path):
    result = lab(tmp_path, "race-plain", "sequential", workers=2, size=300)
    assert result["counter"] == {"expected": 600, "final": 600, "lost": 0}


def test_sequential_runs_the_tasks_one_after_another(tmp_path):
    result = lab(tmp_path, "sleep", "sequential", workers=3, size=0.05)
    assert result["wall_s"] >= 3 * 0.05
    assert result["status"] == "ok"


@pytest.mark.parametrize("workload", ["sleep", "io", "fib"])
def test_asyncio_says_when_a_task_blocks_the_loop(tmp_path, workload):
    result = lab(tmp_path, workload, "asyncio")
    assert result["status"] == "ok", result["error"]
    blocking = [n for n in result["notes"] if "never awaits" in n]
    assert bool(blocking) == (workload == "fib")


def test_a_failing_task_is_an_error_result_not_a_crash(tmp_path):
    path = str(tmp_path / "board")
    board = Board.create(path, 2, slots=1 << 10)
    try:
        cfg = {"board": path, "workload": "io", "mode": "threads", "workers": 2, "size": 3,
               "switch_interval": DEFAULT_SWITCH_INTERVAL, "scratch_dir": str(tmp_path / "missing")}
        result = run_lab(cfg)
    finally:
        board.close()
    assert result["status"] == "error"
    assert result["error"].startswith("FileNotFoundError")
    assert "and 1 more failed task" in result["error"]
    assert [t["state"] for t in result["tasks"]] == ["error", "error"]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="subinterpreters exist from 3.12")
def test_interpreters_mode_names_the_version_that_lacks_it(tmp_path):
    result = lab(tmp_path, "fib", "interpreters")
    assert result["status"] == "error"
    assert result["error"] == "subinterpreters are not available on Python %d.%d (they need 3.12 or newer)" % (
        sys.version_info[:2])


def test_the_mode_names_are_the_contract():
    assert list(MODES) == ["sequential", "threads", "processes", "asyncio", "interpreters"]
