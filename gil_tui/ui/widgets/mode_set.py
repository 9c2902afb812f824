"""The Mode field: a SET of modes on one line ("sequential + threads ▼"); enter, space or down opens the list of
modes over the panes below, space or enter ticks one, escape or tab closes it. ``r`` then runs every ticked mode in
turn (the workbench), as ``gil-tui run -m a,b`` does."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from ...i18n import t
from ...lab.catalog import MODES
from .._textual_hacks import run_own_binding
from .key_turns import KeyTurns, stop_here
from .tick_list import TickList

CLOSING_KEYS = ("escape", "tab", "shift+tab")


def ordered(modes: Iterable[str]) -> list[str]:
    """``modes`` in the catalog's order (sequential first: the baseline runs before what it is compared with)."""
    chosen = set(modes)
    return [name for name in MODES if name in chosen]


def set_label(modes: Iterable[str]) -> str:
    """"sequential + threads", in the names every screen shows; "—" for none."""
    names = [t("mode." + name) for name in ordered(modes)]
    return " + ".join(names) if names else "—"


class ModeList(TickList[str]):
    """The open list: escape (or leaving it) closes it, and focus goes back to the field. Its boxes read ``[✓]`` and
    ``[ ]`` (``TickList``), as on the comparison screen: Textual's boxes differ only by the colour of an X."""

    BINDINGS = [Binding("escape", "dismiss", show=False)]

    class Dismiss(Message):
        pass

    def action_dismiss(self) -> None:
        self.post_message(self.Dismiss())

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Dismiss())


class ModeSet(Vertical, can_focus=True):
    """Posts ``ModeSet.Changed`` when the set changes.

    Textual runs a focused widget's key bindings only once the key has bubbled up to the app: keys read in one go
    with the one that opened the list (SSH and tmux batch them; a busy app queues them) all came here, and "enter,
    down, space" ticked nothing. The field runs its own keys, and the list's while it is open, as it gets them; the
    list's keys bubble up here too and run here, once. Opening and closing move the focus at once, and opening only
    if the field still has it (a tab read with the key that opened it has moved on). Like a text field, it takes
    the tab in turn and hands the keys behind it on (``KeyTurns``)."""

    DEFAULT_CSS = """
    ModeSet { height: 1; width: 1fr; }
    ModeSet > #mode-current { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    ModeSet:focus > #mode-current { background: $accent 45%; }
    ModeSet > ModeList { display: none; overlay: screen; constrain: none inside; height: auto; max-height: 7;
                         width: 1fr; min-width: 32; border: tall $border; background: $surface; }
    ModeSet.-expanded > ModeList { display: block; }
    """
    BINDINGS = [Binding("enter,space,down", "expand", show=False)]

    class Changed(Message):
        """``dropped``: the modes just unticked because the Python cannot run them (``set_unavailable``)."""

        def __init__(self, modes: list[str], dropped: list[str] | None = None) -> None:
            super().__init__()
            self.modes = modes
            self.dropped = dropped or []

    def __init__(self, modes: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._modes = ordered(modes)
        self._unavailable: frozenset[str] = frozenset()  # shown, but the chosen Python cannot run them
        self.turns = KeyTurns(self)

    @property
    def modes(self) -> list[str]:
        return list(self._modes)

    @property
    def value(self) -> str:
        """The set as ``-m`` takes it: "sequential,threads"."""
        return ",".join(self._modes)

    @value.setter
    def value(self, value: str) -> None:
        self.set_modes(part.strip() for part in value.split(","))

    def _options(self, chosen: list[str]) -> list[Selection[str]]:
        options = []
        for name in MODES:
            label = Text(t("mode." + name), style="bold")
            # a mode the Python cannot run says why in place of what it does, which would not fit at 80 columns
            why = t("app.mode.unavailable." + name) if name in self._unavailable else None
            label.append("  " + (why or t("app.mode." + name)), style="" if why else "dim")
            options.append(Selection(label, name, name in chosen, disabled=name in self._unavailable))
        return options

    def compose(self) -> ComposeResult:
        yield Static(self._current(), id="mode-current")
        yield ModeList(*self._options(self._modes), id="mode-list", compact=True)

    def _current(self) -> Text:
        return Text.assemble(set_label(self._modes), ("  ▼" if len(self._modes) < len(MODES) else "", "dim"))

    def _paint(self) -> None:
        self.query_one("#mode-current", Static).update(self._current())

    def set_modes(self, modes: Iterable[str]) -> None:
        """Tick ``modes``, less those the Python cannot run (``Changed.dropped``: sequential if none is left)."""
        asked = ordered(modes)
        dropped = [name for name in asked if name in self._unavailable]
        chosen = [name for name in asked if name not in dropped] or (["sequential"] if dropped else [])
        self._modes = chosen
        listing = self.query_one(ModeList)
        with listing.prevent(SelectionList.SelectedChanged):
            listing.deselect_all()
            for name in chosen:
                listing.select(name)
        self._paint()
        self.post_message(self.Changed(self.modes, dropped))

    def set_unavailable(self, modes: Iterable[str]) -> bool:
        """Show ``modes`` disabled, saying why, and untick those that were ticked (``set_modes``). False if they
        were so already."""
        unavailable = frozenset(modes)
        if unavailable == self._unavailable:
            return False
        self._unavailable = unavailable
        self._refill()
        if unavailable & set(self._modes):
            self.set_modes(self._modes)
        return True

    def retranslate(self) -> None:
        self._refill()
        self._paint()

    def _refill(self) -> None:
        listing = self.query_one(ModeList)
        highlighted = listing.highlighted
        with listing.prevent(SelectionList.SelectedChanged):
            listing.clear_options()
            listing.add_options(self._options(self._modes))
        if highlighted is not None and listing.get_option_at_index(highlighted).disabled:
            highlighted = 0
        listing.highlighted = highlighted

    def on_focus(self) -> None:
        self.turns.focused()

    async def on_key(self, event: events.Key) -> None:
        if self.turns.hand_on(event):
            return
        if not self.has_class("-expanded"):
            if not self.turns.move_focus(event) and await run_own_binding(self, event.key):
                stop_here(event)
        elif event.key in CLOSING_KEYS:  # a tab closes the list and moves on from the field
            stop_here(event)
            self.collapse()
            self.turns.move_focus(event)
        elif await run_own_binding(self.query_one(ModeList), event.key):
            stop_here(event)

    def action_expand(self) -> None:
        if self.screen.focused is not self:
            return
        self.add_class("-expanded")
        listing = self.query_one(ModeList)
        if listing.highlighted is None:
            listing.highlighted = 0
        self.screen.set_focus(listing)

    def collapse(self) -> None:
        if self.has_class("-expanded"):
            self.remove_class("-expanded")
            if self.screen.focused is self.query_one(ModeList):  # (has_focus follows later, with the Focus event)
                self.screen.set_focus(self)

    def on_mode_list_dismiss(self, event: ModeList.Dismiss) -> None:
        event.stop()
        self.collapse()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self._modes = ordered(self.query_one(ModeList).selected)
        self._paint()
        self.post_message(self.Changed(self.modes))
