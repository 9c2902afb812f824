"""A Spanish number ("43 869", thousands grouped with a no-break space) is never split when a text wraps."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from gil_tui.i18n import count_text
from gil_tui.ui._textual_hacks import keep_no_break_spaces

from .conftest import screen_text, sync

NUMBER = count_text(43869, "es")  # "43\u00a0869"
# 30 columns: the line breaks right where the number's no-break space is, unless it is kept
TEXT = "56/s CON TRABAJO DE CPU vs %s/s SOLO: 788× MENOS IDAS Y VUELTAS" % NUMBER


class Paragraph(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(TEXT)


async def lines_at(width: int) -> list[str]:
    app = Paragraph()
    async with app.run_test(size=(width, 10)) as pilot:
        await pilot.pause()
        return [line.rstrip() for line in screen_text(app.query_one(Static)).splitlines() if line.strip()]


@sync
async def test_a_number_grouped_with_a_no_break_space_stays_on_one_line():
    assert NUMBER == "43\u00a0869"
    keep_no_break_spaces()
    for width in range(20, 60):
        lines = await lines_at(width)
        assert any(NUMBER + "/s" in line for line in lines), (width, lines)
        assert " ".join(lines).replace("\u00a0", " ").split() == TEXT.replace("\u00a0", " ").split()
