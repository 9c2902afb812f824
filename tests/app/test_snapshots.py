"""Snapshot tests of the workbench: idle, and showing finished runs, at 80x24 and 120x40.

Deterministic: a fixed interpreter and fixed result dicts are loaded instead of running, so no real
timing reaches the screen. Regenerate after a deliberate UI change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import pytest

from gil_tui.core.model import RunResult
from gil_tui.core.probe import Interpreter
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.workbench import Workbench

PYTHON = Interpreter("/usr/bin/python3.12", "3.12.1", (3, 12, 1), "CPython", False, True, "_interpreters")
SIZES = [(80, 24), (120, 40)]


def result(mode: str, wall: float, cpu: float, final: int) -> RunResult:
    workers, size = 20, 20000
    return RunResult.from_json({
        "schema": 1, "workload": "race", "mode": mode, "workers": workers, "size": size,
        "interpreter": {"executable": PYTHON.executable, "version": PYTHON.version, "free_threaded": False,
                        "gil_enabled": True},
        "gil": None, "switch_interval": 0.0001, "status": "ok", "error": None, "wall_s": wall, "cpu_s": cpu,
        "cores_used": cpu / wall, "speedup": None,
        "tasks": [{"index": i, "done": size, "total": size, "wall_s": wall, "cpu_s": cpu / workers, "state": "ok"}
                  for i in range(workers)],
        "counter": {"expected": workers * size, "final": final, "lost": workers * size - final},
        "notes": [], "timeline": None,
    })


def app() -> Workbench:
    return Workbench([PYTHON], SetupValues(workload="race", mode="threads", workers=20, size=20000,
                                           switch_interval=0.0001), blink=False)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_idle(snap_compare, size):
    assert snap_compare(app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_finished_race(snap_compare, size):
    async def load(pilot):
        pilot.app.load_result(result("sequential", 0.0412, 0.0409, 400000))
        pilot.app.load_result(result("threads", 0.0523, 0.0518, 381964))
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=load)


def test_finished_race_in_spanish(snap_compare):
    async def load(pilot):
        pilot.app.load_result(result("sequential", 0.0412, 0.0409, 400000))
        pilot.app.load_result(result("threads", 0.0523, 0.0518, 381964))
        await pilot.press("l")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=load)
