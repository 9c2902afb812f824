"""One line under the lanes: how late a thread that sleeps 1 ms wakes, live, with a sparkline of the last seconds.

The responsiveness probe (``--probe``, ``p`` in the workbench, always on for the convoy) writes its wake-ups to the
board; the workbench's one timer hands each reading here (``sample``), five times a second. A window without a single
wake-up is drawn as late as the window was long: the probe was still waiting.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.widgets import Static

from ...core.model import RunResult
from ...i18n import t

BLOCKS = "▁▂▃▄▅▆▇█"
KEEP = 40  # samples in the sparkline: 8 s at 5 Hz
LOW_MS, HIGH_MS = 0.1, 100.0  # the sparkline's scale (logarithmic): the OS's noise floor to a long convoy


def block(ms: float) -> str:
    if ms <= LOW_MS:
        return BLOCKS[0]
    share = math.log(min(ms, HIGH_MS) / LOW_MS) / math.log(HIGH_MS / LOW_MS)
    return BLOCKS[min(len(BLOCKS) - 1, int(share * len(BLOCKS)))]


def ms(value: float) -> str:
    return "%.2f ms" % value if value < 10 else "%.0f ms" % value


class ProbeLine(Static):
    DEFAULT_CSS = """
    ProbeLine { height: 1; dock: bottom; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.enabled = False
        self.samples: list[float] = []  # the worst lateness of each window, ms
        self.last: tuple[int, int] | None = None  # wake-ups and summed lateness (µs) at the previous reading
        self.window_s = 0.2
        self.final: RunResult | None = None

    def on_mount(self) -> None:
        self.paint()

    def reset(self, enabled: bool, window_s: float) -> None:
        """A run starts: probing or not."""
        self.enabled, self.window_s = enabled, window_s
        self.samples, self.last, self.final = [], None, None
        self.paint()

    def idle(self, enabled: bool) -> None:
        if self.final is None and self.last is None:
            self.enabled = enabled
            self.paint()

    def sample(self, reading: tuple[int, int, int] | None) -> None:
        if reading is None or not self.enabled:
            return
        wakes, late_us, worst_us = reading
        if not wakes:  # the lab is still starting
            return
        woke = wakes - self.last[0] if self.last is not None else wakes
        self.last = (wakes, late_us)
        self.samples.append(worst_us / 1e3 if woke else self.window_s * 1e3)
        del self.samples[:-KEEP]
        self.paint()

    def show_result(self, result: RunResult) -> None:
        self.final = result
        self.enabled = result.probe is not None
        self.paint()

    def paint(self) -> None:
        self.update(self.text())

    def text(self) -> Text:
        result = self.final
        if result is not None and result.probe is not None and result.probe.p50_ms is not None:
            p = result.probe
            return self._line(Text.assemble(" p50 ", (ms(p.p50_ms or 0.0), "bold"),
                                            " p99 ", (ms(p.p99_ms or 0.0), "bold")))
        if not self.enabled:
            return Text(t("app.probe.off"), style="italic grey50")
        if not self.samples:
            return Text(t("app.probe.waiting"), style="italic grey50")
        return self._line(Text.assemble(" ", (ms(self.samples[-1]), "bold")))

    def _line(self, tail: Text) -> Text:
        """The label, as much of the sparkline as the width leaves (the latest samples), then ``tail``."""
        label = t("app.probe.live") + " "
        room = max(0, (self.size.width or 80) - len(label) - tail.cell_len)
        spark = "".join(block(s) for s in self.samples[-room:]) if room else ""
        return Text.assemble((label, "grey70"), (spark, "yellow"), tail)
