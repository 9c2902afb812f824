"""The scripted tour (``gil-tui demo``): the workbench with a caption bar, stepped by a key or a timer.

A step shows its caption, then starts its runs (one of the post's experiments, through the same
``action_preset`` keys 1 2 3 use) and waits for them to end; the next step comes on space/enter,
or ``auto`` seconds after the step ended. The caption bar is as high as the longest caption needs at
the terminal's width (every step's, in the current language), so each is read whole and the screen is laid out
the same from step to step. When the terminal is too short for the timeline step's lanes under it (80x24), the
history gives way to the run pane. The footer names the next-step key in the tour's language.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Static, TabbedContent

from .. import i18n
from ..core.presets import PRESETS
from ..core.probe import Interpreter
from ._textual_hacks import redescribe_bindings
from .demo_steps import NO_FREE, QUICK_SIZES, STEPS, Step
from .widgets.setup import SetupPane, SetupValues
from .workbench import Workbench

CHECK_EVERY = 0.1  # seconds between looks at whether a step's runs are over
# rows the run pane needs for the timeline step: a lane per fib worker, the timeline's one-row footer, the border
RUN_ROWS = PRESETS["seed-fib"].workers + 1 + 2
HISTORY_ROWS = 6  # the history pane's height in the narrow layout (app.tcss)
FOOTER_ROWS = 1


class Caption(Static):
    DEFAULT_CSS = """
    Caption { dock: top; height: 4; padding: 0 1; background: $panel; color: $text; }
    """


class DemoTour(Workbench):
    CSS = """
    .-no-history #history { display: none; }
    """
    BINDINGS = [
        Binding("space,enter", "next_step", i18n.t("demo.key.next"), priority=True),
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

    # Textual calls the workbench's on_mount and on_resize too (handlers run along the class's MRO): no super() here
    def on_mount(self) -> None:
        self.query_one(Footer).show_command_palette = False  # room for the tour's own key at 80 columns
        self._fit()
        self.call_after_refresh(self.action_next_step)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)  # the app's own size changes after this handler

    def retranslate(self) -> None:
        super().retranslate()
        redescribe_bindings(self, lambda b: i18n.t("demo.key.next") if b.action == "next_step" else None)
        self.refresh_bindings()

    def get_key_display(self, binding: Binding) -> str:
        if binding.action == "next_step":
            return i18n.t("demo.key.space")
        return super().get_key_display(binding)

    def _fit(self, columns: int | None = None) -> None:
        """The caption bar as high as the longest caption needs; then, once laid out, room for the lanes."""
        caption = self.query_one(Caption)
        width = max(1, (columns or self.size.width) - 2)  # the caption's padding
        hows, rules = (i18n.t("demo.how.running"), self._how()), caption.styles.get_rules()
        caption.styles.height = max(  # wrapped as the caption wraps it (Textual's Content, not Rich's)
            Content.from_rich_text(self._caption_text(index, how), console=self.console).get_height(rules, width)
            for index in range(len(self.steps)) for how in hows)
        self.call_after_refresh(self._fit_history)

    def _fit_history(self) -> None:
        """Narrow and short (80x24): the history gives way, so the run pane shows the timeline step's every lane."""
        left = self.query_one("#left").outer_size.height
        room = self.size.height - self.query_one(Caption).outer_size.height - FOOTER_ROWS - left
        self.set_class(self.has_class("narrow") and room - HISTORY_ROWS < RUN_ROWS, "-no-history")

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

    def _how(self) -> str:
        """How the tour goes on once a step's runs are over."""
        return i18n.t("demo.how.auto", seconds=self.auto) if self.auto is not None else i18n.t("demo.how.keys")

    def _caption_text(self, index: int, how: str) -> Text:
        step = self.steps[index]
        caption = Text()
        caption.append(i18n.t("demo.header", n=index + 1, count=len(self.steps), how=how) + "\n", style="dim")
        caption.append(self._title(step) + "\n", style="bold")
        caption.append(i18n.t("demo.%s.look" % step.key))
        return caption

    def _caption(self) -> None:
        step = self.step
        if step is None:
            return
        how = i18n.t("demo.how.running") if self.step_running and step.preset is not None else self._how()
        self.query_one(Caption).update(self._caption_text(self.index, how))

    def action_language(self) -> None:
        super().action_language()
        self._fit()
        self._caption()
