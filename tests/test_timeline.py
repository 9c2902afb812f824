"""Timeline analysis, on hand-made lanes and on the lanes real lab runs recorded."""

from __future__ import annotations

import glob
import os
import random
import shutil
import sys

import pytest

from gil_tui.core import timeline
from gil_tui.core.model import RunResult, RunSpec
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun


def _free_threaded() -> str | None:
    candidates = [shutil.which(name) for name in ("python3.14t", "python3.13t")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.cache/gil-tui/pythons/*/bin/python3.1*t")))
    for exe in candidates:
        if exe and os.access(exe, os.X_OK):
            return exe
    return None


def _run(mode: str, workers: int, size: int, exe: str = sys.executable, gil: str | None = None) -> RunResult:
    spec = RunSpec("fib", mode, workers, size, lab_interpreter(exe), gil)
    with LabRun(spec).start() as run:
        result = run.wait(120)
    assert result is not None and result.status == "ok", result
    return result


def _skip_unless_each_had_a_core(result: RunResult) -> None:
    """Overlap needs a free core per task; on a machine busy with other work the premise fails.

    Each task's CPU time / wall time says whether the OS gave it a core throughout: below 0.9
    something else was running there, and that is the machine's state, not the lab's.
    """
    shares = [t.cpu_s / t.wall_s for t in result.tasks if t.cpu_s is not None and t.wall_s]
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


def test_overlap_matches_a_slice_by_slice_count():
    """The byte-sum shortcut against counting each slice: uneven lane lengths, marks other than 1, 300 lanes."""
    rng = random.Random(4)
    for n in (1, 2, 3, 64, 300):
        lanes = [[rng.choice((0, 0, 1, 7)) for _ in range(rng.randint(40, 60))] for _ in range(n)]
        start, end = 5, 50
        counts = [sum(1 for lane in lanes if lane[i]) for i in range(start, min(end, *map(len, lanes)))]
        active = [c for c in counts if c]
        o = timeline.overlap(lanes, start, end)
        assert (o.lanes, o.slices, o.active) == (n, len(counts), len(active))
        assert o.exactly_one == pytest.approx(active.count(1) / len(active))
        assert o.all_lanes == pytest.approx(active.count(n) / len(active))
        assert o.mean_active == pytest.approx(sum(active) / len(active))
    assert timeline.overlap([]) == timeline.Overlap(0, 0, 0, 0.0, 0.0, 0.0, 0.0)
    assert timeline.steady_overlap([bytearray([0, 1, 1]), bytearray([1, 1, 0])]).all_lanes == 1.0


# --- real runs ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_threads_take_turns_under_the_gil():
    result = _run("threads", 4, 30)
    if not result.interpreter.gil_enabled:
        pytest.skip("the dev interpreter runs without a GIL")
    lanes = result.timeline.lanes
    assert len(lanes) == 4
    steady = timeline.steady_overlap(lanes)
    assert steady.active > 100  # enough slices to mean something
    assert steady.at_most_one >= 0.75, steady


@pytest.mark.slow
def test_processes_overlap():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("needs two cores")
    result = _run("processes", 2, 30)
    _skip_unless_each_had_a_core(result)
    steady = timeline.steady_overlap(result.timeline.lanes)
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
    assert result.interpreter.gil_enabled is False
    _skip_unless_each_had_a_core(result)
    steady = timeline.steady_overlap(result.timeline.lanes)
    assert steady.active > 100
    assert steady.all_lanes >= 0.70, steady
