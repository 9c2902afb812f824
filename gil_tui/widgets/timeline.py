"""Who ran when, drawn in ONE line-API widget: a row per worker, time left to right.

Each cell covers as many recorded slices as it takes to fit the run into the width; its shade is the
share of those slices in which the worker made progress. The detailed timeline (zoom, analysis) is
another pane's job; this one shows turn-taking at a glance.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..app.texts import text

SHADES = " ░▒▓█"
ACTIVE = Style(color="#3b8eea")
LABEL = Style(color="grey70")
NOTE = Style(color="grey50", italic=True)


class TimelineLanes(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    TimelineLanes { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lanes: list[list[int]] = []
        self.slice_s = 0.0005

    def clear(self) -> None:
        self.show([], self.slice_s)

    def show(self, lanes: list[list[int]], slice_s: float) -> None:
        self.lanes = lanes
        self.slice_s = slice_s
        self.virtual_size = Size(0, len(lanes) + 1)
        self.refresh()

    def extend(self, start: int, lanes: list[list[int]]) -> None:
        """Replace everything from slot ``start`` on with freshly read slots (the live view reads increments)."""
        if len(self.lanes) != len(lanes):
            self.lanes = [[] for _ in lanes]
            start = 0
        for mine, new in zip(self.lanes, lanes):
            del mine[start:]
            mine.extend(new)
        self.virtual_size = Size(0, len(lanes) + 1)
        self.refresh()

    @property
    def slots(self) -> int:
        return max((len(lane) for lane in self.lanes), default=0)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self.lanes:
            return Strip([Segment(text("timeline.empty")[:width], NOTE)]).extend_cell_length(width) if y == 0 \
                else Strip.blank(width)
        index = y + int(self.scroll_offset.y)
        label_width = len(text("lane.label", len(self.lanes) - 1)) + 1
        cells = max(1, width - label_width)
        per = max(1, -(-self.slots // cells))  # slices per cell, rounded up so the run fits
        if index == len(self.lanes):
            note = text("timeline.scale", "%g ms" % (per * self.slice_s * 1000))
            return Strip([Segment(note[:width], NOTE)]).extend_cell_length(width)
        if index > len(self.lanes):
            return Strip.blank(width)
        lane = self.lanes[index]
        chars = []
        for start in range(0, len(lane), per):
            chunk = lane[start:start + per]
            share = sum(1 for v in chunk if v) / len(chunk)
            chars.append(SHADES[int(round(share * (len(SHADES) - 1)))])
        segments = [Segment(text("lane.label", index).rjust(label_width - 1) + " ", LABEL),
                    Segment("".join(chars)[:cells], ACTIVE)]
        return Strip(segments).extend_cell_length(width).crop(0, width)
