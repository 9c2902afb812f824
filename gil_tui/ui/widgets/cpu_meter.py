"""The machine's per-core CPU use while a run goes: one line, a small bar per core.

Fed from the workbench's one timer at a low rate (``gil_tui.cpu_meter`` samples since the last
call); repainted only when a rounded figure changed, never laid out again (fixed height 1).
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ...i18n import t
from ..themes import styles_of
from .lanes import bar_text

BUSY = "#3b8eea"
SHADES = " ▁▂▃▄▅▆▇█"
MIN_BAR = 3


class CpuMeterLine(Widget):
    DEFAULT_CSS = """
    CpuMeterLine { height: 1; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.percents: list[int] = []

    def show(self, percents: list[float]) -> bool:
        """Take a sample (percent per core); repaint only if a whole percent changed. True if repainted."""
        rounded = [int(round(p)) for p in percents]
        if rounded == self.percents:
            return False
        self.percents = rounded
        self.refresh(layout=False)
        return True

    def clear(self) -> None:
        self.show([])

    def render(self) -> Text:
        if not self.percents:
            return Text("")
        width = self.size.width
        ncpu = len(self.percents)
        busy = t("app.cpu.cores", cores=sum(self.percents) / 100.0, ncpu=ncpu)
        label = t("app.cpu.label") + " "
        # a bar and "100%" per core if they fit beside the total, else one shaded cell per core
        per_core = (width - len(label) - len(busy) - 1) // ncpu - 6
        line = Text(label, style="grey70")
        if per_core >= MIN_BAR:
            track = styles_of(self.app).track
            for p in self.percents:
                line.append_text(bar_text(p / 100.0, per_core, BUSY, track))
                line.append(" %3d%% " % p)
        else:
            line.append("".join(SHADES[round(p / 100.0 * (len(SHADES) - 1))] for p in self.percents), style=BUSY)
            line.append(" ")
        line.append(busy, style="grey70")
        line.truncate(width)
        return line
