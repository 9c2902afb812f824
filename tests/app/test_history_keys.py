"""Keys read in one go on History: enter (that run back in Setup) and r (run the setup) typed together run the run
that enter loaded, as they do typed apart. Textual ran r, the app's priority binding, as the app read it, while the
table's enter still had to bubble up to the app as a key and come back down as a message."""

from __future__ import annotations

from textual import events

from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.setup import SetupPane

from .conftest import run_to_row, sync, until


@sync
async def test_enter_then_r_in_one_read_runs_the_run_enter_loaded(make_app):
    app = make_app(workload="fib", mode="threads", workers=2, size=18)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_to_row(app, pilot, 1)
        app.query_one(SetupPane).set_value("workers", "3")
        await pilot.pause()
        await run_to_row(app, pilot, 2)
        history = app.query_one(HistoryTable)
        history.focus()
        await pilot.pause()
        history.move_cursor(row=0)
        await pilot.pause()
        for name, character in (("enter", None), ("r", "r")):  # as the driver posts the keys of one read
            app.post_message(events.Key(name, character))
        await until(pilot, lambda: history.row_count == 3)
        assert [r.workers for r in history.results] == [2, 3, 2]
