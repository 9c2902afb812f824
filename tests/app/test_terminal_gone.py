"""The terminal vanishing under the app (an SSH session dropping, tmux killed) ends gil-tui and its lab.

Textual's output thread can die on the dead pty while the app starts, and its shutdown then waited for that
thread forever: gil-tui stayed behind with no terminal. The signal handler's watchdog ends it.
"""

from __future__ import annotations

import subprocess
import time
import uuid

import psutil
import pytest

from gil_tui.cli.app import SHUTDOWN_GRACE

from .test_e2e_tmux import TMUX, installed_command

pytestmark = pytest.mark.slow


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
@pytest.mark.parametrize("delay", [0.3, 0.8])
def test_killing_the_terminal_ends_gil_tui_and_its_lab(delay):
    command = installed_command()
    if command is None:
        pytest.skip("the gil-tui command is not installed")
    tmux = [TMUX, "-L", "gil-tui-gone-%s" % uuid.uuid4().hex[:8]]
    # a run that would go on for 30 s: the lab must not outlive the terminal either
    line = "exec %s -w sleep -m threads -n 2 --size 30 --run" % command
    subprocess.run(tmux + ["new-session", "-d", "-s", "gone", "-x", "80", "-y", "24", line], check=True)
    pid = int(subprocess.run(tmux + ["display-message", "-p", "-t", "gone", "#{pane_pid}"], capture_output=True,
                             text=True, check=True).stdout)
    app = psutil.Process(pid)
    time.sleep(delay)
    family = [app] + app.children(recursive=True)
    subprocess.run(tmux + ["kill-server"], capture_output=True)
    gone, alive = psutil.wait_procs(family, timeout=SHUTDOWN_GRACE + 5)
    for proc in alive:
        proc.kill()
    assert not alive, "left running after the terminal went away: %s" % [p.cmdline()[:2] for p in alive]

