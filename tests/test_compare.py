"""``gil-tui compare A B``: two real exports side by side, matched by run, with B/A."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from gil_tui.cli.compare import pair, ratio, wall_text
from gil_tui.core.export import load

TINY = ["-w", "race", "--size", "2000", "-n", "2", "--json"]


def gil_tui(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", *args], capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> tuple[str, str]:
    """A: sequential and threads; B: threads and processes, as CSV: one row in common, one only in each."""
    d = tmp_path_factory.mktemp("exports")
    a, b = str(d / "a.json"), str(d / "b.csv")
    for path, modes in ((a, "sequential,threads"), (b, "threads,processes")):
        proc = gil_tui("run", *TINY, "-m", modes, "--output", path)
        assert proc.returncode == 0, proc.stderr
    return a, b


def test_rows_are_matched_by_run_not_by_position(exports):
    (a, _), (b, _) = load(exports[0]), load(exports[1])
    rows = pair(a, b)
    assert [(ra and ra.mode, rb and rb.mode) for ra, rb in rows] == [
        ("sequential", None), ("threads", "threads"), (None, "processes")]
    ra, rb = rows[1]
    assert ratio(ra, rb) == pytest.approx(rb.wall_s / ra.wall_s)


def test_another_patch_release_still_matches(exports):
    (a, _) = load(exports[0])
    elsewhere = [r.replace(interpreter=dataclasses.replace(r.interpreter, version=r.interpreter.version + "9"))
                 for r in a]
    rows = pair(a, elsewhere + a)
    assert [rb is a[i] for i, (_, rb) in enumerate(rows[:2])] == [True, True]  # the same version first
    assert [ra for ra, _ in rows[2:]] == [None, None]  # then the rest of B, unmatched
    assert [rb is elsewhere[i] for i, (_, rb) in enumerate(pair(a, elsewhere))] == [True, True]


def test_compare_shows_both_sides_and_the_ratio(exports):
    proc = gil_tui("compare", *exports)
    assert proc.returncode == 0, proc.stderr
    (a, _), (b, _) = load(exports[0]), load(exports[1])
    threads_a, threads_b = a[1], b[0]
    line = next(line for line in proc.stdout.splitlines() if " threads " in line)
    assert wall_text(threads_a) in line and wall_text(threads_b) in line
    assert "%.2f" % (threads_b.wall_s / threads_a.wall_s) in line
    assert str(threads_a.counter.lost) in line
    assert "A: " in proc.stdout  # A's machine, from the JSON export
    assert any(" processes " in line and line.count("—") >= 3 for line in proc.stdout.splitlines())


def test_nothing_in_common_is_said(exports, tmp_path):
    (a, _) = load(exports[0])
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps(dict(a[0].to_json(), workers=3)) + "\n")
    proc = gil_tui("compare", exports[0], str(other))
    assert proc.returncode == 0 and "no run in A matches one in B" in proc.stdout


@pytest.mark.parametrize("content, words", [
    (None, "cannot read"),
    ("[1, 2]", "does not hold gil-tui results"),
    ("hello", "is not JSON"),
])
def test_bad_files_are_one_line_and_exit_2(exports, tmp_path, content, words):
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content)
    proc = gil_tui("compare", exports[0], str(bad))
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("gil-tui compare: error: ")
    assert words in proc.stderr


def test_compare_needs_two_files():
    proc = gil_tui("compare", "only-one.json")
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
