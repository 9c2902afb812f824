"""Seeing the GIL in the workbench: the switch interval, the live timeline and CPU meter, each worker's share of a
core, the post's experiments (keys 1 2 3). Real lab runs, kept short. Languages: ``test_language_switch.py``."""

from __future__ import annotations

import psutil
import pytest
from textual.widgets import Button, Input, Select

from gil_tui.core import timeline
from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.lanes import RunLanes
from gil_tui.ui.widgets.setup import SetupPane
from gil_tui.ui.widgets.timeline import TimelineLanes

from .conftest import children, run_to_row, screen_text, shown, sync, until


@pytest.mark.slow
@sync
async def test_a_switch_preset_reaches_the_run_and_a_lossless_race_is_explained_as_lossless(make_app):
    app = make_app(workload="race-locked", mode="threads", workers=4, size=3000)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#switch-preset", Select).value = "1e-05"
        await pilot.pause()
        assert not app.query_one("#switch", Input).display  # free entry only for "custom…"
        await run_to_row(app, pilot, 1)
        result = app.query_one(HistoryTable).results[0]
        assert result.switch_interval == pytest.approx(1e-05) and result.counter.lost == 0
        details = shown(app, "#details")
        assert "No counter update was lost: 12,000 of 12,000." in details and "switch 10 µs" in details
        assert "were lost" not in details and "LOST" not in shown(app, "#banner")


@sync
async def test_custom_switch_interval_is_free_entry_with_an_inline_error(make_app):
    app = make_app(workload="fib", workers=2, size=20)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#switch-preset", Select).value = "custom"
        await pilot.pause()
        entry = app.query_one("#switch", Input)
        assert entry.display and entry.value == "0.005"
        entry.value = "0.5ms"
        await pilot.pause()
        assert "switch interval must be a number of seconds" in shown(app, "#switch-error")  # core's message
        assert app.query_one("#run-button", Button).disabled
        entry.value = "0.0002"
        await pilot.pause()
        assert app.query_one(SetupPane).spec().switch_interval == 0.0002


@pytest.mark.slow
@sync
async def test_live_timeline_zooms_and_states_the_overlap_and_cpu_is_metered(make_app):
    # 2 s: long enough for a CPU sample (one every 0.5 s) on a loaded machine
    app = make_app(workload="sleep", mode="threads", workers=2, size=2.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "t")
        line = app.query_one(TimelineLanes)
        await until(pilot, lambda: line.slots > 0 and app.active is not None)  # drawn while the run goes
        await until(pilot, lambda: bool(app.query_one("#cpu").percents) or app.active is None)
        assert len(app.query_one("#cpu").percents) == psutil.cpu_count()
        await until(pilot, lambda: app.query_one(HistoryTable).row_count == 1)
        result = app.query_one(HistoryTable).results[0]
        assert line.slots == max(len(lane) for lane in result.timeline.lanes)
        whole = line.scale_label()
        assert "whole run" in whole
        await pilot.press("plus")
        zoomed = line.scale_label()
        assert zoomed != whole and "whole run" not in zoomed and "one cell =" in zoomed
        await pilot.press("left_square_bracket")
        assert line.scale_label() != zoomed  # an earlier window
        await pilot.press("minus", "minus")
        assert "whole run" in line.scale_label()
        # the figure under the lanes, from the lanes read live, is the analysis of the result's lanes
        steady = timeline.steady_overlap(result.timeline.lanes)
        shown_stat = line.stat()
        assert (shown_stat.active, shown_stat.exactly_one, shown_stat.all_lanes) == \
            (steady.active, steady.at_most_one, steady.all_lanes)
        # sleep ticks every 10 ms, less than once a 0.5 ms slice: the footer says the slices cannot show turns
        assert "0.5 ms slices: too coarse" in screen_text(line)


@pytest.mark.slow
@sync
async def test_each_worker_shows_its_share_of_a_core_after_the_run(make_app):
    app = make_app(workload="fib", mode="threads", workers=2, size=23)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        tasks = app.query_one(HistoryTable).results[0].tasks
        lanes = app.query_one(RunLanes)
        assert lanes.shares == [t.cpu_s / t.wall_s for t in tasks]
        text = screen_text(lanes)
        for share in lanes.shares:
            assert "%.0f%% core" % (100 * min(share, 1.0)) in text


@pytest.mark.slow
@sync
async def test_key_3_runs_the_posts_sleep_experiment_and_compares_with_the_post(make_app):
    app = make_app()
    app.preset_size = 0.05
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(RunLanes).focus()
        await pilot.press("3")
        await until(pilot, lambda: app.query_one(HistoryTable).row_count == 2 and app.active is None)
        seq, thr = app.query_one(HistoryTable).results
        assert (seq.workload, seq.mode, thr.mode, thr.workers) == ("sleep", "sequential", "threads", 10)
        details = shown(app, "#details")
        assert "The post: 10.01 s one after another, 1.01 s in threads." in details
        assert "Here: %.2f s one after another, %.2f s in threads." % (seq.wall_s, thr.wall_s) in details


@pytest.mark.slow
@sync
async def test_cancel_stops_a_preset_and_nothing_more_runs(make_app):
    app = make_app()
    app.preset_size = 0.5
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(RunLanes).focus()
        await pilot.press("3")
        await until(pilot, lambda: any(app.query_one(RunLanes).done))
        await pilot.press("escape")
        await until(pilot, lambda: app.active is None, timeout=5)
        await pilot.pause(0.3)
        assert app.active is None and app.query_one(HistoryTable).row_count == 1
        assert app.query_one(HistoryTable).results[0].status == "cancelled"
        assert "cancelled after 0 of 2 runs" in shown(app, "#details") and not children()
