"""The setup pane: workload, workers, mode, size, switch interval and interpreter, checked as you type."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from ...core import usertask, validation
from ...core.model import Choice, RunSpec
from ...i18n import interval_text, t
from ...lab.catalog import (
    DEFAULT_SWITCH_INTERVAL,
    DEFAULT_WORKERS,
    MODES,
    WORKLOADS,
    default_size,
)
from .mode_set import ModeSet, set_label
from .number_input import DIGITS, NumberInput
from .ordered_input import OrderedInput
from .ordered_select import OrderedSelect
from .path_prompt import PathPrompt

# sys.setswitchinterval presets: the default, then ever more often, down to Python 2's "every 100 bytecodes"
SWITCH_PRESETS = (DEFAULT_SWITCH_INTERVAL, 0.001, 0.0001, 0.00001)
CUSTOM = "custom"


def interval_label(seconds: float) -> str:
    """5 ms, 100 µs: the switch interval as people say it, as every other screen and text says it."""
    return interval_text(seconds)


TASK = usertask.WORKLOAD  # "your code": a function from a file, file.py:function


def unit_label(workload: str) -> str:
    """The unit of a workload's size, as the Size field shows it: "n of fib(n)", "increments", "s", "MiB"..."""
    return t("app.unit." + WORKLOADS[workload].unit) if workload in WORKLOADS else ""


def preset_for(value: str) -> str:
    """The preset Select value matching a typed interval, or CUSTOM."""
    try:
        seconds = float(value.strip()) if value.strip() else DEFAULT_SWITCH_INTERVAL
    except ValueError:
        return CUSTOM
    for preset in SWITCH_PRESETS:
        if abs(seconds - preset) <= preset * 1e-9:
            return "%g" % preset
    return CUSTOM


def workload_options() -> list[tuple[Text, str]]:
    """The built-in workloads for a Select, each with what it does, in the language of the moment."""
    return [(Text.assemble((name, "bold"), "  ", (t("app.workload." + name), "dim")), name) for name in WORKLOADS]


def choice_label(choice: Choice) -> str:
    """The pickers' label for a choice, in the current language: "3.12", "3.13t GIL off" (``Choice.label``,
    "3.13t (GIL off)", is the one ``gil-tui interpreters --json`` prints)."""
    gil = choice.gil_shown
    return choice.interpreter.short if gil is None else t("app.python.gil", short=choice.interpreter.short, gil=gil)


def choice_labels(choices: list[Choice]) -> list[str]:
    """Each choice's ``choice_label``, told apart where two share one by where each lives: "3.11 (venv)" and
    "3.11 (usr)" for /work/venv/bin/python3 and /usr/bin/python3.11, the fewest directories (above bin) that do it.
    A path shortened to fit the picker may keep only "…/bin/python3.11" of each: the label must differ."""
    labels = [choice_label(c) for c in choices]
    for label in set(labels):
        same = [i for i, other in enumerate(labels) if other == label]
        if len(same) > 1:
            places = {i: place(choices[i].interpreter.executable) for i in same}
            for i in same:
                labels[i] = "%s (%s)" % (label, tag(places[i], [places[j] for j in same if j != i]))
    return labels


def place(executable: str) -> list[str]:
    """The directories an interpreter lives in, innermost last, a last "bin" left out: /work/venv/bin/python3 -> work,
    venv; the file's name last of all, for two in the same directory."""
    *dirs, name = executable.split("/")
    if dirs and dirs[-1] == "bin":
        dirs.pop()
    return [d for d in dirs if d] + [name]


def tag(own: list[str], others: list[list[str]]) -> str:
    """The fewest of ``own``'s innermost directories that no other place ends with ("venv", "a/venv"), else its name."""
    dirs = own[:-1]
    for count in range(1, len(dirs) + 1):
        if all(other[:-1][-count:] != dirs[-count:] for other in others):
            return "/".join(dirs[-count:])
    return own[-1]


@dataclass(frozen=True)
class SetupValues:
    """What the setup pane opens with: values already checked (by the command line), not text to parse again."""

    workload: str = "fib"
    mode: str = "sequential,threads"  # a set of modes, as -m takes it: r runs each in turn
    workers: int = DEFAULT_WORKERS
    size: float | None = None  # None: the workload's default, shown as the field's placeholder
    sizes: tuple[float, ...] | None = None  # one size per task ("30..34"), in place of ``size``
    switch_interval: float = DEFAULT_SWITCH_INTERVAL
    choice: int = 0  # index into the pane's interpreter choices
    task: str = ""  # your code, file.py:function (workload "task")
    tasks: bool = True  # Workload offers "your code" (not in a served app, unless a folder is allowed)
    tasks_from: str | None = None  # the only folder your code may come from (gil-tui serve --allow-tasks-from)


def number_text(value: float) -> str:
    """A number as a person would type it: 20000, 0.0001, 0.00005, 1.5 (never 2e+06 or 5e-05)."""
    if abs(value) < 1e15 and value == int(value):
        return str(int(value))  # 2000000, not 2e+06
    plain = ("%.15f" % value).rstrip("0").rstrip(".")  # 0.00005, not 5e-05: as a person types it
    return plain if float(plain) == value else repr(value)


FIELDS = ("workload", "workers", "mode", "size", "switch", "python")


class SetupPane(Vertical):
    """Posts ``SetupPane.Checked`` whenever the values change, valid or not."""

    DEFAULT_CSS = """
    SetupPane { height: auto; }
    SetupPane .row { height: 1; }
    SetupPane .row Label { width: 10; color: $text-muted; }
    SetupPane .row Select, SetupPane .row Input { width: 1fr; }
    /* the focused field in the accent colour: a 5 % tint vanishes on a projector */
    SetupPane .row Select:focus > SelectCurrent, SetupPane .row Input:focus { background: $accent 45%; }
    SetupPane .row #switch-preset { width: 1fr; }
    SetupPane .row #switch { display: none; margin-left: 1; }
    SetupPane .row #switch.-custom { display: block; }
    SetupPane .row .unit { width: auto; color: $text-muted; margin-left: 1; }
    SetupPane .row #switch-unit { display: none; }
    SetupPane .row #switch-unit.-custom { display: block; }
    SetupPane #switch-note { color: $text-muted; padding-left: 10; display: none; }
    SetupPane #switch-note.-shown { display: block; }
    SetupPane #task-row { display: none; }
    SetupPane.-task #task-row { display: block; }
    SetupPane.-task #workload-desc { display: none; }
    SetupPane #workload-desc { color: $text-muted; text-style: italic; padding-left: 10; text-wrap: nowrap;
                              text-overflow: ellipsis; }
    SetupPane .error { color: $error; text-style: bold; padding-left: 10; display: none; }
    SetupPane .error.-shown { display: block; }
    /* one line under Mode: from the pane's edge, not the fields', it fits at 80 columns */
    SetupPane #mode-note { color: $warning; display: none; text-wrap: nowrap; text-overflow: ellipsis; }
    SetupPane #mode-note.-shown { display: block; }
    SetupPane #buttons { height: 1; }
    SetupPane #buttons Button { margin-right: 2; min-width: 8; }
    """

    class Checked(Message):
        def __init__(self, ok: bool) -> None:
            super().__init__()
            self.ok = ok

    def __init__(self, choices: list[Choice], preset: SetupValues, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.preset = preset
        self.errors: dict[str, str] = {}
        self.dropped: list[str] = []  # the modes the last Python picked unticked: the note under Mode

    # -- options, in the current language ---------------------------------------------------------

    def _workloads(self) -> list[tuple[Text, str]]:
        options = workload_options()
        if self.preset.tasks:
            options.append((Text.assemble((t("app.workload.task.name"), "bold"), "  ",
                                          (t("app.workload." + TASK), "dim")), TASK))
        return options

    def _pythons(self) -> list[tuple[Text, str]]:
        return [(PathPrompt(label, c.interpreter.executable), str(i))
                for i, (label, c) in enumerate(zip(choice_labels(self.choices), self.choices))]

    @staticmethod
    def _switches() -> list[tuple[str, str]]:
        labels = [t("app.switch.default")] + [interval_label(s) for s in SWITCH_PRESETS[1:]]
        return [(label, "%g" % s) for label, s in zip(labels, SWITCH_PRESETS)] + [(t("app.switch.custom"), CUSTOM)]

    def compose(self) -> ComposeResult:
        p = self.preset
        with Horizontal(classes="row"):
            yield Label(t("app.field.workload"), id="label-workload")
            yield OrderedSelect(self._workloads(), value=p.workload, allow_blank=False, compact=True, id="workload")
        yield Static(t("app.workload." + p.workload), id="workload-desc")
        with Horizontal(classes="row", id="task-row"):  # in the description's place when Workload is your code
            yield Label(t("app.field.task"), id="label-task")
            yield OrderedInput(p.task, placeholder="file.py:function", compact=True, id="task", select_on_focus=False)
        yield Static("", classes="error", id="task-error")
        yield from self._input_row("workers", str(p.workers), "", DIGITS)
        with Horizontal(classes="row"):
            yield Label(t("app.field.mode"), id="label-mode")
            yield ModeSet(p.mode.split(","), id="mode")
        yield Static("", classes="error", id="mode-error")
        yield Static("", id="mode-note")  # the modes unticked because the Python picked cannot run them
        size = validation.sizes_text(p.sizes) if p.sizes else "" if p.size is None else number_text(p.size)
        yield from self._input_row("size", size, self._size_placeholder(p.workload), DIGITS + ".,",
                                   unit=unit_label(p.workload))
        with Horizontal(classes="row"):
            yield Label(t("app.field.switch"), id="label-switch")
            preset = preset_for(number_text(p.switch_interval))
            yield OrderedSelect(self._switches(), value=preset, allow_blank=False, compact=True, id="switch-preset")
            yield NumberInput(number_text(p.switch_interval), chars=DIGITS + ".e-",
                              placeholder="%g" % DEFAULT_SWITCH_INTERVAL, compact=True, id="switch",
                              select_on_focus=False, classes="-custom" if preset == CUSTOM else "")
            # the custom interval is typed in seconds, as --switch-interval takes it; the note under it says it
            # the way the presets and the texts do ("0.00005 s = 50 µs")
            yield Label(t("app.unit.s"), id="switch-unit", classes="unit -custom" if preset == CUSTOM else "unit")
        yield Static("", classes="error", id="switch-error")
        yield Static("", id="switch-note")
        with Horizontal(classes="row"):
            yield Label(t("app.field.python"), id="label-python")
            yield OrderedSelect(self._pythons(), value=str(p.choice), allow_blank=False, compact=True, id="python")
        yield Static("", classes="error", id="python-error")
        with Horizontal(id="buttons"):
            yield Button(t("app.button.run"), id="run-button", variant="success", compact=True)
            yield Button(t("app.button.cancel"), id="cancel-button", variant="error", compact=True, disabled=True)

    def _input_row(self, name: str, value: str, placeholder: str, chars: str, unit: str | None = None) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(t("app.field." + name), id="label-" + name)
            yield NumberInput(value, chars=chars, placeholder=placeholder, compact=True, id=name,
                              select_on_focus=False)
            if unit is not None:
                yield Label(unit, id=name + "-unit", classes="unit")
        yield Static("", classes="error", id=name + "-error")

    @staticmethod
    def _size_placeholder(workload: str) -> str:
        return "" if workload == TASK else "%g" % default_size(workload)

    def on_mount(self) -> None:
        self.set_class(self.preset.workload == TASK, "-task")
        self._follow_python()
        self.check()

    def _follow_python(self) -> None:
        """The Mode list offers only the modes the chosen Python can run (``Interpreter.runs``); the others are
        shown disabled, and unticked with a note (``on_mode_set_changed``)."""
        interpreter = self.choices[int(self.value("python"))].interpreter
        if self.query_one(ModeSet).set_unavailable(name for name in MODES if not interpreter.runs(name)):
            self._note_dropped([])  # it was about another Python (what this one unticks comes with Changed)

    def _note_dropped(self, dropped: list[str]) -> None:
        self.dropped = dropped
        note = ""
        if dropped:
            why = "; ".join(t("app.mode.unavailable." + name) for name in dropped)
            note = t("app.mode.dropped", modes=set_label(dropped), why=why)
        widget = self.query_one("#mode-note", Static)
        widget.update(note)
        widget.set_class(bool(note), "-shown")

    def retranslate(self) -> None:
        """Every label, option and error again, in the current language; the values stay."""
        for name in FIELDS + ("task",):
            self.query_one("#label-" + name, Label).update(t("app.field." + name))
        self.query_one(ModeSet).retranslate()
        for name, items in (("workload", self._workloads()),
                            ("switch-preset", self._switches()), ("python", self._pythons())):
            select = self.query_one("#" + name, Select)
            value = select.value
            with select.prevent(Select.Changed):
                select.set_options(items)
                # set_options picks the first option; going through another value repaints the prompt
                select.value = items[-1][1] if value == items[0][1] else items[0][1]
                select.value = value
        self.query_one("#workload-desc", Static).update(t("app.workload." + self.value("workload")))
        self.query_one("#size-unit", Label).update(unit_label(self.value("workload")))
        self.query_one("#switch-unit", Label).update(t("app.unit.s"))
        self._note_dropped(self.dropped)
        for button, key in (("#run-button", "app.button.run"), ("#cancel-button", "app.button.cancel")):
            widget = self.query_one(button, Button)
            widget.label = t(key)
            widget.refresh(layout=True)  # a new label does not resize a Button by itself: "Ejecutar" stayed "Ejecut"
        self.check()

    # -- reading and checking ---------------------------------------------------------------------

    def value(self, name: str) -> str:
        """A field's value as typed; "switch" is the interval in seconds, from the preset or the entry."""
        if name == "switch":
            preset = self.query_one("#switch-preset", Select).value
            if preset != CUSTOM:
                return str(preset)
        widget = self.query_one("#" + name)
        if isinstance(widget, (Select, ModeSet)):
            return str(widget.value)
        assert isinstance(widget, Input)
        return widget.value

    def set_value(self, name: str, value: str) -> None:
        if name == "switch":
            self.query_one("#switch-preset", Select).value = preset_for(value)
            self.query_one("#switch", Input).value = value
            return
        widget = self.query_one("#" + name)
        if isinstance(widget, (Select, Input, ModeSet)):
            widget.value = value
        if name == "python":  # at once, not with Select.Changed: a mode set after it must find the list ready
            self._follow_python()

    def spec(self) -> RunSpec:
        """The RunSpec of the first mode these values ask for; UsageError with the first mistake."""
        return self.specs()[0]

    def specs(self) -> list[RunSpec]:
        """One RunSpec per mode of the set, sequential first; UsageError with the first mistake."""
        # the Mode list offers only what the Python can run; checked again so that no lab starts only to fail
        modes = validation.modes_for(self.choices[int(self.value("python"))].interpreter,
                                     validation.modes(self.value("mode")))
        if self.value("workload") == TASK:
            return [self._task_spec(mode) for mode in modes]
        workload = validation.workload(self.value("workload"))
        workers, size, sizes = validation.work(workload, self.value("size"), self.value("workers"), DEFAULT_WORKERS)
        interval = validation.switch_interval(self.value("switch") or "%g" % DEFAULT_SWITCH_INTERVAL)
        choice = self.choices[int(self.value("python"))]
        gil = validation.gil_for(choice.interpreter, choice.gil)
        return [RunSpec(workload, mode, workers, size, choice.interpreter, gil, interval, sizes) for mode in modes]

    def _task_spec(self, mode: str) -> RunSpec:
        """Your code in ``mode``: the file is checked here (it exists, inside the allowed folder); its import, by the
        lab."""
        ref = usertask.parse(self.value("task"), self.preset.tasks_from)
        workers = validation.workers(self.value("workers"))
        arg = usertask.size_arg(self.value("size") or None)
        interval = validation.switch_interval(self.value("switch") or "%g" % DEFAULT_SWITCH_INTERVAL)
        choice = self.choices[int(self.value("python"))]
        gil = validation.gil_for(choice.interpreter, choice.gil)
        return RunSpec(TASK, mode, workers, usertask.numeric_size(arg), choice.interpreter, gil, interval,
                       task=ref.text, task_arg=arg)

    def check(self) -> bool:
        """Show an error under each bad field; disable Run while any is left. True when all are fine."""
        errors: dict[str, str] = {}
        workload = self.value("workload")
        checks = {
            "mode": lambda: validation.modes_for(self.choices[int(self.value("python"))].interpreter,
                                                 validation.modes(self.value("mode"))),
            "workers": lambda: validation.workers(self.value("workers")),
            # one size per task must agree with Workers (when Workers itself is fine: it says its own mistake)
            "size": lambda: None if workload == TASK else validation.work(
                workload, self.value("size"), None if "workers" in errors else self.value("workers"), DEFAULT_WORKERS),
            "switch": lambda: validation.switch_interval(self.value("switch") or "%g" % DEFAULT_SWITCH_INTERVAL),
            "python": lambda: validation.gil_for(self.choices[int(self.value("python"))].interpreter,
                                              self.choices[int(self.value("python"))].gil),
        }
        if workload == TASK:
            checks["task"] = lambda: usertask.parse(self.value("task"), self.preset.tasks_from).text
        for name, check in checks.items():
            try:
                check()
            except validation.UsageError as exc:  # core's message, in the current language
                errors[name] = exc.render()
        for name in ("task", "mode", "workers", "size", "switch", "python"):
            widget = self.query_one("#%s-error" % name, Static)
            widget.update(errors.get(name, ""))
            widget.set_class(name in errors, "-shown")
        self.errors = errors
        self._note_switch()
        self.query_one("#run-button", Button).disabled = bool(errors) or self.running
        self.post_message(self.Checked(not errors))
        return not errors

    def _note_switch(self) -> None:
        """Under a custom interval typed in seconds, the same interval as the presets say it: "= 50 µs"."""
        note = ""
        if self.query_one("#switch-preset", Select).value == CUSTOM and "switch" not in self.errors:
            typed = self.value("switch").strip() or "%g" % DEFAULT_SWITCH_INTERVAL
            try:
                seconds = validation.switch_interval(typed)
            except validation.UsageError:
                seconds = None
            if seconds is not None:
                note = t("app.switch.note", seconds=typed, interval=interval_text(seconds))
        widget = self.query_one("#switch-note", Static)
        widget.update(note)
        widget.set_class(bool(note), "-shown")

    running = False

    def set_running(self, running: bool) -> None:
        self.running = running
        self.query_one("#run-button", Button).disabled = running or bool(self.errors)
        self.query_one("#cancel-button", Button).disabled = not running

    # -- events -----------------------------------------------------------------------------------

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "workload" and isinstance(event.value, str) and (event.value in WORKLOADS or
                                                                                event.value == TASK):
            self.query_one("#workload-desc", Static).update(t("app.workload." + event.value))
            self.query_one("#size", Input).placeholder = self._size_placeholder(event.value)
            self.query_one("#size-unit", Label).update(unit_label(event.value))
            self.set_class(event.value == TASK, "-task")
        elif event.select.id == "switch-preset":
            entry = self.query_one("#switch", Input)
            custom = event.value == CUSTOM
            entry.set_class(custom, "-custom")
            self.query_one("#switch-unit", Label).set_class(custom, "-custom")
            if custom and not entry.value.strip():
                entry.value = "%g" % DEFAULT_SWITCH_INTERVAL
            if custom and self.query_one("#switch-preset", Select).has_focus:
                entry.focus()
        elif event.select.id == "python":
            self._follow_python()
        self.check()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.check()

    def on_mode_set_changed(self, event: ModeSet.Changed) -> None:
        self._note_dropped(event.dropped)
        self.check()
