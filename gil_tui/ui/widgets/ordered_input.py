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

    The app hands each key to the widget focused when the app reads it, so the keys behind an enter with which this
    field moved the focus on still come here: they are passed to the widget that has the focus now. (When the app
    moved the focus, with tab, the keys already here were typed before it: they stay.)"""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.handed_on = False  # this field's own key (enter, escape) moved the focus away

    def on_focus(self) -> None:
        self.handed_on = False

    async def on_key(self, event: events.Key) -> None:
        if self.handed_on and self.screen.focused is not self and self.screen.is_active:
            event.stop()
            event.prevent_default()
            (self.screen.focused or self.screen).post_message(events.Key(event.key, event.character))
            return
        had_focus = self.screen.focused is self  # the app may have moved it on already (tab, read in the same go)
        if not event.is_printable and await run_own_binding(self, event.key):
            event.stop()
            event.prevent_default()
            self.handed_on = had_focus and self.screen.focused is not self
