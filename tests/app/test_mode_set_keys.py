"""The Mode field takes keys read in one go in order: Textual ran its bindings (enter opens the list, space ticks)
only once each key had bubbled up to the app, and the list took the focus later still, so "enter, down, space"
ticked nothing."""

from __future__ import annotations

import pytest
from textual import events

from gil_tui.ui.widgets.setup import SetupPane

from .conftest import sync

BATCHES = [  # (the keys read in one go once Mode has the focus, the modes after, the field focused after)
    (["enter", "down", "down", "space", "escape"], "threads,processes", "mode"),
    (["enter", "down", "down", "space", "tab", "5"], "threads,processes", "size"),  # the 5 goes to Size
    (["enter", "space", "escape", "shift+tab", "backspace", "3"], "sequential,threads", "workers"),
    (["down", "down", "enter", "escape"], "", "mode"),  # down opens the list on sequential; enter unticks threads
]


def key(name: str) -> events.Key:
    return events.Key(name, {"tab": "\t", "space": " "}.get(name, name if len(name) == 1 else None))


@pytest.mark.parametrize("keys, modes, focused", BATCHES, ids=lambda x: " ".join(x) if isinstance(x, list) else None)
@sync
async def test_a_batch_of_keys_in_the_mode_field_is_applied_in_order(make_app, keys, modes, focused):
    app = make_app(workload="fib", mode="threads", workers=4, size=22)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#mode").focus()
        await pilot.pause()
        for name in keys:  # as the driver posts the keys of one read: no wait between them
            app.post_message(key(name))
        for _ in range(4):
            await pilot.pause()
        setup = app.query_one(SetupPane)
        assert setup.value("mode") == modes
        assert app.focused is not None and app.focused.id == focused
        if "5" in keys:
            assert setup.value("size") == "225"
        if "3" in keys:
            assert setup.value("workers") == "3"
