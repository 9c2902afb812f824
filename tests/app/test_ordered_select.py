"""Keys that reach the app together are applied in order in a picker: Textual's Select opens its list through a
binding that runs once the key has bubbled up to the app, and the list takes the focus later still, so the keys
right behind the one that opened it went to the Select and were lost."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Select

from gil_tui.ui.widgets.ordered_select import OrderedSelect
from gil_tui.ui.widgets.setup import SetupPane

from .conftest import sync

OPTIONS = [("fib", "fib"), ("sleep", "sleep"), ("race", "race"), ("release", "release")]
BATCHES = [  # (the keys that arrive in one read, what is chosen after them, whether the list is open)
    (["enter", "down", "down", "enter"], "race", False),  # the list opens on fib: two down, then choose
    (["down", "down", "enter"], "sleep", False),  # down opens the list too
    (["enter", "end", "enter"], "release", False),
    (["enter", "down", "escape"], "fib", False),  # dismissed: nothing chosen
    (["enter", "r", "a", "enter"], "race", False),  # letters search the list, as they do once it has the focus
    (["enter", "down"], "fib", True),  # still open, sleep highlighted
]


class OnePicker(App[None]):
    def __init__(self, picker: Select[str]) -> None:
        super().__init__()
        self.picker = picker

    def compose(self) -> ComposeResult:
        yield self.picker


def key(name: str) -> events.Key:
    return events.Key(name, name if len(name) == 1 else None)


async def after_batch(picker: Select[str], keys: list[str]) -> tuple[object, bool]:
    app = OnePicker(picker)
    async with app.run_test() as pilot:
        picker.focus()
        await pilot.pause()
        for name in keys:  # as the driver posts the keys of one read: no wait between them
            app.post_message(key(name))
        for _ in range(4):
            await pilot.pause()
        return picker.value, picker.expanded


def ordered() -> OrderedSelect:
    return OrderedSelect(OPTIONS, value="fib", allow_blank=False, compact=True)


@pytest.mark.parametrize("keys, chosen, open_", BATCHES, ids=lambda x: " ".join(x) if isinstance(x, list) else None)
@sync
async def test_a_batch_of_keys_is_applied_in_order(keys, chosen, open_):
    assert await after_batch(ordered(), keys) == (chosen, open_)


@sync
async def test_the_list_s_own_keys_still_work_one_at_a_time():
    app = OnePicker(ordered())
    async with app.run_test() as pilot:
        app.picker.focus()
        for name in ["enter", "down", "down", "up", "enter"]:
            await pilot.press(name)
        assert app.picker.value == "sleep" and not app.picker.expanded
        await pilot.press("space", "down", "down", "enter")
        assert app.picker.value == "release"
        await pilot.press("enter", "escape", "down")  # dismissed, then down opens it again
        assert app.picker.expanded and app.picker.value == "release"


@sync
async def test_textual_s_own_select_still_loses_them():
    """The reason OrderedSelect exists. When this fails, Textual keeps the order itself: drop OrderedSelect."""
    select: Select[str] = Select(OPTIONS, value="fib", allow_blank=False, compact=True)
    assert await after_batch(select, ["enter", "down", "down", "enter"]) != ("race", False)


@pytest.mark.parametrize("closing, chosen", [("enter", "sleep"), ("escape", "fib")])
@sync
async def test_a_tab_read_with_the_key_that_closed_the_list_keeps_the_focus_where_it_went(make_app, closing, chosen):
    """Textual's Select gives its list the focus when it opens and takes it back when the list closes, both through
    the app's queue: a tab read in the same go as those keys had moved the focus on before, and lost it again. The
    keys read next went to the Select (in a real terminal under load: Workers kept its 4)."""
    app = make_app(workload="fib", mode="threads", workers=4, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ["enter", "down", closing, "tab"]:  # Workload: fib -> sleep (or not), then on to Workers
            app.post_message(key(name))
        for _ in range(4):
            await pilot.pause()
        assert app.focused is not None and app.focused.id == "workers"
        for name in ["backspace", "2"]:  # the next read
            app.post_message(key(name))
        for _ in range(2):
            await pilot.pause()
        setup = app.query_one(SetupPane)
        assert (setup.value("workload"), setup.value("workers")) == (chosen, "2")
