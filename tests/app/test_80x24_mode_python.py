"""At 80x24 in a real terminal, on Python 3.11: the Mode list shows interpreters (subinterpreters, 3.12+) but says
why it cannot be ticked, and the keys pass over it. It used to be ticked, and r then started a lab that failed."""

from __future__ import annotations

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

from .test_80x24_keys import row

pytestmark = pytest.mark.slow


def test_the_mode_list_says_why_python_3_11_cannot_tick_interpreters(pyenv_python):
    with Terminal("-w fib -m threads -n 2 --size 20 --python %s" % pyenv_python("3.11")) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab", "Tab", "Enter")  # Workload -> Workers -> Mode, and open its list
        screen = term.wait_for("asyncio")
        line = next(line for line in screen.splitlines() if "interpreters" in line)
        assert "interpreters  needs 3.12+" in line, screen
        # four downs from sequential reached interpreters: now they pass over it, back to sequential
        term.send("Down", "Down", "Down", "Down", "Space", "Escape")
        screen = term.settle()
        assert "asyncio" not in screen  # the list is closed
        assert "interp" not in row(screen, "Mode"), screen
        assert row(screen, "Mode").startswith("sequential + threads"), screen
