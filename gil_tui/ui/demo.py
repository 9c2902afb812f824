"""The scripted tour (``gil-tui demo``): the workbench with a caption bar, stepped by a key or a timer.

A step shows its caption, then starts its runs (one of the post's experiments, through the same
``action_preset`` keys 1 2 3 use) and waits for them to end; the next step comes on space/enter,
or ``auto`` seconds after the step ended. The caption bar has a fixed height and the workbench
under it keeps its own layout, so the screen is laid out the same at a given terminal size.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Static, TabbedContent

from .. import i18n
from ..core.probe import Interpreter
from .demo_steps import NO_FREE, QUICK_SIZES, STEPS, Step
from .widgets.setup import SetupPane, SetupValues
from .workbench import Workbench

CHECK_EVERY = 0.1  # seconds between looks at whether a step's runs are over


class Caption(Static):
    DEFAULT_CSS = """
    Caption { dock: top; height: 4; padding: 0 1; background: $panel; color: $text; }
    """


class DemoTour(Workbench):
    BINDINGS = [
        Binding("space,enter", "next_step", "Next step", priority=True),
    ]

    def __init__(self, interpreters: list[Interpreter], *, auto: float | None = None, quick: bool = False,
                 lang: str | None = None, blink: bool = True, theme: str | None = None) -> None:
        super().__init__(interpreters, SetupValues(), blink=blink, lang=lang, theme=theme)
        self.auto = auto
        self.quick = quick
        self.free_choice = next((i for i, c in enumerate(self.choices)
                                 if c.interpreter.free_threaded and c.gil == "off"), None)
        if self.choices[0].interpreter.free_threaded:
            self.free_choice = None  # the tour's main Python must have the GIL for the contrast to mean anything
        self.steps = [step if not step.free_threaded or self.free_choice is not None else NO_FREE
                      for step in STEPS]
        self.index = -1
        self.step_running = False
        self.shown: list[str] = []  # every caption title shown, in order (tests read it)
        self.watch_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Caption(id="demo-caption")
        yield from super().compose()

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.action_next_step)

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    def action_next_step(self) -> None:
        if self.step_running or self.active is not None or self.series is not None:
            return  # a step's runs are going: the presenter waits for them (escape cancels)
        if self.index + 1 >= len(self.steps):
            if self.auto is not None:
                self.exit(0)
            return
        self.index += 1
        step = self.steps[self.index]
        self.step_running = True
        self._caption()
        self.shown.append(self._title(step))
        if step.preset is not None:
            self._tab("tab-lanes")
            setup = self.query_one(SetupPane)
            setup.set_value("python", str(self.free_choice if step.free_threaded else 0))
            self.preset_size = QUICK_SIZES[step.preset] if self.quick else None
            self.call_after_refresh(self._run_step, step.preset)
        else:
            self._step_over()

    def _run_step(self, preset: int) -> None:
        # watch for the end only once the preset has started: a timer set before could see no run yet, end the
        # step early and leave the tour stuck once the runs are over (under load the refresh takes > CHECK_EVERY)
        self.action_preset(preset)
        self.watch_timer = self.set_interval(CHECK_EVERY, self._check_step)

    def _check_step(self) -> None:
        if self.active is None and self.series is None:
            self._step_over()

    def _step_over(self) -> None:
        if self.watch_timer is not None:
            self.watch_timer.stop()
            self.watch_timer = None
        step = self.step
        if step is not None and step.timeline:
            self._tab("tab-timeline")
        self.step_running = False
        self._caption()
        if self.auto is not None:
            self.set_timer(max(self.auto, 0.001), self.action_next_step)

    def _tab(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane

    def _title(self, step: Step) -> str:
        python = self.choices[self.free_choice].interpreter.short if self.free_choice is not None else ""
        return i18n.t("demo.%s.title" % step.key, python=python)

    def _caption(self) -> None:
        step = self.step
        if step is None:
            return
        if self.step_running and step.preset is not None:
            how = i18n.t("demo.how.running")
        elif self.auto is not None:
            how = i18n.t("demo.how.auto", seconds=self.auto)
        else:
            how = i18n.t("demo.how.keys")
        caption = Text()
        caption.append(i18n.t("demo.header", n=self.index + 1, count=len(self.steps), how=how) + "\n", style="dim")
        caption.append(self._title(step) + "\n", style="bold")
        caption.append(i18n.t("demo.%s.look" % step.key))
        self.query_one(Caption).update(caption)

    def action_language(self) -> None:
        super().action_language()
        self._caption()
