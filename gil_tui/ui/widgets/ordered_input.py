"""An Input that applies the keys it gets in the order they came, however they arrive."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from .._textual_hacks import run_own_binding


class OrderedInput(Input):
    """Textual's Input deletes (backspace, ctrl+u, ctrl+w...) and submits (enter) through key bindings, which run only
    once the key has bubbled up to the app; a letter right behind it is typed first. Keys that come in one read
    (SSH and tmux batch them; a busy app queues them) then land out of order: in a real terminal, backspace and "3"
    sent together left "4" in a field that held "4". Here the field runs its own binding as soon as it gets the key.

    The app hands each key to the widget focused when the app reads it, so the keys behind an enter that moved the
    focus on still come here: they are passed to the widget that has the focus now."""

    async def on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self and self.screen.is_active:
            event.stop()
            event.prevent_default()
            (self.screen.focused or self.screen).post_message(events.Key(event.key, event.character))
        elif not event.is_printable and await run_own_binding(self, event.key):
            event.stop()
            event.prevent_default()
