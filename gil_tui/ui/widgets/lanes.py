"""All worker lanes in ONE line-API widget: a label, a bar, done/total and (after the run) CPU share per worker.

One widget drawing plain segments costs a fraction of one ProgressBar widget per worker, and it is
only refreshed when the numbers changed, so a live run stays cheap for the UI process.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ... import i18n
from ...i18n import t
from ..themes import Styles, styles_of

MIN_BAR = 4


class RunLanes(ScrollView, can_focus=True):
    """One row per worker; scrolls when there are more workers than rows."""

    DEFAULT_CSS = """
    RunLanes { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.done: list[int] = []
        self.total: list[int] = []
        self.states: list[str] = []
        self.shares: list[float | None] = []
        self._columns: tuple[str, int, int, int, list[str]] | None = None  # language, widths, share texts

    # -- data -------------------------------------------------------------------------------------

    def reset(self, workers: int) -> None:
        self.show([0] * workers, [0] * workers, ["pending"] * workers)
        self.scroll_to(0, 0, animate=False)

    def clear(self) -> None:
        self.show([], [], [])

    def show(self, done: list[int], total: list[int], states: list[str],
             shares: list[float | None] | None = None) -> bool:
        """Take new numbers; redraw only if they differ from what is on screen. True if redrawn.

        ``shares``: each worker's CPU time / its wall time, known once the run is over.
        """
        shares = list(shares) if shares else []
        if done == self.done and total == self.total and states == self.states and shares == self.shares:
            return False
        resized = len(done) != len(self.done)
        self.done, self.total, self.states, self.shares = list(done), list(total), list(states), shares
        self._columns = None
        if resized:
            self.virtual_size = Size(0, len(self.done))
        self.refresh()
        return True

    # -- drawing ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + int(self.scroll_offset.y)
        styles = styles_of(self.app)
        base = self.rich_style  # the theme's background (and text colour) under every cell, padding included
        if not self.done:
            return Strip([Segment(t("app.lanes.empty")[:width], styles.note)]).extend_cell_length(width) \
                .apply_style(base) if y == 0 else Strip.blank(width, base)
        if index >= len(self.done):
            return Strip.blank(width, base)
        return Strip(self._lane(index, width, styles), width).crop_extend(0, width, None).apply_style(base)

    def _share(self, index: int) -> str:
        share = self.shares[index] if index < len(self.shares) else None
        # a thread's CPU clock and the wall clock tick differently: a whole core can read as 102 %
        return "" if share is None else i18n.t("app.lanes.share", share=100 * min(share, 1.0))

    def _measure(self) -> tuple[str, int, int, int, list[str]]:
        """The columns every lane lines up on, worked out once per change of numbers or language, not per line."""
        language = i18n.get_language()
        if self._columns is None or self._columns[0] != language:
            label_width = len(i18n.t("app.lane.label", index=len(self.done) - 1))
            count_width = max(len(done_text(*lane)) for lane in zip(self.done, self.total, self.states))
            shares = [self._share(i) for i in range(len(self.done))]
            share_width = max(len(share) for share in shares)
            self._columns = (language, label_width, count_width, share_width + 1 if share_width else 0, shares)
        return self._columns

    def _lane(self, index: int, width: int, styles: Styles) -> list[Segment]:
        _, label_width, count_width, share_width, shares = self._measure()
        bar_width = width - label_width - count_width - share_width - 2
        if bar_width < MIN_BAR * 2:  # narrow: keep the bar and drop the CPU share first
            bar_width += share_width
            share_width = 0
        show_count = bar_width >= MIN_BAR
        if not show_count:
            bar_width = width - label_width - 1
        done, total, state = self.done[index], self.total[index], self.states[index]
        segments = [Segment(t("app.lane.label", index=index).rjust(label_width) + " ", styles.label)]
        segments += bar(done / total if total else 0.0, max(bar_width, 0), styles.states.get(state, styles.label),
                        styles.track)
        if show_count:
            segments.append(Segment(" " + done_text(done, total, state).rjust(count_width), styles.count))
        if show_count and share_width:
            segments.append(Segment(" " + shares[index].rjust(share_width - 1), styles.stat))
        return segments


def done_text(done: int, total: int, state: str) -> str:
    """"1,500/2,000": a lane's steps done of its total, counted as everywhere else. A task that has not started
    has no total yet: "pending" (a sequential run's later lanes read "0/0", as if they had nothing to do)."""
    if total == 0 and done == 0:
        return t("status.pending") if state == "pending" else ""
    return "%s/%s" % (i18n.count_text(done), i18n.count_text(total))


def bar(fraction: float, width: int, style: Style, track: Style) -> list[Segment]:
    """A Rich-style line bar: '━' filled, '╸' for a half cell, a dim ``track`` for the rest."""
    if width <= 0:
        return []
    halves = int(round(max(0.0, min(1.0, fraction)) * width * 2))
    full, half = divmod(halves, 2)
    segments = []
    if full:
        segments.append(Segment("━" * full, style))
    if half:
        segments.append(Segment("╸", style))
    rest = width - full - half
    if rest:
        segments.append(Segment("━" * rest, track))
    return segments


def bar_text(fraction: float, width: int, color: str, track: Style) -> Text:
    """The same bar as Rich Text (for one-line widgets that render Text)."""
    line = Text()
    for segment in bar(fraction, width, Style(color=color), track):
        line.append(segment.text, style=segment.style)
    return line
