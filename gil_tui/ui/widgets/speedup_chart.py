"""A comparison's speedups (and lost counter updates) as text bars in ONE widget, grouped GIL vs GIL off.

Interpreters running with a GIL (classic builds, and free-threaded builds with PYTHON_GIL=1) form one group in one
colour; free-threaded builds running without it form the other, so the contrast shows at a glance. Every bar is one
mode against that interpreter's own sequential run; a mark at 1× shows where "no gain" is.
Colours are from the Okabe-Ito palette, which stays distinct for colour-blind readers.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...core.model import RunResult
from ...i18n import t

GIL_STYLE = Style(color="#e69f00", bold=True)  # orange
FREE_STYLE = Style(color="#56b4e9", bold=True)  # sky blue
LOST_STYLE = Style(color="#d55e00", bold=True)  # vermillion
FAILED_STYLE = Style(color="#d55e00", italic=True)
TRACK = Style(color="grey35")
DIM = Style(color="grey62", italic=True)
LABEL = Style(color="grey85")
MIN_BAR = 6


def gil_group(result: RunResult) -> str:
    """"free" for a free-threaded build that really ran without the GIL (as the lab reported), else "gil"."""
    return "free" if result.interpreter.free_threaded and not result.interpreter.gil_enabled else "gil"


def _bars(results: list[RunResult]) -> list[RunResult]:
    """The rows worth a bar: every mode but sequential (always 1×), unless sequential is all there is."""
    others = [r for r in results if r.mode != "sequential"]
    return others or list(results)


def _value(result: RunResult) -> str:
    if not result.ok or result.speedup is None:
        return t("compare.chart.failed", status=result.status or "error")
    return "%.2f×" % result.speedup


def _bar(value: float, scale: float, width: int, style: Style, mark: int | None) -> Text:
    """``value`` as filled cells of ``width`` (eighths for the last one), a dim track and the 1× mark after it."""
    eighths = int(round(max(0.0, value) / scale * width * 8)) if scale > 0 else 0
    eighths = min(eighths, width * 8)
    full, part = divmod(eighths, 8)
    bar = Text("█" * full, style=style)
    if part:
        bar.append(" ▏▎▍▌▋▊▉"[part], style=style)
    for column in range(bar.cell_len, width):
        bar.append("│" if column == mark else " ", style=TRACK)
    return bar


def chart_lines(results: list[RunResult], width: int) -> list[Text]:
    """The chart at ``width`` columns, one Text per line (tests read it the way a person does)."""
    width = max(width, 20)
    rows = _bars(results)
    if not rows:
        return [Text(t("compare.chart.empty"), style=DIM)]
    races = any(r.counter for r in rows)
    labels = {id(r): r.python_label for r in rows}
    label_w = max(len(v) for v in labels.values())
    modes = {id(r): t("mode." + r.mode) for r in rows}  # the names every screen shows ("hilos" in Spanish)
    mode_w = max([len(v) for v in modes.values()] + ([len(t("compare.chart.lost"))] if races else []))
    values = {id(r): _value(r) for r in rows}
    value_w = max(max(len(v) for v in values.values()), len("100.0 %") if races else 0)
    bar_w = max(MIN_BAR, width - 2 - label_w - 1 - mode_w - 1 - 1 - value_w)
    speedups = [r.speedup for r in rows if r.ok and r.speedup is not None]
    scale = max([1.0] + speedups) * 1.05
    mark = int(round(bar_w / scale))
    lines = [Text(t("compare.chart.title"), style=DIM)]
    if races:
        lines.append(Text(t("compare.chart.lost.title"), style=DIM))
    for group, style in (("gil", GIL_STYLE), ("free", FREE_STYLE)):
        members = [r for r in rows if gil_group(r) == group]
        if not members:
            continue
        lines.append(Text("■ " + t("compare.chart.group." + group), style=style))
        previous = None
        for r in members:
            name = labels[id(r)]
            shown = name if name != previous else ""
            previous = name
            line = Text("  ")
            line.append(shown.ljust(label_w), style=LABEL if shown else None)
            line.append(" " + modes[id(r)].ljust(mode_w) + " ")
            if r.ok and r.speedup is not None:
                line.append_text(_bar(r.speedup, scale, bar_w, style, mark))
                line.append(" " + values[id(r)].rjust(value_w), style=style)
            else:
                line.append(values[id(r)] + (": " + str(r.error) if r.error else ""), style=FAILED_STYLE)
            lines.append(line)
            counter = r.counter
            if counter and r.ok:
                pct = counter.lost_pct
                lost = Text("  " + " " * label_w + " " + t("compare.chart.lost").rjust(mode_w) + " ")
                lost.append_text(_bar(pct, 100.0, bar_w, LOST_STYLE, None))
                lost.append((" %.1f %%" % pct).rjust(value_w + 1), style=LOST_STYLE if counter.lost else DIM)
                lines.append(lost)
    for line in lines:
        line.no_wrap = True
        line.overflow = "ellipsis"
        line.truncate(width, overflow="ellipsis")
    return lines


class SpeedupChart(Widget):
    """Shows ``chart_lines`` for the results it is given; as tall as its lines."""

    DEFAULT_CSS = """
    SpeedupChart { height: auto; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.results: list[RunResult] = []

    def show(self, results: list[RunResult]) -> None:
        self.results = list(results)
        self.refresh(layout=True)

    def lines(self, width: int | None = None) -> list[Text]:
        """The lines at ``width``, else at the widget's width (80 before it was ever laid out, e.g. a hidden tab)."""
        return chart_lines(self.results, width or self.content_region.width or 80)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(chart_lines(self.results, width))

    def render(self) -> Text:
        return Text("\n").join(self.lines())
