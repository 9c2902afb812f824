"""Every use of Textual's private API in gil-tui, in one place (after memray's ``_textual_hacks.py``).

Textual promises nothing about names with a leading underscore; they change between releases. Each function
says what private thing it touches, why the public API does not do, and the Textual version it was checked
against. After upgrading Textual, read each one against the new source. ``tests/app/test_textual_api.py``
fails if private Textual API is used anywhere else in the package.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from typing import Callable

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.drivers.web_driver import WebDriver
from textual.filter import LineFilter
from textual.widgets import Footer

CHECKED_WITH = "8.2.8"  # the Textual version every function here was read against


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
