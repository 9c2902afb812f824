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

from ...i18n import t
from ...lab.catalog import MODES


def ordered(modes: Iterable[str]) -> list[str]:
    """``modes`` in the catalog's order (sequential first: the baseline runs before what it is compared with)."""
    chosen = set(modes)
    return [name for name in MODES if name in chosen]


def set_label(modes: Iterable[str]) -> str:
    """"sequential + threads", in the names every screen shows; "—" for none."""
    names = [t("mode." + name) for name in ordered(modes)]
    return " + ".join(names) if names else "—"


class ModeList(SelectionList[str]):
    """The open list: escape (or leaving it) closes it, and focus goes back to the field."""

    BINDINGS = [Binding("escape", "dismiss", show=False)]

    class Dismiss(Message):
        pass

    def action_dismiss(self) -> None:
        self.post_message(self.Dismiss())

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Dismiss())


class ModeSet(Vertical, can_focus=True):
    """Posts ``ModeSet.Changed`` when the set changes."""

    DEFAULT_CSS = """
    ModeSet { height: 1; width: 1fr; }
    ModeSet > #mode-current { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    ModeSet:focus > #mode-current { background: $accent 45%; }
    ModeSet > ModeList { display: none; overlay: screen; constrain: none inside; height: auto; max-height: 7;
                         width: 1fr; border: tall $border; background: $surface; }
    ModeSet.-expanded > ModeList { display: block; }
    """
    BINDINGS = [Binding("enter,space,down", "expand", show=False)]

    class Changed(Message):
        def __init__(self, modes: list[str]) -> None:
            super().__init__()
            self.modes = modes

    def __init__(self, modes: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._modes = ordered(modes)

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

    @staticmethod
    def _options(chosen: list[str]) -> list[tuple[Text, str, bool]]:
        options = []
        for name in MODES:
            label = Text(t("mode." + name), style="bold")
            label.append("  " + t("app.mode." + name), style="dim")
            options.append((label, name, name in chosen))
        return options

    def compose(self) -> ComposeResult:
        yield Static(self._current(), id="mode-current")
        yield ModeList(*self._options(self._modes), id="mode-list", compact=True)

    def _current(self) -> Text:
        return Text.assemble(set_label(self._modes), ("  ▼" if len(self._modes) < len(MODES) else "", "dim"))

    def _paint(self) -> None:
        self.query_one("#mode-current", Static).update(self._current())

    def set_modes(self, modes: Iterable[str]) -> None:
        chosen = ordered(modes)
        self._modes = chosen
        listing = self.query_one(ModeList)
        with listing.prevent(SelectionList.SelectedChanged):
            listing.deselect_all()
            for name in chosen:
                listing.select(name)
        self._paint()
        self.post_message(self.Changed(self.modes))

    def retranslate(self) -> None:
        listing = self.query_one(ModeList)
        highlighted = listing.highlighted
        with listing.prevent(SelectionList.SelectedChanged):
            listing.clear_options()
            listing.add_options(self._options(self._modes))
        listing.highlighted = highlighted
        self._paint()

    def action_expand(self) -> None:
        self.add_class("-expanded")
        listing = self.query_one(ModeList)
        if listing.highlighted is None:
            listing.highlighted = 0
        listing.focus()

    def on_mode_list_dismiss(self, event: ModeList.Dismiss) -> None:
        event.stop()
        if self.has_class("-expanded"):
            self.remove_class("-expanded")
            if self.query_one(ModeList).has_focus:
                self.focus()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self._modes = ordered(self.query_one(ModeList).selected)
        self._paint()
        self.post_message(self.Changed(self.modes))
