"""Issue 12 §3 and issue 14 item 16: ``--json`` lines a script can live with (schema 2, the timeline packed), read back
by ``compare`` alongside schema 1, and the progress ``gil-tui run`` reports on stderr when stdout is not a terminal."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gil_tui.core import export
from gil_tui.core.model import RunResult


def gil_tui(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_a_json_line_of_a_4_worker_run_of_1_s_tasks_is_under_64_kb():
    # 4 workers of sleep(1) one after another: 4 s of timeline, 8000 slices per lane
    proc = gil_tui("run", "-w", "sleep", "--size", "1", "-n", "4", "-m", "sequential", "--json")
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.splitlines()
    assert len(line.encode()) < 64 * 1024, len(line)
    data = json.loads(line)
    assert data["schema"] == 2 and data["timeline"]["encoding"] == "bitmap-zlib-base64"
    r = RunResult.from_json(data)
    assert r.timeline is not None and len(r.timeline.lanes) == 4
    assert all(len(lane) >= 7900 for lane in r.timeline.lanes)
    # and each lane marked where its task ran: task i in the i-th second
    for i, lane in enumerate(r.timeline.lanes):
        assert lane.count(1) > 0 and lane.index(1) >= i * 1900


@pytest.mark.slow
def test_a_json_line_of_four_busy_workers_for_1_s_is_under_64_kb():
    proc = gil_tui("run", "-w", "fib", "--size", "29", "-n", "4", "-m", "threads", "--json")
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.splitlines()
    r = RunResult.from_json(json.loads(line))
    assert r.timeline is not None and len(r.timeline.lanes) == 4
    assert len(line.encode()) < 64 * 1024, (len(line), r.wall_s)


def test_compare_reads_schema_1_and_schema_2_side_by_side(tmp_path):
    new = RunResult.from_json({
        "schema": 1, "workload": "fib", "mode": "threads", "workers": 2, "size": 20, "gil": None,
        "interpreter": {"executable": "python", "version": "3.11.7", "free_threaded": False, "gil_enabled": True},
        "switch_interval": 0.005, "status": "ok", "error": None, "wall_s": 0.5, "cpu_s": 0.5, "cores_used": 1.0,
        "speedup": None, "tasks": [], "counter": None, "notes": [],
        "timeline": {"slice_s": 0.0005, "lanes": [[1, 0, 1], [0, 1, 0]]}})
    old_file, new_file = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    old = dict(new.to_json(), schema=1, timeline={"slice_s": 0.0005, "lanes": [[1, 0, 1], [0, 1, 0]]})
    old_file.write_text(json.dumps(old) + "\n")
    new_file.write_text(json.dumps(new.to_json()) + "\n")
    assert export.load(str(old_file))[0] == export.load(str(new_file))[0] == [new]
    proc = gil_tui("compare", str(old_file), str(new_file), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "threads" in proc.stdout and "Traceback" not in proc.stderr


def test_several_runs_report_progress_and_time_left_on_stderr_when_stdout_is_not_a_terminal():
    proc = gil_tui("run", "-w", "fib", "--size", "18", "-n", "2", "-m", "sequential,threads,processes",
                   "--switch-interval", "0.002", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("gil-tui run: run ")]
    assert [line.split(" done")[0] for line in lines] == ["gil-tui run: run %d of 3" % n for n in (1, 2, 3)]
    assert "left" in lines[0] and "left" not in lines[-1]
    for line in lines:
        assert "size 18" in line and "switch 2 ms" in line and "GIL on" in line
    assert len(proc.stdout.splitlines()) == 3  # stdout: the JSON lines only


def test_the_markdown_table_has_the_switch_interval(tmp_path):
    r = RunResult.from_json(dict(json.loads(json.dumps(_one())), switch_interval=0.0001))
    path = tmp_path / "r.md"
    export.write(str(path), [r])
    head, rule, row = path.read_text().splitlines()[2:5]
    assert "| switch |" in head and "| 100 µs |" in row


def _one() -> dict:
    return {"schema": 2, "workload": "fib", "mode": "threads", "workers": 2, "size": 20, "gil": None,
            "interpreter": {"executable": "python", "version": "3.11.7", "free_threaded": False, "gil_enabled": True},
            "switch_interval": 0.005, "status": "ok", "error": None, "wall_s": 0.5, "cpu_s": 0.5, "cores_used": 1.0,
            "speedup": None, "tasks": [], "counter": None, "notes": [], "timeline": None}
