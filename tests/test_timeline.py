"""Timeline analysis, on hand-made lanes and on the lanes real lab runs recorded."""

from __future__ import annotations

import glob
import os
import shutil
import sys

import pytest

from gil_tui.core import timeline
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun, RunSpec


def _free_threaded() -> str | None:
    candidates = [shutil.which(name) for name in ("python3.14t", "python3.13t")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.cache/gil-tui/pythons/*/bin/python3.1*t")))
    for exe in candidates:
        if exe and os.access(exe, os.X_OK):
            return exe
    return None


def _run(mode: str, workers: int, size: int, exe: str = sys.executable, gil: str | None = None) -> dict:
    spec = RunSpec("fib", mode, workers, size, lab_interpreter(exe), gil)
    with LabRun(spec).start() as run:
        result = run.wait(120)
    assert result is not None and result["status"] == "ok", result
    return result


def _skip_unless_each_had_a_core(result: dict) -> None:
    """Overlap needs a free core per task; on a machine busy with other work the premise fails.

    Each task's CPU time / wall time says whether the OS gave it a core throughout: below 0.9
    something else was running there, and that is the machine's state, not the lab's.
    """
    shares = [t["cpu_s"] / t["wall_s"] for t in result["tasks"] if t["cpu_s"] is not None and t["wall_s"]]
    if min(shares) < 0.9:
        pytest.skip("the machine was busy: a task had only %.0f%% of a core" % (100 * min(shares)))


# --- the functions, on lanes whose answer is known ----------------------------------------------

def test_overlap_counts_only_active_slices():
    lanes = [[1, 0, 0, 1, 0, 0], [0, 1, 0, 1, 0, 0]]
    o = timeline.overlap(lanes)
    assert (o.slices, o.active) == (6, 3)
    assert o.exactly_one == pytest.approx(2 / 3)
    assert o.at_most_one == pytest.approx(2 / 3)
    assert o.all_lanes == pytest.approx(1 / 3)
    assert o.mean_active == pytest.approx(4 / 3)


def test_steady_window_is_where_every_lane_runs():
    lanes = [[1, 1, 1, 1, 1, 0, 0], [0, 0, 1, 0, 1, 1, 1]]
    assert timeline.steady_window(lanes) == (2, 5)
    assert timeline.steady_window([[1, 1, 0], [0, 0, 0]]) == (0, 0)  # a lane that never ran
    assert timeline.steady_window([[1, 0, 0], [0, 0, 1]]) == (0, 0)  # one after the other
    assert timeline.steady_overlap(lanes).all_lanes == pytest.approx(2 / 3)


def test_lane_shares_over_the_run():
    lanes = [[0, 1, 0, 1, 0], [0, 0, 1, 0, 0]]  # run window is slices 1..3
    assert timeline.lane_shares(lanes) == pytest.approx([2 / 3, 1 / 3])


def test_downsample_any_and_fraction():
    lane = [1, 0, 0, 0, 0, 0, 1, 1]
    assert timeline.downsample(lane, 4) == [1.0, 0.0, 0.0, 1.0]
    assert timeline.downsample(lane, 2, fraction=True) == [0.25, 0.5]
    assert timeline.downsample(lane, 2, start=4, end=8) == [0.0, 1.0]
    # zoomed in past one slice per cell: each slice spans cells, nothing is invented
    assert timeline.downsample([1, 0], 4) == [1.0, 1.0, 0.0, 0.0]
    assert timeline.downsample([], 3) == [0.0, 0.0, 0.0]
    assert timeline.downsample_all([[1], [0]], 1) == [[1.0], [0.0]]


def test_summary_of_an_empty_timeline():
    assert timeline.summary(None) is None
    assert timeline.summary({"slice_s": 0.0005, "lanes": []}) is None


# --- real runs ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_threads_take_turns_under_the_gil():
    result = _run("threads", 4, 30)
    if not result["interpreter"]["gil_enabled"]:
        pytest.skip("the dev interpreter runs without a GIL")
    lanes = result["timeline"]["lanes"]
    assert len(lanes) == 4
    steady = timeline.steady_overlap(lanes)
    assert steady.active > 100  # enough slices to mean something
    assert steady.at_most_one >= 0.75, steady
    # and each thread made progress in roughly a quarter of the run's slices
    assert all(0.1 <= share <= 0.5 for share in timeline.lane_shares(lanes)), timeline.lane_shares(lanes)


@pytest.mark.slow
def test_processes_overlap():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("needs two cores")
    result = _run("processes", 2, 30)
    _skip_unless_each_had_a_core(result)
    steady = timeline.steady_overlap(result["timeline"]["lanes"])
    assert steady.active > 100
    assert steady.all_lanes >= 0.70, steady


@pytest.mark.slow
def test_free_threaded_threads_overlap():
    exe = _free_threaded()
    if exe is None:
        pytest.skip("no free-threaded interpreter found")
    if (os.cpu_count() or 1) < 2:
        pytest.skip("needs two cores")
    result = _run("threads", 2, 30, exe, gil="off")
    assert result["interpreter"]["gil_enabled"] is False
    _skip_unless_each_had_a_core(result)
    steady = timeline.steady_overlap(result["timeline"]["lanes"])
    assert steady.active > 100
    assert steady.all_lanes >= 0.70, steady


def test_summary_of_a_real_run():
    result = _run("threads", 2, 27)
    s = timeline.summary(result["timeline"])
    assert s is not None
    assert s["slice_s"] == pytest.approx(0.0005)
    assert len(s["lane_shares"]) == 2
    assert 0 <= s["steady_window_s"][0] <= s["steady_window_s"][1] <= result["wall_s"] + 0.001
