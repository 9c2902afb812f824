"""Issue 12: the post's exact work. ``--size`` takes a range (30..34) or a list (30,31,32): one size per task."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gil_tui.core import presets, validation
from gil_tui.core.model import RunResult, RunSpec
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.speedup import fill_in, with_speedup
from gil_tui.core.validation import UsageError


def run_json(*args: str, timeout: float = 300) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", *args, "--json"], capture_output=True, text=True,
                          timeout=timeout)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.mark.parametrize("text, expected", [("30..34", (30, 31, 32, 33, 34)), ("30,32, 33", (30, 32, 33)),
                                            ("31", None), ("", None), (None, None)])
def test_sizes_parse_ranges_and_lists(text, expected):
    assert validation.sizes("fib", text) == expected


def test_sleep_takes_a_list_of_fractional_sizes():
    assert validation.sizes("sleep", "0.5,1,1.5") == (0.5, 1.0, 1.5)


@pytest.mark.parametrize("text, key", [("34..30", "usage.sizes.order"), ("0.5..2", "usage.sizes.whole"),
                                       ("30..", "usage.size.positive"), ("30,,31", "usage.size.positive"),
                                       ("30..41", "usage.size.max"), ("1..65", "usage.sizes.many")])
def test_bad_ranges_say_what_is_wrong(text, key):
    workload = "sleep" if "0.5" in text else "race" if text == "1..65" else "fib"
    with pytest.raises(UsageError) as caught:
        validation.sizes(workload, text)
    assert caught.value.message.key == key  # type: ignore[union-attr]
    assert caught.value.render("es") != caught.value.render("en")


def test_workers_follow_the_sizes_and_must_agree_when_given():
    assert validation.work("fib", "30..34", None, 4) == (5, 34, (30, 31, 32, 33, 34))
    assert validation.work("fib", "30..34", "5", 4) == (5, 34, (30, 31, 32, 33, 34))
    assert validation.work("fib", "31", None, 4) == (4, 31, None)
    with pytest.raises(UsageError, match="5 sizes, one per task, but there are 4 workers"):
        validation.work("fib", "30..34", "4", 4)


def test_the_fib_preset_runs_the_posts_exact_work():
    interp = lab_interpreter(sys.executable)
    specs = presets.PRESETS["seed-fib"].specs(interp)
    assert [s.sizes for s in specs] == [(30, 31, 32, 33, 34)] * 2 and all(s.workers == 5 for s in specs)
    assert all(s.sizes is None for s in presets.PRESETS["seed-fib"].specs(interp, size=20))  # the tests' short runs


def test_a_result_keeps_its_sizes_through_json():
    spec = RunSpec("fib", "threads", 3, 22, lab_interpreter(sys.executable), sizes=(20, 21, 22))
    result = RunResult.of(spec, "ok")
    assert RunResult.from_json(json.loads(json.dumps(result.to_json()))).sizes == (20, 21, 22)
    assert "sizes" not in RunResult.of(spec.__class__("fib", "threads", 3, 22, spec.interpreter)).to_json()


def test_a_later_baseline_fills_in_the_speedup_of_earlier_runs():
    interp = lab_interpreter(sys.executable)
    threads = RunResult.of(RunSpec("fib", "threads", 2, 20, interp), "ok").replace(wall_s=2.0)
    other = RunResult.of(RunSpec("fib", "threads", 2, 21, interp), "ok").replace(wall_s=2.0)  # other work
    assert with_speedup(threads, []).speedup is None
    sequential = RunResult.of(RunSpec("fib", "sequential", 2, 20, interp), "ok").replace(wall_s=3.0, speedup=1.0)
    filled = fill_in([threads, other, sequential], sequential)
    assert filled[0].speedup == pytest.approx(1.5) and filled[1].speedup is None and filled[2] is sequential


@pytest.mark.timeout(300)
def test_run_with_a_range_gives_each_task_its_size():
    for line in run_json("-w", "fib", "-m", "sequential,threads", "--size", "16..19"):
        assert line["workers"] == 4 and line["sizes"] == [16, 17, 18, 19]
        assert [task["size"] for task in line["tasks"]] == [16, 17, 18, 19]
        assert line["tasks"][0]["total"] < line["tasks"][3]["total"]  # fib(16) is less work than fib(19)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_fib_preset_json_shows_task_sizes_30_to_34():
    lines = run_json("--preset", "seed-fib", timeout=600)
    assert [line["mode"] for line in lines] == ["sequential", "threads"]
    for line in lines:
        assert [task["size"] for task in line["tasks"]] == [30, 31, 32, 33, 34]
