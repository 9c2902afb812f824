"""Issue 12 §2-§3 in a real terminal (the INSTALLED gil-tui in tmux, 80x24): ``gil-tui run`` shows overall progress,
time left and a header naming size, switch interval and GIL; the timeline states its slice and says when it is too
coarse for turn-taking; History shows the switch interval; the explanations say what was measured."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.terminal import Terminal

pytestmark = pytest.mark.slow

HOLD = "; sleep 120"  # keep the pane (and what the command printed) after it exits


def test_run_shows_overall_progress_time_left_and_what_it_runs():
    with Terminal("run -w sleep --size 0.5 -n 2 -m sequential,threads,processes" + HOLD, 80, 24) as term:
        screen = term.wait_for(r"Run 1 of 3", timeout=60)
        assert re.search(r"sleep · sequential · 2 workers · size 0\.5 · Python \d\.\d+ · switch 5 ms · GIL on",
                         " ".join(screen.split())), screen
        screen = term.wait_for(r"Run 2 of 3 · about \d+ s left", timeout=60)
        term.wait_for(r"Why \(processes\)", timeout=90)
        scrollback = subprocess.run(term.tmux + ["capture-pane", "-p", "-t", "t", "-S", "-200"], capture_output=True,
                                    text=True).stdout
        assert re.search(r"(?m)^size 0\.5 · switch 5 ms · GIL on\s*$", scrollback), scrollback  # under the table


def test_the_timeline_states_its_slice():
    # fib(28): a few hundred slices, enough for the figure (fib(25) left too few on a loaded machine)
    with Terminal("-w fib -m threads -n 2 --size 28 --run", 80, 24) as term:
        term.wait_for("✓", timeout=120)
        term.send("t")
        term.wait_for(r"0\.5 ms slices", timeout=20)


def test_the_timeline_says_when_its_slices_are_too_coarse_for_the_switch_interval():
    with Terminal("-w fib -m threads -n 2 --size 25 --switch-interval 0.0005 --run", 80, 24) as term:
        term.wait_for("✓", timeout=120)
        term.send("t")
        screen = term.wait_for(r"0\.5 ms slices: too coarse", timeout=20)
        assert "one at a time in" not in screen


def test_history_shows_the_switch_interval():
    with Terminal("-w fib -m threads -n 2 --size 20 --switch-interval 0.001 --run", 120, 40) as term:
        screen = term.wait_for("✓", timeout=120)
        header = next(line for line in screen.splitlines() if " workload " in line and " status" in line)
        assert " switch " in header, screen
        row = next(line for line in screen.splitlines() if "✓" in line)
        assert " 1 ms " in row, screen


def test_the_race_explanations_say_can_and_implementation_detail():
    with Terminal("run -w race-plain -n 20 --size 1000 -m threads" + HOLD, 80, 24) as term:
        screen = term.wait_for(r"not\s+a\s+guarantee", timeout=120)
        assert "implementation detail" in " ".join(screen.split())
