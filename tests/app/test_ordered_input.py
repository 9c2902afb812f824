"""Keys that reach the app together are applied in order in every field: Textual's Input deletes and submits through
bindings that run only once the key has bubbled up to the app, so a letter right behind could be typed first."""

from __future__ import annotations

from typing import Callable

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from gil_tui.ui.widgets.number_input import NumberInput
from gil_tui.ui.widgets.ordered_input import OrderedInput
from gil_tui.ui.widgets.setup import SetupPane

from .conftest import sync

BATCHES = [  # (what the field holds, the keys that arrive in one read, what it must hold after)
    ("4", ["backspace", "3"], "3"),
    ("gil-tui-session.json", ["ctrl+u", "k", "e", "p", "t"], "kept"),
    ("12", ["backspace", "backspace", "7"], "7"),
    ("abc", ["home", "x"], "xabc"),
    ("one two", ["ctrl+w", "t", "o"], "one to"),
]


class OneField(App[None]):
    def __init__(self, make_field: Callable[[], Input]) -> None:
        super().__init__()
        self.make_field = make_field
        self.submitted: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.make_field()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submitted.append(event.value)


def key(name: str) -> events.Key:
    return events.Key(name, {"tab": "\t", "backspace": "\x7f"}.get(name, name if len(name) == 1 else None))


async def after_batch(make_field: Callable[[], Input], keys: list[str]) -> str:
    app = OneField(make_field)
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)
        await pilot.pause()
        for name in keys:  # as the driver posts the keys of one read: no wait between them
            app.post_message(key(name))
        await pilot.pause()
        await pilot.pause()
        return field.value


@pytest.mark.parametrize("value, keys, after", BATCHES, ids=lambda x: repr(x) if isinstance(x, str) else None)
@sync
async def test_a_batch_of_keys_is_applied_in_order(value, keys, after):
    assert await after_batch(lambda: OrderedInput(value), keys) == after


@sync
async def test_a_number_field_too():
    assert await after_batch(lambda: NumberInput("4"), ["backspace", "3"]) == "3"


@sync
async def test_textual_s_own_input_still_reorders_them():
    """The reason OrderedInput exists. When this fails, Textual keeps the order itself: drop ``run_own_binding``."""
    assert await after_batch(lambda: Input("4"), ["backspace", "3"]) == "4"


@sync
async def test_enter_submits_what_was_typed_before_it():
    app = OneField(lambda: OrderedInput(""))
    async with app.run_test() as pilot:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause()
        for name in ["a", "b", "enter"]:
            app.post_message(key(name))
        await pilot.pause()
        await pilot.pause()
        assert app.submitted == ["ab"]


@sync
async def test_keys_behind_an_enter_that_moved_on_go_to_the_next_field():
    class TwoFields(App[None]):
        def compose(self) -> ComposeResult:
            yield NumberInput("", id="first")
            yield NumberInput("", id="second")  # enter in a NumberInput moves the focus on

    app = TwoFields()
    async with app.run_test() as pilot:
        app.query_one("#first").focus()
        await pilot.pause()
        for name in ["2", "enter", "5"]:
            app.post_message(key(name))
        await pilot.pause()
        await pilot.pause()
        assert [field.value for field in app.query(Input)] == ["2", "5"]


@sync
async def test_tab_and_the_keys_behind_it_in_one_read_go_each_to_its_field(make_app):
    """The workbench's tab moves the focus before the next key is handed out (a priority binding); the keys that
    reached a field before the tab stay in that field."""
    app = make_app(workload="fib", mode="threads", workers=4, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ["tab", "tab", "tab", "backspace", "backspace", "2", "6", "shift+tab", "shift+tab",
                     "backspace", "3"]:
            app.post_message(key(name))
        for _ in range(4):
            await pilot.pause()
        setup = app.query_one(SetupPane)
        assert (setup.value("workers"), setup.value("size"), app.focused.id) == ("3", "26", "workers")


@sync
async def test_a_tab_behind_an_enter_in_one_read_moves_on_from_where_the_enter_left(make_app):
    """The workbench's tab moved the focus as soon as it was read, before the field had taken the enter read with
    it; the enter then moved it once more, and the keys behind the tab went to the field in between (Mode)."""
    app = make_app(workload="fib", mode="threads", workers=4, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ["tab", "backspace", "2", "enter", "tab", "5", "shift+tab", "shift+tab", "6"]:
            app.post_message(key(name))
        for _ in range(4):
            await pilot.pause()
        setup = app.query_one(SetupPane)
        assert (setup.value("workers"), setup.value("size"), app.focused.id) == ("26", "225", "workers")
