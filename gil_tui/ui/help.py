"""The help screen: the keys, and in a few sentences what the workbench measures, in the current language.

When the terminal is too short for all of it (80x24), it scrolls with the keyboard: up/down a line, pgup/pgdn a page,
home/end to either end; the box's bottom border says so. Escape or ? closes it.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t
from ._textual_hacks import redescribe_bindings


class HelpScroll(VerticalScroll, can_focus=False):
    """The help's box; the screen's keys scroll it, so it needs no focus (and shows none). While there is more
    than fits, its bottom border says how to scroll."""

    def watch_virtual_size(self) -> None:
        self.call_after_refresh(self.hint)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.hint)

    def hint(self) -> None:
        self.border_subtitle = t("app.help.scroll") if self.max_scroll_y > 0 else ""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > HelpScroll { width: auto; max-width: 90%; height: auto; max-height: 90%;
                              border: round $accent; background: $panel; padding: 0 1;
                              scrollbar-size-vertical: 1; border-subtitle-color: $text-accent; }
    HelpScreen Static { width: auto; }
    """
    BINDINGS = [
        Binding("escape", "close", t("app.key.close")),
        Binding("question_mark", "close", t("app.key.close")),
        Binding("up", "scroll('up')", show=False),
        Binding("down", "scroll('down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
        Binding("pagedown", "scroll('page_down')", show=False),
        Binding("home", "scroll('home')", show=False),
        Binding("end", "scroll('end')", show=False),
    ]

    def compose(self) -> ComposeResult:
        with HelpScroll() as box:
            box.border_title = t("app.help.title")
            yield Static(t("app.help.body"))

    def on_mount(self) -> None:
        # the class-level BINDINGS were read in the language of the import; the footer shows this one's
        redescribe_bindings(self, lambda b: t("app.key.close") if b.action == "close" else None)
        self.refresh_bindings()

    def action_scroll(self, how: str) -> None:
        box = self.query_one(HelpScroll)
        if how == "up":
            box.scroll_up(animate=False)
        elif how == "down":
            box.scroll_down(animate=False)
        elif how == "page_up":
            box.scroll_page_up(animate=False)
        elif how == "page_down":
            box.scroll_page_down(animate=False)
        elif how == "home":
            box.scroll_home(animate=False)
        else:
            box.scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
