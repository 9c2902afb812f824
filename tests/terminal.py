"""A real terminal for end-to-end tests: the INSTALLED ``gil-tui`` in a private tmux server, driven by keys and read
off the screen (text with ``screen()``, colours with ``screen(colours=True)``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable

import pytest

TMUX = shutil.which("tmux")


def installed_command() -> str | None:
    found = shutil.which("gil-tui")
    if found:
        return found
    beside = os.path.join(os.path.dirname(sys.executable), "gil-tui")  # the venv's script, PATH or not
    return beside if os.access(beside, os.X_OK) else None


class Terminal:
    """``gil-tui ARGS`` in a ``width`` x ``height`` tmux pane. Use as a context manager: the server goes at the end."""

    def __init__(self, args: str = "", width: int = 80, height: int = 24, env: dict[str, str] | None = None,
                 prefix: str = "", keep: bool = False) -> None:
        """``prefix``: a command line that runs gil-tui (``setpriv ...``, a wrapper script). ``keep``: the pane stays
        after gil-tui exits (a command such as ``run`` or ``compare``): read it, and ``exit_code()``."""
        if TMUX is None:
            pytest.skip("tmux is not installed")
        command = installed_command()
        if command is None:
            pytest.skip("the gil-tui command is not installed")
        self.tmux = [TMUX, "-L", "gil-tui-test-%s" % uuid.uuid4().hex[:8]]  # private server: no clash with others
        exports = " ".join("%s=%s" % item for item in (env or {}).items())
        # the pane's size is tmux's, not COLUMNS and LINES: under pytest the process environment holds
        # COLUMNS=80 LINES=24 (set at C level when readline is loaded, not in os.environ) and a child that
        # inherited them would draw an 80x24 app in a 120x40 pane: unset for the command, and left out of
        # the environment tmux itself starts with
        line = "env -u COLUMNS -u LINES %s%s%s %s" % (exports + " " if exports else "", prefix + " " if prefix else "",
                                                    command, args)
        self.status_file: str | None = None
        if keep:  # tmux's #{pane_dead_status} is sometimes empty (3.3a): the shell writes the status down instead
            handle, self.status_file = tempfile.mkstemp(prefix="gil-tui-test-status-")
            os.close(handle)
            os.unlink(self.status_file)
            line += "; echo $? > %s" % self.status_file
        clean = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
        # with keep, the option is set in the same command list as the session: before its command can exit
        options = ["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";"] if keep else []
        subprocess.run(self.tmux + options + ["new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height),
                                              line], check=True, env=clean)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        subprocess.run(self.tmux + ["kill-server"], capture_output=True)
        if self.status_file is not None and os.path.exists(self.status_file):
            os.unlink(self.status_file)

    def screen(self, colours: bool = False) -> str:
        history = ["-S", "-"] if self.status_file is not None else []  # a command's output: all of it, scrolled or not
        return subprocess.run(self.tmux + ["capture-pane", "-p", "-t", "t"] + history + (["-e"] if colours else []),
                              capture_output=True, text=True).stdout

    def send(self, *keys: str) -> None:
        """tmux key names ("Tab", "Enter", "Escape", "BTab") or literal text ("2r"), one after another."""
        for key in keys:
            subprocess.run(self.tmux + ["send-keys", "-t", "t", key], check=True)
            time.sleep(0.15)

    def send_together(self, *keys: str) -> None:
        """tmux key names in one send-keys: the program reads them in one go, as keys batched by SSH or a paste."""
        subprocess.run(self.tmux + ["send-keys", "-t", "t", *keys], check=True)
        time.sleep(0.15)

    def type(self, text: str) -> None:
        """Letters typed one by one, as a person would."""
        for ch in text:
            subprocess.run(self.tmux + ["send-keys", "-t", "t", "-l", ch], check=True)
            time.sleep(0.1)

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 30.0, colours: bool = False) -> str:
        """The screen once it contains ``what`` (a regular expression) or ``what(screen)`` holds; fails otherwise."""
        test = (lambda s: re.search(what, s) is not None) if isinstance(what, str) else what
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(colours)
            if test(screen):
                return screen
            time.sleep(0.1)
        pytest.fail("timed out waiting for %r; the screen:\n%s" % (what, screen))

    def settle(self, quiet: float = 0.5, timeout: float = 10.0) -> str:
        """The screen once it has stopped changing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last

    def exit_code(self, timeout: float = 30.0) -> int:
        """With ``keep``: gil-tui's exit status once it has exited (fails if it is still running after ``timeout``)."""
        assert self.status_file is not None, "Terminal(keep=True) only"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(self.status_file) as f:
                    text = f.read()
                if text.endswith("\n"):
                    return int(text)
            except FileNotFoundError:
                pass
            time.sleep(0.1)
        pytest.fail("still running after %g s; the screen:\n%s" % (timeout, self.screen()))

    def alive(self) -> bool:
        return subprocess.run(self.tmux + ["has-session", "-t", "t"], capture_output=True).returncode == 0

    def wait_gone(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return True
            time.sleep(0.1)
        return False
