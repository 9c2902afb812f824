"""The History table fits its pane whatever it holds: long names, a free-threaded Python, cancelled and failed runs,
more rows than fit (a scrollbar), both languages, and a resize."""

from __future__ import annotations

import pytest
from rich.text import Text

from gil_tui import i18n
from gil_tui.core.speedup import with_speedups
from gil_tui.ui.widgets.history import NONE, SHARE, HistoryTable, cells, fit, header, lost_label
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.workbench import Workbench
from tests.app.fixed_results import FREE, PYTHON, result

from .conftest import sync

SIZES = [(80, 24), (100, 30), (120, 40)]


def session():
    """A session that strains every column: the longest workload and mode names, 3.13t GIL off, six-figure losses,
    a cancelled race (its counter stopped half way) and a failed run."""
    return [
        result("sequential", 1.234, 1.2, 400_000, workers=20),
        result("threads", 0.163, 0.1, 164_860),
        result("interpreters", 12.5, 40.0, workload="race-locked", python=FREE, gil="off"),
        result("processes", 0.5, 1.8, workload="fib", workers=4, size=32),
        result("threads", 0.2, 0.1, 100_000).replace(status="cancelled"),
        result("asyncio", 0.1, 0.1, workload="sleep", workers=10, size=1).replace(status="error", error="boom"),
        result("threads", 0.163, 0.1, 201_655, workers=64, size=1_000_000),
    ]


def test_lost_reads_like_the_result_pane_and_a_stopped_run_has_no_numbers():
    done, cancelled, failed = session()[1], session()[4], session()[5]
    assert lost_label(done) == "235,140 (58.8%)"
    row = cells(1, cancelled)
    assert row["lost"] == row["wall"] == row["speedup"] == NONE
    assert str(row["status"]) == "✗ " + i18n.t("status.cancelled") and isinstance(row["status"], Text)
    assert cells(1, failed)["lost"] == NONE and str(cells(1, failed)["status"]) == "✗ " + i18n.t("status.error")
    assert str(cells(1, done)["status"]) == "✓ " + i18n.t("status.ok")
    assert cells(1, session()[3])["lost"] == ""  # fib counts nothing


def test_the_status_stays_however_narrow():
    rows = [cells(n, r) for n, r in enumerate(session(), 1)]
    assert fit(rows, 4) == ["status"]
    assert fit(rows, 200)[-1] == "status" and len(fit(rows, 200)) == 11  # every column, the switch interval too


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
@sync
async def test_every_shown_column_fits_the_pane(size, lang):
    i18n.set_language("en")
    app = Workbench([PYTHON, FREE], SetupValues(), blink=False, lang=lang)
    try:
        async with app.run_test(size=size) as pilot:
            table = app.query_one(HistoryTable)
            for r in session():
                table.add_result(r)
            await pilot.pause()
            await pilot.pause()
            for step in ("added", "resized", "relabelled"):
                shown = [str(c.label) for c in table.columns.values()]
                used = sum(c.get_render_width(table) for c in table.columns.values())
                room = table.scrollable_content_region.width
                assert used <= room, "%s at %s: %d cells in %d: %r" % (step, size, used, room, shown)
                assert shown[-1] == i18n.t("history.col.status")
                assert i18n.t("history.col.workload") in shown and i18n.t("history.col.mode") in shown
                assert table.max_scroll_x == 0
                if step == "added":
                    await pilot.resize_terminal(size[0] + 7, size[1])  # another width: still fits
                    await pilot.pause()
                    await pilot.resize_terminal(*size)
                    await pilot.pause()
                elif step == "resized":
                    await pilot.press("l")
                    await pilot.pause()
                    await pilot.pause()
    finally:
        i18n.set_language("en")


def test_the_lost_updates_shrink_to_their_share_before_a_column_with_something_to_say_goes():
    """At 100x30 History showed "workload mode lost status" after a race: "235,140 (58.8%)" took the room of the
    run's number and its speedup (issue 11's audit). Now the share alone ("58.8%") stands in for it first."""
    runs = with_speedups([result("sequential", 1.234, 1.2, 400_000, workers=20),
                          result("threads", 0.163, 0.1, 164_860)])
    rows = [cells(n, r) for n, r in enumerate(runs, 1)]
    assert [str(r[SHARE]) for r in rows] == ["0.0%", "58.8%"] and header(SHARE) == header("lost")
    narrow = fit(rows, 52)  # History's room at 100x30
    assert SHARE in narrow and "lost" not in narrow and {"n", "speedup"} <= set(narrow), narrow
    wide = fit(rows, 200)
    assert "lost" in wide and SHARE not in wide, wide
