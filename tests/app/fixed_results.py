"""Fixed interpreters and fixed results for the snapshot tests: nothing measured, so every screenshot is the same.

Results are built in ONE place, ``result()``: written as the lab's schema-1 JSON and loaded the way an export is.
"""

from __future__ import annotations

from gil_tui.core.model import RunResult
from gil_tui.core.probe import Interpreter
from gil_tui.lab.catalog import RACE_WORKLOADS

PYTHON = Interpreter("/usr/bin/python3.12", "3.12.1", (3, 12, 1), "CPython", False, True, "_interpreters")
# a path that exists nowhere, so no link on this machine can fold it into PYTHON
FREE = Interpreter("/opt/fixed/bin/python3.13t", "3.13.1", (3, 13, 1), "CPython", True, False, "_interpreters")
SLICE_S = 0.0005


def result(mode: str, wall: float, cpu: float, final: int | None = None, *, workload: str = "race",
           workers: int = 20, size: float = 20000, python: Interpreter = PYTHON, gil: str | None = None,
           switch_interval: float = 0.0001, timeline: list[list[int]] | None = None) -> RunResult:
    """A finished run. ``final``: the race counter's end value (every update kept when None); ``gil``: "off" or "on"
    for a free-threaded build; ``timeline``: one lane of 0/1 per worker, ``SLICE_S`` apart."""
    total = int(size) if workload in RACE_WORKLOADS else size
    counter = None
    if workload in RACE_WORKLOADS:
        expected = workers * int(size)
        final = expected if final is None else final
        counter = {"expected": expected, "final": final, "lost": expected - final}
    data = {
        "schema": 1, "workload": workload, "mode": mode, "workers": workers, "size": size,
        "interpreter": {"executable": python.executable, "version": python.version,
                        "free_threaded": python.free_threaded,
                        "gil_enabled": python.gil_enabled if gil is None else gil == "on"},
        "gil": gil, "switch_interval": switch_interval, "status": "ok", "error": None, "wall_s": wall, "cpu_s": cpu,
        "cores_used": cpu / wall, "speedup": None,
        "tasks": [{"index": i, "done": total, "total": total, "wall_s": wall, "cpu_s": cpu / workers, "state": "ok"}
                  for i in range(workers)],
        "counter": counter,
        "notes": [], "timeline": None if timeline is None else {"slice_s": SLICE_S, "lanes": timeline},
    }
    return RunResult.from_json(data)


def taking_turns(workers: int, slices: int, turn: int) -> list[list[int]]:
    """Lanes of threads under the GIL: one worker at a time for ``turn`` slices, round robin; at each hand-over the
    worker giving up the GIL and the one taking it both mark the slice."""
    lanes = [[0] * slices for _ in range(workers)]
    for s in range(slices):
        holder = (s // turn) % workers
        lanes[holder][s] = 1
        if s % turn == 0 and s:
            lanes[(holder - 1) % workers][s] = 1
    return lanes
