"""The comparison screen: one workload across several interpreters × modes, run one after another.

Each interpreter also runs ``sequential`` first, the baseline its speedups are measured against. A thread worker
drives one lab at a time (``ActiveRun``); ONE timer on this screen reads the running lab's board, shows which run
is going and its elapsed time, and when a run is over closes it, records its result and starts the next. Escape
cancels (the lab stops within half a second), a second escape closes the screen; leaving the screen any way stops
the lab and removes its board.
"""

from __future__ import annotations

import asyncio
import time

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Select, SelectionList, Static, TabbedContent, TabPane
from textual.widgets.selection_list import Selection

from ..core import validation
from ..core.model import Choice, RunResult, RunSpec
from ..core.run_queue import RunQueue
from ..core.speedup import fastest_sequential, speedup_vs_fastest, with_speedups
from ..i18n import Message, count_text, t
from ..lab.catalog import DEFAULT_SWITCH_INTERVAL, DEFAULT_WORKERS, MODES, RACE_WORKLOADS, WORKLOADS, default_size
from ._textual_hacks import redescribe_bindings
from .active_run import ActiveRun
from .export_dialog import export_results
from .widgets.footer import KeyFooter
from .widgets.key_turns import once_taken
from .widgets.number_input import DIGITS, NumberInput
from .widgets.ordered_select import OrderedSelect, list_focus_overtaken
from .widgets.path_prompt import PathPrompt, PathSelection
from .widgets.result import mode_name
from .widgets.setup import choice_labels, workload_options
from .widgets.speedup_chart import FREE_STYLE, GIL_STYLE, SpeedupChart, gil_group
from .widgets.tick_list import TickList

FPS = 10
SHORT = 32  # rows: below this the setup folds away while a comparison runs, to give the results the room
PALETTE_WIDTH = 90  # columns: the footer shows "^p palette" only above this
LIST_ROWS = (3, 7)  # the interpreter and mode lists' height (borders included): at least, at most
RESULT_ROWS = 5  # table rows (a run each, pending ones included) the results keep at least with the setup shown
QUIT_WAIT = 3.0  # seconds at most to wait for a cancelled lab when the screen goes (cancel itself takes < 0.5 s)
DEFAULT_MODES = ("sequential", "threads")
STATES = ("ok", "error", "cancelled", "running", "pending")  # a row's status, each with a "status." text


def spec_label(spec: RunSpec) -> str:
    """The label the result of this spec will have ("3.13.0t GIL off")."""
    return spec.python.label


def plan(choices: list[Choice], modes: list[str], workload: str, workers: int, size: float,
         switch_interval: float = DEFAULT_SWITCH_INTERVAL, sizes: tuple[float, ...] | None = None) -> list[RunSpec]:
    """Every run, interpreter by interpreter: sequential first (the baseline), then the modes in catalog order."""
    ordered = ["sequential"] + [m for m in MODES if m in modes and m != "sequential"]
    return [RunSpec(workload, mode, workers, size, c.interpreter, validation.gil_for(c.interpreter, c.gil),
                    switch_interval, sizes) for c in choices for mode in ordered]


def progress(done: list[int], total: list[int]) -> float:
    """Percent of the current run done: each task's share of its own work, averaged over every task (a task that
    has not started yet counts as 0 %, so the figure never jumps back when it does)."""
    if not total:
        return 0.0
    return 100.0 * sum(min(d / n, 1.0) if n else 0.0 for d, n in zip(done, total)) / len(total)


def default_picks(choices: list[Choice]) -> list[int]:
    """The first interpreter, and the first free-threaded one without the GIL when there is one: the contrast."""
    picks = [0] if choices else []
    free = next((i for i, c in enumerate(choices) if c.interpreter.free_threaded and c.gil == "off"), None)
    if free is not None and free not in picks:
        picks.append(free)
    return picks


class ComparisonScreen(Screen[None]):
    DEFAULT_CSS = """
    ComparisonScreen { layout: vertical; }
    ComparisonScreen #cmp-setup { height: auto; border: round $primary 50%; border-title-color: $text-accent;
                                  padding: 0 1; }
    ComparisonScreen #cmp-setup:focus-within { border: round $accent; }
    ComparisonScreen .row { height: 1; }
    ComparisonScreen .row Label { width: 10; color: $text-muted; }
    ComparisonScreen .row Select { width: 1fr; }
    ComparisonScreen .row Input { width: 1fr; }
    ComparisonScreen #cmp-error { color: $error; text-style: bold; display: none; }
    ComparisonScreen #cmp-error.-shown { display: block; }
    ComparisonScreen #cmp-lists { height: auto; }
    ComparisonScreen SelectionList { height: auto; max-height: 7; border: round $primary 30%;
                                     border-title-color: $text-muted; padding: 0; background: $surface; }
    ComparisonScreen SelectionList:focus { border: round $accent; }
    ComparisonScreen #cmp-pythons { width: 1fr; }
    ComparisonScreen #cmp-modes { width: 22; }
    ComparisonScreen #cmp-folded { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap;
                                   text-overflow: ellipsis; display: none; }
    ComparisonScreen #cmp-folded.-shown { display: block; }
    ComparisonScreen #cmp-status { height: auto; max-height: 3; padding: 0 1; }
    ComparisonScreen #cmp-results { height: 1fr; }
    ComparisonScreen #cmp-results TabPane { padding: 0 1; }
    ComparisonScreen #cmp-table { height: 1fr; }
    ComparisonScreen #cmp-hint { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("r", "run", t("compare.key.run"), priority=True),
        Binding("escape", "cancel", t("compare.key.cancel")),
        Binding("escape", "close", t("compare.key.close")),
        Binding("e", "export", t("compare.key.export")),
        Binding("v", "view", t("compare.key.view")),
        Binding("s", "setup", t("compare.key.setup")),
        Binding("t", "view", t("compare.key.view"), show=False),  # the workbench's timeline key: here, the same toggle
    ]
    KEY_TEXTS = {"run": "compare.key.run", "cancel": "compare.key.cancel", "close": "compare.key.close",
                 "export": "compare.key.export", "view": "compare.key.view", "setup": "compare.key.setup"}

    def __init__(self, choices: list[Choice], *, workload: str = "fib", workers: str = "4", size: str = "",
                 picks: list[int] | None = None, modes: tuple[str, ...] = DEFAULT_MODES) -> None:
        super().__init__()
        self.choices = list(choices)
        self.preset = {"workload": workload if workload in WORKLOADS else "fib", "workers": workers, "size": size}
        self.picks = default_picks(self.choices) if picks is None else picks
        self.modes = modes
        self.queue = RunQueue([])
        self.active: ActiveRun | None = None
        self.timer: Timer | None = None
        self.started = 0.0
        self.elapsed = 0.0  # the last comparison's, from r to its end
        self.error: str | None = None
        self.cores_left_out: RunQueue | None = None  # the runs whose table has had no room for the cores column

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        if not list_focus_overtaken(self, widget):  # a picker's list, opened by a key a tab read with it overtook
            super().set_focus(widget, scroll_visible, from_app_focus)

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        workloads = workload_options()
        preset = self.preset
        with Vertical(id="cmp-setup") as setup:
            setup.border_title = t("compare.title")
            with Horizontal(classes="row"):
                yield Label(t("compare.field.workload"), id="cmp-workload-label")
                yield OrderedSelect(workloads, value=preset["workload"], allow_blank=False, compact=True,
                                    id="cmp-workload")
            with Horizontal(classes="row"):
                yield Label(t("compare.field.workers"), id="cmp-workers-label")
                # number fields: the keys that are not part of a number (r, l, q...) do what the footer says
                yield NumberInput(preset["workers"], compact=True, id="cmp-workers", select_on_focus=False,
                                  leave_on_escape=False)
                yield Label(" " + t("compare.field.size"), id="cmp-size-label")
                yield NumberInput(preset["size"], chars=DIGITS + ".,", compact=True, id="cmp-size",
                                  placeholder="%g" % default_size(preset["workload"]), select_on_focus=False,
                                  leave_on_escape=False)
            yield Static("", id="cmp-error")
            with Horizontal(id="cmp-lists"):
                pythons: TickList[int] = TickList(
                    *[PathSelection(self._choice_prompt(c, label), i, i in self.picks)
                      for i, (label, c) in enumerate(zip(choice_labels(self.choices), self.choices))],
                    id="cmp-pythons")
                pythons.border_title = t("compare.field.pythons")
                yield pythons
                modes: TickList[str] = TickList(
                    *[Selection(mode_name(name), name, name in self.modes) for name in MODES], id="cmp-modes")
                modes.border_title = t("compare.field.modes")
                yield modes
            yield Static(t("compare.hint"), id="cmp-hint")
        yield Static("", id="cmp-folded")
        yield Static(t("compare.idle"), id="cmp-status")
        with TabbedContent(id="cmp-results"):
            with TabPane(t("compare.tab.table"), id="cmp-tab-table"):
                yield DataTable(id="cmp-table", cursor_type="row", zebra_stripes=True)
            with TabPane(t("compare.tab.chart"), id="cmp-tab-chart"):
                with VerticalScroll():
                    yield SpeedupChart(id="cmp-chart")
        yield KeyFooter(show_command_palette=self._palette_shown(self.app.size.width))

    @staticmethod
    def _choice_prompt(choice: Choice, label: str) -> PathPrompt:
        free = choice.interpreter.free_threaded and choice.gil == "off"
        return PathPrompt(label, choice.interpreter.executable, FREE_STYLE if free else GIL_STYLE)

    def _describe_keys(self) -> None:
        """The footer in the language of the moment (the class's descriptions were read when it was defined)."""
        redescribe_bindings(self, lambda b: t(self.KEY_TEXTS[b.action]) if b.action in self.KEY_TEXTS else None)

    def on_mount(self) -> None:
        self._describe_keys()
        self.query_one("#cmp-workload").focus()
        self._show_table()
        self.check()

    def retranslate(self) -> None:
        """``l``: every text here in the language just chosen; what is set, ticked, running or measured stays."""
        self._describe_keys()
        self.refresh_bindings()
        with self.app.batch_update():
            self.query_one("#cmp-setup").border_title = t("compare.title")
            self.query_one("#cmp-workload-label", Label).update(t("compare.field.workload"))
            self.query_one("#cmp-workers-label", Label).update(t("compare.field.workers"))
            self.query_one("#cmp-size-label", Label).update(" " + t("compare.field.size"))
            workload: Select[str] = self.query_one("#cmp-workload", Select)
            value = workload.value
            with workload.prevent(Select.Changed):
                workload.set_options(workload_options())
                # the shown prompt follows a change of value only: through another workload and back
                workload.value = next(name for name in WORKLOADS if name != value)
                workload.value = value
            self.query_one("#cmp-pythons", SelectionList).border_title = t("compare.field.pythons")
            modes = self.query_one("#cmp-modes", SelectionList)
            modes.border_title = t("compare.field.modes")
            for index, name in enumerate(MODES):
                modes.replace_option_prompt_at_index(index, mode_name(name))
            self.query_one("#cmp-hint", Static).update(t("compare.hint"))
            tabs = self.query_one(TabbedContent)
            tabs.get_tab("cmp-tab-table").label = t("compare.tab.table")
            tabs.get_tab("cmp-tab-chart").label = t("compare.tab.chart")
            self._show_status()
            self.cores_left_out = None  # other words, other widths
            self._show_table()
            self.query_one(SpeedupChart).refresh(layout=True)
            if self.query_one("#cmp-folded").has_class("-shown"):
                self.query_one("#cmp-folded", Static).update(self._summary())
            self.check()

    # -- checking ---------------------------------------------------------------------------------

    def _value(self, selector: str) -> str:
        widget = self.query_one(selector)
        return str(widget.value) if isinstance(widget, (Select, Input)) else ""

    def plan(self) -> list[RunSpec]:
        """The runs the setup asks for; UsageError with the first mistake."""
        workload = validation.workload(self._value("#cmp-workload"))
        # a range or list of sizes ("30..34", as the workbench's Size field takes it) gives each task its own
        workers, size, sizes = validation.work(workload, self._value("#cmp-size"), self._value("#cmp-workers"),
                                               DEFAULT_WORKERS)
        picked = sorted(self.query_one("#cmp-pythons", SelectionList).selected)
        modes = list(self.query_one("#cmp-modes", SelectionList).selected)
        if not picked:
            raise validation.UsageError(Message("compare.error.pythons"))
        if not modes:
            raise validation.UsageError(Message("compare.error.modes"))
        return plan([self.choices[i] for i in picked], modes, workload, workers, size, sizes=sizes)

    def check(self) -> bool:
        try:
            self.plan()
            self.error = None
        except validation.UsageError as exc:
            self.error = exc.render()
        widget = self.query_one("#cmp-error", Static)
        widget.update(self.error or "")
        widget.set_class(self.error is not None, "-shown")
        self._fit()
        return self.error is None

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "cmp-workload" and isinstance(event.value, str) and event.value in WORKLOADS:
            self.query_one("#cmp-size", Input).placeholder = "%g" % default_size(event.value)
        self.check()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self.check()

    # -- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":
            return self.active is None
        if action == "export":
            return self.active is None or None
        if action == "cancel":
            return self.active is not None
        if action == "close":
            return self.active is None
        return True

    def action_run(self) -> None:
        once_taken((self.query_one("#cmp-setup"),), self._run_now)  # r is read before the keys typed ahead of it

    def _run_now(self) -> None:
        if self.active is not None or self.app.screen is not self:
            return
        if not self.check():
            return
        self.queue = RunQueue(self.plan())
        self.started = time.monotonic()
        self._show_table()
        self.query_one(SpeedupChart).show([])
        self._set_inputs_disabled(True)
        if self.size.height < SHORT:
            self.action_setup(False)
        self.timer = self.set_interval(1 / FPS, self._pull)
        self._next()

    @property
    def specs(self) -> list[RunSpec]:
        return self.queue.specs

    @property
    def results(self) -> list[RunResult]:
        """The runs done so far, each with its speedup over its interpreter's sequential run."""
        return with_speedups(self.queue.results)

    @property
    def stopping(self) -> bool:
        return self.queue.cancelled

    def _next(self) -> None:
        spec = self.queue.next()
        if spec is None:
            self._end()
            return
        active = self.active = ActiveRun(spec)
        self.run_worker(active.drive_in_worker, thread=True, group="compare", exit_on_error=False)
        self._show_table()
        self._show_progress(active)
        self.refresh_bindings()

    def action_cancel(self) -> None:
        if self.active is not None and not self.active.stop.is_set():
            self.queue.cancel()
            self.active.stop.set()
            self._show_status()

    def action_close(self) -> None:
        if self.active is None:
            self.dismiss(None)

    def action_export(self) -> None:
        if self.active is not None:
            return
        export_results(self.app, self.results, "comparison")

    def action_setup(self, shown: bool | None = None) -> None:
        """Show or fold the setup (``s``). Folded, it is one line that says what is set and the table and the chart
        get its rows; shown, it gives up list rows (``_fit``) before the results lose theirs."""
        setup = self.query_one("#cmp-setup")
        setup.display = not setup.display if shown is None else shown
        folded = self.query_one("#cmp-folded", Static)
        folded.set_class(not setup.display, "-shown")
        if not setup.display:
            folded.update(self._summary())
            self.query_one("#cmp-table").focus()
        self._fit()
        self.call_after_refresh(self._follow)

    def _follow(self) -> None:
        """The table's cursor row (the run going, else the last one) back in view once the rows are shared again."""
        table = self.query_one("#cmp-table", DataTable)
        if table.row_count:
            table.move_cursor(row=table.cursor_row, scroll=True)

    def _summary(self) -> Text:
        """The folded setup in one line: the key that shows it, then what is set."""
        size = self._value("#cmp-size") or self.query_one("#cmp-size", Input).placeholder
        return Text(t("compare.folded", workload=self._value("#cmp-workload"), workers=self._value("#cmp-workers"),
                      size=size, pythons=len(self.query_one("#cmp-pythons", SelectionList).selected),
                      modes=len(self.query_one("#cmp-modes", SelectionList).selected)))

    def _fit(self) -> None:
        """Share the screen's rows: with the setup shown, the results keep a row per run (at least RESULT_ROWS) and
        the interpreter and mode lists get what is left, from LIST_ROWS[0] to LIST_ROWS[1] rows."""
        if not self.is_mounted:
            return
        setup = self.query_one("#cmp-setup")
        lists = [self.query_one("#cmp-pythons"), self.query_one("#cmp-modes")]
        rows = LIST_ROWS[1]
        if setup.display and self.size.height:
            error = 1 if self.error else 0
            hint = max(1, self.query_one("#cmp-hint").outer_size.height)
            status = max(1, self.query_one("#cmp-status").outer_size.height)
            results = 2 + 1 + max(len(self.specs), RESULT_ROWS)  # tabs, header, a row per run
            rows = self.size.height - 1 - status - (2 + 2 + error + hint) - results  # footer, setup's other rows
        rows = max(LIST_ROWS[0], min(LIST_ROWS[1], rows))
        for widget in lists:
            if widget.styles.max_height is None or widget.styles.max_height.value != rows:
                widget.styles.max_height = rows

    @staticmethod
    def _palette_shown(width: int) -> bool:
        """The footer's "^p palette" only where the screen's own keys all fit beside it: in Spanish they take 69
        of 80 columns. (ctrl+p still opens it; here it has only Textual's commands.)"""
        return width > PALETTE_WIDTH

    def on_resize(self) -> None:
        self.cores_left_out = None
        self.call_after_refresh(self._show_table)  # the columns that fit the new width
        footer = self.query_one(KeyFooter)
        if footer.show_command_palette != self._palette_shown(self.size.width):
            footer.show_command_palette = self._palette_shown(self.size.width)
            self.refresh_bindings()
        self._fit()
        self.call_after_refresh(self._fit)  # again once the hint and the status have their wrapped heights

    def action_view(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "cmp-tab-chart" if tabs.active == "cmp-tab-table" else "cmp-tab-table"

    # -- the one timer ----------------------------------------------------------------------------

    def _pull(self) -> None:
        active = self.active
        if active is None:
            return
        if active.done.is_set():
            self._finish_run(active)
            return
        self._show_progress(active)

    def _show_progress(self, active: ActiveRun) -> None:
        snap = active.lab.snapshot() if active.lab.board is not None else None
        line = Text(t("compare.progress", n=self.queue.recorded + 1, count=self.queue.total,
                      python=spec_label(active.spec),
                      mode=mode_name(active.spec.mode), elapsed=active.elapsed()), style="bold")
        if snap is not None and snap.total and any(snap.total):
            line.append(t("compare.progress.done", pct=progress(snap.done, snap.total)), style="bold")
        self.query_one("#cmp-status", Static).update(line)

    def _finish_run(self, active: ActiveRun) -> None:
        """In the UI thread, once a lab is over: close it, record its result, start the next run."""
        if self.active is not active:
            return
        result = active.result
        if result is None:  # the worker did not finish in time: close() kills the lab regardless
            result = active.lab.unfinished("cancelled")
        active.close()
        self.active = None
        self.queue.record(result)
        self.query_one(SpeedupChart).show(self.results)
        self._next()

    def _end(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.elapsed = time.monotonic() - self.started
        self._show_status()
        self._show_table()
        self._set_inputs_disabled(False)
        self.refresh_bindings()

    def _show_status(self) -> None:
        """The status line: idle, the run going, or how the last comparison ended."""
        active = self.active
        if active is not None:
            if self.stopping:
                self.query_one("#cmp-status", Static).update(Text(t("compare.cancelling"), style="bold yellow"))
            else:
                self._show_progress(active)
            return
        if not self.specs:
            self.query_one("#cmp-status", Static).update(t("compare.idle"))
            return
        done = len([r for r in self.results if r.status != "cancelled"])
        if self.stopping:
            message = Text(t("compare.cancelled", done=done, count=len(self.specs)), style="bold yellow")
        else:
            message = Text(t("compare.done", count=len(self.results), elapsed=self.elapsed), style="bold green")
            fastest = fastest_sequential(self.results[0], self.results) if self.results else None
            if fastest is not None and len({(s.interpreter.executable, s.gil) for s in self.specs}) > 1 and \
                    self.specs[0].workload not in RACE_WORKLOADS:
                message.append(" " + t("best.note", python=fastest.python_label, wall=fastest.wall_s or 0.0),
                               style="grey70")
        self.query_one("#cmp-status", Static).update(message)

    def _set_inputs_disabled(self, disabled: bool) -> None:
        for selector in ("#cmp-workload", "#cmp-workers", "#cmp-size", "#cmp-pythons", "#cmp-modes"):
            self.query_one(selector).disabled = disabled

    # -- the table --------------------------------------------------------------------------------

    def _show_table(self) -> None:
        table = self.query_one("#cmp-table", DataTable)
        race = self._value("#cmp-workload") in RACE_WORKLOADS if not self.specs else \
            self.specs[0].workload in RACE_WORKLOADS
        # several interpreters: each run's speedup against the fastest sequential run of any of them, too (not for a
        # race, whose lesson is the lost updates: at 80 columns that column would push the status off screen)
        best = len({(spec.interpreter.executable, spec.gil) for spec in self.specs}) > 1 and not race
        columns = ["python", "mode", "wall", "cores", "speedup"] + (["best"] if best else []) + (
            ["lost"] if race else []) + ["status"]
        results = self.results
        rows: list[list[str | Text]] = []
        for index, spec in enumerate(self.specs):
            if index < len(results):
                row = self._row(results[index], race)
                if best:
                    value = speedup_vs_fastest(results[index], results)
                    row.insert(5, "—" if value is None else "%.2f×" % value)
                rows.append(row)
            else:
                state = "running" if index == len(results) and self.active is not None else \
                    "cancelled" if self.stopping else "pending"
                rows.append([spec_label(spec), mode_name(spec.mode), "", "", "", *([""] if best else []),
                             *([""] if race else []),
                             Text(t("status." + state), style="bold #3b8eea" if state == "running" else "grey50")])
        headers = [t("col." + name) for name in columns]
        room = table.scrollable_content_region.width
        if (room and self._width(headers, rows, table.cell_padding) > room) or self.cores_left_out is self.queue:
            # too wide (Spanish headers, two interpreters): the cores column goes first, so the status stays in view;
            # and stays out for these runs, done or not, so the columns do not change as their statuses get shorter
            self.cores_left_out = self.queue
            drop = columns.index("cores")
            columns, headers = columns[:drop] + columns[drop + 1:], headers[:drop] + headers[drop + 1:]
            rows = [row[:drop] + row[drop + 1:] for row in rows]
        table.clear(columns=True)
        for name, header in zip(columns, headers):
            table.add_column(header, key=name)
        for index, row in enumerate(rows):
            table.add_row(*row, key=str(index))
        if self.specs:  # the row of the run going (else the last one) in view, however short the table
            table.move_cursor(row=min(len(results), len(self.specs) - 1), scroll=True)
        self._fit()

    @staticmethod
    def _width(headers: list[str], rows: list[list[str | Text]], padding: int) -> int:
        """The cells a table with these headers and rows takes: each column as wide as its widest cell, padded."""
        return sum(max([cell_len(header)] + [cell_len(str(row[i])) for row in rows]) + 2 * padding
                   for i, header in enumerate(headers))

    @staticmethod
    def _row(result: RunResult, race: bool) -> list[str | Text]:
        style = FREE_STYLE if gil_group(result) == "free" else GIL_STYLE
        status = result.status
        speedup = result.speedup
        cells: list[str | Text] = [
            Text(result.python_label, style=style),
            mode_name(result.mode),
            "—" if result.wall_s is None else "%.3f s" % result.wall_s,
            "—" if result.cores_used is None else "%.2f" % result.cores_used,
            Text("—" if speedup is None else "%.2f×" % speedup, style=style if speedup is not None else ""),
        ]
        if race:
            counter = result.counter
            if counter:
                cells.append(Text("%s (%.1f%%)" % (count_text(counter.lost), counter.lost_pct),
                                  style="bold red" if counter.lost else "green"))
            else:
                cells.append("")
        name = t("status." + status) if status in STATES else status
        label = name if status == "ok" or not result.error else "%s: %s" % (name, result.error)
        cells.append(Text(label, style="green" if status == "ok" else "bold red" if status == "error" else "yellow"))
        return cells

    # -- leaving ----------------------------------------------------------------------------------

    async def stop(self) -> None:
        """Cancel a run in progress and wait until its lab process and board are gone."""
        active = self.active
        if active is None:
            return
        self.queue.cancel()
        active.stop.set()
        loop_time = asyncio.get_running_loop().time
        deadline = loop_time() + QUIT_WAIT
        while not active.done.is_set() and loop_time() < deadline:
            await asyncio.sleep(0.02)
        active.close()
        self.active = None

    async def on_unmount(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        await self.stop()


def for_app(app: object) -> ComparisonScreen:
    """A comparison preset from the workbench: its interpreter choices and its setup's workload, workers and size."""
    choices = list(getattr(app, "choices", []))
    try:
        setup = app.query_one("#setup")  # type: ignore[attr-defined]
        workload, workers, size = (str(setup.value(name)) for name in ("workload", "workers", "size"))
    except Exception:  # the setup pane is the workbench's: without it the comparison starts from defaults
        return ComparisonScreen(choices)
    return ComparisonScreen(choices, workload=workload, workers=workers, size=size)
