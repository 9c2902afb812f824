"""Export of real results to JSON, CSV and Markdown, and reading them back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gil_tui.core.export import CSV_FIELDS, ExportError, flat, format_of, load, markdown, write
from gil_tui.core.matrix import aggregate
from gil_tui.core.model import RunResult

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    """A real race run (sequential and threads) as ``gil-tui run --json`` prints it."""
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "race", "--size", "2000", "-n", "2",
                           "-m", "sequential,threads", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 2 and all(r["counter"] for r in rows)
    return rows


@pytest.fixture(scope="module")
def results(rows) -> list[RunResult]:
    """The same runs as results."""
    return [RunResult.from_json(r) for r in rows]


def test_json_round_trips_whole(rows, results, tmp_path):
    path = str(tmp_path / "a.json")
    assert write(path, results) == ".json"
    back, machine = load(path)
    assert back == results
    with open(path, encoding="utf-8") as f:
        assert json.load(f)["results"] == rows  # every dict whole, as ``gil-tui run --json`` printed it
    assert machine is not None and machine["cpus"] and machine["host"]


def test_run_json_lines_load_as_they_are(rows, results, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert load(str(path)) == (results, None)


def test_csv_round_trips_its_columns(results, tmp_path):
    cells = results + [aggregate([results[1], results[1].replace(wall_s=results[1].wall_s * 2)])]
    path = str(tmp_path / "a.csv")
    write(path, cells)
    back, machine = load(path)
    assert machine is None and len(back) == len(cells)
    for original, read in zip(cells, back):
        assert flat(read) == flat(original)  # every CSV column survives: numbers, booleans, counter, repeats
        assert read.interpreter.free_threaded is original.interpreter.free_threaded
        assert read.counter.lost == original.counter.lost
    assert back[2].repeat == 2 and back[2].wall_s_all == cells[2].wall_s_all
    assert back[2].warnings == cells[2].warnings != ()
    with open(path) as f:
        assert f.readline().strip().split(",") == list(CSV_FIELDS)


def test_markdown_is_a_table_of_every_result(results, tmp_path):
    path = tmp_path / "a.md"
    write(str(path), results)
    text = path.read_text()
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert len(lines) == 2 + len(results)
    assert all(line.count("|") == lines[0].count("|") for line in lines)
    for r in results:
        assert "| race | 2000 | %s | %s | 2 |" % (r.python_label, r.mode) in text
        assert "%d/%d" % (r.counter.final, r.counter.expected) in text
    assert markdown(results).startswith("| workload")


@pytest.fixture(scope="module")
def task_results() -> list[RunResult]:
    """A real run of your own code (examples/compress.py:pack), sequential and threads, as results."""
    task = os.path.join(EXAMPLES, "compress.py") + ":pack"
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "--task", task, "--size", "2", "-n", "2",
                           "-m", "sequential,threads", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [RunResult.from_json(json.loads(line)) for line in proc.stdout.splitlines()]


def test_a_run_of_your_own_code_keeps_its_function_and_size_in_csv_and_markdown(task_results, tmp_path):
    path = str(tmp_path / "task.csv")
    write(path, task_results)
    back, _ = load(path)
    assert [(r.workload, r.task, r.task_arg) for r in back] == \
        [("task", task_results[0].task, 2)] * 2 and task_results[0].task.endswith("compress.py:pack")
    write(str(tmp_path / "task.md"), task_results)
    text = (tmp_path / "task.md").read_text()
    assert text.count("| compress.py:pack | 2 |") == 2


def test_a_csv_written_before_the_task_columns_still_loads(results, tmp_path):
    path = tmp_path / "old.csv"
    write(str(path), results)
    lines = path.read_text().splitlines()
    old = [",".join(line.split(",")[:-2]) for line in lines]  # without task and task_arg (both empty here)
    assert old[0].endswith(",warnings")
    path.write_text("\n".join(old) + "\n")
    back, _ = load(str(path))
    assert [(r.mode, r.task, r.counter.lost) for r in back] == [(r.mode, None, r.counter.lost) for r in results]


@pytest.mark.parametrize("name", ["a.txt", "a", "a.json.bak"])
def test_an_unknown_extension_is_refused(name):
    with pytest.raises(ExportError, match="must end in .json, .csv, .md"):
        format_of(name)


def test_unwritable_and_unreadable_files_say_so(results, tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        write(str(tmp_path / "no-such-dir" / "a.json"), results)
    with pytest.raises(ExportError, match="cannot read"):
        load(str(tmp_path / "missing.json"))
    (tmp_path / "junk.json").write_text("{not json")
    with pytest.raises(ExportError, match="is not JSON"):
        load(str(tmp_path / "junk.json"))
    (tmp_path / "other.json").write_text('{"results": [{"hello": 1}]}')
    with pytest.raises(ExportError, match="does not hold gil-tui results"):
        load(str(tmp_path / "other.json"))
    (tmp_path / "other.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ExportError, match="not a gil-tui CSV export"):
        load(str(tmp_path / "other.csv"))
