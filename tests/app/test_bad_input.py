"""Every field of the setup pane fed bad values through Pilot: an inline error next to the field, Run disabled,
and r starts nothing."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Button, Input

from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.setup import CUSTOM, SetupPane

from .conftest import children, screen_text, sync

pytestmark = pytest.mark.slow

HUGE = str(10 ** 18)
CASES = [
    ("workers", v) for v in ("", "0", "-1", str(10 ** 6), "four", "2.5", " ")
] + [
    ("size", v) for v in ("0", "-1", HUGE, "big", "nan", "inf")
] + [
    ("switch", v) for v in ("0", HUGE, "fast", "nan")
]


@pytest.mark.parametrize("field, value", CASES, ids=repr)
@sync
async def test_a_bad_field_is_shown_inline_and_nothing_starts(make_app, field, value):
    app = make_app(workload="fib", mode="threads", workers=1, size=15)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = app.query_one(SetupPane)
        if field == "switch":
            setup.query_one("#switch-preset").value = CUSTOM
            await pilot.pause()
        entry = setup.query_one("#" + field, Input)
        entry.focus()
        entry.value = ""
        await pilot.pause()
        if value and all(c in entry.chars for c in value):  # typed key by key, as a person would
            await pilot.press(*value)
        elif value:  # what the field refuses to type can still be pasted
            entry.post_message(events.Paste(value))
        await pilot.pause()
        assert entry.value == value
        error = setup.query_one("#%s-error" % field)
        assert error.has_class("-shown")
        message = " ".join(screen_text(error).split())
        assert message and "Traceback" not in message and len(message) < 200
        assert setup.query_one("#run-button", Button).disabled
        entry.blur()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause(0.2)
        assert app.active is None and app.query_one(HistoryTable).row_count == 0
        assert not children()


@sync
async def test_fixing_the_field_lets_the_run_start(make_app):
    app = make_app(workload="fib", mode="threads", workers=10 ** 6, size=15)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = app.query_one(SetupPane)
        assert "workers" in setup.errors
        setup.set_value("workers", "1")
        await pilot.pause()
        assert setup.errors == {} and not setup.query_one("#run-button", Button).disabled


@sync
async def test_a_bad_field_is_said_in_the_current_language_with_cores_message(make_app):
    """The pane shows core/validation's message (key + parameters), rendered again when l switches the language:
    no second copy of the messages in the UI."""
    from gil_tui.core import validation

    app = make_app(workload="fib", mode="threads", workers=1)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = app.query_one(SetupPane)
        setup.set_value("size", "33.5")  # as typed: the command line lets no bad size reach the pane
        await pilot.pause()
        with pytest.raises(validation.UsageError) as caught:
            validation.size("fib", "33.5")
        english = " ".join(screen_text(setup.query_one("#size-error")).split())
        assert english == str(caught.value) == "size for fib must be a whole number (n)"
        await pilot.press("l")
        await pilot.pause()
        spanish = " ".join(screen_text(setup.query_one("#size-error")).split())
        assert spanish == caught.value.render("es") == "el tamaño de fib debe ser un número entero (n)"
        assert setup.errors["size"] == spanish and setup.query_one("#run-button", Button).disabled
