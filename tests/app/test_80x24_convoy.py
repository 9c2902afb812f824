"""At 80x24 in a real terminal, keyboard only (issue 13): the convoy experiment on key 4 with its banner, the
responsiveness probe on p with its live line and its p50/p99 in the result, hand-overs beside the switch interval,
and ``gil-tui run -w convoy`` printing the round trips alone vs with CPU work."""

from __future__ import annotations

import re

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow


def history_rows(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if re.match(r"│\s+\d+\s+\w", line) and " ok " in line]


def test_key_4_runs_the_convoy_in_threads_then_processes_and_shows_the_banner():
    with Terminal("-w fib -n 4 --size 22") as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("4")
        screen = term.wait_for("Experiment 4, run 1 of 2")
        assert "post's experiment" not in screen  # the convoy is gil-tui's own, not the post's
        screen = term.wait_for(lambda s: len(history_rows(s)) == 2, timeout=180)
        assert re.search(r"convoy\s+threads\s+3\s", history_rows(screen)[0])
        assert re.search(r"convoy\s+processes\s+3\s", history_rows(screen)[1])
        # the banner: the held-back threads run's figure (or, on a machine too busy to show it, the round trips
        # kept); both runs' rates in the comparison below it (the ratios themselves: tests/test_convoy.py)
        assert re.search(r"FEWER ROUND TRIPS|round trips kept", screen), screen
        assert "Experiment 4:" in screen and "• threads: " in screen, screen
        assert re.search(r"1 ms sleeper late by \S* p50 [\d.]+ ms p99", screen), screen
        assert all(len(line) == 80 for line in screen.splitlines()[:-1] if line)  # nothing spills past 80 columns
        coloured = term.screen(colours=True)
        assert "\x1b[" in coloured


def test_p_turns_the_probe_on_and_the_result_shows_its_lateness_and_the_hand_overs():
    with Terminal("-w fib -m threads -n 2 --size 27") as term:
        screen = term.wait_for(re.escape("probe off (p turns it on)"))
        term.send("p")
        term.wait_for("probe on: waiting")
        term.send("r")
        screen = term.wait_for(lambda s: len(history_rows(s)) == 1, timeout=120)
        screen = term.wait_for("Woke late p50", timeout=10)
        assert re.search(r"Hand-overs [\d,]+/s at switch 5 ms", screen), screen
        assert re.search(r"1 ms sleeper late by \S* p50 [\d.]+ ms p99 [\d.]+ ms", screen), screen
        term.send("l")  # and in Spanish
        term.wait_for(lambda s: "Retraso mediana" in s and "retraso de quien duerme 1 ms" in s)


def test_gil_tui_run_convoy_prints_the_round_trips_alone_and_with_cpu_work():
    # the table and the banners: the explanations after them scroll the top off a 24-line terminal
    with Terminal("run -w convoy -m threads,processes -n 3 --size 29 | head -n 12; sleep 60") as term:
        screen = term.wait_for(re.escape("Why (threads)"), timeout=180)
        assert re.search(r"threads\s.*ms\s+[\d,]+→[\d,]+ [\d.]+×", screen), screen
        assert re.search(r"threads · [\d,]+/s (WITH CPU WORK|with CPU work)", screen), screen
        assert re.search(r"processes · [\d,]+/s (WITH CPU WORK|with CPU work)", screen), screen
