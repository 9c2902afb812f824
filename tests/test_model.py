"""The result model: JSON schema 2 both ways, exactly (schema 1 read); frozen records; labels; the speedup module."""

from __future__ import annotations

import dataclasses
import json
import sys

import pytest

from gil_tui.core.matrix import aggregate
from gil_tui.core.model import (
    Choice,
    Counter,
    Python,
    RunResult,
    RunSpec,
    TaskResult,
    Timeline,
    choices_for,
)
from gil_tui.core.probe import Interpreter, lab_interpreter
from gil_tui.core.runner import LabRun
from gil_tui.core.speedup import find_baseline, speedup_over, with_speedup, with_speedups

# the keys of schema 1, in the order the runner has always written them (and a --repeat cell's four after them);
# schema 2 keeps them and adds what the parent measured since, after them, only when measured
MEASURED_KEYS = ["machine_idle", "gil_enabled_end"]
SCHEMA_KEYS = ["schema", "workload", "mode", "workers", "size", "interpreter", "gil", "switch_interval", "status",
               "error", "wall_s", "cpu_s", "cores_used", "speedup", "tasks", "counter", "notes", "timeline"]
REPEAT_KEYS = ["repeat", "wall_s_all", "spread", "warnings"]
# issue 13's optional keys, last, written only when measured: the lab counts hand-overs in every run
HANDOVER_KEYS = ["handovers"]

CLASSIC = Interpreter("/usr/bin/python3.12", "3.12.1", (3, 12, 1), "CPython", False, True, "_interpreters")
FREE = Interpreter("/usr/bin/python3.13t", "3.13.5", (3, 13, 5), "CPython", True, False, "_interpreters")


def real(workload: str, mode: str, workers: int, size: float) -> RunResult:
    with LabRun(RunSpec(workload, mode, workers, size, lab_interpreter(sys.executable))).start() as run:
        r = run.wait(120)
    assert r is not None and r.ok, r
    return r


def assert_round_trips(r: RunResult) -> dict:
    """``r`` to its dict and back, directly and through JSON text: nothing lost, nothing changed."""
    data = r.to_json()
    assert RunResult.from_json(data) == r
    text = json.dumps(data)
    again = RunResult.from_json(json.loads(text))
    assert again == r
    assert json.dumps(again.to_json()) == text  # the same JSON, key for key, in the same order
    return data


@pytest.fixture(scope="module")
def fib() -> RunResult:
    return real("fib", "threads", 2, 15)


def test_a_real_runs_result_round_trips_exactly(fib):
    data = assert_round_trips(fib)
    assert list(data) == SCHEMA_KEYS + MEASURED_KEYS + HANDOVER_KEYS
    assert isinstance(data["machine_idle"], float) and data["gil_enabled_end"] is True
    assert list(data["interpreter"]) == ["executable", "version", "free_threaded", "gil_enabled"]
    assert [list(task) for task in data["tasks"]] == [["index", "done", "total", "wall_s", "cpu_s", "state"]] * 2
    assert list(data["timeline"]) == ["slice_s", "encoding", "slices", "lanes"] and len(data["timeline"]["lanes"]) == 2
    assert data["schema"] == 2 and data["counter"] is None and data["workers"] == 2 and data["size"] == 15
    # typed on the way in, plain JSON on the way out
    assert isinstance(fib.tasks, tuple) and all(isinstance(t, TaskResult) for t in fib.tasks)
    assert isinstance(fib.timeline, Timeline) and isinstance(fib.interpreter, Python)
    assert isinstance(data["tasks"], list) and isinstance(data["notes"], list)
    assert isinstance(data["timeline"]["lanes"], list) and all(isinstance(lane, str)
                                                              for lane in data["timeline"]["lanes"])
    assert all(isinstance(lane, bytes) for lane in fib.timeline.lanes)  # packed in memory too


def test_an_aggregated_cell_round_trips_with_its_repeat_fields():
    runs = [real("race", "threads", 2, 2000) for _ in range(3)]
    cell = aggregate(runs)
    data = assert_round_trips(cell)
    assert list(data) == SCHEMA_KEYS + REPEAT_KEYS + MEASURED_KEYS + HANDOVER_KEYS
    assert data["repeat"] == 3 and data["wall_s_all"] == [r.wall_s for r in runs]
    assert isinstance(data["warnings"], list) and isinstance(data["spread"], float)
    lost = [r.counter.lost for r in runs]
    assert list(data["counter"]) == ["expected", "final", "lost", "lost_all"]
    assert data["counter"]["lost_all"] == lost and cell.counter.lost_all == tuple(lost)
    # a single run has none of the four, and no lost_all
    single = runs[0].to_json()
    assert list(single) == SCHEMA_KEYS + MEASURED_KEYS + HANDOVER_KEYS
    assert list(single["counter"]) == ["expected", "final", "lost"]


def test_an_aggregated_cell_without_warnings_still_writes_all_four_keys():
    base = RunResult("fib", "threads", 2, 20, Python("py", "3.12.1"), status="ok", wall_s=1.0)
    cell = aggregate([base, base.replace(wall_s=1.01)])
    assert cell.warnings == () and cell.repeat == 2
    data = assert_round_trips(cell)
    assert list(data) == SCHEMA_KEYS + REPEAT_KEYS and data["warnings"] == []  # made by hand: no hand-overs


def _valid() -> dict:
    return RunResult("fib", "threads", 2, 20, Python("py", "3.12.1"), status="ok", wall_s=1.0).to_json()


@pytest.mark.parametrize("data", [
    None, [], "a result", 1, {},
    {"schema": 1},
    dict(_valid(), schema=3),
    dict(_valid(), schema="1"),
    dict(_valid(), interpreter="3.12.1"),
    {k: v for k, v in _valid().items() if k != "workload"},
    {k: v for k, v in _valid().items() if k != "wall_s"},
    dict(_valid(), interpreter={"executable": "py"}),
    dict(_valid(), workers="two"),
    dict(_valid(), wall_s="soon"),
    dict(_valid(), tasks=5),
    dict(_valid(), counter={"expected": 1}),
    dict(_valid(), timeline={"lanes": []}),
], ids=lambda data: repr(data)[:40])
def test_from_json_refuses_what_is_not_a_result(data):
    with pytest.raises((ValueError, KeyError, TypeError)):
        RunResult.from_json(data)


def test_records_are_frozen(fib):
    with pytest.raises(dataclasses.FrozenInstanceError):
        fib.wall_s = 0.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fib.interpreter.version = "2.7"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fib.tasks[0].done = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Counter(10, 9, 1).lost = 0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        fib.tasks.append(fib.tasks[0])  # type: ignore[attr-defined]
    changed = fib.replace(wall_s=123.0)
    assert changed.wall_s == 123.0 and fib.wall_s != 123.0 and changed.tasks is fib.tasks


def test_python_labels_for_gil_and_free_threaded_builds():
    gil = Python("/usr/bin/python3.12", "3.12.1", False, True)
    assert (gil.label, gil.short_label, gil.gil_held) == ("3.12.1", "3.12", True)
    off = Python("/usr/bin/python3.13t", "3.13.5", True, False)
    assert (off.label, off.short_label, off.gil_held) == ("3.13.5t GIL off", "3.13t GIL off", False)
    on = Python("/usr/bin/python3.13t", "3.13.5", True, True)
    assert (on.label, on.short_label, on.gil_held) == ("3.13.5t GIL on", "3.13t GIL on", True)
    unknown = Python("python", "3.9.18", None, None)  # an old file that did not say: a GIL
    assert (unknown.label, unknown.gil_held) == ("3.9.18", True)
    r = RunResult("fib", "threads", 2, 20, off)
    assert (r.python_label, r.gil_held) == ("3.13.5t GIL off", False)


def test_a_specs_python_carries_its_gil_setting():
    assert RunSpec("fib", "threads", 2, 20, FREE, gil="on").python == Python(FREE.executable, "3.13.5", True, True)
    assert RunSpec("fib", "threads", 2, 20, FREE).python.gil_enabled is False  # the build's default
    assert RunSpec("fib", "threads", 2, 20, CLASSIC).python.label == "3.12.1"


def test_choice_labels():
    assert Choice(CLASSIC).label == "3.12"
    assert Choice(FREE, "off").label == "3.13t (GIL off)"
    assert Choice(FREE, "on").label == "3.13t (GIL on)"
    assert Choice(FREE).label == "3.13t (GIL off)"  # the build's default
    assert Choice(CLASSIC).gil_shown is None and Choice(FREE, "on").gil_shown == "on"


def test_choices_for_lists_a_free_threaded_build_twice_and_a_binary_once():
    choices = choices_for([CLASSIC, FREE, CLASSIC])
    assert [(c.interpreter, c.gil) for c in choices] == [(CLASSIC, None), (FREE, "off"), (FREE, "on")]


def test_core_shares_and_lost_pct():
    tasks = (TaskResult(0, 1, 1, 2.0, 1.0, "ok"), TaskResult(1, 1, 1, None, 1.0, "ok"),
             TaskResult(2, 1, 1, 1.0, None, "ok"), TaskResult(3, 1, 1, 0.0, 0.5, "ok"))
    r = RunResult("fib", "threads", 4, 20, Python("py", "3.12.1"), tasks=tasks)
    assert r.core_shares == [0.5] and [t.core_share for t in tasks] == [0.5, None, None, None]
    assert Counter(200, 150, 50).lost_pct == 25.0 and Counter(0, 0, 0).lost_pct == 0.0


# --- speedup -------------------------------------------------------------------------------------

def run(mode: str, wall: float | None, *, workload: str = "fib", size: float = 20, workers: int = 2,
        exe: str = "/py", gil: str | None = None, status: str = "ok", speedup: float | None = None) -> RunResult:
    return RunResult(workload, mode, workers, size, Python(exe, "3.13.5", gil is not None, gil != "off"), gil=gil,
                     status=status, wall_s=wall, speedup=speedup)


def test_with_speedups_divides_within_each_group_only():
    seq, thr = run("sequential", 2.0), run("threads", 1.0)
    others = [
        run("threads", 4.0, workload="race"),  # another workload
        run("threads", 4.0, size=21),  # another size
        run("threads", 4.0, workers=3),  # another number of workers
        run("threads", 4.0, exe="/other"),  # another interpreter
        run("threads", 4.0, gil="off"),  # the same build, another GIL setting
    ]
    seq_off = run("sequential", 8.0, gil="off")
    failed = run("threads", 0.5, status="error")
    results = [seq, thr, *others, seq_off, failed]
    out = with_speedups(results)
    assert out is not results and len(out) == len(results)
    assert [r.speedup for r in out] == [1.0, 2.0, None, None, None, None, 2.0, 1.0, None]
    assert [r.replace(speedup=None) for r in out] == results  # nothing else changed
    assert all(r.speedup is None for r in results)  # and the input is left as it was


def test_with_speedups_takes_the_last_sequential_run_of_a_group_and_ignores_failed_ones():
    out = with_speedups([run("sequential", 3.0), run("sequential", 2.0), run("sequential", 9.0, status="error"),
                         run("threads", 1.0)])
    assert out[-1].speedup == 2.0


def test_with_speedup_gives_a_sequential_run_one():
    assert with_speedup(run("sequential", 2.0), []).speedup == 1.0


def test_with_speedup_over_the_baseline_in_earlier_runs():
    earlier = [run("sequential", 3.0), run("sequential", 9.0, workers=4), run("sequential", 2.0, exe="/other")]
    assert with_speedup(run("threads", 1.5), earlier).speedup == 2.0
    lonely = run("threads", 1.5, workload="race")
    assert with_speedup(lonely, earlier) is lonely  # no baseline: left as it is
    kept = run("threads", 1.5, speedup=7.0)
    assert with_speedup(kept, earlier) is kept  # a speedup it already has stays
    failed = run("threads", 1.5, status="cancelled")
    assert with_speedup(failed, earlier) is failed and with_speedup(run("sequential", None), []).speedup is None


def test_find_baseline_skips_the_result_itself_and_failed_runs():
    seq = run("sequential", 2.0)
    assert find_baseline(seq, [seq]) is None  # a sequential run is not its own baseline
    older, failed, no_wall = run("sequential", 3.0), run("sequential", 1.0, status="error"), run("sequential", None)
    thr = run("threads", 1.0)
    assert find_baseline(thr, [older, failed, no_wall, thr]) is older
    newer = run("sequential", 2.5)
    assert find_baseline(thr, [older, newer, failed]) is newer  # the latest that went fine
    assert find_baseline(thr, [run("sequential", 2.0, gil="on")]) is None  # another GIL setting


def test_speedup_over():
    base, r = run("sequential", 3.0), run("threads", 1.5)
    assert speedup_over(r, base) == 2.0
    assert speedup_over(r, None) is None
    assert speedup_over(r, run("sequential", 3.0, status="error")) is None
    assert speedup_over(run("threads", 1.5, status="error"), base) is None
    assert speedup_over(run("threads", 1.5, speedup=5.0), base) == 5.0  # its own figure first


# --- issue 12 §3 / issue 14 item 16: a compact timeline, packed in memory and in JSON -----------------------------

def test_a_schema_1_result_with_its_timeline_as_lists_still_loads():
    data = dict(_valid(), schema=1, timeline={"slice_s": 0.0005, "lanes": [[0, 1, 1, 0, 7], [1, 0, 0, 0]]})
    r = RunResult.from_json(data)
    assert r.timeline is not None and r.timeline.lanes == (b"\0\1\1\0\1", b"\1\0\0\0")
    again = r.to_json()
    assert again["schema"] == 2 and again["timeline"]["encoding"] == "bitmap-zlib-base64"
    assert RunResult.from_json(again) == r


@pytest.mark.parametrize("n", [0, 1, 7, 8, 9, 1000, 120001])
def test_lanes_pack_and_unpack_exactly(n):
    import random

    from gil_tui.core.model import pack_lane, unpack_lane
    lane = bytes(random.Random(n).getrandbits(1) for _ in range(n))
    assert unpack_lane(pack_lane(lane), n) == lane


@pytest.mark.parametrize("timeline", [
    {"slice_s": 0.0005, "encoding": "bitmap-zlib-base64", "slices": [8], "lanes": ["not base64!"]},
    {"slice_s": 0.0005, "encoding": "bitmap-zlib-base64", "slices": [80], "lanes": ["eJxjYAAAAAIAAQ=="]},
    {"slice_s": 0.0005, "encoding": "bitmap-zlib-base64", "slices": [10 ** 9], "lanes": ["eJxjYAAAAAIAAQ=="]},
    {"slice_s": 0.0005, "encoding": "bitmap-zlib-base64", "slices": [], "lanes": ["eJxjYAAAAAIAAQ=="]},
    {"slice_s": 0.0005, "encoding": "rle", "slices": [1], "lanes": ["x"]},
], ids=["base64", "short", "huge", "no-lengths", "encoding"])
def test_a_damaged_packed_timeline_is_refused(timeline):
    with pytest.raises((ValueError, KeyError, TypeError)):
        RunResult.from_json(dict(_valid(), timeline=timeline))


def test_a_zlib_bomb_is_not_inflated_past_the_lane_it_claims():
    import base64
    import zlib
    bomb = base64.b64encode(zlib.compress(b"\xff" * (50 << 20))).decode()
    with pytest.raises(ValueError):
        RunResult.from_json(dict(_valid(), timeline={"slice_s": 0.0005, "encoding": "bitmap-zlib-base64",
                                                     "slices": [16], "lanes": [bomb]}))


def test_a_repeated_cell_keeps_only_the_median_runs_timeline():
    from gil_tui.core.run_queue import RunQueue
    spec = RunSpec("fib", "threads", 2, 20, CLASSIC)
    queue = RunQueue([spec], repeat=3)
    walls = [3.0, 1.0, 2.0]
    for i, wall in enumerate(walls):
        queue.record(RunResult.of(spec, "ok").replace(wall_s=wall, timeline=Timeline(0.0005, (bytes([i]) * 4,))))
    kept = [r for r in queue._cells[0] if r.timeline is not None]
    assert [r.wall_s for r in kept] == [2.0]  # the median run's, and no other repeat's
    [cell] = queue.results
    assert cell.wall_s == 2.0 and cell.timeline is not None and cell.timeline.lanes == (b"\1" * 4,)


def test_a_64_task_minute_long_result_holds_its_timeline_packed():
    """Issue 14 item 16: a lane is bytes in memory (one per 0.5 ms slice), not a tuple of Python ints."""
    import random
    import tracemalloc
    slots = 120_000  # 60 s
    rng = random.Random(16)
    pattern = [rng.getrandbits(1) for _ in range(4096)]
    data = dict(_valid(), workers=64, timeline={"slice_s": 0.0005, "lanes": [
        (pattern[k:] + pattern[:k]) * (slots // 4096) + pattern[:slots % 4096] for k in range(64)]})
    tracemalloc.start()
    try:
        r = RunResult.from_json(data)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.timeline is not None and len(r.timeline.lanes) == 64 and all(isinstance(lane, bytes)
                                                                           for lane in r.timeline.lanes)
    assert held < 64 * slots * 1.1, held / 2 ** 20  # 7.3 MiB: a byte a slice (58.6 MiB as tuples of ints)
    text = json.dumps(r.to_json())
    assert len(text) < 64 * slots // 8 * 1.4  # a bit a slice, in base64 at worst: 1.3 MB
