"""Every use of Textual's private API in gil-tui, in one place (after memray's ``_textual_hacks.py``).

Textual promises nothing about names with a leading underscore; they change between releases. Each function
says what private thing it touches, why the public API does not do, and the Textual version it was checked
against. After upgrading Textual, read each one against the new source. ``tests/app/test_textual_api.py``
fails if private Textual API is used anywhere else in the package.
"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
from typing import Callable, Iterable

from rich import _wrap as rich_wrap
from textual import events
from textual._compositor import ChopsUpdate, Compositor
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.drivers.web_driver import WebDriver
from textual.filter import LineFilter
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer

CHECKED_WITH = "8.2.8"  # the Textual version every function here was read against


# a word for wrapping: breakable white space, then non-space or no-break space, then breakable white space
WORD_KEEPING_NO_BREAK_SPACES = re.compile(r"[^\S\u00a0]*[\S\u00a0]+[^\S\u00a0]*")


def keep_no_break_spaces() -> None:
    """Make wrapped text never break a line at a no-break space (U+00A0).

    Touches ``rich._wrap.re_word`` (Rich's, not Textual's: Textual's ``Content.wrap`` calls Rich's ``divide_line``,
    which splits words with that pattern). Why: its ``\\s`` matches U+00A0, so a Spanish number, grouped with a
    no-break space as the RAE asks ("43\u00a0869"), was split over two lines ("43" / "869/s") in the result pane.
    Unicode's line-breaking rules (UAX #14, class GL) say it must not break there. Python's ``textwrap`` (the CLI's)
    already keeps it. Idempotent. Checked against Rich 15.0.0 and Textual 8.2.8.
    """
    rich_wrap.re_word = WORD_KEEPING_NO_BREAK_SPACES


def redescribe_bindings(node: DOMNode, describe: Callable[[Binding], str | None]) -> None:
    """Give ``node``'s own key bindings new descriptions (the footer's texts), for a change of language.

    Touches ``DOMNode._bindings`` (a ``BindingsMap``; its ``key_to_bindings`` dict is rewritten in place).
    Why: ``BINDINGS`` are read once, when the class is defined, in the language of the import; Textual has no
    public way to change a binding's description afterwards (``App.set_keymap`` changes keys, not texts).
    ``describe(binding)`` returns the new description, or None to leave that binding as it is. Call
    ``node.refresh_bindings()`` afterwards for the footer to show them. Checked against Textual 8.2.8.
    """
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [b if (description := describe(b)) is None else dataclasses.replace(b, description=description)
                         for b in found]


def release_footer_keys(app: App) -> None:
    """Drop the footer's watchers of keys it has since removed.

    Touches the ``"__watchers"`` dict Textual's reactive machinery keeps on the watched object (the Footer; see
    ``textual.reactive._watch``) and ``MessagePump._closing`` of each watching node. Why: Textual 8.2.8 keeps
    every FooterKey the footer ever composed (textual#6666: a ``data_bind`` watcher is only pruned when the
    watched value changes, and the footer's ``compact`` never does); with a recompose on each run's start and
    end that was ~0.3 MB per run. Checked against Textual 8.2.8.
    """
    for footer in app.query(Footer):
        for watchers in getattr(footer, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]


async def run_own_binding(widget: Widget, key: str) -> bool:
    """Run ``widget``'s own (non-priority) binding for ``key`` now, as Textual would once the key reached the app;
    True if one ran.

    Touches ``DOMNode._bindings`` (its ``key_to_bindings``). Why: Textual runs a focused widget's bindings only when
    the key event has bubbled from the widget up to the app, through every ancestor's queue, while the next key
    goes straight to the widget. Keys that arrive together (one read: a paste without bracketed paste, keys batched
    by SSH or tmux, a busy app) are then applied out of order: in an Input, backspace then "3" inserted the "3" and
    then deleted it. Running the binding when the widget receives the key keeps the order; the app's own check
    (``App._check_bindings``) runs the same action with the same namespace. gil-tui sets no keymap, so the
    bindings are the classes' own. Reported as textual#6605; textual#6631 (open) proposes the same inline run.
    Checked against Textual 8.2.8.
    """
    for binding in widget._bindings.key_to_bindings.get(key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            return True
    return False


def replace_line_filters(app: App, replace: Callable[[LineFilter], LineFilter]) -> None:
    """Swap the line filters ``app`` draws through, each for ``replace(filter)``.

    Touches ``App._filters`` (the list ``App.__init__`` fills from NO_COLOR, TEXTUAL_COLOR_SYSTEM and the like).
    Why: Textual 8.2.8's ``Monochrome`` filter (NO_COLOR) raises AttributeError on a segment without a style, and
    there is no public way to choose the filters; ``themes.SafeMonochrome`` takes its place. Call it before the app
    runs. Checked against Textual 8.2.8.
    """
    filters = getattr(app, "_filters", [])
    filters[:] = [replace(f) for f in filters]


class WebDriverThatHangsUp(WebDriver):
    """Textual's web driver (``gil-tui serve`` runs one app per browser tab through it), ending the app when its
    server is gone.

    Touches ``WebDriver.run_input_thread`` and ``exit_event``. Why: when textual-serve dies without stopping its
    apps (SIGKILL, a crash, the OOM killer), the app's stdin reaches end of file; Textual's input thread just ends
    and the app lives on under PID 1, unseen, some keeping a lab run going. Here the end of input while the app is
    still running is taken for what it is, a hang-up: SIGHUP to this process, which gil-tui handles as a dropped
    SSH session (``cli.app.run_quitting_on_signals``: cancel the run, quit, force the exit after a grace period).
    Checked against Textual 8.2.8.
    """

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # the server closed our stdin; a normal quit sets exit_event first
            os.kill(os.getpid(), signal.SIGHUP)


def driver_for(app: App, driver_class: type[Driver]) -> type[Driver]:
    """``app``'s driver class: textual-serve's web driver replaced by ``WebDriverThatHangsUp``."""
    return WebDriverThatHangsUp if driver_class is WebDriver else driver_class


SEPARATE_REGIONS = 6  # more dirty regions than this in one frame (a language switch): Textual's one crop


class CompositorByRegion(Compositor):
    """Textual's compositor, drawing each changed region of a frame on its own.

    Overrides ``Compositor.render_partial_update`` and uses its private ``_dirty_regions``, ``_regions_to_spans``
    and ``_render_chops``. Why: Textual 8.2.8 draws a partial update through one crop, the rectangle around every
    changed region. During a run the elapsed time (top right), the CPU meter and the lanes (below) change each
    frame; the rectangle around them holds most of the screen, so every widget in it (the whole setup pane) was
    rendered again ten times a second: 7-8 ms a frame, most of the UI's CPU while it measures. Here each region is
    cropped alone and the pieces merged: in each piece, a chop that overlaps the region's columns is covered by
    widgets that overlap the region, so it is drawn right (others may be a background's and are not taken).
    And ``_get_renders`` picks the widgets whose visible part overlaps the crop, where Textual's picks those whose
    clip does (the footer's clip is the whole screen: it was rendered for every change anywhere).
    Checked against Textual 8.2.8.
    """

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(crop)
            return
        overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            if not overlaps(shown):
                continue
            if clip.contains_region(region):
                yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
            elif shown.width and shown.height:
                yield region, clip, widget.render_lines(
                    Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height))

    def render_partial_update(self) -> ChopsUpdate | None:
        regions = self._dirty_regions
        if not 1 < len(regions) <= SEPARATE_REGIONS:
            return super().render_partial_update()
        update_regions = regions.copy()
        regions.clear()
        screen_region = self.size.region
        spans = list(self._regions_to_spans(update_regions))
        cuts = self.cuts
        chop_ends = [cut_set[1:] for cut_set in cuts]
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        for region in update_regions:
            crop = region.intersection(screen_region)
            if not crop:
                continue
            lines = crop.line_range
            left, right = crop.x, crop.right
            part = self._render_chops(crop, lines.__contains__)
            for y in lines:
                line = chops[y]
                for (cut, strip), end in zip(part[y].items(), chop_ends[y]):
                    if strip is not None and cut < right and end > left and line[cut] is None:
                        line[cut] = strip
        return ChopsUpdate(chops, spans, chop_ends)


class FrugalScreen(Screen[None]):
    """A screen that draws through ``CompositorByRegion`` and is not styled twice at start-up.

    Sets ``Screen._compositor`` (made in ``Screen.__init__``, before anything is laid out): a live run's changes are
    far apart, and drawn as one rectangle they cost 8 ms a frame.

    Overrides ``Screen._on_screen_resume`` (Textual's handler of the event). Why: Textual 8.2.8 styles each widget
    as it mounts, then, when the screen first becomes current, styles every node again (``refresh_styles``): the
    workbench's 80 nodes, about 60 ms of its start-up (a label was styled 3 times, now once). Nothing has changed in
    between. Later resumes are left as Textual has them.
    Checked against Textual 8.2.8.
    """

    _styled_once = False

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._compositor = CompositorByRegion()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._styled_once:
            self._styled_once = True
            event.refresh_styles = False
        super()._on_screen_resume(event)
