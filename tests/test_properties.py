"""Property-based tests (hypothesis): the shared-memory progress board and the result encoding.

The board: any interleaving of task ticks, totals and cancel flags, written through ``Reporter`` on one mapping, is
read back consistently through another mapping by ``LabRun.snapshot`` and ``LabRun.timeline``. The encoding: any
result dict survives the JSON export and ``--json`` lines whole, and the CSV export in every field CSV keeps.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gil_tui.core import export
from gil_tui.core.model import RunResult, RunSpec, Timeline
from gil_tui.core.probe import Interpreter
from gil_tui.core.runner import LabRun
from gil_tui.lab.board import H_CANCEL, H_STATE, H_T0, RUNNING, Board, Cancelled, Reporter
from gil_tui.lab.catalog import MODES, WORKLOADS

pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HERE = Interpreter(sys.executable, "3.11.7", (3, 11, 7), "CPython", False, True, None)
SLOTS = 256

# one step: ("tick", task, amount) or ("cancel", on/off)
steps = st.lists(st.one_of(
    st.tuples(st.just("tick"), st.integers(0, 7), st.integers(1, 1000)),
    st.tuples(st.just("cancel"), st.booleans()),
), max_size=60)


@settings(SETTINGS, max_examples=150)
@given(tasks=st.integers(1, 8), totals=st.lists(st.integers(1, 10 ** 9), min_size=8, max_size=8), script=steps)
def test_any_ticks_and_cancels_read_back_consistently(tasks, totals, script):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "board")
        lab = LabRun(RunSpec("fib", "threads", tasks, 10, HERE))
        lab.board = Board.create(path, tasks, slots=SLOTS)  # the parent's side, as LabRun.start makes it
        writer = Board.open(path)  # the lab's side: another mapping of the same file
        try:
            writer.words[H_T0] = time.monotonic_ns()
            writer.words[H_STATE] = RUNNING
            reporters = [Reporter(writer, i, totals[i]) for i in range(tasks)]
            done = [0] * tasks
            cancel = False
            for step in script:
                if step[0] == "cancel":
                    cancel = step[1]
                    writer.words[H_CANCEL] = int(cancel)
                    continue
                _, index, amount = step
                index %= tasks
                try:
                    reporters[index].tick(amount)
                    raised = False
                except Cancelled:
                    raised = True
                done[index] += amount  # the count is stored before the flag is looked at
                assert raised == cancel
                assert reporters[index].cancelled() == cancel
            snap = lab.snapshot()
            assert snap.done == done
            assert snap.total == totals[:tasks]
            assert snap.running and snap.states == ["pending"] * tasks
            assert snap.elapsed_s >= 0
            lanes = lab.timeline(0, SLOTS).lanes
            assert len(lanes) == tasks and all(len(lane) == SLOTS for lane in lanes)
            for lane, count in zip(lanes, done):
                assert set(lane) <= {0, 1}
                assert (1 in lane) == (count > 0)  # a task marks a slice exactly when it made progress
        finally:
            del reporters
            writer.close()
            lab.close()
        assert not os.path.exists(path)


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)  # any text a file can hold as UTF-8
seconds = st.floats(0, 1e6, allow_nan=False, allow_infinity=False)
maybe = st.none
counter = st.builds(lambda e, f: {"expected": e, "final": f, "lost": e - f}, st.integers(0, 10 ** 9),
                    st.integers(0, 10 ** 9))
task = st.fixed_dictionaries({"index": st.integers(0, 63), "done": st.integers(0, 10 ** 6),
                              "total": st.integers(0, 10 ** 6), "wall_s": maybe() | seconds,
                              "cpu_s": maybe() | seconds, "state": st.sampled_from(["ok", "error", "cancelled"])})
single = st.fixed_dictionaries({
    "schema": st.just(1),
    "workload": st.sampled_from(list(WORKLOADS)),
    "mode": st.sampled_from(list(MODES)),
    "workers": st.integers(1, 64),
    "size": st.integers(1, 10 ** 7) | st.floats(0.01, 60, allow_nan=False),
    "interpreter": st.fixed_dictionaries({
        "executable": text.filter(bool), "version": st.from_regex(r"\A3\.[0-9]{1,2}\.[0-9]{1,2}\Z"),
        "free_threaded": st.booleans(), "gil_enabled": st.booleans()}),
    "gil": st.sampled_from([None, "on", "off"]),
    "switch_interval": st.floats(1e-6, 1.0),
    "status": st.sampled_from(["ok", "error", "cancelled"]),
    "error": maybe() | text.filter(bool),
    "wall_s": maybe() | seconds,
    "cpu_s": maybe() | seconds,
    "cores_used": maybe() | seconds,
    "speedup": maybe() | seconds,
    "tasks": st.lists(task, max_size=4),
    "counter": maybe() | counter,
    "notes": st.lists(text, max_size=3),
    "timeline": maybe() | st.fixed_dictionaries({"slice_s": st.just(0.0005),
                                                 "lanes": st.lists(st.lists(st.integers(0, 1), max_size=8),
                                                                   max_size=3)}),
})
repeated = st.fixed_dictionaries({  # a --repeat cell carries all four together
    "repeat": st.integers(2, 50), "spread": seconds, "wall_s_all": st.lists(seconds, min_size=1, max_size=5),
    "warnings": st.lists(text.filter(lambda w: w.strip() == w and w and "|" not in w), max_size=3),
})
results = st.builds(lambda base, extra: {**base, **(extra or {})}, single, st.none() | repeated)
def upgraded(data: dict) -> dict:
    """A generated schema-1 dict as schema 2 writes it: the same keys, the timeline packed."""
    timeline = data["timeline"]
    return dict(data, schema=2, timeline=None if not timeline else Timeline.from_json(timeline).to_json())


CSV_KEEPS = ("schema", "workload", "mode", "workers", "size", "interpreter", "gil", "switch_interval", "status",
             "error", "wall_s", "cpu_s", "cores_used", "speedup", "counter")


@SETTINGS
@given(batch=st.lists(results, min_size=1, max_size=4))
def test_json_export_and_json_lines_round_trip_any_result_whole(batch):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.json")
        typed = [RunResult.from_json(r) for r in batch]
        assert [r.to_json() for r in typed] == [upgraded(r) for r in batch]  # whole, key for key, as schema 2
        export.write(path, typed, {"host": "h", "platform": "p", "cpus": 2, "machine": "x86_64"})
        loaded, machine = export.load(path)
        assert loaded == typed and machine is not None and machine["cpus"] == 2
        with open(path, encoding="utf-8") as f:
            assert json.load(f)["results"] == [upgraded(r) for r in batch]
        lines = os.path.join(tmp, "run.jsonl")
        with open(lines, "w", encoding="utf-8") as f:  # what gil-tui run --json prints
            f.write("".join(json.dumps(r) + "\n" for r in batch))
        assert export.load(lines)[0] == typed


@SETTINGS
@given(batch=st.lists(results, min_size=1, max_size=4))
def test_csv_export_round_trips_every_field_it_keeps(batch):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.csv")
        export.write(path, [RunResult.from_json(r) for r in batch])
        loaded, _ = export.load(path)
    assert len(loaded) == len(batch)
    for before, read in zip(map(upgraded, batch), loaded):
        after = read.to_json()
        assert {k: after[k] for k in CSV_KEEPS} == {k: before[k] for k in CSV_KEEPS}
        if "repeat" in before:
            for key in ("repeat", "spread", "wall_s_all", "warnings"):
                assert after[key] == before[key], key
