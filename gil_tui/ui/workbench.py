"""The workbench: setup on one side, the run's lanes, its result and the session's history.

A thread worker starts and watches the lab process; ONE timer pulls the lab's shared-memory board
ten times a second and applies it in one batch. No message per progress step, no workload code here.
The same timer samples the machine's per-core CPU twice a second. The post's three experiments
(keys 1 2 3) are series of runs started one after another from ``_finish``. Every text comes from
the current language (``gil_tui.i18n``); ``l`` switches it and re-labels everything on screen.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.driver import Driver
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, TabbedContent, TabPane

from .. import i18n
from ..core import convoy, presets, validation
from ..core.cpu_meter import CpuMeter
from ..core.explain import TIMELINE_MIN_SWITCH, explain, timeline_too_coarse
from ..core.model import RunResult, RunSpec, choices_for
from ..core.probe import Interpreter
from ..core.run_queue import RunQueue
from ..core.speedup import fill_in, find_baseline, with_speedup, with_speedups
from ..core.validation import UsageError
from . import themes
from ._textual_hacks import FrugalScreen, driver_for, keep_no_break_spaces, redescribe_bindings, release_footer_keys
from .active_run import ActiveRun
from .export_dialog import export_results
from .help import HelpScreen
from .widgets.footer import KeyFooter
from .widgets.history import HistoryTable
from .widgets.key_turns import KeyTurns, once_taken
from .widgets.lanes import RunLanes
from .widgets.ordered_select import list_focus_overtaken
from .widgets.probe_line import ProbeLine
from .widgets.result import ModeBars, ResultPane, bullets, describe, mode_name, what_line
from .widgets.setup import SetupPane, SetupValues, number_text
from .widgets.timeline import TimelineLanes

FPS = 10
CPU_EVERY = 5  # timer ticks between CPU meter samples: 2 Hz
LANES_EVERY = 2  # timer ticks between lane and timeline redraws: 5 Hz, half the drawing; the elapsed time gets 10 Hz
PRESET_KEYS = ("seed-fib", "seed-race", "seed-sleep")  # keys 1, 2, 3
CONVOY_KEY = "convoy"  # key 4: a waiting task beside CPU-bound ones (issue 13)
# the footer's descriptions by action (i18n keys), looked up again when the language changes
KEY_TEXTS = {"run": "app.key.run", "cancel": "app.key.cancel", "quit": "app.key.quit", "help": "app.key.help",
             "toggle_timeline": "app.key.timeline", "language": "app.key.language", "zoom_in": "app.key.zoom_in",
             "zoom_out": "app.key.zoom_out", "preset(1)": "app.key.preset", "preset(2)": "app.key.preset",
             "preset(3)": "app.key.preset", "compare": "compare.key.compare", "export": "compare.key.export",
             "toggle_theme": "app.key.theme", "preset(4)": "app.key.convoy", "toggle_probe": "app.key.probe"}
NARROW = 100  # columns: below this the panes stack
QUIT_WAIT = 3.0  # seconds at most to wait for a cancelled lab on quit (cancel itself takes < 0.5 s)
RESULT_LOG = "GIL_TUI_RESULT_LOG"  # a file path: every finished run's result is appended as a JSON line



class WorkbenchScreen(FrugalScreen):
    """The workbench's own screen: focus starts on the setup pane's first field. With Textual's "*" a real terminal
    started on the Result pane (Pilot saw Workload); the other screens keep "*"."""

    AUTO_FOCUS = "#workload"
    LIT_PANES = ("setup", "result", "runpane")  # History's table is its own pane: app.tcss lights it on :focus

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lit: Widget | None = None
        self._accent: tuple[str, str] | None = None  # (theme, its accent colour)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        if not list_focus_overtaken(self, widget):  # a picker's list, opened by a key a tab read with it overtook
            super().set_focus(widget, scroll_visible, from_app_focus)

    # The pane holding the focus gets an accent border. Not with CSS :focus-within: Textual restyles every node of
    # the pane on each focus move inside it (half of a Tab's cost among the setup fields); an inline border is
    # set only when the focus changes pane.
    def on_descendant_focus(self) -> None:
        self.light_focused_pane()

    def on_descendant_blur(self) -> None:
        self.light_focused_pane()

    def light_focused_pane(self, again: bool = False) -> None:
        focused = self.focused
        pane = next((node for node in focused.ancestors_with_self if node.id in self.LIT_PANES), None) \
            if focused is not None else None
        if pane is self._lit and not again:
            return
        if self._lit is not None:
            self._lit.styles.border = None  # back to app.tcss's
        if isinstance(pane, Widget):
            pane.styles.border = ("round", self.accent())
        self._lit = pane if isinstance(pane, Widget) else None

    def accent(self) -> str:
        if self._accent is None or self._accent[0] != self.app.theme:
            self._accent = (self.app.theme, self.app.get_css_variables()["accent"])
        return self._accent[1]


def done_headline(result: RunResult, number: int, again: bool = False) -> str:
    """The result pane's first line once a run is over: which run (its row in History) and how it ended."""
    if again:
        return i18n.t("app.done.again", n=number)
    return i18n.t("app.done." + (result.status if result.status in ("ok", "cancelled") else "error"), n=number)


def series_headline(results: list[RunResult], number: int) -> str:
    """The result pane's first line after a series of runs whose last is ``number`` in History: their rows and their
    walls added up ("Run 2: …" for one; a cancelled last run says so, not "wall … in all" as if it had finished)."""
    first = number - len(results) + 1
    total = sum(r.wall_s or 0.0 for r in results)
    cancelled = bool(results) and results[-1].status == "cancelled"
    key = ("app.done.series.cancelled" if cancelled else "app.done.series") + (".one" if len(results) == 1 else "")
    return i18n.t(key, first=first, last=number, wall=total)


@dataclass
class Series:
    """One of the post's experiments in progress: its queue of runs, those done and those to go."""

    number: int
    name: str
    queue: RunQueue
    modes: bool = False  # the Mode field's set run in turn (not one of the post's experiments)

    @property
    def steps(self) -> int:
        return self.queue.total

    @property
    def results(self) -> list[RunResult]:
        return self.queue.results


class Workbench(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = i18n.t("app.title")
    BINDINGS = [
        Binding("r", "run", i18n.t("app.key.run"), priority=True),
        Binding("escape", "cancel", i18n.t("app.key.cancel")),
        Binding("q", "quit", i18n.t("app.key.quit"), priority=True),
        Binding("ctrl+c", "quit", i18n.t("app.key.quit"), show=False, priority=True),
        Binding("question_mark", "help", i18n.t("app.key.help"), priority=True),
        Binding("t", "toggle_timeline", i18n.t("app.key.timeline")),
        Binding("l", "language", i18n.t("app.key.language"), priority=True),  # the inputs take numbers only
        Binding("plus,equals_sign", "zoom_in", i18n.t("app.key.zoom_in"), show=False),
        Binding("minus", "zoom_out", i18n.t("app.key.zoom_out"), show=False),
        Binding("0", "zoom_fit", show=False),
        Binding("left_square_bracket", "pan(-1)", show=False),
        Binding("right_square_bracket", "pan(1)", show=False),
        Binding("1", "preset(1)", i18n.t("app.key.preset"), show=False),
        Binding("2", "preset(2)", i18n.t("app.key.preset"), show=False),
        Binding("3", "preset(3)", i18n.t("app.key.preset"), show=False),
        Binding("4", "preset(4)", i18n.t("app.key.convoy"), show=False),
        Binding("p", "toggle_probe", i18n.t("app.key.probe"), show=False),
        Binding("c", "compare", i18n.t("compare.key.compare"), show=False),
        Binding("e", "export", i18n.t("compare.key.export"), show=False),
        Binding("d", "toggle_theme", i18n.t("app.key.theme"), show=False),
        Binding("tab", "move_focus(True)", show=False, priority=True),
        Binding("shift+tab", "move_focus(False)", show=False, priority=True),
    ]

    def __init__(self, interpreters: list[Interpreter], preset: SetupValues | None = None, *, autorun: bool = False,
                 blink: bool = True, lang: str | None = None, theme: str | None = None) -> None:
        if lang is not None:
            i18n.set_language(lang)
        super().__init__()
        keep_no_break_spaces()  # "43 869" (Spanish thousands) stays on one line when a text wraps
        self.palette: themes.Palette = themes.install(self, theme)  # None: $GIL_TUI_THEME, else dark
        self.choices = choices_for(interpreters)
        self.preset = preset or SetupValues()
        self.autorun = autorun
        self.blink = blink
        self.active: ActiveRun | None = None
        self.timer: Timer | None = None
        self.timeline_from = 0
        self.ticks = 0
        self.started_shown = False
        self.cpu: CpuMeter | None = None
        self.series: Series | None = None
        self.preset_size: float | None = None  # the post's experiments at another size (tests run them short)
        self.probe_on = False  # p: the responsiveness probe rides along the next runs

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # the layout class before the panes exist: set after mount, it restyled every widget once more at start-up
        self._apply_width(self.size.width)
        with Horizontal(id="body"):
            with Vertical(id="left"):
                setup = SetupPane(self.choices, self.preset, id="setup")
                setup.border_title = i18n.t("app.pane.setup")
                yield setup
                result = ResultPane(id="result")
                result.border_title = i18n.t("app.pane.result")
                yield result
            with Vertical(id="right"):
                with TabbedContent(id="runpane"):
                    with TabPane(i18n.t("app.tab.lanes"), id="tab-lanes"):
                        yield RunLanes(id="lanes")
                        yield ProbeLine(id="probe-line")
                    with TabPane(i18n.t("app.tab.timeline"), id="tab-timeline"):
                        yield TimelineLanes(id="timeline")
                history = HistoryTable(id="history")
                history.border_title = i18n.t("app.pane.history")
                yield history
        yield KeyFooter()

    def get_default_screen(self) -> Screen:
        return WorkbenchScreen(id="_default")

    def get_driver_class(self) -> type[Driver]:
        return driver_for(self, super().get_driver_class())

    def on_mount(self) -> None:
        self.retranslate()
        if not self.blink:
            for field in self.query(Input):
                field.cursor_blink = False
        if self.autorun:
            self.call_after_refresh(self.action_run)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    def retranslate(self) -> None:
        """The workbench's own texts again (title, pane titles, tabs, footer), in the current language."""
        self.title = i18n.t("app.title")
        for selector, key in (("#setup", "app.pane.setup"), ("#result", "app.pane.result"),
                              ("#history", "app.pane.history"), ("#runpane", "app.pane.run")):
            self.query_one(selector).border_title = i18n.t(key)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("tab-lanes").label = i18n.t("app.tab.lanes")
        tabs.get_tab("tab-timeline").label = i18n.t("app.tab.timeline")
        redescribe_bindings(self, lambda b: i18n.t(KEY_TEXTS[b.action]) if b.action in KEY_TEXTS else None)
        history = self.query_one(HistoryTable)
        redescribe_bindings(history, lambda b: i18n.t("history.key.load") if b.action == "select_cursor" else None)
        history.refresh_bindings()
        self.refresh_bindings()

    def action_language(self) -> None:
        i18n.set_language("es" if i18n.get_language() == "en" else "en")
        with self.batch_update():
            self.retranslate()
            self.query_one(SetupPane).retranslate()
            self.query_one(ResultPane).retranslate()
            self.query_one(HistoryTable).retranslate()
            self.query_one(RunLanes).refresh()
            self.query_one(TimelineLanes).refresh()
            self.query_one(ProbeLine).paint()
        if isinstance(self.screen, HelpScreen):  # built from texts: build it again
            self.pop_screen()
            self.push_screen(HelpScreen())
        elif callable(getattr(self.screen, "retranslate", None)):  # another screen that can re-label itself
            self.screen.retranslate()  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): the workbench's own actions, each with its key, before Textual's."""
        if screen is self.screen_stack[0]:
            def command(title: str, key: str, callback: Callable[[], object]) -> SystemCommand:
                return SystemCommand(title, i18n.t("app.cmd.key", keys=key), callback)

            if self.active is None:
                yield command(i18n.t("app.cmd.run"), "r", self.action_run)
                for number, name in enumerate(PRESET_KEYS, 1):
                    workload = name.removeprefix("seed-")  # fib, race, sleep
                    yield command(i18n.t("app.cmd.preset", number=number, workload=workload), str(number),
                                  partial(self.action_preset, number))
                yield command(i18n.t("app.cmd.convoy"), "4", partial(self.action_preset, 4))
                yield command(i18n.t("compare.title"), "c", self.action_compare)
            else:
                yield command(i18n.t("app.cmd.cancel"), "escape", self.action_cancel)
            yield command(i18n.t("app.cmd.timeline"), "t", self.action_toggle_timeline)
            yield command(i18n.t("app.cmd.probe"), "p", self.action_toggle_probe)
            yield command(i18n.t("app.cmd.zoom_fit"), "0", self.action_zoom_fit)
            yield command(i18n.t("compare.export.title.session"), "e", self.action_export)
            yield command(i18n.t("app.cmd.language"), "l", self.action_language)
            yield command(i18n.t("app.cmd.theme"), "d", self.action_toggle_theme)
            yield command(i18n.t("app.cmd.help"), "?", self.action_help)
        yield from super().get_system_commands(screen)

    # -- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # the footer shows run or cancel, whichever applies now
        if action == "run":  # on another screen (comparison, help) its own r applies
            return self.active is None and len(self.screen_stack) == 1
        if action == "cancel":
            return self.active is not None
        return True

    def action_move_focus(self, forward: bool) -> None:
        """Tab and shift+tab as the app reads them. Textual's Screen binds them without priority: the focus moved only
        once the key had bubbled up from the focused widget, and the keys read in the same go (SSH and tmux batch
        them) had gone to the old field by then ("tab, backspace, 2" erased Workers and typed 2 nowhere). A text
        field, and the Mode field, take the tab in turn instead, behind the keys they still have to take, one of which
        may move the focus itself ("enter, tab, 5" typed the 5 in Mode, not Size): they move the focus when they come
        to it and hand the keys behind it on (every widget that keeps ``KeyTurns``). Not a picker: Textual's list
        takes and gives back the focus through the app's queue, so the tab goes first there."""
        if isinstance(getattr(self.focused, "turns", None), KeyTurns):
            raise SkipAction()  # the key goes on to the field
        if forward:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def action_run(self) -> None:
        if self.active is not None or isinstance(self.screen, HelpScreen):
            return
        # r is read before the keys typed ahead of it are taken: History's enter loads a run into Setup first
        once_taken((self.query_one(HistoryTable), self.query_one(SetupPane)), self._run_now)

    def _run_now(self) -> None:
        if self.active is not None or isinstance(self.screen, HelpScreen):
            return
        setup = self.query_one(SetupPane)
        if not setup.check():
            self.notify(i18n.t("app.error.invalid", error=next(iter(setup.errors.values()))), severity="error")
            return
        try:
            specs = setup.specs()
        except UsageError as exc:
            self.notify(i18n.t("app.error.invalid", error=exc.render()), severity="error")
            return
        # several modes: one after another, sequential first, each with the lanes of its own run
        self.series = Series(0, "", RunQueue(specs), modes=True) if len(specs) > 1 else None
        self._start(specs[0])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "task":  # Enter in the Code field runs, as r does elsewhere (r is a letter there)
            self.action_run()

    def action_preset(self, number: int) -> None:
        """Run the post's experiment ``number`` (1 fib, 2 the race, 3 sleep), or 4 the convoy, on the chosen
        interpreter."""
        if self.active is not None or len(self.screen_stack) > 1:
            return
        setup = self.query_one(SetupPane)
        choice = setup.choices[int(setup.value("python"))]
        try:
            gil = validation.gil_for(choice.interpreter, choice.gil)
        except UsageError:
            self.notify(i18n.t("app.error.invalid", error=setup.errors.get("python", "")), severity="error")
            return
        name = (*PRESET_KEYS, CONVOY_KEY)[number - 1]
        specs = presets.PRESETS[name].specs(choice.interpreter, gil, self.preset_size)
        self.series = Series(number, name, RunQueue(specs, stop_on_failure=True))
        first = self.series.queue.next()
        assert first is not None
        self._start(first)

    def action_toggle_probe(self) -> None:
        """p: the responsiveness probe on or off for the next runs (the convoy always has it)."""
        self.probe_on = not self.probe_on
        self.notify(i18n.t("app.probe.toggled.on" if self.probe_on else "app.probe.toggled.off"))
        self.query_one(ProbeLine).idle(self.probe_on)

    def _start(self, spec: RunSpec) -> None:
        if self.probe_on and not spec.probe:
            spec = dataclasses.replace(spec, probe=True)
        active = self.active = ActiveRun(spec)
        self.query_one(ProbeLine).reset(spec.probing, LANES_EVERY / FPS)
        self.query_one(SetupPane).set_running(True)
        if self.series is not None and not self.series.modes:
            self._show_spec(spec)
        self.query_one(RunLanes).reset(spec.workers)
        self.query_one(TimelineLanes).clear()
        self.timeline_from = 0
        self.ticks = 0
        self.started_shown = False  # "starting the lab…" until the first progress arrives
        self.cpu = CpuMeter()
        series = self.series

        def what() -> str:
            line = i18n.t("app.running", workload=spec.workload_label, mode=mode_name(spec.mode), count=spec.workers,
                        python=spec.interpreter.short)
            if series is None:
                return line
            if series.modes:
                return i18n.t("app.set.running", step=series.queue.recorded + 1, steps=series.steps, what=line)
            key = "app.convoy.running" if series.name == CONVOY_KEY else "app.preset.running"
            return i18n.t(key, number=series.number, step=series.queue.recorded + 1,
                          steps=series.steps, what=line)

        self.query_one(ResultPane).show_start(what)
        self.timer = self.set_interval(1 / FPS, self._pull)
        self.run_worker(active.drive_in_worker, thread=True, group="lab", exit_on_error=False)
        self.refresh_bindings()

    def _show_spec(self, spec: RunSpec) -> None:
        """A preset's run in the setup pane: it shows what runs (and r afterwards runs the last of them again)."""
        setup = self.query_one(SetupPane)
        size = validation.sizes_text(spec.sizes) if spec.sizes else number_text(spec.size)
        for name, value in (("workload", spec.workload), ("mode", spec.mode), ("workers", str(spec.workers)),
                            ("size", size), ("switch", number_text(spec.switch_interval))):
            setup.set_value(name, value)

    def action_cancel(self) -> None:
        if self.series is not None:
            self.series.queue.cancel()
        if self.active is not None and not self.active.stop.is_set():
            self.active.stop.set()
            self.query_one(ResultPane).show_cancelling()

    async def action_quit(self) -> None:
        await self.stop_run()
        self.exit(0)

    def action_toggle_timeline(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "tab-lanes" if tabs.active == "tab-timeline" else "tab-timeline"
        if tabs.active == "tab-timeline" and self.active is not None:
            self._pull_timeline(self.active)

    def action_compare(self) -> None:
        if self.active is None and len(self.screen_stack) == 1:
            from .comparison import for_app  # on c only: a tenth of the workbench's import time

            self.push_screen(for_app(self))

    def action_export(self) -> None:
        if len(self.screen_stack) == 1:
            export_results(self, self.query_one(HistoryTable).results, "session")

    def _timeline_tab(self) -> TimelineLanes:
        """The timeline, brought to the front: zoom keys act on it and show it."""
        if self.query_one(TabbedContent).active != "tab-timeline":
            self.action_toggle_timeline()
        return self.query_one(TimelineLanes)

    def action_zoom_in(self) -> None:
        self._timeline_tab().zoom_in()

    def action_zoom_out(self) -> None:
        self._timeline_tab().zoom_out()

    def action_zoom_fit(self) -> None:
        self._timeline_tab().zoom_fit()

    def action_pan(self, direction: int) -> None:
        self._timeline_tab().move(direction)

    def action_toggle_theme(self) -> None:
        self.palette = themes.toggle(self)
        for screen in self.screen_stack:
            if isinstance(screen, WorkbenchScreen):
                screen.light_focused_pane(again=True)
        for widget in [*self.query(RunLanes), *self.query(TimelineLanes)]:
            widget.refresh()  # drawn again in the new palette

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())

    def release_run(self) -> None:
        """After the app has ended, whichever way (q, a signal, or the browser tab closed: textual-serve's quit is
        Textual's ExitApp, which skips action_quit): cancel a run still going, kill its lab and remove its board."""
        active, self.active = self.active, None
        if active is None:
            return
        active.stop.set()
        active.done.wait(QUIT_WAIT)
        active.close()

    async def stop_run(self) -> None:
        """Cancel a run in progress and wait until its lab process and board are gone."""
        active = self.active
        if active is None:
            return
        active.stop.set()
        loop_time = asyncio.get_running_loop().time
        deadline = loop_time() + QUIT_WAIT
        while not active.done.is_set() and loop_time() < deadline:
            await asyncio.sleep(0.02)
        self._finish(active)

    # -- the one timer ----------------------------------------------------------------------------

    def _pull(self) -> None:
        active = self.active
        if active is None:
            return
        if active.done.is_set():
            self._finish(active)
            return
        self.ticks += 1
        with self.batch_update():
            self.query_one(ResultPane).elapsed = active.elapsed()
            if self.cpu is not None and self.ticks % CPU_EVERY == 0:
                self.query_one(ResultPane).show_cpu(self.cpu.sample())
            if self.ticks % LANES_EVERY != 1:
                return
            snap = active.lab.snapshot()
            self.query_one(ProbeLine).sample(active.lab.probe_window())
            if snap.total and any(snap.total):
                if self.query_one(RunLanes).show(snap.done, snap.total, snap.states) and not self.started_shown:
                    self.started_shown = True
                    self.query_one(ResultPane).show_running()
            if self.query_one(TabbedContent).active == "tab-timeline":
                self._pull_timeline(active)

    def _pull_timeline(self, active: ActiveRun) -> None:
        start = max(0, self.timeline_from - 1)  # the last slot read may have been still filling
        lanes = active.lab.timeline(start)
        if lanes.lanes:
            timeline = self.query_one(TimelineLanes)
            timeline.slice_s = lanes.slice_s
            timeline.coarse = active.lab.spec.switch_interval < TIMELINE_MIN_SWITCH  # the ticks are known at the end
            timeline.extend(start, lanes.lanes)
            self.timeline_from = start + max(len(lane) for lane in lanes.lanes)

    def _finish(self, active: ActiveRun) -> None:
        """In the UI thread, once the lab is over: last snapshot, close, show and record the result."""
        if self.active is not active:
            return
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        result = active.result
        if result is None:  # the worker did not finish in time: close() kills the lab regardless
            result = active.lab.unfinished("cancelled")
        snap = active.lab.snapshot() if active.lab.board is not None else None
        active.close()
        self.active = None
        self.cpu = None
        history = self.query_one(HistoryTable)
        result = with_speedup(result, history.results)
        series = self.series
        if series is not None:
            series.queue.record(result)
        following = series is not None and not series.queue.finished
        with self.batch_update():
            if result.tasks:
                self._show_lanes(result)
            elif snap is not None:
                self.query_one(RunLanes).show(snap.done, snap.total, snap.states)
            self._show_timeline(result)
            self.query_one(ProbeLine).show_result(result)
            number = len(history.results) + 1  # its row in History
            if series is None:
                self.query_one(ResultPane).show_result(result, lambda: done_headline(result, number),
                                                       find_baseline(result, history.results))
            elif not following and series.modes:
                self._show_set(series, result, number)
            elif not following:
                self._show_series(series, result, number)
            history.add_result(result)
            if result.mode == "sequential" and result.ok:  # earlier runs of the same work get their speedup now
                history.update_results(fill_in(history.results, result))
            self.query_one(SetupPane).set_running(following)
        self._write_result_log(result)
        release_footer_keys(self)
        if following:
            assert series is not None
            spec = series.queue.next()
            assert spec is not None
            self._start(spec)
        else:
            self.series = None
        self.refresh_bindings()

    def _show_series(self, series: Series, last: RunResult, number: int) -> None:
        """The post's figures beside the ones just measured, and why they differ; then the last run (``number``
        in History). The headline gives the series' total: the wall times of its runs added up."""
        results = list(series.results)

        def headline() -> str:
            return series_headline(results, number)

        def comparison() -> list[RenderableType]:
            title = i18n.t("app.preset.done", number=series.number,
                           title=i18n.t(presets.PRESETS[series.name].title_key))
            parts: list[RenderableType] = [Text(title, style="bold")]
            if len(results) < series.steps or any(not r.ok for r in results):
                done = len([r for r in results if r.ok])
                key = "app.convoy.cancelled" if series.name == CONVOY_KEY else "app.preset.cancelled"
                parts.append(Text(i18n.t(key, number=series.number, done=done, steps=series.steps),
                                  style="bold yellow"))
            parts += bullets(presets.compare(series.name, results))
            parts.append(Text(""))
            return parts

        loudest = next((r for r in results if convoy.banner(r)[1]), None)  # the convoy's held-back run, if any
        self.query_one(ResultPane).show_result(last, headline, before=comparison, why=False, banner_of=loudest)

    def _show_set(self, series: Series, last: RunResult, number: int) -> None:
        """Every mode of the set side by side (wall, cores used, speedup as a bar), then why each came out so
        against the set's sequential run; the headline gives the runs' rows in History."""
        results = with_speedups(list(series.results))
        baseline = next((r for r in results if r.mode == "sequential" and r.ok), None)

        def headline() -> str:
            return series_headline(results, number)

        def body() -> RenderableType:
            parts: list[RenderableType] = [ModeBars(results)]
            if len(results) < series.steps:
                parts.append(Text(i18n.t("app.set.cancelled", done=len(results), steps=series.steps),
                                  style="bold yellow"))
            for r in results:
                if r.mode == "sequential" and r.ok:
                    continue
                parts.append(Text(i18n.t("app.set.why", mode=mode_name(r.mode)), style="bold"))
                parts += bullets(explain(r, None, baseline))
            parts.append(what_line(describe(last, " + ".join(mode_name(r.mode) for r in results))))
            return Group(*parts)

        self.query_one(ResultPane).show_set(results, headline, body)

    def _show_lanes(self, result: RunResult) -> None:
        tasks = result.tasks
        self.query_one(RunLanes).show([t.done or 0 for t in tasks], [t.total or 0 for t in tasks],
                                      [t.state or "pending" for t in tasks], [t.core_share for t in tasks])

    def _show_timeline(self, result: RunResult) -> None:
        timeline = result.timeline
        if timeline is not None and timeline.lanes:
            self.query_one(TimelineLanes).show(timeline.lanes, timeline.slice_s, coarse=timeline_too_coarse(result))

    @staticmethod
    def _write_result_log(result: RunResult) -> None:
        """Append ``result`` to ``$GIL_TUI_RESULT_LOG`` (not named ``_log``: that is Textual's ``App._log``)."""
        path = os.environ.get(RESULT_LOG)
        if path:
            with Path(path).open("a", encoding="utf-8") as f:
                f.write(json.dumps(result.to_json()) + "\n")

    # -- events -----------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "run-button":
            self.action_run()
        elif event.button.id == "cancel-button":
            self.action_cancel()

    def on_setup_pane_checked(self, event: SetupPane.Checked) -> None:
        self.query_one(ResultPane).show_idle(event.ok)

    def on_history_table_picked(self, event: HistoryTable.Picked) -> None:
        if self.active is None:
            self._show_finished(event.result, again=True)
            self._load_setup(event.result)

    def _load_setup(self, result: RunResult) -> None:
        """A run from History back in the setup pane (its workload, mode, workers, size, switch interval and Python;
        for your own code, its file.py:function and the size it was given): r runs it again."""
        setup = self.query_one(SetupPane)
        size = validation.sizes_text(result.sizes) if result.sizes else number_text(result.size)
        if result.task:
            setup.set_value("task", result.task)
            size = "" if result.task_arg is None else str(result.task_arg)
        # the Python first: the Mode list then offers what it can run, and the run's mode is not unticked
        for index, choice in enumerate(setup.choices):
            same = choice.interpreter.executable == result.interpreter.executable or (
                os.path.realpath(choice.interpreter.executable) == os.path.realpath(result.interpreter.executable))
            if same and (
                    choice.gil_shown is None or (choice.gil_shown == "on") == result.gil_held):
                setup.set_value("python", str(index))
                break
        for name, value in (("workload", result.workload), ("mode", result.mode), ("workers", str(result.workers)),
                            ("size", size), ("switch", number_text(result.interval))):
            setup.set_value(name, value)
        results = self.query_one(HistoryTable).results
        number = results.index(result) + 1 if result in results else len(results)
        self.notify(i18n.t("app.history.loaded", n=number))

    def _show_finished(self, result: RunResult, again: bool) -> None:
        """A result from History in the panes: ``again`` when picked there, else as if it had just finished."""
        results = self.query_one(HistoryTable).results
        earlier = results[:results.index(result)] if result in results else results
        number = len(earlier) + 1
        # its baseline may have run after it (a threads run, then its sequential one): any run of the session
        self.query_one(ResultPane).show_result(
            result, lambda: done_headline(result, number, again=again), find_baseline(result, results))
        self._show_timeline(result)
        self._show_lanes(result)
        self.query_one(ProbeLine).show_result(result)

    def load_result(self, result: RunResult) -> None:
        """Show a finished result as if it had just run (screenshots and snapshot tests use fixed ones)."""
        history = self.query_one(HistoryTable)
        result = with_speedup(result, history.results)
        history.add_result(result)
        self._show_finished(result, again=False)
