"""The workbench: setup on one side, the run's lanes, its result and the session's history.

A thread worker starts and watches the lab process; ONE timer pulls the lab's shared-memory board
ten times a second and applies it in one batch. No message per progress step, no workload code here.
"""

from __future__ import annotations

import asyncio
import json
import os
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, TabbedContent, TabPane
from textual.worker import get_current_worker

from ..options import UsageError
from ..probe import Interpreter
from ..widgets.history import HistoryTable
from ..widgets.lanes import RunLanes
from ..widgets.result import ResultPane
from ..widgets.setup import Preset, SetupPane, choices_for
from ..widgets.timeline import TimelineLanes
from .active_run import ActiveRun
from .comparison import for_app as comparison_for
from .comparison_texts import ct
from .export_dialog import export_results
from .help import HelpScreen
from .texts import text

FPS = 10
NARROW = 100  # columns: below this the panes stack
QUIT_WAIT = 3.0  # seconds at most to wait for a cancelled lab on quit (cancel itself takes < 0.5 s)
RESULT_LOG = "GIL_TUI_RESULT_LOG"  # a file path: every finished run's result is appended as a JSON line


def group_key(result: dict) -> tuple:
    return (result["workload"], result["size"], result["workers"], result["interpreter"]["executable"],
            result.get("gil"))


class Workbench(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = text("title")
    BINDINGS = [
        Binding("r", "run", text("key.run"), priority=True),
        Binding("escape", "cancel", text("key.cancel")),
        Binding("q", "quit", text("key.quit"), priority=True),
        Binding("ctrl+c", "quit", text("key.quit"), show=False, priority=True),
        Binding("question_mark", "help", text("key.help"), priority=True),
        Binding("t", "toggle_timeline", text("key.timeline")),
        Binding("c", "compare", ct("key.compare"), show=False),
        Binding("e", "export", ct("key.export"), show=False),
    ]

    def __init__(self, interpreters: list[Interpreter], preset: Preset | None = None, *, autorun: bool = False,
                 blink: bool = True) -> None:
        super().__init__()
        self.choices = choices_for(interpreters)
        self.preset = preset or Preset()
        self.autorun = autorun
        self.blink = blink
        self.active: ActiveRun | None = None
        self.timer: Timer | None = None
        self.timeline_from = 0

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="left"):
                setup = SetupPane(self.choices, self.preset, id="setup")
                setup.border_title = text("pane.setup")
                yield setup
                result = ResultPane(id="result")
                result.border_title = text("pane.result")
                yield result
            with Vertical(id="right"):
                with TabbedContent(id="runpane"):
                    with TabPane(text("tab.lanes"), id="tab-lanes"):
                        yield RunLanes(id="lanes")
                    with TabPane(text("tab.timeline"), id="tab-timeline"):
                        yield TimelineLanes(id="timeline")
                history = HistoryTable(id="history")
                history.border_title = text("pane.history")
                yield history
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#runpane", TabbedContent).border_title = text("pane.run")
        self._apply_width(self.size.width)
        if not self.blink:
            for field in self.query(Input):
                field.cursor_blink = False
        if self.autorun:
            self.call_after_refresh(self.action_run)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    # -- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # the footer shows run or cancel, whichever applies now
        if action == "run":  # on another screen (comparison, help) its own r applies
            return self.active is None and len(self.screen_stack) == 1
        if action == "cancel":
            return self.active is not None or None
        return True

    def action_run(self) -> None:
        if self.active is not None or isinstance(self.screen, HelpScreen):
            return
        setup = self.query_one(SetupPane)
        if not setup.check():
            self.notify(text("error.invalid", next(iter(setup.errors.values()))), severity="error")
            return
        try:
            spec = setup.spec()
        except UsageError as exc:
            self.notify(text("error.invalid", exc), severity="error")
            return
        active = self.active = ActiveRun(spec)
        setup.set_running(True)
        self.query_one(RunLanes).reset(spec.workers)
        self.query_one(TimelineLanes).clear()
        self.timeline_from = 0
        self.query_one(ResultPane).show_start(text(
            "running", workload=spec.workload, mode=spec.mode, workers=spec.workers, python=spec.interpreter.short))
        self.timer = self.set_interval(1 / FPS, self._pull)
        self.run_worker(partial(self._drive, active), thread=True, group="lab", exit_on_error=False)
        self.refresh_bindings()

    @staticmethod
    def _drive(active: ActiveRun) -> None:
        worker = get_current_worker()
        active.drive(lambda: worker.is_cancelled)

    def action_cancel(self) -> None:
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
            self.push_screen(comparison_for(self))

    def action_export(self) -> None:
        if len(self.screen_stack) == 1:
            export_results(self, self.query_one(HistoryTable).results, "session")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())

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
        snap = active.lab.snapshot()
        with self.batch_update():
            self.query_one(ResultPane).elapsed = active.elapsed()
            if snap.total and any(snap.total):
                self.query_one(RunLanes).show(snap.done, snap.total, snap.states)
            if self.query_one(TabbedContent).active == "tab-timeline":
                self._pull_timeline(active)

    def _pull_timeline(self, active: ActiveRun) -> None:
        start = max(0, self.timeline_from - 1)  # the last slot read may have been still filling
        lanes = active.lab.timeline(start)
        if lanes.lanes:
            timeline = self.query_one(TimelineLanes)
            timeline.slice_s = lanes.slice_s
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
            result = active.lab._base()
            result["status"] = "cancelled"
        snap = active.lab.snapshot() if active.lab.board is not None else None
        active.close()
        self.active = None
        history = self.query_one(HistoryTable)
        self._add_speedup(result, history.results)
        with self.batch_update():
            if result.get("tasks"):
                tasks = result["tasks"]
                self.query_one(RunLanes).show([t["done"] or 0 for t in tasks], [t["total"] or 0 for t in tasks],
                                              [t.get("state") or "pending" for t in tasks])
            elif snap is not None:
                self.query_one(RunLanes).show(snap.done, snap.total, snap.states)
            self._show_timeline(result)
            self.query_one(ResultPane).show_result(result, active.elapsed())
            history.add_result(result)
            self.query_one(SetupPane).set_running(False)
        self._log(result)
        self.refresh_bindings()

    def _show_timeline(self, result: dict) -> None:
        timeline = result.get("timeline")
        if timeline and timeline.get("lanes"):
            self.query_one(TimelineLanes).show(timeline["lanes"], timeline["slice_s"])

    @staticmethod
    def _add_speedup(result: dict, earlier: list[dict]) -> None:
        """Speedup against the latest sequential run of the same workload, size, workers and interpreter."""
        if result.get("speedup") is not None or result["status"] != "ok" or not result.get("wall_s"):
            return
        if result["mode"] == "sequential":
            result["speedup"] = 1.0
            return
        for past in reversed(earlier):
            if past["mode"] == "sequential" and past["status"] == "ok" and past.get("wall_s") \
                    and group_key(past) == group_key(result):
                result["speedup"] = past["wall_s"] / result["wall_s"]
                return

    @staticmethod
    def _log(result: dict) -> None:
        path = os.environ.get(RESULT_LOG)
        if path:
            with Path(path).open("a", encoding="utf-8") as f:
                f.write(json.dumps(result) + "\n")

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
            self.query_one(ResultPane).show_result(event.result, None)
            self._show_timeline(event.result)
            tasks = event.result.get("tasks") or []
            self.query_one(RunLanes).show([t["done"] or 0 for t in tasks], [t["total"] or 0 for t in tasks],
                                          [t.get("state") or "pending" for t in tasks])

    def load_result(self, result: dict) -> None:
        """Show a finished result as if it had just run (screenshots and snapshot tests use fixed ones)."""
        history = self.query_one(HistoryTable)
        self._add_speedup(result, history.results)
        history.add_result(result)
        self.on_history_table_picked(HistoryTable.Picked(result))
