"""End to end: the INSTALLED ``gil-tui`` command in a real terminal (tmux) at 80x24, read off the screen."""

from __future__ import annotations

import re
import subprocess
import time
import uuid

import pytest
from terminal import TMUX, installed_command  # tests/terminal.py

pytestmark = pytest.mark.slow


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_installed_gil_tui_shows_the_race_counter_on_screen():
    command = installed_command()
    if command is None:
        pytest.skip("the gil-tui command is not installed")
    socket = "gil-tui-test-%s" % uuid.uuid4().hex[:8]  # a private tmux server: no clash with anyone else's
    tmux = [TMUX, "-L", socket]
    # a short switch interval makes 20 x 20000 racing increments lose updates on every run
    line = "%s -w race -m threads -n 20 --size 20000 --switch-interval 0.0001 --run" % command
    subprocess.run(tmux + ["new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", line], check=True)
    try:
        screen = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            screen = subprocess.run(tmux + ["capture-pane", "-p", "-t", "e2e"], capture_output=True,
                                    text=True).stdout
            if re.search(r"Counter [\d,]+ of [\d,]+", screen) and "Run 1 finished." in screen:
                break
            time.sleep(0.1)
        counter = re.search(r"Counter ([\d,]+) of ([\d,]+)", screen)
        lost = re.search(r"LOST ([\d,]+) UPDATES", screen)
        assert counter and lost, "no result on screen:\n" + screen
        final, expected = (int(g.replace(",", "")) for g in counter.groups())
        lost_count = int(lost.group(1).replace(",", ""))
        assert expected == 20 * 20000
        assert lost_count > 0 and final + lost_count == expected
        assert "Elapsed" not in screen  # one clock: after the run, only the measured Wall
        assert re.search(r"Wall \d+\.\d{3} s", screen)
        # q quits: the command exits and the session closes with it
        subprocess.run(tmux + ["send-keys", "-t", "e2e", "q"], check=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if subprocess.run(tmux + ["has-session", "-t", "e2e"], capture_output=True).returncode != 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail("gil-tui did not quit on q")
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)
