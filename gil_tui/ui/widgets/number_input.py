"""A one-line field for a number that takes only the characters a number can have, so every other key (r, q, l, t,
?, ...) still does what the footer says while the field has focus. Enter and Escape leave the field."""

from __future__ import annotations

from textual import events
from textual.binding import Binding

from .ordered_input import OrderedInput

DIGITS = "0123456789"


class NumberInput(OrderedInput):
    """``chars``: what may be typed in (digits, and "." or "e-" where the number can have them). A plain Input takes
    every printable key, and Textual then hides and skips the app's bindings for all of them (``check_consume_key``):
    typing ``2`` then ``r`` in Workers gave "2r" instead of a run."""

    BINDINGS = [Binding("escape", "leave", show=False)]

    def __init__(self, value: str, *, chars: str = DIGITS, leave_on_escape: bool = True, **kwargs: object) -> None:
        super().__init__(value, **kwargs)
        self.chars = chars
        self.leave_on_escape = leave_on_escape  # False: escape is the screen's (the comparison's closes it)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.leave_on_escape if action == "leave" else True

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character in self.chars

    async def on_key(self, event: events.Key) -> None:
        if event.is_printable and (event.character or "") not in self.chars:
            # not ours: skip Input's handler (prevent_default) and let the key bubble to the app's bindings
            event.prevent_default()

    async def action_submit(self) -> None:
        await super().action_submit()
        self.screen.focus_next()

    async def action_leave(self) -> None:
        """Escape: cancel a run in progress, as everywhere else, and leave the field for the Run button."""
        await self.run_action("app.cancel")
        run = self.screen.query("#run-button")
        # set_focus now, not focus() (which waits for call_later): the next key already goes to the button
        if run and run.first().focusable:
            self.screen.set_focus(run.first())
        else:
            self.screen.focus_next()
