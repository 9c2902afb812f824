"""A Select that applies the keys it gets in the order they came, the keys meant for its open list included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import OptionList, Select

from .._textual_hacks import run_own_binding
from .key_turns import stop_here

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget
    from typing_extensions import Self

CLOSING_KEYS = ("enter", "escape")  # the list's own keys that choose or dismiss, and so close it


class OrderedSelect(Select[str]):
    """Textual's Select opens its list through a key binding (enter, space, up, down), which runs only once the key
    has bubbled up to the app, and the list takes the focus later still. Keys that come in one read (SSH and tmux
    batch them; a busy app queues them) all went to the Select: in a real terminal "enter, down, down, enter" sent
    together opened the list on the option already chosen and stopped there. Here the Select runs its own binding as
    soon as it gets the key, and while its list is open it runs the list's binding for each key that reaches it,
    whether the key came before the list took the focus or bubbled up from the list (where Textual would have run
    that same binding, once, at the app). A letter that came before the list took the focus is passed to the list,
    which searches by it, as it would have had the list been focused.

    The list takes the focus when it opens, and the Select takes it back when the list closes, both through the app's
    queue: a tab read with those keys has moved the focus on by then. Neither comes back once the focus has left
    (``focus`` here, ``list_focus_overtaken`` for the list)."""

    DEFAULT_CSS = """
    /* each option on one line, as wide as the longest (up to the screen's edge: ``watch_expanded``), the rest cut
       with an ellipsis: wrapped to the picker's width, one took 3 to 5 lines of a list 12 high at 80 columns */
    OrderedSelect > SelectOverlay { text-wrap: nowrap; text-overflow: ellipsis; width: auto; min-width: 100%; }
    """

    def __init__(self, *args: object, type_to_search: bool = True, **kwargs: object) -> None:
        super().__init__(*args, type_to_search=type_to_search, **kwargs)  # type: ignore[arg-type]
        self.searches = type_to_search
        self.closing = False  # the list has chosen or been dismissed; the Select hears it once the message comes
        self.passed: list[events.Key] = []  # keys passed to the list: it keeps the letters, hands the others back
        self.list_closed = False  # the list has just been dismissed: the Select's next focus() is Textual's, to return

    def focus(self, scroll_visible: bool = True) -> Self:
        if not (self.expanded or self.list_closed):
            return super().focus(scroll_visible)
        # the list has chosen or been dismissed: Textual's Select takes the focus back through the app's queue, and by
        # then a tab read with the key that closed the list may have moved it on. It comes back only from the list.
        self.list_closed = False

        def back() -> None:
            if self.screen.focused in (self, self.query_one(OptionList)):
                self.screen.set_focus(self, scroll_visible)

        self.app.call_later(back)
        return self

    def watch_expanded(self, was: bool, expanded: bool) -> None:
        if expanded:  # the list goes past the picker's right, not past the screen's (where nothing would cut it)
            self.query_one(OptionList).styles.max_width = max(self.screen.size.width - self.region.x, 1)
        self.closing = False
        self.passed.clear()
        if was and not expanded:  # Textual's Select focuses itself next, in the same handler, if it was dismissed
            self.list_closed = True
            self.call_later(setattr, self, "list_closed", False)

    async def on_key(self, event: events.Key) -> None:
        if not self.expanded or self.closing:
            if await run_own_binding(self, event.key):
                stop_here(event)
            return
        overlay = self.query_one(OptionList)  # the list (Textual's SelectOverlay)
        back = next((i for i, key in enumerate(self.passed) if key is event), None)
        if back is not None:  # handed back: the list has searched by the letters before it, so its turn
            del self.passed[:back + 1]
        elif event.is_printable:
            # the list stops every letter it is given (it searches by it), so this one came before its focus did
            if self.searches:
                self.pass_on(event, overlay)
            return
        elif self.passed:  # behind a letter passed to the list: it comes back here once the list has searched
            self.pass_on(event, overlay)
            return
        if await run_own_binding(overlay, event.key):
            stop_here(event)
            self.closing = event.key in CLOSING_KEYS

    def pass_on(self, event: events.Key, overlay: OptionList) -> None:
        stop_here(event)
        key = events.Key(event.key, event.character)
        self.passed.append(key)
        overlay.post_message(key)


def list_focus_overtaken(screen: Screen[None], widget: Widget | None) -> bool:
    """True for an OrderedSelect's list asking for the focus when the user has moved it elsewhere: Textual's Select
    gives its list the focus through the app's queue when it opens it, and a tab read with the key that opened it
    goes first. A screen holding OrderedSelects drops such a request (``set_focus``)."""
    select = widget.parent if widget is not None else None
    return isinstance(select, OrderedSelect) and isinstance(widget, OptionList) \
        and screen.focused is not select and screen.focused is not widget
