"""``gil-tui run --python A,B --repeat K``: a matrix over real interpreters, medians, spreads, skipped entries."""

from __future__ import annotations

import csv
import json
import statistics
import subprocess
import sys

import pytest

from gil_tui.core.matrix import NOISY_SPREAD, aggregate, parse_pythons, plan
from gil_tui.core.model import Counter, RunResult
from gil_tui.core.validation import UsageError

TINY = ["-w", "fib", "--size", "15", "-n", "2"]


def gil_tui_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", "run", *args], capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_two_interpreters_repeated_twice(pyenv_python, tmp_path):
    other = pyenv_python("3.12") if sys.version_info[:2] != (3, 12) else pyenv_python("3.11")
    out = tmp_path / "matrix.csv"
    proc = gil_tui_run(*TINY, "-m", "sequential,threads", "--python", "%s,%s" % (sys.executable, other),
                       "--repeat", "2", "--json", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["mode"] for r in rows] == ["sequential", "threads"] * 2
    assert len({r["interpreter"]["version"] for r in rows}) == 2
    for r in rows:
        assert r["status"] == "ok" and r["repeat"] == 2 and len(r["wall_s_all"]) == 2
        assert r["wall_s"] == pytest.approx(statistics.median(r["wall_s_all"]))
        assert r["spread"] == pytest.approx((max(r["wall_s_all"]) - min(r["wall_s_all"])) / r["wall_s"])
        assert isinstance(r["warnings"], list) and (r["spread"] > NOISY_SPREAD) == bool(r["warnings"])
    for seq, threads in (rows[0:2], rows[2:4]):  # speedup within each interpreter, against its own sequential
        assert seq["speedup"] == pytest.approx(1.0)
        assert threads["speedup"] == pytest.approx(seq["wall_s"] / threads["wall_s"])
    warned = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warned) == sum(len(r["warnings"]) for r in rows)
    with open(out, newline="") as f:
        exported = list(csv.DictReader(f))
    assert [(e["mode"], e["version"], e["repeat"]) for e in exported] == [
        (r["mode"], r["interpreter"]["version"], "2") for r in rows]


@pytest.mark.slow
def test_gil_both_runs_a_free_threaded_build_each_way(free_threaded_python):
    proc = gil_tui_run(*TINY, "-m", "threads", "--python", free_threaded_python, "--gil", "both", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["gil"], r["interpreter"]["gil_enabled"]) for r in rows] == [("off", False), ("on", True)]


@pytest.mark.slow
def test_per_entry_gil_and_a_gil_build_beside_it(free_threaded_python):
    proc = gil_tui_run(*TINY, "-m", "threads", "--python", "%s,%s:gil=on" % (sys.executable, free_threaded_python),
                       "--json")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["interpreter"]["free_threaded"], r["interpreter"]["gil_enabled"]) for r in rows] == [
        (False, True), (True, True)]


@pytest.mark.slow
def test_an_entry_that_cannot_run_is_skipped_and_the_rest_runs(tmp_path):
    proc = gil_tui_run(*TINY, "-m", "threads", "--python", "%s,%s,%s:gil=off" % (
        sys.executable, tmp_path / "nothing", sys.executable), "--json")
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["status"] == "ok"
    errors = proc.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0] == "gil-tui run: skipping interpreter %s does not exist" % (tmp_path / "nothing")
    assert "--gil off needs a free-threaded build" in errors[1]


@pytest.mark.slow
@pytest.mark.parametrize("args, words", [
    (["--repeat", "0"], "--repeat must be from 1 to"),
    (["--repeat", "two"], "--repeat must be a whole number"),
    (["--output", "results.txt"], "the file name must end in .json, .csv, .md"),
    (["--python", "a,,b"], "--python has an empty entry"),
    (["--python", "python3:gil=maybe"], "gil must be on, off or both"),
    (["--python", "/nope/a,/nope/b"], "no interpreter to run"),
])
def test_bad_matrix_input_is_one_line_and_exit_2(args, words):
    proc = gil_tui_run(*TINY, *args)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and words in proc.stderr


def test_entries_parse_with_their_own_gil():
    entries = parse_pythons("python3.12, /opt/py/bin/python3.13t:gil=both")
    assert [(e.given, e.gil) for e in entries] == [("python3.12", None), ("/opt/py/bin/python3.13t", "both")]
    with pytest.raises(UsageError):
        parse_pythons("python3:gil=")


def test_repeats_are_interleaved():
    assert plan(3, 2) == [0, 1, 2, 0, 1, 2]


def _result(wall: float, status: str = "ok", lost: int | None = None) -> RunResult:
    return RunResult.from_json({
            "schema": 1, "workload": "race", "mode": "threads", "workers": 2, "size": 10, "gil": None,
            "interpreter": {"executable": sys.executable, "version": "3.11.7", "free_threaded": False,
                            "gil_enabled": True},
            "status": status, "error": None if status == "ok" else "boom", "wall_s": wall if status == "ok" else None,
            "cpu_s": wall, "cores_used": 1.0, "speedup": None, "tasks": [], "notes": [], "timeline": None,
            "counter": None if lost is None else {"expected": 20, "final": 20 - lost, "lost": lost}})


def test_a_cell_reports_medians_spread_and_the_median_run():
    cell = aggregate([_result(1.0, lost=3), _result(1.05, lost=5), _result(1.02, lost=4)])
    assert cell.wall_s == 1.02 and cell.wall_s_all == (1.0, 1.05, 1.02) and cell.repeat == 3
    assert cell.spread == pytest.approx(0.05 / 1.02) and cell.warnings == ()
    assert cell.counter == Counter(expected=20, final=16, lost=4, lost_all=(3, 5, 4))
    assert cell.to_json()["counter"] == {"expected": 20, "final": 16, "lost": 4, "lost_all": [3, 5, 4]}


def test_a_noisy_cell_warns_and_a_failed_run_marks_the_cell():
    noisy = aggregate([_result(1.0), _result(1.5)])
    assert noisy.spread == pytest.approx(0.4) and "spread 40 %" in noisy.warnings[0]
    failed = aggregate([_result(1.0), _result(0, status="error")])
    assert failed.status == "error" and failed.error == "1 of 2 runs failed: boom"
    assert failed.wall_s == 1.0 and failed.wall_s_all == (1.0, None)
