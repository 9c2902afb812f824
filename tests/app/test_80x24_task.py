"""At 80x24 in a real terminal: ``gil-tui run --task examples/...`` as a user types it (issue 15).

The installed command in a tmux pane; the pane's shell keeps the output on screen after the run.
"""

from __future__ import annotations

import os

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples")


def run_and_keep(args: str) -> str:
    """``gil-tui ARGS``, then a marker with its exit code, then a pause so the screen can be read."""
    return "%s; echo EXIT=$?; sleep 300" % args


def test_an_example_runs_and_the_answer_fits_80_columns():
    task = os.path.join(EXAMPLES, "echo.py") + ":round_trips"
    with Terminal(run_and_keep("run --task %s -m sequential,threads,processes -n 4" % task)) as term:
        screen = term.wait_for(r"EXIT=\d", timeout=240)
        assert "EXIT=0" in screen, screen
        assert "Verdict:" in screen
        assert "threads won on Python" in screen
        assert "Your function mostly waits" in screen
        assert "Traceback" not in screen
        assert all(len(line) <= 80 for line in screen.splitlines())


def test_the_answer_in_spanish_and_a_bad_function_in_one_line():
    task = os.path.join(EXAMPLES, "shared_dict.py") + ":total"
    with Terminal(run_and_keep("run --lang es --task %s -m sequential,threads -n 4" % task)) as term:
        screen = term.wait_for(r"EXIT=\d", timeout=240)
        flat = " ".join(screen.split())
        assert "Veredicto:" in screen, screen
        assert "No es seguro con hilos" in flat
        assert "hilos devolvió otros valores que secuencial" in flat
    with Terminal(run_and_keep("run --task %s" % os.path.join(EXAMPLES, "shared_dict.py:nope"))) as term:
        screen = term.wait_for(r"EXIT=\d", timeout=120)
        assert "EXIT=2" in screen
        # wrapped at 80 (where the path's length puts the break: a space there is lost), so compared without spaces
        assert "hasnofunction'nope'(ithas:total)" in "".join(screen.split())
        assert "Traceback" not in screen


def test_serve_refuses_your_own_code_unless_a_folder_is_allowed():
    task = os.path.join(EXAMPLES, "echo.py") + ":round_trips"
    with Terminal(run_and_keep("serve --task %s" % task)) as term:
        screen = term.wait_for(r"EXIT=\d", timeout=60)
        flat = "".join(screen.splitlines())
        assert "EXIT=2" in screen
        assert "running your own code is local only: gil-tui serve refuses --task unless --allow-tasks-from DIR" \
               in flat, screen
    with Terminal(run_and_keep("serve --allow-tasks-from /usr --task %s" % task)) as term:
        screen = term.wait_for(r"EXIT=\d", timeout=60)
        assert "EXIT=2" in screen
        assert "is outside /usr, the only folder tasks may come from" in "".join(screen.splitlines())


def test_the_workbench_runs_your_code_from_workload():
    task = os.path.join(EXAMPLES, "shared_dict.py") + ":total"
    with Terminal("-m threads -n 2") as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Enter")  # Workload's list
        term.wait_for("sleep  time.sleep", timeout=60)
        term.send("End")  # its last entry: your code
        term.wait_for("your code", timeout=60)
        term.send("Enter")
        screen = term.wait_for("Code ", timeout=60)
        assert "your code" in screen and "give the file and the" in screen
        term.send("Tab")
        term.type(task)
        term.wait_for("round_trips|:total", timeout=60)
        term.send("Enter")  # Enter in Code runs (r is a letter there)
        screen = term.wait_for("Run 1 finished", timeout=180)
        assert "shared_dict.py:total" in screen
        screen = term.settle()
        said = " ".join(line.split("│")[3].strip() for line in screen.splitlines() if line.count("│") >= 4)
        assert "threads: 2 tasks returned 2 different values" in said or \
            "threads: all 2 tasks returned the same, int 44999850000" in said, said
        assert "task " in screen.split("History")[1]  # remembered in History
        assert all(len(line) <= 80 for line in screen.splitlines())


def test_a_served_workbench_without_a_folder_has_no_your_code_entry():
    with Terminal("--no-tasks") as term:  # what gil-tui serve passes without --allow-tasks-from
        term.wait_for("Press r to run")
        term.settle()
        term.send("Enter")
        term.wait_for("sleep  time.sleep", timeout=60)
        term.send("End")  # the list's end: io, not your code
        screen = term.wait_for("io  64 KiB", timeout=60)
        screen = term.settle()
        assert "io  64 KiB" in screen and "your code" not in screen
