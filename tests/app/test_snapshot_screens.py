"""Snapshot tests of what the workbench opens: the comparison screen (table and chart), the timeline tab, the help
screen and the export dialog, at 80x24 and 120x40.

Deterministic like ``test_snapshots.py``: fixed interpreters and fixed results (``fixed_results.py``) are loaded
instead of running, no clock reaches the screen, and no cursor blinks. Regenerate after a deliberate UI change with
``pytest --snapshot-update tests/app/test_snapshot_screens.py`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import types

import pytest
from textual.widgets import Input

from gil_tui.core.run_queue import RunQueue
from gil_tui.ui import comparison
from gil_tui.ui.comparison import ComparisonScreen
from gil_tui.ui.export_dialog import ExportDialog
from gil_tui.ui.help import HelpScreen
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.widgets.speedup_chart import SpeedupChart
from gil_tui.ui.workbench import Workbench

from .fixed_results import FREE, PYTHON, result, taking_turns

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]
# Some screens again at 120x40 in the full suite only (marked slow, to keep the fast loop fast). They are tests of their
# own, not a slow parameter: syrupy counts the snapshot of a deselected parameter as unused and fails the run.


def app(**preset) -> Workbench:
    values = {"workload": "race", "mode": "threads", "workers": 4, "size": 100000, "switch_interval": 0.0001}
    return Workbench([PYTHON, FREE], SetupValues(**{**values, **preset}), blink=False)


def no_blink(screen) -> None:
    for field in screen.query(Input):
        field.cursor_blink = False


# -- the comparison screen ------------------------------------------------------------------------

WALLS = {  # (python, mode) -> (wall s, cpu s, counter's final value): 3.12 takes turns and loses a
    # few updates, 3.13t without the GIL runs the threads at once and loses most
    ("3.12", "sequential"): (0.0331, 0.0329, 400000),
    ("3.12", "threads"): (0.0412, 0.0405, 391442),
    ("3.13t", "sequential"): (0.0402, 0.0400, 400000),
    ("3.13t", "threads"): (0.0187, 0.0698, 131072),
}


@pytest.fixture
def finished_comparison(monkeypatch):
    """``c`` in the workbench, then the screen as a finished run of its default plan leaves it: 3.12 and 3.13t
    without the GIL, sequential and threads, the race. The clock it reads for "done in … s" is fixed."""
    monkeypatch.setattr(comparison, "time", types.SimpleNamespace(monotonic=lambda: 2.4))

    async def load(pilot, view: bool = False) -> None:
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ComparisonScreen)
        screen.queue = RunQueue(screen.plan())
        while (spec := screen.queue.next()) is not None:
            free = spec.interpreter.free_threaded
            wall, cpu, final = WALLS[("3.13t" if free else "3.12", spec.mode)]
            screen.queue.record(result(spec.mode, wall, cpu, final, workers=spec.workers, size=spec.size,
                                       python=spec.interpreter, gil=spec.gil, switch_interval=spec.switch_interval))
        screen.query_one(SpeedupChart).show(screen.results)  # results: with speedups over each sequential run
        screen._end()  # what the last run's end does: the table filled, "Done: 4 runs in 2.4 s."
        if screen.size.height < comparison.SHORT:
            screen.action_setup(False)  # as a run on a short terminal does: the results get the rows
        if view:
            await pilot.press("v")
        no_blink(screen)
        await pilot.pause()

    return load


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_comparison_table(snap_compare, finished_comparison, size):
    assert snap_compare(app(), terminal_size=size, run_before=finished_comparison)


def test_comparison_chart(snap_compare, finished_comparison):
    async def load(pilot):
        await finished_comparison(pilot, view=True)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=load)


@pytest.mark.slow
def test_comparison_chart_at_120x40(snap_compare, finished_comparison):
    async def load(pilot):
        await finished_comparison(pilot, view=True)

    assert snap_compare(app(), terminal_size=(120, 40), run_before=load)


# -- the timeline tab -----------------------------------------------------------------------------

async def fib_threads_taking_turns(pilot) -> None:
    pilot.app.load_result(result("sequential", 0.52, 0.51, workload="fib", workers=4, size=27))
    pilot.app.load_result(result("threads", 0.55, 0.54, workload="fib", workers=4, size=27,
                                 timeline=taking_turns(4, 1100, 40)))
    await pilot.press("t")
    await pilot.pause()


def test_timeline_of_threads_taking_turns(snap_compare):
    assert snap_compare(app(workload="fib", size=27), terminal_size=(80, 24), run_before=fib_threads_taking_turns)


@pytest.mark.slow
def test_timeline_of_threads_taking_turns_at_120x40(snap_compare):
    assert snap_compare(app(workload="fib", size=27), terminal_size=(120, 40), run_before=fib_threads_taking_turns)


# -- help and export --------------------------------------------------------------------------------

async def open_help(pilot) -> None:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)


def test_help(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_help)


@pytest.mark.slow
def test_help_at_120x40(snap_compare):
    assert snap_compare(app(), terminal_size=(120, 40), run_before=open_help)


def race_session(pilot) -> None:
    pilot.app.load_result(result("sequential", 0.0331, 0.0329, workers=4, size=100000))
    pilot.app.load_result(result("threads", 0.0412, 0.0405, 391442, workers=4, size=100000))


def test_export_dialog(snap_compare):
    async def load(pilot):
        race_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportDialog)
        no_blink(pilot.app.screen)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=load)


def test_export_dialog_refusing_a_name(snap_compare):
    async def load(pilot):
        race_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        no_blink(dialog)
        dialog.query_one(Input).value = "session.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert dialog.error is not None and pilot.app.screen is dialog

    assert snap_compare(app(), terminal_size=(80, 24), run_before=load)
