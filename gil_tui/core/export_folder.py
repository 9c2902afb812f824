"""Exports confined to one folder: what ``gil-tui serve`` gives the apps it starts for browser tabs.

A browser tab is not the person at the keyboard: in a served session the export dialog writes only inside the
folder ``serve`` created and named (``GIL_TUI_EXPORT_DIR`` in the app's environment). The name typed is a file name
in that folder and nothing else: no ``~``, no ``..``, no other folder, absolute or not (an absolute path that
already names a file in the folder is accepted). The folder is opened once without following a symbolic link, the
file is written to a new temporary file in it (``O_CREAT | O_EXCL | O_NOFOLLOW``) and renamed over the name, so a
symbolic link or a FIFO planted under that name is never followed or opened: it is refused, and a file already
there is replaced whole, never truncated in place.
"""

from __future__ import annotations

import os
import secrets
import stat

from . import export
from .model import RunResult

ENV = "GIL_TUI_EXPORT_DIR"


class Refused(Exception):
    """A name that does not stay in the folder, or a file that cannot be written; ``key`` is the i18n key."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def served_folder() -> str | None:
    """The folder exports are confined to (set by ``gil-tui serve``), None in a terminal session."""
    folder = os.environ.get(ENV, "")
    return os.path.abspath(folder) if folder else None


def name_inside(folder: str, typed: str) -> str:
    """The plain file name ``typed`` names inside ``folder``; Refused when it names anything else."""
    typed = typed.strip()
    if not typed:
        raise Refused("compare.export.error.empty")
    if os.path.isabs(typed) and os.path.dirname(typed) == folder.rstrip(os.sep):
        typed = os.path.basename(typed)
    if typed.startswith("~") or os.sep in typed or (os.altsep and os.altsep in typed) or typed in (".", ".."):
        raise Refused("export.served.outside", folder=folder)
    ext = os.path.splitext(typed)[1]
    if ext.lower() not in export.FORMATS:
        raise Refused("compare.export.error.ext", ext=ext or typed)
    return typed


def existing(folder_fd: int, name: str) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def write_inside(folder: str, typed: str, results: list[RunResult], overwrite: bool = False) -> str:
    """Write ``results`` to the file ``typed`` names in ``folder``; the absolute path written. Refused with
    "compare.export.exists" when a regular file is there and not ``overwrite``, or another reason."""
    name = name_inside(folder, typed)
    path = os.path.join(folder, name)
    try:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        raise Refused("compare.export.error.write", path=path, reason=exc.strerror or str(exc)) from None
    try:
        there = existing(folder_fd, name)
        if there is not None and not stat.S_ISREG(there.st_mode):
            raise Refused("export.served.not_a_file", path=path)
        if there is not None and not overwrite:
            raise Refused("compare.export.exists", path=path)
        text = export.render(name, results).encode("utf-8")
        temporary = ".%s.%s.tmp" % (name, secrets.token_hex(4))
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644,
                         dir_fd=folder_fd)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(text)
                    f.flush()
                    os.fsync(f.fileno())
                there = existing(folder_fd, name)  # planted since the check: still refuse, never replace it
                if there is not None and not stat.S_ISREG(there.st_mode):
                    raise Refused("export.served.not_a_file", path=path)
                os.rename(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
            except BaseException:
                try:
                    os.unlink(temporary, dir_fd=folder_fd)
                except OSError:
                    pass
                raise
        except OSError as exc:
            raise Refused("compare.export.error.write", path=path, reason=exc.strerror or str(exc)) from None
    finally:
        os.close(folder_fd)
    return path


def make_folder(path: str) -> str:
    """Create ``path`` (mode 0700) if it is not there; its absolute, symlink-free path. OSError when it cannot be
    a folder of ours (a file, a symbolic link, not writable)."""
    path = os.path.abspath(os.path.expanduser(path))
    os.makedirs(path, mode=0o700, exist_ok=True)
    if os.path.islink(path):
        raise OSError("%s is a symbolic link: give a real folder" % path)
    if not os.path.isdir(path) or not os.access(path, os.W_OK | os.X_OK):
        raise OSError("%s is not a folder this user can write to" % path)
    return os.path.realpath(path)
