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
    sleep = result(workload="sleep", workers=10, speedup=9.9, cores_used=0.01, cpu_s=0.01,
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


# --- issue 12 §2: every reason derived from measured numbers (one test per numbered case) ---------------------------

def _tasks(n: int, wall: float, cpu: float, done: int = 1) -> list[dict]:
    return [{"index": i, "done": done, "total": done, "wall_s": wall, "cpu_s": cpu, "state": "ok"} for i in range(n)]


FREE_OFF = {"version": "3.13.5", "free_threaded": True, "gil_enabled": False}


def test_1_a_locked_workload_is_blamed_on_its_lock_not_on_other_programs():
    locked = dict(workload="race-locked", speedup=0.03, cores_used=0.9, tasks=_tasks(4, 1.0, 0.2), machine_idle=1.4)
    assert keys(result(mode="processes", **locked))[1] == "explain.why.locked"
    assert keys(result(interpreter=FREE_OFF, **locked))[1] == "explain.why.locked"
    assert "explain.why.no_free_core" not in keys(result(mode="processes", **locked))


def test_1_other_programs_are_blamed_only_when_the_machine_measured_no_idle_core():
    fib = dict(mode="processes", speedup=0.9, cores_used=0.95, tasks=_tasks(4, 1.0, 0.9))
    assert keys(result(machine_idle=0.1, **fib))[1] == "explain.why.no_free_core"
    assert keys(result(machine_idle=1.6, **fib))[1] == "explain.why.not_parallel.idle"
    assert keys(result(**fib))[1] == "explain.why.not_parallel"  # not measured (an older file): nobody blamed
    text = " ".join(ex.explain(result(machine_idle=0.1, **fib)))
    assert "0.10 of its" in text


def test_1_a_real_run_records_the_machines_idle_cpu():
    r = _run("fib", "threads", 2, 18)
    assert r.machine_idle is not None and 0.0 <= r.machine_idle <= (os.cpu_count() or 1) + 0.5


def test_2_start_up_is_blamed_only_when_it_measured_large_enough():
    # free-threaded threads not faster, start-up and tail 4.9 ms of 250 ms: not the cause
    thr = result(interpreter=FREE_OFF, speedup=0.95, wall_s=0.25, cpu_s=0.47, cores_used=1.9,
                 tasks=_tasks(4, 0.2451, 0.12))
    ks = keys(thr)
    assert ks[1] == "explain.why.parallel_slow.startup" and "explain.why.overhead" not in ks
    assert "4.9 ms" in ex.explain(thr)[1]
    # start-up 200 ms of 300 ms: without it the run would have been 2.7x faster
    slow_start = result(interpreter=FREE_OFF, speedup=0.95, wall_s=0.3, cpu_s=0.47, cores_used=1.9,
                        tasks=_tasks(4, 0.1, 0.1))
    assert keys(slow_start)[1] == "explain.why.overhead" and "200 ms" in ex.explain(slow_start)[1]
    # the same work cost twice the CPU of the sequential run: said, with both figures
    seq = result(mode="sequential", wall_s=0.24, cpu_s=0.235, cores_used=0.98, speedup=1.0)
    assert keys(thr.replace(speedup=None), seq)[1] == "explain.why.more_cpu"
    # io threads under the GIL: hand-over at every system call
    io = result(workload="io", speedup=0.9, cores_used=0.8, tasks=_tasks(4, 1.0, 0.3))
    assert keys(io)[1] == "explain.why.io_handover"


def test_3_a_share_is_called_1_nth_only_when_it_is():
    def share(mean, idle=None):
        return keys(result(speedup=0.98, cores_used=1.0, machine_idle=idle, tasks=_tasks(4, 1.0, mean)))

    assert "explain.share.one_nth" in share(0.25)
    assert "explain.share.below_fair.busy" in share(0.14, idle=0.05)  # load: 12-17 % measured
    assert "explain.share.below_fair" in share(0.14, idle=1.2)
    assert "explain.share.above_fair" in share(0.34)  # hand-over thrash at 20 us
    for mean in (0.14, 0.34):
        assert "explain.share.one_nth" not in share(mean, idle=0.05)
    assert "on one core" not in " ".join(ex.explain(result(speedup=0.98, cores_used=1.0)))
    assert "bytecode" in t("explain.why.gil_turns", workers=4, cores=1.0)


def test_4_waiting_is_decided_from_cpu_against_wall_not_from_the_workload_name():
    # sleep in interpreters mode: 1.69 s of CPU in 1.35 s, all of it interpreter start-up; the tasks' own CPU ~0
    sleep = result(workload="sleep", mode="interpreters", workers=10, speedup=7.4, wall_s=1.35, cpu_s=1.69,
                   cores_used=1.25, tasks=_tasks(10, 1.0, 0.002))
    ks = keys(sleep)
    assert ks[1] == "explain.why.waiting" and "1.69" not in ex.explain(sleep)[1]
    # a "sleep" whose tasks were computing all along is not "mostly waiting"
    busy = result(workload="sleep", mode="processes", workers=4, speedup=3.0, wall_s=1.0, cpu_s=3.6,
                  cores_used=3.6, tasks=_tasks(4, 1.0, 0.9))
    assert keys(busy)[1] == "explain.why.processes"
    # fib threads starved on a loaded machine (0.35 cores, no idle core) are not "waiting" either
    starved = result(speedup=0.95, cores_used=0.35, machine_idle=0.0, tasks=_tasks(4, 1.0, 0.09))
    assert keys(starved)[1] == "explain.why.gil_turns"


def test_4_a_real_sleep_run_is_waiting_by_its_numbers():
    seq, thr = with_speedups([_run("sleep", "sequential", 4, 0.2), _run("sleep", "threads", 4, 0.2)])
    assert ex.mostly_waiting(thr) and ex.mostly_waiting(seq)
    ks = keys(thr, seq)
    # a sequential run of sleeps overshoots each wake-up: above 4x with 4 workers is called noise, which it is
    expected = "explain.why.above_workers" if (thr.speedup or 0) > 4 * ex.NOISE_WORKERS else "explain.why.waiting"
    assert ks[:2] == ["explain.faster", expected]


def test_5_the_posts_hand_over_slowdown_needs_several_busy_cores():
    from gil_tui.core import presets
    seq = result(mode="sequential", workers=5, size=32, wall_s=1.0, cpu_s=1.0, cores_used=1.0, speedup=1.0)
    loaded = result(workers=5, size=32, wall_s=2.5, cpu_s=2.5, cores_used=1.0, machine_idle=0.05)
    text = " ".join(presets.compare("seed-fib", [seq, loaded]))
    assert t("preset.fib.loaded", ratio=2.5, cores=1.0, idle=0.05) in text
    assert t("preset.fib.like_post", version="3.11.7") not in text
    idle = " ".join(presets.compare("seed-fib", [seq, loaded.replace(machine_idle=1.5)]))
    assert t("preset.fib.slow_unexplained", ratio=2.5, cores=1.0) in idle
    convoy = loaded.replace(cpu_s=4.0, cores_used=1.6)
    assert t("preset.fib.like_post", version="3.11.7") in " ".join(presets.compare("seed-fib", [seq, convoy]))


def test_6_a_speedup_beyond_workers_or_busy_cores_is_called_noise():
    assert keys(result(workers=2, speedup=2.52, cores_used=1.95, tasks=_tasks(2, 1.0, 0.97),
                       interpreter=FREE_OFF))[1] == "explain.why.above_workers"
    for speedup in (11.0, 13.0, 15.0):  # 10 sleep workers: 11-15x measured on a loaded machine
        assert keys(result(workload="sleep", workers=10, speedup=speedup, cores_used=0.01,
                           tasks=_tasks(10, 1.0, 0.001)))[1] == "explain.why.above_workers"
    assert keys(result(workload="sleep", workers=10, speedup=9.9, cores_used=0.01,
                       tasks=_tasks(10, 1.0, 0.001)))[1] == "explain.why.waiting"
    assert keys(result(mode="processes", speedup=2.52, cores_used=1.9,
                       tasks=_tasks(4, 1.0, 0.95)))[1] == "explain.why.above_cores"
    assert keys(result(mode="processes", speedup=1.85, cores_used=1.9,
                       tasks=_tasks(4, 1.0, 0.95)))[1] == "explain.why.processes"


def test_7_asyncio_is_never_said_to_be_too_short_to_be_interrupted():
    ks = keys(result(mode="asyncio", speedup=1.0, cores_used=1.0, tasks=_tasks(4, 0.25, 0.25)))
    assert "explain.share.one_loop" in ks and "explain.share.back_to_back" not in ks
    ks = keys(result(mode="threads", speedup=1.0, cores_used=1.0, tasks=_tasks(4, 0.25, 0.25)))
    assert "explain.share.back_to_back" in ks


def test_8_race_texts_say_can_and_implementation_detail_and_39_switches_anywhere():
    counter = {"expected": 20000, "final": 20000, "lost": 0}
    plain = " ".join(ex.explain(result(workload="race-plain", workers=20, counter=counter)))
    assert "implementation detail, not a guarantee" in plain and "__iadd__" in plain
    lossy = {"expected": 20000, "final": 15000, "lost": 5000}
    old = result(workload="race", counter=lossy, interpreter={"version": "3.9.18"})
    assert keys(old)[-1] == "explain.lost.switch_old" and "almost any bytecode" in ex.explain(old)[-1]
    assert keys(result(workload="race", counter=lossy))[-1] == "explain.lost.switch"
    for lang in ("en", "es"):
        assert "lose" in t("app.workload.race", lang) or "puede perder" in t("app.workload.race", lang)
    assert "can lose" in t("app.workload.race", "en") and "can lose" in t("app.help.body", "en")


def test_9_a_gil_turned_back_on_during_the_run_is_said_and_counted():
    counter = {"expected": 2000, "final": 1500, "lost": 500}
    r = result(workload="race", counter=counter, interpreter=FREE_OFF, gil_enabled_end=True)
    ks = keys(r)
    assert "explain.gil_changed.on" in ks and "explain.lost.no_gil" not in ks
    assert "Py_mod_gil" in ex.explain(r)[-1] and "Py_mod_gil" in ex.explain(r, "es")[-1]
    assert "explain.gil_changed.on" not in keys(result(interpreter=FREE_OFF, gil_enabled_end=False))
    for lang in ("en", "es"):
        assert "Py_mod_gil" in t("app.help.body", lang) and "PYTHON_GIL=0" in t("app.help.body", lang)


def test_9_a_real_run_records_the_gil_at_its_end():
    r = _run("fib", "threads", 2, 15)
    assert r.gil_enabled_end is (r.interpreter.gil_enabled is not False)
    assert r.to_json()["gil_enabled_end"] is r.gil_enabled_end


def _turns(n: int = 400) -> dict:
    return {"slice_s": 0.0005, "lanes": [[(i + k) % 2 for i in range(n)] for k in range(2)]}


def test_10_the_timeline_states_its_slice_and_says_when_it_cannot_show_turns():
    fib = dict(workers=2, speedup=1.0, cores_used=1.0, timeline=_turns(), tasks=_tasks(2, 0.2, 0.1, done=1000))
    ks = keys(result(**fib))
    assert "explain.timeline.turns" in ks and "0.5 ms" in " ".join(ex.explain(result(**fib)))
    fast = keys(result(switch_interval=0.0005, **fib))
    assert "explain.timeline.coarse.switch" in fast and "explain.timeline.turns" not in fast
    # a race ticks every 1000 increments: 2 ticks in 200 slices of CPU
    race = dict(fib, workload="race", tasks=_tasks(2, 0.2, 0.1, done=2000),
                counter={"expected": 4000, "final": 3000, "lost": 1000})
    ks = keys(result(**race))
    assert "explain.timeline.coarse.ticks" in ks and "explain.timeline.turns" not in ks
    assert ex.timeline_too_coarse(result(switch_interval=1e-6, **fib))
    assert not ex.timeline_too_coarse(result(**fib))


def test_10_a_real_race_at_1us_is_not_described_as_turn_taking():
    with LabRun(RunSpec("race", "threads", 2, 20000, lab_interpreter(sys.executable), switch_interval=1e-6)).start() \
            as run:
        r = run.wait(120)
    assert r is not None and r.ok
    ks = keys(r)
    assert "explain.timeline.turns" not in ks and "explain.timeline.overlap" not in ks
    assert ex.timeline_too_coarse(r)


def test_2_processes_started_slower_than_the_work_is_blamed_on_start_up():
    # sleep(0.5) x 2 in processes: 1.37 s against 1.04 s sequential, each task 0.5 s: start-up was 0.87 s
    r = result(workload="sleep", mode="processes", workers=2, speedup=0.76, wall_s=1.37, cpu_s=0.33,
               cores_used=0.24, tasks=_tasks(2, 0.5, 0.003))
    assert keys(r)[1] == "explain.why.overhead" and "870 ms" in ex.explain(r)[1]


def test_10_waiting_tasks_that_tick_every_10_ms_do_not_show_turns():
    sleep = result(workload="sleep", mode="processes", workers=2, speedup=0.76, wall_s=1.37, cpu_s=0.33,
                   cores_used=0.24, tasks=_tasks(2, 0.5, 0.003, done=50), timeline=_turns())
    ks = keys(sleep)
    assert "explain.timeline.coarse.ticks" in ks and "explain.timeline.turns" not in ks


def test_2_tiny_tasks_in_processes_blame_the_measured_start_up():
    # fib(24) x 2 in processes: 0.31 s against 0.017 s sequential; each task 13 ms, start-up and wind-down 288 ms
    r = result(mode="processes", workers=2, speedup=0.055, wall_s=0.3069, cpu_s=0.32, cores_used=1.05,
               tasks=_tasks(2, 0.0191, 0.0114))
    assert keys(r)[1] == "explain.why.overhead" and "288 ms" in ex.explain(r)[1]
