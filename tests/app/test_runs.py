"""The workbench driven by Pilot: real lab processes, real results read off the app."""

from __future__ import annotations

import dataclasses
import os
import time

import pytest
from textual.widgets import Button, Input

from gil_tui.core.probe import Interpreter
from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.lanes import RunLanes
from gil_tui.ui.widgets.result import ResultPane
from gil_tui.ui.widgets.setup import SetupPane, SetupValues
from gil_tui.ui.workbench import Workbench

from .conftest import children, run_to_row, shown, sync, until


@sync
async def test_fib_runs_to_completion_and_shows_the_result(make_app):
    app = make_app(workload="fib", mode="threads", workers=2, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        result = app.query_one(HistoryTable).results[0]
        assert result.status == "ok" and result.workload == "fib" and result.workers == 2
        assert [t.done for t in result.tasks] == [t.total for t in result.tasks]
        lanes = app.query_one(RunLanes)
        assert lanes.done == lanes.total and all(d > 0 for d in lanes.done) and set(lanes.states) == {"ok"}
        assert shown(app, "#elapsed") == "Run 1 finished."  # one clock after the run: its Wall
        assert "Wall %.3f s" % result.wall_s in shown(app, "#details")
        assert app.active is None and not children()


@pytest.mark.slow
@sync
async def test_the_race_shows_lost_updates_and_speedup_follows_a_sequential_run(make_app):
    app = make_app(workload="race", mode="sequential", workers=20, size=100000)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        app.query_one(SetupPane).set_value("mode", "threads")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        sequential, threads = app.query_one(HistoryTable).results
        assert sequential.counter.lost == 0
        counter = threads.counter
        assert counter.expected == 20 * 100000 and counter.final + counter.lost == counter.expected
        assert counter.lost > 0, "20 threads racing 100000 times each lost nothing"
        assert threads.speedup == sequential.wall_s / threads.wall_s
        banner = app.query_one("#banner")
        assert banner.has_class("-lost")
        # the banner had no size while hidden: its text is on screen after the next layout
        await until(pilot, lambda: "LOST {:,} UPDATES".format(counter.lost) in shown(app, "#banner"), timeout=5)
        assert "{:,}".format(counter.final) in shown(app, "#details")


@pytest.mark.slow
@sync
async def test_cancel_mid_run_stops_fast_and_leaves_nothing(make_app):
    app = make_app(workload="sleep", mode="threads", workers=3, size=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: any(app.query_one(RunLanes).done))
        assert children(), "the lab process should be running"
        board = app.active.lab.board.path
        started = time.monotonic()
        await pilot.press("escape")
        await until(pilot, lambda: app.active is None, timeout=5)
        stopped = time.monotonic() - started
        assert app.query_one(HistoryTable).results[0].status == "cancelled"
        assert "Cancelled." in shown(app, "#details")
        assert not children() and not os.path.exists(board)
        # escape did not wait the 30 s run out; no tighter bound here (a loaded machine is slow, and speed is a
        # benchmark's business, not a unit test's)
        assert stopped < 5.0
        # the next run works
        app.query_one(SetupPane).set_value("size", "0.05")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        assert app.query_one(HistoryTable).results[1].status == "ok"


@pytest.mark.slow
@sync
async def test_quitting_mid_run_leaves_no_process_and_no_board(make_app):
    app = make_app(workload="sleep", mode="processes", workers=2, size=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: any(app.query_one(RunLanes).done))
        assert children()
        board = app.active.lab.board.path
        await pilot.press("q")
    assert not children() and not os.path.exists(board)


@pytest.mark.slow
@sync
async def test_invalid_input_blocks_running_until_fixed(make_app):
    app = make_app(workload="fib", workers=4, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        setup = app.query_one(SetupPane)
        for field, bad in (("workers", "0"), ("workers", "lots"), ("size", "-3"), ("switch", "abc")):
            setup.set_value(field, bad)
            await pilot.pause()
            assert setup.errors.get(field), "%s=%r was accepted" % (field, bad)
            assert app.query_one("#%s-error" % field).has_class("-shown")
            assert app.query_one("#run-button", Button).disabled
            await pilot.press("r")
            await pilot.pause()
            assert app.active is None and app.query_one(HistoryTable).row_count == 0
            setup.set_value(field, {"workers": "2", "size": "22", "switch": "0.005"}[field])
            await pilot.pause()
            assert not setup.errors and not app.query_one("#run-button", Button).disabled


@sync
async def test_typing_into_a_field_shows_the_error_next_to_it(make_app):
    app = make_app(workload="fib", workers=4)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#workers", Input)
        field.focus()
        await pilot.press("end", "0", "0")  # 400 workers: above the cap
        await pilot.pause()
        assert field.value == "400"
        assert "workers must be from 1 to 64" in shown(app, "#workers-error")
        assert app.query_one("#run-button", Button).disabled


@pytest.mark.slow
@sync
async def test_an_interpreter_that_will_not_start_is_reported_and_the_app_stays_up(here):
    gone = Interpreter("/nonexistent/python3", here.version, here.version_info, "CPython", False, True, None)
    app = Workbench([gone, here], SetupValues(workload="fib", mode="threads", workers=1, size=20), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        assert "The run failed: could not start /nonexistent/python3" in shown(app, "#details")
        app.query_one(SetupPane).set_value("python", "1")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        assert app.query_one(HistoryTable).results[1].status == "ok"


@pytest.mark.slow
@sync
async def test_a_lab_error_is_shown_in_the_result_pane_and_the_next_run_works(here):
    if here.version_info >= (3, 12):
        pytest.skip("subinterpreters exist on %s: the lab would not fail" % here.short)
    # the Mode list offers interpreters only where the probe found subinterpreters: this record claims them, and
    # the lab, which looks for itself, refuses
    claims = dataclasses.replace(here, subinterpreters="_xxsubinterpreters")
    app = Workbench([claims], SetupValues(workload="fib", mode="interpreters", workers=1, size=20), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        assert app.query_one(HistoryTable).results[0].status == "error"
        assert "The run failed: subinterpreters are not available on Python" in shown(app, "#details")
        app.query_one(SetupPane).set_value("mode", "threads")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        assert app.query_one(HistoryTable).results[1].status == "ok"


@pytest.mark.slow
@sync
async def test_selecting_a_history_row_shows_that_result_again(make_app):
    app = make_app(workload="fib", mode="sequential", workers=1, size=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        app.query_one(SetupPane).set_value("workload", "race")
        app.query_one(SetupPane).set_value("size", "1000")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        assert "race" in shown(app, "#details")
        table = app.query_one(HistoryTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert "fib · sequential" in shown(app, "#details")
        assert isinstance(app.query_one(ResultPane), ResultPane)


@pytest.mark.slow
@sync
async def test_a_run_of_your_own_code_comes_back_from_history_with_its_function_and_size(make_app):
    task = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples",
                        "compress.py") + ":pack"
    app = make_app(workload="task", task=task, mode="sequential", workers=1, size=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1, timeout=60)
        first = app.query_one(HistoryTable).results[0]
        assert first.status == "ok" and first.task and first.task.endswith("compress.py:pack"), first
        setup = app.query_one(SetupPane)
        for name, value in (("workload", "fib"), ("task", ""), ("size", "25")):
            setup.set_value(name, value)
        await pilot.pause()
        table = app.query_one(HistoryTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert (setup.value("workload"), setup.value("task"), setup.value("size")) == ("task", first.task, "3")
        await pilot.press("r")  # and r runs that function again
        await run_to_row(app, pilot, 2, timeout=60)
        again = table.results[1]
        assert (again.workload, again.task, again.task_arg, again.status) == ("task", first.task, first.task_arg, "ok")
