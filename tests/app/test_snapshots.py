"""Snapshot tests of the workbench: idle, and showing finished runs, at 80x24 and 120x40.

Deterministic: a fixed interpreter and fixed results (``fixed_results.py``) are loaded instead of running, so no real
timing reaches the screen. Regenerate after a deliberate UI change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import pytest

from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.workbench import Workbench

from .fixed_results import PYTHON, result

SIZES = [(80, 24), (120, 40)]


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
