"""Who ran when, drawn in ONE line-API widget: a row per worker, time left to right, zoomable.

Each cell covers ``per`` recorded slices (0.5 ms each by default); its shade is the share of them
in which the worker made progress. "Fit" picks the smallest zoom level that shows the whole run;
``+``/``-`` step through ``ZOOM`` and ``[``/``]`` move the window (a zoomed-in live view follows
the newest slices). Under the lanes, fixed at the bottom: the scale, and how often one lane at a
time made progress, with the slice it counts in; or, when the run's switch interval or its tasks' ticks are too
coarse for the slices (``core.explain.timeline_too_coarse``), that it cannot show turn-taking. Rows are cached per
lane and only redrawn when new slices or the view change.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.timeline import Overlap, steady_overlap
from ...i18n import t
from ..themes import styles_of

SHADES = " ░▒▓█"
ZOOM = (1, 2, 4, 10, 20, 40, 100, 200, 400, 1000, 2000, 4000, 10000, 20000)  # slices per cell
FOOTER = 2  # rows under the lanes: the scale, the overlap (one row, merged, when the lanes need the room)
MIN_ACTIVE = 20  # active slices below which the overlap figure says little
_ONE = bytes([0] + [1] * 255)  # translate table: any mark -> 1


def cell_label(seconds: float) -> str:
    if seconds >= 1:
        return "%g s" % round(seconds, 3)
    return "%g ms" % round(seconds * 1000, 3)


class TimelineLanes(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    TimelineLanes { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lanes: list[bytearray] = []
        self.slice_s = 0.0005
        self.zoom: int | None = None  # index into ZOOM; None: fit the whole run
        self.pan: int | None = None  # first slice shown when zoomed in; None: follow the newest
        self._rows: dict[int, tuple[tuple, str]] = {}
        self._stat: tuple[int, Overlap] | None = None
        self.coarse = False  # the slices are too coarse to show turn-taking: say so instead of the figure

    # -- data -------------------------------------------------------------------------------------

    def clear(self) -> None:
        self.zoom = self.pan = None
        self.show([], self.slice_s)

    def show(self, lanes: Sequence[Sequence[int]], slice_s: float, coarse: bool = False) -> None:
        self.lanes = [bytearray(bytes(lane).translate(_ONE)) for lane in lanes]
        self.slice_s = slice_s
        self.coarse = coarse
        self._changed(resized=True)

    def extend(self, start: int, lanes: Sequence[Sequence[int]]) -> bool:
        """Replace everything from slot ``start`` on with freshly read slots. True if anything changed."""
        if len(self.lanes) != len(lanes):
            self.lanes = [bytearray() for _ in lanes]
            start = 0
            resized = True
        else:
            resized = False
        changed = resized
        for mine, new in zip(self.lanes, lanes):
            fresh = bytes(new).translate(_ONE)
            if mine[start:] != fresh:
                del mine[start:]
                mine.extend(fresh)
                changed = True
        if changed:
            self._changed(resized)
        return changed

    def _changed(self, resized: bool) -> None:
        self._stat = None
        if resized:
            self.virtual_size = Size(0, len(self.lanes) + 1)  # scrolling needed only with the one-row footer
        self.refresh()

    @property
    def slots(self) -> int:
        return max((len(lane) for lane in self.lanes), default=0)

    # -- the view ---------------------------------------------------------------------------------

    def _cells(self) -> int:
        return max(1, self.scrollable_content_region.width - self._label_width())

    def _label_width(self) -> int:
        return len(t("app.lane.label", index=max(0, len(self.lanes) - 1))) + 1

    def _fit(self, cells: int) -> int:
        slots = self.slots
        for index, per in enumerate(ZOOM):
            if per * cells >= slots:
                return index
        return len(ZOOM) - 1

    def window(self) -> tuple[int, int]:
        """(first slice shown, slices per cell)."""
        cells = self._cells()
        fit = self._fit(cells)
        if self.zoom is None or self.zoom >= fit:
            return 0, ZOOM[fit]
        per = ZOOM[self.zoom]
        last = max(0, self.slots - per * cells)
        start = last if self.pan is None else max(0, min(self.pan, last))
        return start - start % per, per

    def zoom_in(self) -> None:
        level = self._fit(self._cells()) if self.zoom is None else self.zoom
        self.zoom = max(0, level - 1)
        self.refresh()

    def zoom_out(self) -> None:
        if self.zoom is not None:
            self.zoom += 1
            if self.zoom >= self._fit(self._cells()):
                self.zoom = self.pan = None
        self.refresh()

    def zoom_fit(self) -> None:
        self.zoom = self.pan = None
        self.refresh()

    def move(self, direction: int) -> None:
        """Half a window earlier (-1) or later (+1); reaching the end follows the newest slices again."""
        if self.zoom is None:
            return
        start, per = self.window()
        span = per * self._cells()
        start += direction * span // 2
        self.pan = None if start + span >= self.slots else max(0, start)
        self.refresh()

    def scale_label(self) -> str:
        return self.scale_labels()[0]

    def scale_labels(self) -> list[str]:
        """The scale line, longest first: with the keys, then without them, then the cell size alone."""
        start, per = self.window()
        where = t("app.timeline.fit") if self.zoom is None or per == ZOOM[self._fit(self._cells())] else \
            "%.2f–%.2f s" % (start * self.slice_s, min(self.slots, start + per * self._cells()) * self.slice_s)
        scale = t("app.timeline.scale", cell=cell_label(per * self.slice_s))
        return ["%s · %s · %s" % (scale, where, t("app.timeline.keys")), "%s · %s" % (scale, where), scale]

    def stat(self) -> Overlap:
        """How the lanes overlapped in the steady part of the run: the analysis module's figure, cached per length."""
        if self._stat is None or self._stat[0] != self.slots:
            self._stat = (self.slots, steady_overlap(self.lanes))
        return self._stat[1]

    def stat_label(self, short: bool = False) -> str:
        stat = self.stat()
        if stat.active < MIN_ACTIVE or len(self.lanes) < 2:
            return t("app.timeline.few.short" if short else "app.timeline.few")
        slice_label = cell_label(self.slice_s)  # the resolution: progress per slice, not GIL ownership
        if self.coarse:
            return t("app.timeline.coarse.short" if short else "app.timeline.coarse", slice=slice_label)
        return t("app.timeline.turns.short" if short else "app.timeline.turns", one=100 * stat.exactly_one,
                 lanes=len(self.lanes), all=100 * stat.all_lanes, slice=slice_label)

    # -- drawing ----------------------------------------------------------------------------------

    def _row(self, index: int, start: int, per: int, cells: int) -> str:
        lane = self.lanes[index]
        key = (len(lane), start, per, cells)
        cached = self._rows.get(index)
        if cached is not None and cached[0] == key:
            return cached[1]
        top = len(SHADES) - 1
        chars = []
        for a in range(start, min(len(lane), start + per * cells), per):
            chunk = lane[a:a + per]
            chars.append(SHADES[-(-chunk.count(1) * top // len(chunk))])  # any mark shows, rounded up
        row = "".join(chars)
        self._rows[index] = (key, row)
        return row

    def render_line(self, y: int) -> Strip:
        return self._line(y).apply_style(self.rich_style)  # the theme's background under every cell, padding too

    def _line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        height = self.scrollable_content_region.height
        styles = styles_of(self.app)
        if not self.lanes:
            return Strip([Segment(fit([t("app.timeline.empty")], width), styles.note)]).extend_cell_length(width) \
                if y == 0 else Strip.blank(width)
        rows = FOOTER if height >= len(self.lanes) + FOOTER else 1
        footer = y - (height - rows)
        if rows == 1 and footer == 0:  # one row: the overlap, then the cell size if there is room for it
            stat = self.stat_label(short=True)
            scale = " · " + t("app.timeline.cell", cell=cell_label(self.window()[1] * self.slice_s))
            segments = [Segment(fit([stat], width), styles.stat)]
            if cell_len(stat) + cell_len(scale) <= width:
                segments.append(Segment(scale, styles.note))
            return Strip(segments).extend_cell_length(width)
        if footer == 0:
            return Strip([Segment(fit(self.scale_labels(), width), styles.note)]).extend_cell_length(width)
        if footer == 1:
            text = fit([self.stat_label(), self.stat_label(short=True)], width)
            return Strip([Segment(text, styles.stat)]).extend_cell_length(width)
        index = y + int(self.scroll_offset.y)
        if index >= len(self.lanes):
            return Strip.blank(width)
        label_width = self._label_width()
        cells = max(1, width - label_width)
        start, per = self.window()
        row = self._row(index, start, per, cells)
        segments = [Segment(t("app.lane.label", index=index).rjust(label_width - 1) + " ", styles.label),
                    Segment(row, styles.active)]
        return Strip(segments).extend_cell_length(width).crop(0, width)


def fit(texts: list[str], width: int) -> str:
    """The first of ``texts`` (longest first) that fits in ``width`` cells; else the last one, cut with "…"."""
    for text in texts:
        if cell_len(text) <= width:
            return text
    return set_cell_size(texts[-1], width - 1) + "…" if width > 0 else ""
