"""Looks: a dark and a light theme that read on a projector, and lane colours a colour-blind reader can tell apart.

The Textual themes colour the panes; the lanes, the timeline and the CPU meter draw their own segments with
Rich styles (cheap: no CSS lookup per cell). Those come from a ``Palette`` the app holds (``app.palette``, set
from ``install`` and ``toggle``); each widget reads it when it draws (``styles_of``).
The lane colours avoid red against green: running is sky blue, done bluish green (dark) or violet
(light), failed magenta, cancelled gold (after the IBM and Okabe-Ito colour-blind-safe palettes).
They stay four different colours in a 16-colour terminal (``TEXTUAL_COLOR_SYSTEM=standard``; a
test checks it). ``NO_COLOR`` is Textual's own: set, the app draws in greys (a test checks it too).
``d`` switches between dark and light; ``--theme`` or ``GIL_TUI_THEME`` picks the first one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property

from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.color import Color
from textual.filter import Monochrome, monochrome_style
from textual.theme import Theme

from ._textual_hacks import replace_line_filters

THEME_ENV = "GIL_TUI_THEME"
NAMES = ("dark", "light")

THEMES = {
    "dark": Theme(name="gil-dark", primary="#56b4e9", secondary="#ffb000", accent="#ffb000", warning="#ffb000",
                  error="#dc267f", success="#009e73", foreground="#e6e6e6", background="#0f1317", surface="#171c21",
                  panel="#222a31", dark=True),
    "light": Theme(name="gil-light", primary="#0062a0", secondary="#9a5a00", accent="#9a5a00", warning="#9a5a00",
                   error="#b0104a", success="#00705a", foreground="#101010", background="#ffffff", surface="#f1f3f5",
                   panel="#e2e6ea", dark=False),
}


@dataclass(frozen=True)
class Palette:
    pending: str
    running: str
    ok: str
    error: str
    cancelled: str
    track: str
    label: str
    count: str
    note: str
    stat: str

    @cached_property
    def styles(self) -> Styles:
        """The palette's Rich styles, made once."""
        return Styles(
            states={"pending": Style(color=self.pending), "running": Style(color=self.running, bold=True),
                    "ok": Style(color=self.ok, bold=True), "error": Style(color=self.error, bold=True),
                    "cancelled": Style(color=self.cancelled, bold=True)},
            track=Style(color=self.track), label=Style(color=self.label), count=Style(color=self.count),
            note=Style(color=self.note, italic=True), stat=Style(color=self.stat), active=Style(color=self.running))


@dataclass(frozen=True)
class Styles:
    """What the lanes, the timeline and the CPU meter draw with."""

    states: dict[str, Style]  # a lane's bar by its state
    track: Style  # the unfilled part of a bar
    label: Style  # "worker 3"
    count: Style  # done/total
    note: Style  # empty panes, the timeline's scale
    stat: Style  # a lane's CPU share, the timeline's overlap figure
    active: Style  # the timeline's marks


PALETTES = {
    "dark": Palette(pending="grey50", running="#56b4e9", ok="#009e73", error="#dc267f", cancelled="#ffb000",
                    track="grey27", label="grey70", count="grey85", note="grey50", stat="#ffb000"),
    "light": Palette(pending="#707070", running="#0072b2", ok="#785ef0", error="#d4145a", cancelled="#b05a00",
                     track="#d0d0d0", label="#4a4a4a", count="#202020", note="#6a6a6a", stat="#9a5a00"),
}


def initial(name: str | None = None) -> str:
    """The theme to start with: ``name``, else ``$GIL_TUI_THEME``, else dark. ValueError for an unknown one."""
    chosen = (name or os.environ.get(THEME_ENV) or "dark").strip().lower()
    if chosen not in NAMES:
        raise ValueError("unknown theme %r (choose from %s)" % (chosen, ", ".join(NAMES)))
    return chosen


def styles_of(app: App) -> Styles:
    """The styles of the palette ``app`` holds (``app.palette``); dark for an app without one."""
    palette = getattr(app, "palette", None)
    return (palette if isinstance(palette, Palette) else PALETTES["dark"]).styles


def name_of(app: App) -> str:
    return "light" if app.theme == THEMES["light"].name else "dark"


class SafeMonochrome(Monochrome):
    """Textual's NO_COLOR filter, also for segments without a style (``Strip.blank(width)`` in a line-API widget):
    Textual 8.2.8's own raises AttributeError on them, and the app dies at start-up with ``NO_COLOR`` set."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        blank = Style()
        return [Segment(text, monochrome_style(style or blank), None) for text, style, _ in segments]


def install(app: App, name: str | None = None) -> Palette:
    """Register both themes on ``app`` and start it in ``name`` (see ``initial``); NO_COLOR filtered safely.

    Returns the palette for the app to hold as ``app.palette``."""
    replace_line_filters(app, lambda f: SafeMonochrome() if type(f) is Monochrome else f)
    for theme in THEMES.values():
        app.register_theme(theme)
    try:
        chosen = initial(name)
    except ValueError:  # a stray $GIL_TUI_THEME: the command line checks --theme, the environment falls back
        chosen = "dark"
    app.theme = THEMES[chosen].name
    return PALETTES[chosen]


def toggle(app: App) -> Palette:
    """Dark to light or back; returns the new palette for the app to hold (then redraw the lanes and the timeline)."""
    chosen = "light" if name_of(app) == "dark" else "dark"
    app.theme = THEMES[chosen].name
    return PALETTES[chosen]
