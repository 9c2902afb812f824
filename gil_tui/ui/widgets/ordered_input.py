"""An Input that applies the keys it gets in the order they came, however they arrive."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from .._textual_hacks import run_own_binding
from .key_turns import KeyTurns, stop_here


class OrderedInput(Input):
    """Textual's Input deletes (backspace, ctrl+u, ctrl+w...) and submits (enter) through key bindings, which run only
    once the key has bubbled up to the app; a letter right behind it is typed first. Keys that come in one read
    (SSH and tmux batch them; a busy app queues them) then land out of order: in a real terminal, backspace and "3"
    sent together left "4" in a field that held "4". Here the field runs its own binding as soon as it gets the key.

    A tab that comes to the field in turn moves the focus on from here, and the keys behind a key of its own that
    moved the focus (enter, escape, tab) go to the widget focused now (``KeyTurns``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.turns = KeyTurns(self)

    def on_focus(self) -> None:
        self.turns.focused()

    async def on_key(self, event: events.Key) -> None:
        if self.turns.hand_on(event) or self.turns.move_focus(event):
            return
        had_focus = self.screen.focused is self  # the app may have moved it on already, in the same go
        if not event.is_printable and await run_own_binding(self, event.key):
            stop_here(event)
            self.turns.moved_by_own_key(had_focus)
