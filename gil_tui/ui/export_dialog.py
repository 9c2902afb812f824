"""A small dialog that writes results to a file: the format comes from the extension (.json, .csv or .md).

Every mistake (no name, another extension, a missing folder, a file that cannot be written) is shown under the
field, in the reader's language; the dialog stays open so the name can be fixed. A file already there is written
over only when enter is pressed a second time on the same name; a symbolic link, a FIFO or a device never is. The file
is written in a thread, atomically. Paths are shown absolute: the folder is not in doubt.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..core import export, export_folder
from ..core.model import RunResult
from ..i18n import t
from .widgets.ordered_input import OrderedInput


def check(name: str, overwrite: bool = False) -> tuple[str | None, str | None]:
    """(the absolute path to write, None) or (None, a message for a person): everything that can be said without
    writing. An existing file is written over only with ``overwrite``; else the message ("compare.export.exists")
    asks for a second enter. A symbolic link, a FIFO or a device is refused whatever is asked."""
    name = name.strip()
    if not name:
        return None, t("compare.export.error.empty")
    path = os.path.abspath(os.path.expanduser(name))
    if os.path.isdir(path):
        return None, t("compare.export.error.isdir", path=path)
    ext = os.path.splitext(path)[1]
    if ext.lower() not in export.FORMATS:
        return None, t("compare.export.error.ext", ext=ext or os.path.basename(path))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return None, t("compare.export.error.dir", folder=folder)
    refused = export.refusal(path)
    if refused is not None:
        return None, t("compare.export.error." + refused.kind, path=path)
    if os.path.lexists(path) and not overwrite:
        return None, t("compare.export.exists", path=path)
    return path, None


def write_checked(path: str, results: list[RunResult]) -> str | None:
    """Write a path ``check`` accepted (atomically: see ``export.write_text``); None, or the message for a person."""
    try:
        export.write(path, results)
    except export.RefusedTarget as exc:  # it became a link or a FIFO since it was checked
        return t("compare.export.error." + exc.kind, path=path)
    except export.ExportError as exc:
        cause = exc.__context__  # the OSError is still here, with its reason
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(exc)
        return t("compare.export.error.write", path=path, reason=reason)
    return None


def check_and_write(name: str, results: list[RunResult], overwrite: bool = False) -> tuple[str | None, str | None]:
    """``check``, then ``write_checked``, in this thread: (the absolute path written, None) or (None, a message).
    In a session served to a browser (``gil-tui serve``) the file goes in the served folder only
    (``core.export_folder``)."""
    folder = export_folder.served_folder()
    if folder is not None:
        try:
            return export_folder.write_inside(folder, name, results, overwrite), None
        except export_folder.Refused as refused:
            return None, t(refused.key, **refused.params)
    path, error = check(name, overwrite)
    if path is None:
        return None, error
    error = write_checked(path, results)
    return (None, error) if error else (path, None)


def target(name: str) -> str:
    """The absolute path a typed name writes to."""
    folder = export_folder.served_folder()
    if folder is not None:
        return os.path.join(folder, os.path.basename(name.strip()))
    return os.path.abspath(os.path.expanduser(name.strip()))


class ExportDialog(ModalScreen[str | None]):
    """Dismissed with the path written, or None when closed without writing."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 70; max-width: 95%; height: auto; border: round $accent; background: $panel;
                              padding: 0 1; }
    ExportDialog #export-error { color: $error; text-style: bold; display: none; }
    ExportDialog #export-error.-shown { display: block; }
    ExportDialog #export-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "close", t("compare.key.close"))]

    def __init__(self, results: list[RunResult], *, what: str = "session", name: str = "") -> None:
        super().__init__()
        self.results = list(results)
        self.what = what
        self.default_name = name or "gil-tui-%s.json" % what
        self.error: str | None = None
        self.confirm: str | None = None  # the name whose file exists: enter on it again writes over it
        self.writing: str | None = None  # the path a thread is writing now

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("compare.export.title." + self.what)
            yield Label(t("compare.export.prompt"))
            yield OrderedInput(self.default_name, id="export-name", compact=True)
            yield Static("", id="export-error")
            folder = export_folder.served_folder()
            if folder is not None:
                yield Static(t("export.served.folder", folder=folder), id="export-folder")
            yield Static(t("compare.export.hint"), id="export-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.write(event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_error(None)
        self.confirm = None

    def write(self, name: str) -> str | None:
        """Check the name here, then write the file in a thread (a slow or stuck disk never freezes the UI); a file
        already there is written over only on a second enter with the same name. The path being written, or None."""
        if self.writing is not None:
            return None  # one write at a time: enter again while it goes does nothing
        if export_folder.served_folder() is not None:
            # served: the confined writer opens nothing but a regular file in its folder, so it cannot block
            path, error = check_and_write(name, self.results, overwrite=self.confirm == name)
            asking = path is None and error == t("compare.export.exists", path=target(name))
            self.confirm = name if asking else None
            self._show_error(error)
            if path is not None:
                self._written(path, None)
            return path
        path, error = check(name, overwrite=self.confirm == name)
        asking = path is None and error == t("compare.export.exists", path=target(name))
        self.confirm = name if asking else None
        self._show_error(error)
        if path is None:
            return None
        self.writing = path
        results = self.results
        app = self.app

        def work() -> None:
            error = write_checked(path, results)
            try:
                app.call_from_thread(self._written, path, error)
            except RuntimeError:  # the app has gone meanwhile
                pass

        self.run_worker(work, thread=True, exit_on_error=False, group="export")
        return path

    def _written(self, path: str, error: str | None) -> None:
        self.writing = None
        if error is None:
            self.app.notify(t("compare.export.done", count=len(self.results), path=path))
        if not self.is_attached:  # closed while the file was written
            return
        if error is not None:
            self._show_error(error)
        else:
            self.dismiss(path)

    def _show_error(self, message: str | None) -> None:
        self.error = message
        widget = self.query_one("#export-error", Static)
        widget.update(message or "")
        widget.set_class(message is not None, "-shown")

    def action_close(self) -> None:
        self.dismiss(None)


def export_results(app: App, results: list[RunResult], what: str) -> None:
    """Open the dialog for ``results`` ("session" or "comparison"); with nothing to write, say so instead."""
    if not results:
        app.notify(t("compare.export.nothing"), severity="warning")
        return
    app.push_screen(ExportDialog(results, what=what))
