"""Explanations follow the measured numbers, not the workload's name."""

from __future__ import annotations

import os
import sys

import pytest

from gil_tui.core import explain as ex
from gil_tui.core.model import RunResult, RunSpec
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import LabRun
from gil_tui.core.speedup import speedup_over, with_speedups
from gil_tui.i18n import t

PY39 = "/root/.pyenv/versions/3.9.18/bin/python"


def result(**over) -> RunResult:
    """A result shaped like the runner's (schema 1); tests set the numbers that matter."""
    base = {
        "schema": 1, "workload": "fib", "mode": "threads", "workers": 4, "size": 30,
        "interpreter": {"executable": "python", "version": "3.11.7", "free_threaded": False, "gil_enabled": True},
        "gil": None, "switch_interval": 0.005, "status": "ok", "error": None, "wall_s": 1.0, "cpu_s": 1.0,
        "cores_used": 1.0, "speedup": None, "counter": None, "notes": [], "timeline": None,
        "tasks": [{"index": i, "done": 1, "total": 1, "wall_s": 1.0, "cpu_s": 0.25} for i in range(4)],
    }
    interp = over.pop("interpreter", None)
    base.update(over)
    if interp:
        base["interpreter"] = dict(base["interpreter"], **interp)
    return RunResult.from_json(base)


def keys(r: RunResult, baseline: RunResult | None = None) -> list[str]:
    return [line.key for line in ex.reasons(r, baseline)]


def _run(workload: str, mode: str, workers: int, size, exe: str = sys.executable) -> RunResult:
    with LabRun(RunSpec(workload, mode, workers, size, lab_interpreter(exe))).start() as run:
        r = run.wait(120)
    assert r is not None and r.status == "ok", r
    return r


# --- branches pinned on given numbers -----------------------------------------------------------

def test_gil_fib_not_faster_is_blamed_on_turn_taking():
    ks = keys(result(speedup=0.98, cores_used=1.0))
    assert ks[:2] == ["explain.same", "explain.why.gil_turns"]
    assert "explain.share.one_nth" in ks  # 25 % of a core each, with 4 threads


def test_gil_fib_slower_on_several_cores_is_contention():
    assert keys(result(speedup=0.3, cores_used=1.6))[:2] == ["explain.slower", "explain.why.gil_contention"]


def test_free_threaded_fib_faster_is_explained_without_the_gil():
    r = result(speedup=1.9, cores_used=1.9, interpreter={"version": "3.13.0", "free_threaded": True,
                                                         "gil_enabled": False},
               tasks=[{"index": i, "wall_s": 1.0, "cpu_s": 0.97} for i in range(2)], workers=2)
    ks = keys(r)
    assert ks[:2] == ["explain.faster", "explain.why.no_gil"]
    assert "explain.share.own_core" in ks and "explain.why.gil_turns" not in ks


def test_same_workload_opposite_numbers_opposite_explanations():
    assert "explain.why.gil_turns" in keys(result(speedup=1.0, cores_used=1.0))
    assert "explain.why.gil_turns" not in keys(result(speedup=3.5, cores_used=3.6, mode="processes"))


def test_sleep_and_hash_speedups_name_their_reason():
    sleep = result(workload="sleep", speedup=9.9, cores_used=0.01, cpu_s=0.01,
                   tasks=[{"index": 0, "wall_s": 1.0, "cpu_s": 0.001}])
    assert keys(sleep)[:2] == ["explain.faster", "explain.why.waiting"]
    assert "explain.share.waiting" in keys(sleep)
    assert keys(result(workload="hash", speedup=1.8, cores_used=1.8))[:2] == ["explain.faster", "explain.why.c_code"]


def test_speedup_from_a_baseline_when_the_result_has_none():
    base = result(mode="sequential", wall_s=2.0)
    r = result(wall_s=1.0)
    assert speedup_over(r, base) == 2.0
    assert keys(r, base)[0] == "explain.faster"
    assert keys(r)[0] == "explain.no_baseline"


def test_lossless_race_is_never_explained_as_lossy():
    counter = {"expected": 20000, "final": 20000, "lost": 0}
    ks = keys(result(workload="race-plain", workers=20, counter=counter))
    assert "explain.exact" in ks and "explain.exact.plain_310" in ks
    assert not [k for k in ks if k.startswith("explain.lost")]


def test_lossy_race_reasons_depend_on_build_version_and_mode():
    counter = {"expected": 20000, "final": 17982, "lost": 2018}
    plain_39 = result(workload="race-plain", counter=counter, interpreter={"version": "3.9.18"})
    assert keys(plain_39)[-2:] == ["explain.lost", "explain.lost.old_switch"]
    free = result(workload="race-plain", counter=counter,
                  interpreter={"version": "3.13.0", "free_threaded": True, "gil_enabled": False})
    assert keys(free)[-1] == "explain.lost.no_gil"
    assert keys(result(workload="race", counter=counter))[-1] == "explain.lost.switch"
    assert keys(result(workload="race", mode="processes", counter=counter))[-1] == "explain.lost.processes"
    text = ex.explain(plain_39, "en")
    assert "2,018 of 20,000 counter updates were lost (10.1%)" in " ".join(text)


def test_race_with_gil_that_happened_to_lose_nothing_says_it_is_still_a_race():
    ks = keys(result(workload="race", counter={"expected": 2000, "final": 2000, "lost": 0}))
    assert ks[-1] == "explain.exact.lucky"


def test_failed_run_is_only_its_error():
    assert ex.explain(result(status="error", error="boom"), "es") == [t("explain.error", "es", error="boom")]


def test_spanish_rendering():
    lines = ex.explain(result(speedup=0.98, cores_used=1.0), "es")
    assert lines[0].startswith("En modo hilos la ejecución tardó más o menos lo mismo")
    assert any("se turnaron" in line for line in lines)


# --- real runs ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_real_fib_threads_explained_by_measured_numbers():
    results = [_run("fib", "sequential", 4, 27), _run("fib", "threads", 4, 27)]
    seq, thr = with_speedups(results)
    ks = keys(thr, seq)
    assert ks[0] in ("explain.same", "explain.slower", "explain.faster")
    speedup = thr.speedup
    if speedup < ex.FASTER:
        assert ks[1] in ("explain.why.gil_turns", "explain.why.gil_contention")
    assert all(line and "{" not in line for line in ex.explain(thr, "es", seq))


def test_real_race_plain_on_this_python_is_explained_as_measured():
    r = _run("race-plain", "threads", 20, 1000)
    ks = keys(r)
    if r.counter.lost == 0:
        assert "explain.exact" in ks and not any(k.startswith("explain.lost") for k in ks)
        if ex.version_tuple(r.interpreter.version) >= (3, 10) and r.interpreter.gil_enabled:
            assert "explain.exact.plain_310" in ks
    else:
        assert "explain.lost" in ks and "explain.exact" not in ks


@pytest.mark.skipif(not os.access(PY39, os.X_OK), reason="no Python 3.9 here")
def test_real_race_plain_on_39_follows_its_counter():
    r = _run("race-plain", "threads", 20, 20000, PY39)
    ks = keys(r)
    assert ("explain.lost.old_switch" in ks) == (r.counter.lost > 0)
    assert ("explain.exact" in ks) == (r.counter.lost == 0)


def test_a_gain_without_a_second_core_is_not_called_parallel():
    r = result(speedup=1.34, cores_used=0.88, interpreter={"free_threaded": True, "gil_enabled": False})
    assert keys(r)[:2] == ["explain.faster", "explain.why.noisy"]


def test_whole_core_each_but_one_core_busy_is_back_to_back():
    r = result(workload="race-plain", workers=20, cores_used=0.94, counter={"expected": 1, "final": 1, "lost": 0},
               tasks=[{"index": i, "wall_s": 0.003, "cpu_s": 0.003} for i in range(20)])
    ks = keys(r)
    assert "explain.share.back_to_back" in ks and "explain.share.own_core" not in ks


def test_race_too_short_to_be_switched_says_so():
    tasks = [{"index": i, "wall_s": 0.001, "cpu_s": 0.0002} for i in range(20)]
    r = result(workload="race", workers=20, tasks=tasks, counter={"expected": 20000, "final": 20000, "lost": 0})
    assert keys(r)[-1] == "explain.exact.too_short"
    assert "0.20 ms" in ex.explain(r, "en")[-1]
