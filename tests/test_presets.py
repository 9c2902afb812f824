"""The post's three experiments: their sizes, and a comparison driven by measured results."""

from __future__ import annotations

import sys

import pytest

from gil_tui.core import presets
from gil_tui.core.model import Python, RunResult
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun
from gil_tui.core.speedup import with_speedups
from gil_tui.i18n import t


def _run_all(specs) -> list[RunResult]:
    results = []
    for spec in specs:
        with LabRun(spec).start() as run:
            r = run.wait(120)
        assert r is not None and r.status == "ok", r
        results.append(r)
    return with_speedups(results)


def test_the_posts_sizes():
    fib, race, sleep = (presets.PRESETS[n] for n in ("seed-fib", "seed-race", "seed-sleep"))
    assert (fib.workers, [(s.workload, s.mode) for s in fib.steps]) == (5, [("fib", "sequential"), ("fib", "threads")])
    assert (race.workers, race.size) == (20, 1000)
    assert {s.workload for s in race.steps} == {"race", "race-plain"} and {s.mode for s in race.steps} == {"threads"}
    assert (sleep.workers, sleep.size) == (10, 1.0)
    assert [s.mode for s in sleep.steps] == ["sequential", "threads"]


def test_fib_work_model():
    assert [presets.fib_calls(n) for n in range(6)] == [1, 1, 3, 5, 9, 15]
    share = presets.fib_work_share(32, 5)
    assert 0.75 < share < 0.85  # 5 × fib(32) is about 80 % of fib(30) + … + fib(34)
    assert presets.fib_work_share(33, 5) > 1  # the next size up would be more work than the post's


@pytest.mark.slow
def test_race_preset_compares_with_the_post_and_explains_each_outcome():
    interp = lab_interpreter(sys.executable)
    results = _run_all(presets.PRESETS["seed-race"].specs(interp))
    assert len(results) == 4
    lines = presets.compare("seed-race", results, "en")
    assert lines[0] == "The post: the counter ended at 17,982 and 18,811 of 20,000."
    assert sum(line.startswith("Here, ") for line in lines) == 4
    lost = [r.counter.lost for r in results]
    if all(n == 0 for n in lost):
        assert t("preset.race.none_lost", "en") in lines
    elif any(n == 0 for n in lost):
        assert t("preset.race.depends", "en") in lines
    es = presets.compare("seed-race", results, "es")
    assert es[0] == "El post: el contador terminó en 17\u00a0982 y 18\u00a0811 de 20\u00a0000."


@pytest.mark.slow
def test_sleep_preset_on_short_sleeps():
    interp = lab_interpreter(sys.executable)
    results = _run_all(presets.PRESETS["seed-sleep"].specs(interp, size=0.05))
    lines = presets.compare("seed-sleep", results, "es")
    assert lines[0] == "El post: 10.01 s uno tras otro, 1.01 s en hilos."
    assert lines[1].startswith("Aquí: ")
    speedup = results[1].speedup
    expected = "preset.sleep.like_post" if speedup >= 0.8 * 9.91 else "preset.sleep.unlike"
    assert lines[2] == t(expected, "es", speedup=speedup, post=10.01 / 1.01)


@pytest.mark.slow
def test_fib_preset_on_a_small_size():
    interp = lab_interpreter(sys.executable)
    results = _run_all(presets.PRESETS["seed-fib"].specs(interp, size=24))
    lines = presets.compare("seed-fib", results, "en")
    assert lines[0] == "The post: 3.23 s sequential, 12.43 s in 5 threads (threads ÷ sequential = 3.85)."
    assert "5 × fib(24)" in lines[2]
    ratio = results[1].wall_s / results[0].wall_s
    if ratio < 0.8:
        key = "parallel" if results[1].cores_used >= 1.2 else "noisy"
    else:
        key = "like_post" if ratio >= 2 else "new_gil"
    assert lines[3] == t("preset.fib." + key, "en", version=results[1].interpreter.version,
                                       cores=results[1].cores_used,
                                       post=presets.POST_FIB_THREADS_S / presets.POST_FIB_SEQUENTIAL_S)


def test_incomplete_results():
    assert presets.compare("seed-fib", [], "en")[-1] == t("preset.incomplete", "en")
    with pytest.raises(KeyError):
        presets.compare("seed-nothing", [], "en")


def test_fib_comparison_follows_the_numbers_not_the_preset():
    """Given results (shaped as the runner's) pin each branch: faster on one core is noise, not parallelism."""
    def pair(thr_wall: float, cores: float, gil: bool = True) -> list[RunResult]:
        interp = Python(executable="py", version="3.13.0", free_threaded=not gil, gil_enabled=gil)
        base = RunResult(workload="fib", mode="sequential", workers=5, size=32, interpreter=interp, gil=None,
                         switch_interval=0.005, status="ok", counter=None, timeline=None, tasks=(), speedup=None)
        return [base.replace(mode="sequential", wall_s=2.0, cpu_s=2.0, cores_used=1.0),
                base.replace(mode="threads", wall_s=thr_wall, cpu_s=thr_wall * cores, cores_used=cores)]

    def verdict(results: list[RunResult]) -> str:
        return presets.compare("seed-fib", results, "en")[3]

    assert verdict(pair(1.0, 0.9)).startswith("Threads came out faster, but with only 0.90 cores")
    assert verdict(pair(1.0, 1.9, gil=False)) == "Unlike the post, threads were faster: Python 3.13.0 ran them in " \
                                                 "parallel here."
    assert verdict(pair(2.1, 1.0)).startswith("Not the post's 3.8× slowdown")
    assert verdict(pair(8.0, 1.5)).startswith("As in the post, threads were several times slower")
    assert verdict(pair(2.6, 0.7, gil=False)).startswith("Python 3.13.0 ran without the GIL here, yet threads were not")
