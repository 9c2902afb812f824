"""How our fields keep the keys that reach the app together in the order they came, when one of them moves the focus.

Textual hands each key to the widget that has the focus when the app *reads* it. Keys read together with one that
moves the focus on (enter in a number field, tab) therefore all come to the field that had it, and they come after
the app has gone on reading: SSH and tmux batch keys, a busy app queues them. A field keeps one ``KeyTurns``: it
moves the focus itself when a tab comes to it in turn, and passes the keys behind any key of its own that moved the
focus to the widget focused now, in the order they came.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events
from textual.message_pump import MessagePump
from textual.widget import Widget

FOCUS_KEYS = {"tab": "focus_next", "shift+tab": "focus_previous"}


def stop_here(event: events.Key) -> None:
    """The key was this widget's: no bubbling to the app's bindings, no default handling."""
    event.stop()
    event.prevent_default()


class KeyTurns:
    """One field's part: whether the keys coming to it now are still its own. Kept as the field's ``turns``: the
    workbench hands a tab to a field that has one, in turn, instead of moving the focus as it reads the tab."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self.handed_on = False  # a key of the widget's own moved the focus away: the keys behind it are not its

    def focused(self) -> None:
        """Call on the widget's Focus event: its keys are its own again, if it still has the focus (a Focus event
        comes through the queue, after the keys that may have moved the focus on since)."""
        if self.widget.screen.focused is self.widget:
            self.handed_on = False

    def hand_on(self, event: events.Key) -> bool:
        """Pass ``event`` to the widget focused now if a key before it moved the focus away; True if passed."""
        screen = self.widget.screen
        if not (self.handed_on and screen.focused is not self.widget and screen.is_active):
            return False
        stop_here(event)
        move = FOCUS_KEYS.get(event.key)
        if move is not None:  # moved from here, now: the keys behind it follow the focus without a detour
            getattr(screen, move)()
        else:
            (screen.focused or screen).post_message(events.Key(event.key, event.character))
        return True

    def move_focus(self, event: events.Key) -> bool:
        """Tab or shift+tab, come in turn: move the focus now, so the keys behind go on; True if it was one."""
        move = FOCUS_KEYS.get(event.key)
        if move is None:
            return False
        stop_here(event)
        had_focus = self.widget.screen.focused is self.widget
        getattr(self.widget.screen, move)()
        self.moved_by_own_key(had_focus)
        return True

    def moved_by_own_key(self, had_focus: bool) -> None:
        """Call after running a key of the widget's own: if it moved the focus away, the keys behind are handed on.
        (If the app had moved the focus already, the keys that came here were typed before that: they stay.)"""
        self.handed_on = had_focus and self.widget.screen.focused is not self.widget


def once_taken(containers: Iterable[Widget], then: Callable[[], None]) -> None:
    """Call ``then`` once every field in or under ``containers`` has taken the keys already waiting in its own queue,
    in the order given, and then the app the messages those keys sent it. For a priority key (``r``), which the app
    runs as it reads it: a digit read just before may still be waiting in a field ("2r" ran with the old value;
    "tab, 2, 1, shift+tab, r" with the old size), and History's enter sends the app the run to load first."""
    containers = list(containers)
    pumps: list[MessagePump] = [widget for container in containers for widget in (container, *container.query("*"))
                                if widget.focusable]
    _after(pumps + [containers[0].app] if containers else pumps, then)


def _after(pumps: list[MessagePump], then: Callable[[], None]) -> None:
    if pumps:
        pumps[0].call_later(_after, pumps[1:], then)
    else:
        then()
