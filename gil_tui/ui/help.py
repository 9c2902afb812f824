"""The help screen: the keys, and in a few sentences what the workbench measures, in the current language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t
from ._textual_hacks import redescribe_bindings


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: auto; max-width: 90%; height: auto; max-height: 90%;
                            border: round $accent; background: $panel; padding: 0 1; }
    HelpScreen Static { width: auto; }
    """
    BINDINGS = [Binding("escape", "close", t("app.key.close")), Binding("question_mark", "close", t("app.key.close"))]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("app.help.title")
            yield Static(t("app.help.body"))

    def on_mount(self) -> None:
        # the class-level BINDINGS were read in the language of the import; the footer shows this one's
        redescribe_bindings(self, lambda b: t("app.key.close"))
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(None)
