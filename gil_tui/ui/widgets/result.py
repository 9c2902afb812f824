"""The result pane: the live elapsed time and CPU meter, then the run's numbers and why they came out so.

What it shows is kept as a function of the language (``self._details``), so switching language
re-renders the same result in the other one.
"""

from __future__ import annotations

from typing import Callable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from ...core import convoy, usertask
from ...core.explain import explain
from ...core.model import RunResult
from ...core.validation import sizes_text
from ...core.verdict import verdict
from ...i18n import count_text, t
from ...lab.catalog import WORKLOADS
from .cpu_meter import CpuMeterLine
from .setup import interval_label


def size_label(size: float) -> str:
    """A size without its unit: a whole one counted as everywhere ("2,000,000"), else "1.5"."""
    return count_text(int(size)) if size == int(size) else "%g" % size


def run_size_label(result: RunResult) -> str:
    """A run's size without its unit: its one size, or its sizes per task as typed ("30..34", "30,32")."""
    return sizes_text(result.sizes) if result.sizes else size_label(result.size)


def size_text(workload: str, size: float, sizes: tuple[float, ...] | None = None) -> str:
    """A run's size with its unit: "n=33", "20,000 increments", "1 s", "512 MiB" (counts as the language writes
    them); "n=30..34" for one size per task."""
    spec = WORKLOADS.get(workload)
    shown = sizes_text(sizes) if sizes else size_label(size)
    if spec is None:
        return shown
    return t("app.size." + spec.unit, size=shown)


def mode_name(mode: str) -> str:
    return t("mode." + mode)


def describe(result: RunResult, mode: str | None = None) -> str:
    """"fib · threads · 4 × n=33 · ...": what ran; ``mode`` in place of the result's own (a set of modes)."""
    size = ("—" if result.task_arg is None else str(result.task_arg)) if result.task else size_text(
        result.workload, result.size, result.sizes)
    return t("app.result.what", workload=result.workload_label, mode=mode_name(result.mode) if mode is None else mode,
                workers=result.workers, size=size,
                python=result.interpreter.short_label,
                switch=interval_label(result.interval))


class Pairs:
    """Label-value pairs ("Wall 0.043 s", "CPU 0.048 s", ...) on as few lines as the pane allows, two spaces apart.

    A line breaks only between pairs, so a label never ends one line with its value on the next (Rich's own
    wrapping breaks at any space); a pair wider than the whole pane wraps on its own.
    """

    def __init__(self, *pairs: Text, gap: str | Text = "  ") -> None:
        self.pairs = [pair for pair in pairs if pair.plain]
        self.gap = Text(gap) if isinstance(gap, str) else gap

    def lines(self, width: int) -> list[Text]:
        lines: list[Text] = []
        line = Text()
        for pair in self.pairs:
            if line.plain and line.cell_len + self.gap.cell_len + pair.cell_len > width:
                lines.append(line)
                line = Text()
            if line.plain:
                line.append_text(self.gap)
            line.append_text(pair)
        if line.plain:
            lines.append(line)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((pair.cell_len for pair in self.pairs), default=0)
        whole = sum(pair.cell_len for pair in self.pairs) + self.gap.cell_len * max(0, len(self.pairs) - 1)
        return Measurement(min(widest, options.max_width), min(whole, options.max_width))


def pair(label: str, *value: str | tuple[str, str]) -> Text:
    """A grey label, one space, then its value."""
    return Text.assemble((label + " ", "grey70"), *value)


def numbers(result: RunResult) -> list[RenderableType]:
    """The numbers of a finished run, most important first: status, counter, times, speedup."""
    parts: list[RenderableType] = []
    status = result.status
    if status == "cancelled":
        parts.append(Text(t("app.result.status.cancelled"), style="bold yellow"))
    elif status != "ok":
        parts.append(Text(t("app.result.status.error", error=result.error or "?"), style="bold red"))

    def num(value: float | None, pattern: str) -> str:
        return "—" if value is None else pattern % value

    counter = result.counter
    if counter:
        style = "bold red" if counter.lost > 0 else "bold green"
        parts.append(pair(t("app.result.counter"), (count_text(counter.final), style),
                          " %s %s" % (t("app.result.of"), count_text(counter.expected))))
    parts.append(Pairs(pair(t("app.result.wall"), num(result.wall_s, "%.3f s")),
                       pair(t("app.result.cpu"), num(result.cpu_s, "%.3f s")),
                       pair(t("app.result.cores"), num(result.cores_used, "%.2f"))))
    if result.mode == "sequential" and result.ok:
        speedup = t("app.result.speedup.self")
    elif result.speedup is None:
        speedup = t("app.result.speedup.none")
    else:
        speedup = "%.2f×" % result.speedup
    parts.append(pair(t("app.result.speedup"), (speedup, "bold")))
    parts.append(what_line(describe(result)))
    extra = []  # issue 13: the probe's lateness, and hand-overs beside the switch interval
    if result.probe is not None and result.probe.p50_ms is not None:
        extra.append(pair(t("app.result.probe"), (t("app.result.probe.value", p50=convoy.ms_text(result.probe.p50_ms),
                                                     p99=convoy.ms_text(result.probe.p99_ms)), "bold")))
    per_s = result.handovers_per_s
    # not for your own code: its verdict says what the threads did, and the pane has few rows at 80x24
    if per_s is not None and result.mode == "threads" and result.workers > 1 and not result.task:
        extra.append(pair(t("app.result.handovers"), t("app.result.handovers.value", per_s=count_text(round(per_s)),
                                                       interval=interval_label(result.interval))))
    if extra:
        parts.append(Pairs(*extra))
    for note in result.notes:
        parts.append(Text(t("app.result.notes", note=note), style="italic grey70"))
    return parts


def what_line(what: str, style: str = "grey70") -> Pairs:
    """"fib · threads · 4 × size 33 · ...": broken between its parts, never inside one ("4 ×" / "size 33")."""
    return Pairs(*(Text(part, style=style) for part in what.split(" · ")), gap=Text(" · ", style=style))


class ModeBars:
    """A set of modes side by side, one line each: wall, cores used, and the speedup over the set's sequential run
    as a bar (a mark at 1×, where "no gain" is), as wide as the pane allows. A run that did not finish says so."""

    def __init__(self, results: list[RunResult]) -> None:
        self.results = results

    def lines(self, width: int) -> list[Text]:
        names = [mode_name(r.mode) for r in self.results]
        name_w = max([len(n) for n in names] + [1])
        walls = ["—" if r.wall_s is None or not r.ok else "%.2f s" % r.wall_s for r in self.results]
        cores = ["—" if r.cores_used is None or not r.ok else "%.2f" % r.cores_used for r in self.results]
        speedups = [r.speedup if r.ok else None for r in self.results]
        values = ["—" if v is None else "%.2f×" % v for v in speedups]
        wall_w = max([len(w) for w in walls] + [len(t("app.set.col.wall"))])
        cores_w = max([len(c) for c in cores] + [len(t("app.set.col.cores"))])
        value_w = max(len(v) for v in values)
        bar_w = width - name_w - wall_w - cores_w - value_w - 4
        if bar_w < 3:  # too narrow for a bar worth the name: the numbers alone
            bar_w = 0
        scale = max([1.0] + [v for v in speedups if v is not None]) * 1.05
        mark = int(round(bar_w / scale)) if bar_w else -1
        head = Text(" " * name_w + " " + t("app.set.col.wall").rjust(wall_w) + " "
                    + t("app.set.col.cores").rjust(cores_w) + " " + t("app.set.col.speedup"), style="grey70")
        lines = [head]
        for r, name, wall, core, value, speedup in zip(self.results, names, walls, cores, values, speedups):
            line = Text.assemble((name.ljust(name_w), "bold"), " ", wall.rjust(wall_w), " ", core.rjust(cores_w), " ")
            if r.ok:
                eighths = 0 if speedup is None else min(bar_w * 8, int(round(speedup / scale * bar_w * 8)))
                full, part = divmod(eighths, 8)
                bar = Text("█" * full + (" ▏▎▍▌▋▊▉"[part] if part else ""), style="bold cyan")
                for column in range(bar.cell_len, bar_w):
                    bar.append("│" if column == mark else " ", style="grey35")
                if bar_w:
                    line.append_text(bar)
                    line.append(" ")
                line.append(value, style="bold")
            else:
                line.append(t("status." + r.status), style="bold red" if r.status == "error" else "bold yellow")
            lines.append(line)
        for line in lines:
            line.no_wrap = True
            line.truncate(width, overflow="ellipsis")
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(30, options.max_width), options.max_width)


def bullets(lines: list[str], style: str = "") -> list[RenderableType]:
    return [Text.assemble(("• ", "grey50"), (line, style)) for line in lines]


def details(result: RunResult, baseline: RunResult | None = None) -> RenderableType:
    """The numbers, then the explanation measured from them (``gil_tui.explain``), in the current language."""
    parts = numbers(result)
    if result.task:  # your code: what it returned or raised, then the verdict
        parts += bullets(task_lines(result))
        answer = [line.render() for line in verdict([baseline, result] if baseline is not None else [result])]
        if answer:
            parts.append(Text(t("verdict.title"), style="bold"))
            parts += bullets(answer)
        return Group(*parts)
    why = explain(result, None, baseline)
    if why:
        parts.append(Text(t("app.result.why"), style="bold"))
        parts += bullets(why)
    return Group(*parts)


def task_lines(result: RunResult) -> list[str]:
    """What your function's tasks returned (the same for every task?), and each distinct error, in one line."""
    report = result.task_report
    if report is None:
        return []
    lines = []
    if report.values:
        key = "task.returned.same" if report.all_same else "task.returned.differ"
        lines.append(t(key, mode=t("mode." + result.mode), count=len(report.values),
                       distinct=len({v.digest for v in report.values}), value=usertask.value_text(report.values[0])))
    for error in report.errors:
        runs = t("task.tasks", indexes=", ".join(str(i) for i in error.indexes), count=len(error.indexes))
        lines.append(t("task.error", error=error.error, runs=runs))
    return lines


def banner(result: RunResult | None) -> str:
    counter = result.counter if result is not None else None
    if counter is None or counter.lost <= 0:
        return ""
    return t("app.result.lost", lost=count_text(counter.lost), pct=counter.lost_pct, count=counter.lost)


class ResultPane(VerticalScroll):
    """Elapsed time and the machine's CPU while a run goes; the measurements and their explanation when it ends.

    One clock at a time: while a run goes, the live "Elapsed" (wall-clock time since r, the lab's start included);
    once it is over, only what the lab measured ("Wall", the tasks' own time), under a headline that says which run
    this is ("Run 3 finished.", "Run 2, again from History.", a series' total wall time).
    """

    DEFAULT_CSS = """
    ResultPane #elapsed { text-style: bold; height: auto; }  /* one line while a run goes; a headline may wrap */
    ResultPane #cpu { display: none; }
    ResultPane #cpu.-live { display: block; }
    ResultPane #banner { display: none; background: $error; color: $text; text-style: bold; padding: 0 1; }
    ResultPane #banner.-lost { display: block; }
    ResultPane #banner.-exact { display: block; background: $success-darken-2; }
    """

    # not repaint: only the #elapsed line changes, and repainting the whole pane ten times a second costs bytes and CPU
    elapsed: reactive[float | None] = reactive(None, repaint=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._details: Callable[[], RenderableType] = lambda: what_line(t("app.idle.hint"), "italic grey50")
        self._banner: Callable[[], tuple[str, str]] = lambda: ("", "")
        self._ready = True
        self._what: Callable[[], str] = lambda: ""
        self._headline: Callable[[], str] | None = None  # after a run: which run this is; None before any

    def compose(self) -> ComposeResult:
        yield Static(t("app.idle"), id="elapsed")
        yield CpuMeterLine(id="cpu")
        yield Static("", id="banner")
        yield Static(self._details(), id="details")

    def watch_elapsed(self, old: float | None, new: float | None) -> None:
        # only the one-decimal text reaches the screen, so the pane repaints at most ten times a second
        if new is not None and (old is None or "%.1f" % old != "%.1f" % new):
            # one fixed-height line: a repaint, never a layout pass
            self.query_one("#elapsed", Static).update(t("app.elapsed", seconds=new), layout=False)

    def _paint(self) -> None:
        self.query_one("#details", Static).update(self._details())
        message, cls = self._banner()
        widget = self.query_one("#banner", Static)
        widget.update(message)
        widget.set_class(cls == "-lost", "-lost")
        widget.set_class(cls == "-exact", "-exact")

    def retranslate(self) -> None:
        """The same content again in the current language."""
        elapsed = self.query_one("#elapsed", Static)
        if self.elapsed is None and self._headline is not None:
            elapsed.update(self._headline())
        elif self.elapsed is None:
            elapsed.update(t("app.idle") if self._ready else t("app.idle.fix"))
        else:
            elapsed.update(t("app.elapsed", seconds=self.elapsed))
        self.query_one(CpuMeterLine).refresh()
        self._paint()

    def show_idle(self, ready: bool) -> None:
        self._ready = ready
        if self.elapsed is None and self._headline is None:
            self.query_one("#elapsed", Static).update(t("app.idle") if ready else t("app.idle.fix"))

    def show_start(self, what: Callable[[], str]) -> None:
        self.elapsed = None
        self.elapsed = 0.0
        self._headline = None
        self._what = what
        self._banner = lambda: ("", "")
        self._details = lambda: Group(what_line(what()), Text(t("app.starting"), style="grey70"))
        self.query_one(CpuMeterLine).clear()
        self.query_one(CpuMeterLine).add_class("-live")
        self._paint()

    def show_running(self) -> None:
        """The lab has started: drop "starting the lab…"."""
        what = self._what
        self._details = lambda: what_line(what())
        self._paint()

    def show_cpu(self, percents: list[float]) -> None:
        self.query_one(CpuMeterLine).show(percents)

    def show_cancelling(self) -> None:
        self._details = lambda: Text(t("app.cancelling"), style="bold yellow")
        self._paint()

    def show_set(self, results: list[RunResult], headline: Callable[[], str],
                 body: Callable[[], RenderableType]) -> None:
        """A set of modes once the last has run: ``body`` is their bars and why (the workbench builds it)."""
        self.elapsed = None
        self._headline = headline
        self.query_one("#elapsed", Static).update(headline())
        self.query_one(CpuMeterLine).remove_class("-live")
        lost = next((r for r in results if r.ok and r.counter and r.counter.lost > 0), None)
        if lost is not None:
            self._banner = lambda: (banner(lost), "-lost")
        elif any(r.counter for r in results) and all(r.ok for r in results):
            self._banner = lambda: (t("app.result.exact"), "-exact")
        else:
            self._banner = lambda: ("", "")
        self._details = body
        self._paint()
        self.scroll_home(animate=False)

    def show_result(self, result: RunResult, headline: Callable[[], str], baseline: RunResult | None = None,
                    before: Callable[[], list[RenderableType]] | None = None, why: bool = True,
                    banner_of: RunResult | None = None) -> None:
        """A finished run under ``headline`` (which run it is, in the current language); ``before`` renders what
        goes above its numbers (a preset's comparison, which carries its own explanation: then ``why=False``).
        The live clock stops here: the numbers' Wall is the run's time."""
        self.elapsed = None
        self._headline = headline
        self.query_one("#elapsed", Static).update(headline())
        self.query_one(CpuMeterLine).remove_class("-live")
        counter = result.counter
        loud = banner_of or result
        if loud.convoy is not None and convoy.banner(loud)[0]:  # the convoy's round trips, as loud as lost updates
            self._banner = lambda: (convoy.banner(loud)[0], "-lost" if convoy.banner(loud)[1] else "-exact")
        elif counter and counter.lost > 0:
            self._banner = lambda: (banner(result), "-lost")
        elif counter and result.ok:
            self._banner = lambda: (t("app.result.exact"), "-exact")
        else:
            self._banner = lambda: ("", "")
        body: Callable[[], RenderableType] = (lambda: details(result, baseline)) if why else \
            (lambda: Group(*numbers(result)))
        self._details = body if before is None else (lambda: Group(*before(), body()))
        self._paint()
        self.scroll_home(animate=False)
