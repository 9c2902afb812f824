"""Issue 12, section 1: the main path shows the lesson. The INSTALLED gil-tui at 80x24 in tmux, keyboard only.

- several modes in one run: ``-m sequential,threads`` presets the Mode set, ``r`` runs them in turn, and the result
  pane shows each mode's wall, cores and speedup side by side;
- a threads run made before its sequential one gets its speedup once the sequential run is done;
- a History row loads back into Setup (enter), and ``r`` runs it again;
- ``--size 20..22`` runs one size per task.
"""

from __future__ import annotations

import re

import pytest

from tests.terminal import Terminal

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

SPEEDUP = r"\d+\.\d\d×"


def result_pane(screen: str) -> list[str]:
    """The top-right pane at 80x24 (setup beside result): the right half of its rows."""
    return [line[40:] for line in screen.splitlines()[:10]]


def history_rows(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if re.match(r"│ \d+ ", line)]


def open_modes(term: Terminal) -> None:
    """Workload → Workers → Mode, and its list opened (every mode listed, interpreters last)."""
    term.send("Tab", "Tab", "Enter")
    term.wait_for(r"interpreters +(one sub|needs 3\.12\+)")  # before 3.12 it says why it cannot be ticked
    term.settle()


def test_a_set_of_modes_runs_in_turn_and_shows_both_speedups():
    with Terminal("-w fib -m sequential,threads -n 2 --run", 80, 24) as term:
        screen = term.wait_for(lambda s: "Runs 1–2" in s, timeout=240)
        pane = result_pane(screen)
        sequential = [line for line in pane if "sequential" in line and "█" in line]
        threads = [line for line in pane if "threads" in line and "█" in line]
        assert sequential and "1.00×" in sequential[0], screen
        assert threads and re.search(SPEEDUP, threads[0]), screen
        # wall and cores beside each speedup
        assert re.search(r"\d\.\d\d s +\d\.\d\d", sequential[0]) and re.search(r"\d\.\d\d s +\d\.\d\d", threads[0])
        rows = history_rows(screen)
        assert len(rows) == 2 and all(re.search(SPEEDUP, row) for row in rows), screen


def test_the_mode_field_is_a_set_picked_from_the_keyboard():
    with Terminal("-w fib -m threads -n 2 --size 20", 80, 24) as term:
        term.wait_for("Press r to run")
        term.settle()
        open_modes(term)
        term.send("Space", "Escape")  # sequential ticked too
        term.wait_for("Mode +sequential \\+ threads")
        term.send("r")
        screen = term.wait_for(lambda s: "Runs 1–2" in s, timeout=120)
        assert len(history_rows(screen)) == 2


def test_speedup_fills_in_when_the_baseline_runs_later():
    with Terminal("-w fib -m threads -n 2 --size 21 --run", 80, 24) as term:
        screen = term.wait_for("Run 1 finished", timeout=120)
        assert "—" in history_rows(screen)[0]  # no sequential run yet
        term.settle()
        open_modes(term)
        term.send("Space", "Down", "Space", "Escape")  # sequential only
        term.wait_for("Mode +sequential ")
        term.send("r")
        screen = term.wait_for("Run 2 finished", timeout=120)
        rows = history_rows(screen)
        assert re.search(SPEEDUP, rows[0]) and "—" not in rows[0], screen


def test_a_history_row_loads_back_into_setup_and_runs_again():
    with Terminal("-w race -m threads -n 3 --size 3000 --run", 80, 24) as term:
        term.wait_for("Run 1 finished", timeout=120)
        term.settle()
        term.send("Tab", "BSpace", "7")  # workers 7: the setup no longer says what run 1 was
        term.wait_for("Workers +7")
        for _ in range(30):  # tab round to History, as a person does (the footer follows the focus a moment later)
            if "Load" in term.settle(quiet=0.6).splitlines()[-1]:
                break
            term.send("Tab")
        footer = term.screen().splitlines()[-1]
        assert "Load" in footer, term.screen()
        term.send("Enter")
        screen = term.wait_for("Workers +3 ")
        assert "race" in screen and re.search(r"Mode +threads", screen)
        term.send("r")
        screen = term.wait_for("Run 2 finished", timeout=120)
        rows = history_rows(screen)
        assert len(rows) == 2 and re.search(r"race +threads +3 ", rows[1]), screen


def test_a_size_range_runs_one_size_per_task():
    with Terminal("-w fib -m threads --size 20..22 --run", 80, 24) as term:
        screen = term.wait_for("Run 1 finished", timeout=120)
        assert re.search(r"Workers +3 ", screen), screen  # three sizes, three workers
        assert "20..22" in screen or "20–22" in screen or "20…22" in screen, screen


FREE_THREADED = "/root/.cache/gil-tui/pythons/3.13t/bin/python3.13t"


def test_the_comparison_gives_speedup_against_the_fastest_sequential_run_of_any_python():
    import os
    import shutil

    free = FREE_THREADED if os.access(FREE_THREADED, os.X_OK) else shutil.which("python3.13t")
    if free is None:
        pytest.skip("no free-threaded Python here")
    with Terminal("-w fib -n 2 --size 22 --python %s" % free, 80, 24) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("c")
        term.wait_for("Compare interpreters")
        term.settle()
        term.send("Tab", "Tab", "Tab")  # to the Interpreters list
        term.settle()
        term.send("Down", "Down")  # a second interpreter (the first is ticked already)
        term.send("Space")
        screen = term.wait_for(lambda s: len(re.findall(r"\[✓\]", s)) >= 4, timeout=10)  # 2 Pythons, 2 modes
        term.send("r")
        screen = term.wait_for(r"Done: ", timeout=180)
        assert "vs best" in screen, screen
        rows = [row for row in screen.splitlines() if re.search(r"(sequential|threads) +\d", row)]
        assert len(rows) == 4 and all(len(re.findall(SPEEDUP, row)) == 2 for row in rows), screen
        assert any(re.search(r"1\.00× +1\.00×", row) for row in rows)  # the fastest sequential run itself
