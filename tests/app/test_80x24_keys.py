"""At 80x24 in a real terminal, keyboard only: the workbench starts on its first field, number fields take numbers
and leave every other key to the app, Enter and Escape leave a field (issue 11, items 1 and 2)."""

from __future__ import annotations

import re

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow

START = "-w fib -m threads -n 4 --size 22"


def row(screen: str, label: str) -> str:
    """The setup pane's row for ``label``: what the field shows after its label."""
    line = next(line for line in screen.splitlines() if ("│ %s " % label) in line)
    return line.split(label, 1)[1].split("│")[0].strip()


def history_rows(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if re.match(r"│\s+\d+\s+fib\s", line)]


def test_enter_at_start_opens_the_workload_picker():
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Enter")  # focus starts on Workload: Enter opens its list
        term.wait_for(lambda s: "race-plain" in s and "Dismiss" in s)
        term.send("Escape")
        assert "race-plain" not in term.settle()


def test_a_number_field_takes_digits_and_leaves_letters_to_the_app():
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab", "BSpace")  # Workload -> Workers, "4" erased
        term.type("2")
        screen = term.settle()
        assert row(screen, "Workers") == "2"
        assert "r Run" in screen and "q Quit" in screen  # the footer still shows the app's keys
        term.type("r")  # runs, not "2r"
        screen = term.wait_for(lambda s: len(history_rows(s)) == 1 and " ok " in history_rows(s)[0], timeout=60)
        assert row(screen, "Workers") == "2"
        assert re.search(r"\bw1 ", screen) and not re.search(r"\bw2 ", screen)
        assert re.match(r"│\s+1\s+fib\s+threads\s+2\s", history_rows(screen)[0])
        term.type("l")  # the language, from inside the field
        screen = term.wait_for("Tareas")
        assert row(screen, "Tareas") == "2"
        term.type("l")
        term.wait_for("Workers")
        term.type("?")  # help
        term.wait_for("Escape|escape")
        term.send("Escape")
        screen = term.settle()
        assert row(screen, "Workers") == "2"
        term.type("q")  # and q quits
        assert term.wait_gone(15), "gil-tui did not quit on q typed in a number field:\n" + term.screen()


def test_r_typed_right_after_a_digit_runs_with_that_digit():
    """A fast typist's "3r" in one burst: r (handled by the app at once) used to run before the field had taken the
    3, so the run had the old number of workers."""
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab")  # Workload -> Workers ("4")
        term.settle()
        term.send("End")
        term.send("3r")  # one write to the terminal: "43", then r
        screen = term.wait_for(lambda s: len(history_rows(s)) >= 1, timeout=90)
        assert re.match(r"│\s+1\s+fib\s+threads\s+43\s", history_rows(screen)[0]), screen


def test_keys_read_in_one_go_are_applied_in_order():
    """Backspace then "3" in one read: Textual's Input typed the 3 first and then deleted it, leaving "4"."""
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab")  # Workload -> Workers ("4")
        term.settle()
        term.send_together("BSpace", "3")
        assert row(term.settle(), "Workers") == "3"
        # tab moved the focus only once the key had bubbled up: the keys behind it went to the old field
        term.send_together("Tab", "Tab", "BSpace", "BSpace", "2", "1", "BTab", "BTab", "BSpace", "2", "r")
        screen = term.wait_for(lambda s: len(history_rows(s)) >= 1, timeout=90)
        assert re.match(r"│\s+1\s+fib\s+threads\s+2\s+21\s", history_rows(screen)[0]), screen


def test_enter_and_escape_leave_a_number_field():
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab", "Tab", "Tab")  # Workload -> Workers -> Mode -> Size
        term.send("BSpace", "BSpace")
        term.type("21")
        term.send("Enter")  # Size -> the next field: a digit now goes nowhere near Size
        term.type("5")
        assert row(term.settle(), "Size").split()[0] == "21"  # then its unit, "n of fib(n)"
        term.send("BTab", "BSpace")  # back in Size
        term.type("3")
        term.send("Escape")  # leaves for the Run button: Enter there runs
        term.send("Enter")
        screen = term.wait_for(lambda s: len(history_rows(s)) == 1, timeout=60)
        assert row(screen, "Size").split()[0] == "23"
        assert re.match(r"│\s+1\s+fib\s+threads\s+4\s+23\s", history_rows(screen)[0])


def test_keys_read_in_one_go_pick_from_a_list():
    """Enter (opens the list), down, down, enter in one read: Textual's Select left the list open on fib, the keys
    behind the enter lost; each went to the picker before its list took the focus."""
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send_together("Enter", "Down", "Down", "Enter")  # fib -> sleep -> race
        screen = term.settle()
        assert row(screen, "Workload").split()[0] == "race" and "Dismiss" not in screen, screen
        # back to sleep, then on to Workers: the list took the focus, and its Select took it back, after the tab
        term.send_together("Enter", "Up", "Enter", "Tab", "BSpace", "2")
        screen = term.settle()
        assert (row(screen, "Workload").split()[0], row(screen, "Workers")) == ("sleep", "2"), screen


def test_keys_read_in_one_go_tick_modes():
    """Enter (opens the Mode list), down, down, space (ticks processes), tab, 5 in one read: the field ran its keys
    only once each had bubbled up to the app, and the list took the focus later still; nothing was ticked."""
    with Terminal(START) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab", "Tab")  # Workload -> Workers -> Mode
        term.settle()
        term.send_together("Enter", "Down", "Down", "Space", "Tab", "BSpace", "5")
        screen = term.settle()
        assert (row(screen, "Mode").split("▼")[0].strip(), row(screen, "Size").split()[0]) == \
            ("threads + processes", "25"), screen


def test_the_mode_list_says_which_modes_are_ticked():
    """Textual's SelectionList draws every box as the same X and tells ticked from unticked by its colour only (what
    issue 11 found on the comparison screen): the Mode list's boxes read [✓] and [ ]."""
    with Terminal("-w fib -m sequential,threads -n 2 --size 22") as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("Tab", "Tab")  # Workload -> Workers -> Mode
        term.settle()
        term.send("Enter")
        screen = term.wait_for(r"\[[✓ ]\] processes")
        for name, box in (("sequential", "✓"), ("threads", "✓"), ("processes", " "), ("asyncio", " ")):
            assert re.search(r"\[%s\] %s\b" % (box, name), screen), screen
        term.send("Down", "Down", "Space")  # the list opens on sequential: tick processes
        term.wait_for(r"\[✓\] processes")
        term.send("Up", "Space")  # untick threads
        term.wait_for(r"\[ \] threads")
