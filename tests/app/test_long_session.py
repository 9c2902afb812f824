"""A long session: 100 runs back to back in one workbench, driven by Pilot. The app's open files, threads, child
processes and memory stay bounded, and the history keeps every run."""

from __future__ import annotations

import gc

import psutil
import pytest

from gil_tui.ui.widgets.history import HistoryTable

from .conftest import children, sync, until

pytestmark = pytest.mark.slow

RUNS = 100


def usage() -> dict:
    me = psutil.Process()
    gc.collect()
    return {"fds": me.num_fds(), "threads": me.num_threads(), "children": len(children()),
            "rss_mb": me.memory_info().rss / 2 ** 20}


@sync
async def test_a_hundred_runs_in_one_session_stay_bounded(make_app):
    app = make_app(workload="fib", mode="threads", workers=1, size=15)
    seen: dict[int, dict] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        history = app.query_one(HistoryTable)
        for run in range(1, RUNS + 1):
            await pilot.press("r")
            await until(pilot, lambda run=run: history.row_count == run and app.active is None, timeout=30)
            if run in (10, RUNS):
                await pilot.pause()
                seen[run] = usage()
        assert history.row_count == RUNS and len(history.results) == RUNS
        assert all(r.status == "ok" for r in history.results)
    early, late = seen[10], seen[RUNS]
    print("long session: run 10 %s, run %d %s" % (early, RUNS, late))
    assert late["children"] == early["children"] == 0
    assert abs(late["fds"] - early["fds"]) <= 2, seen
    assert abs(late["threads"] - early["threads"]) <= 2, seen
    assert late["rss_mb"] - early["rss_mb"] < 20, seen
