"""``gil-tui run --preset``: the post's experiment, its figures beside the measured ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def gil_tui_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", "run", *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, COLUMNS="200"), stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_race_preset_prints_the_posts_figures_beside_the_measured_ones():
    proc = gil_tui_run("--preset", "seed-race")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "The post's race: 20 threads × 1000 increments" in out
    assert "The post: the counter ended at 17,982 and 18,811 of 20,000." in out
    assert out.count("Here, race") == 4
    assert "10 µs" in out and "5 ms" in out  # both switch intervals, in the table and the lines


@pytest.mark.slow
def test_sleep_preset_in_spanish_with_a_shorter_size_as_json():
    proc = gil_tui_run("--preset", "seed-sleep", "--size", "0.05", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["workload"], r["mode"], r["workers"], r["size"]) for r in rows] == [
        ("sleep", "sequential", 10, 0.05), ("sleep", "threads", 10, 0.05)]
    assert rows[1]["speedup"] > 1
    proc = gil_tui_run("--preset", "seed-sleep", "--size", "0.05", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    assert "El post: 10.01 s uno tras otro, 1.01 s en hilos." in proc.stdout


def test_preset_bad_input_is_one_line_and_exit_2():
    for args, words in ((["--preset", "seed-nope"], "invalid choice"), (["--preset", "seed-fib", "-m", "threads"],
                        "leave out -m"), (["--preset", "seed-fib", "--size", "2.5"], "whole number")):
        proc = gil_tui_run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stdout == "" and len(proc.stderr.splitlines()) == 1 and words in proc.stderr, proc.stderr
