"""The setup pane: workload, workers, mode, size, switch interval and interpreter, checked as you type."""

from __future__ import annotations

import os
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from .. import options
from ..app.texts import text
from ..lab.catalog import DEFAULT_SWITCH_INTERVAL, MODES, WORKLOADS, default_size
from ..probe import Interpreter
from ..runner import RunSpec


@dataclass(frozen=True)
class Choice:
    """One entry of the interpreter picker: a build, and for free-threaded builds the GIL setting."""

    interpreter: Interpreter
    gil: str | None = None

    @property
    def label(self) -> str:
        if self.interpreter.free_threaded:
            gil = self.gil or ("on" if self.interpreter.gil_enabled else "off")
            return text("python.gil", short=self.interpreter.short, gil=gil)
        return self.interpreter.short


def choices_for(interpreters: list[Interpreter]) -> list[Choice]:
    """Free-threaded builds appear twice, GIL off and GIL on; duplicates are dropped."""
    seen: set[str] = set()
    result: list[Choice] = []
    for interp in interpreters:
        real = os.path.realpath(interp.executable)
        if real in seen:
            continue
        seen.add(real)
        if interp.free_threaded:
            result += [Choice(interp, "off"), Choice(interp, "on")]
        else:
            result.append(Choice(interp))
    return result


@dataclass
class Preset:
    workload: str = "fib"
    mode: str = "threads"
    workers: str = "4"
    size: str = ""
    switch_interval: str = "%g" % DEFAULT_SWITCH_INTERVAL
    choice: int = 0


FIELDS = ("workload", "workers", "mode", "size", "switch", "python")


class SetupPane(Vertical):
    """Posts ``SetupPane.Checked`` whenever the values change, valid or not."""

    DEFAULT_CSS = """
    SetupPane { height: auto; }
    SetupPane .row { height: 1; }
    SetupPane .row Label { width: 10; color: $text-muted; }
    SetupPane .row Select, SetupPane .row Input { width: 1fr; }
    SetupPane #workload-desc { color: $text-muted; text-style: italic; padding-left: 10; text-wrap: nowrap;
                              text-overflow: ellipsis; }
    SetupPane .error { color: $error; text-style: bold; padding-left: 10; display: none; }
    SetupPane .error.-shown { display: block; }
    SetupPane #buttons { height: 1; }
    SetupPane #buttons Button { margin-right: 2; min-width: 8; }
    """

    class Checked(Message):
        def __init__(self, ok: bool) -> None:
            super().__init__()
            self.ok = ok

    def __init__(self, choices: list[Choice], preset: Preset, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.preset = preset
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        p = self.preset
        workloads = [(Text.assemble((name, "bold"), "  ", (spec[4], "dim")), name) for name, spec in WORKLOADS.items()]
        modes = [(Text.assemble((name, "bold"), "  ", (desc, "dim")), name) for name, desc in MODES.items()]
        pythons = [(Text.assemble((c.label, "bold"), "  ", (c.interpreter.executable, "dim")), str(i))
                   for i, c in enumerate(self.choices)]
        with Horizontal(classes="row"):
            yield Label(text("field.workload"))
            yield Select(workloads, value=p.workload, allow_blank=False, compact=True, id="workload")
        yield Static(WORKLOADS[p.workload][4], id="workload-desc")
        yield from self._input_row("workers", p.workers, "")
        with Horizontal(classes="row"):
            yield Label(text("field.mode"))
            yield Select(modes, value=p.mode, allow_blank=False, compact=True, id="mode")
        yield from self._input_row("size", p.size, "%g" % default_size(p.workload))
        yield from self._input_row("switch", p.switch_interval, "%g" % DEFAULT_SWITCH_INTERVAL)
        with Horizontal(classes="row"):
            yield Label(text("field.python"))
            yield Select(pythons, value=str(p.choice), allow_blank=False, compact=True, id="python")
        yield Static("", classes="error", id="python-error")
        with Horizontal(id="buttons"):
            yield Button(text("button.run"), id="run-button", variant="success", compact=True)
            yield Button(text("button.cancel"), id="cancel-button", variant="error", compact=True, disabled=True)

    def _input_row(self, name: str, value: str, placeholder: str) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(text("field." + name))
            yield Input(value, placeholder=placeholder, compact=True, id=name, select_on_focus=False)
        yield Static("", classes="error", id=name + "-error")

    def on_mount(self) -> None:
        self.check()

    # -- reading and checking ---------------------------------------------------------------------

    def value(self, name: str) -> str:
        widget = self.query_one("#" + name)
        if isinstance(widget, Select):
            return str(widget.value)
        assert isinstance(widget, Input)
        return widget.value

    def set_value(self, name: str, value: str) -> None:
        widget = self.query_one("#" + name)
        if isinstance(widget, (Select, Input)):
            widget.value = value

    def spec(self) -> RunSpec:
        """The RunSpec these values ask for; UsageError with the first mistake."""
        workload = options.workload(self.value("workload"))
        mode = options.modes(self.value("mode"))[0]
        workers = options.workers(self.value("workers"))
        size = options.size(workload, self.value("size"))
        interval = options.switch_interval(self.value("switch") or "%g" % DEFAULT_SWITCH_INTERVAL)
        choice = self.choices[int(self.value("python"))]
        gil = options.gil_for(choice.interpreter, choice.gil)
        return RunSpec(workload, mode, workers, size, choice.interpreter, gil, interval)

    def check(self) -> bool:
        """Show an error under each bad field; disable Run while any is left. True when all are fine."""
        errors: dict[str, str] = {}
        workload = self.value("workload")
        checks = {
            "workers": lambda: options.workers(self.value("workers")),
            "size": lambda: options.size(workload, self.value("size")),
            "switch": lambda: options.switch_interval(self.value("switch") or "%g" % DEFAULT_SWITCH_INTERVAL),
            "python": lambda: options.gil_for(self.choices[int(self.value("python"))].interpreter,
                                              self.choices[int(self.value("python"))].gil),
        }
        for name, check in checks.items():
            try:
                check()
            except options.UsageError as exc:
                errors[name] = str(exc)
        for name in ("workers", "size", "switch", "python"):
            widget = self.query_one("#%s-error" % name, Static)
            widget.update(errors.get(name, ""))
            widget.set_class(name in errors, "-shown")
        self.errors = errors
        self.query_one("#run-button", Button).disabled = bool(errors) or self.running
        self.post_message(self.Checked(not errors))
        return not errors

    running = False

    def set_running(self, running: bool) -> None:
        self.running = running
        self.query_one("#run-button", Button).disabled = running or bool(self.errors)
        self.query_one("#cancel-button", Button).disabled = not running

    # -- events -----------------------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "workload" and isinstance(event.value, str) and event.value in WORKLOADS:
            self.query_one("#workload-desc", Static).update(WORKLOADS[event.value][4])
            self.query_one("#size", Input).placeholder = "%g" % default_size(event.value)
        self.check()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check()
