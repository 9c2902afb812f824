"""The worker lanes: a lane whose task has not started says so, instead of "0/0" (a sequential run's later lanes
read as tasks with nothing to do)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from gil_tui import i18n
from gil_tui.ui import themes
from gil_tui.ui.widgets.lanes import RunLanes

from .conftest import screen_text, sync


class LanesOnly(App[None]):
    def __init__(self) -> None:
        super().__init__()
        themes.install(self, None)

    def compose(self) -> ComposeResult:
        yield RunLanes()


@sync
async def test_a_lane_not_started_reads_pending_not_zero_of_zero():
    try:
        for lang, word in (("en", "pending"), ("es", "pendiente")):
            i18n.set_language(lang)
            app = LanesOnly()
            async with app.run_test(size=(60, 6)) as pilot:
                lanes = app.query_one(RunLanes)
                lanes.show([100, 52, 0, 0], [100, 100, 0, 0], ["ok", "running", "pending", "cancelled"])
                await pilot.pause()
                lines = screen_text(lanes).splitlines()
                assert lines[0].rstrip().endswith("100/100") and lines[1].rstrip().endswith("52/100"), lines
                assert lines[2].rstrip().endswith(word), lines
                assert "0/0" not in lines[3] and word not in lines[3], lines  # cancelled before it started
    finally:
        i18n.set_language("en")
