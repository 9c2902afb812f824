"""The key footer: Textual's, recomposed only when the keys it shows have changed.

Textual's ``Footer`` composes a fresh widget per key after every change of bindings, and a change of focus is one:
each Tab between two setup fields mounted a dozen widgets and restyled them, a large part of the key's cost.
Most focus moves leave the footer's keys as they were; then there is nothing to redraw.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool, str], ...]


class KeyFooter(Footer):
    """A ``Footer`` that skips the recompose when its keys, their texts and their enabled state are unchanged."""

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(show_command_palette=show_command_palette, id=id, classes=classes)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = self.keys_shown(screen)
        if shown == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:  # when Footer recomposes
            self._shown = shown

    def keys_shown(self, screen: Screen) -> Shown:
        """Every key the footer would show on ``screen``: key, key text, description, enabled, tooltip."""
        palette = self.app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        return tuple((binding.key, self.app.get_key_display(binding), binding.description, enabled, tooltip)
                     for _, binding, enabled, tooltip in screen.active_bindings.values()
                     if binding.show or binding.key == palette)
