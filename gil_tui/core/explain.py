"""Plain-language explanations derived from a measured result, in the user's language.

Every sentence is chosen by the numbers the run produced - speedup, cores used, each worker's
share of a core, the recorded timeline, the counter - together with what the interpreter was (GIL
or not, which version). The same workload can get opposite explanations: a race that lost nothing
is never explained as lossy, a fib that did speed up (free-threaded) is never blamed on the GIL.

``reasons`` returns language-free ``Line(key, params)`` (an ``i18n.Message``); ``explain`` renders them.
"""

from __future__ import annotations

import os

from ..i18n import Count, Message, interval_text, t
from ..lab.catalog import RACE_WORKLOADS
from ..lab.workloads import RACE_STEP
from . import convoy, timeline
from .model import RunResult
from .speedup import speedup_over

PYTHON_BOUND = ("fib", "race", "race-plain", "race-locked")  # pure Python: needs the GIL throughout
WAITING = ("sleep", "io")  # blocked in the kernel: the GIL is released while waiting
FASTER, SLOWER = 1.25, 0.8  # speedup bounds of "about the same"
PARALLEL_CORES = 1.2  # cores used (CPU / wall) from which a run did compute in parallel
TIMELINE_MIN_SLICES = 20  # fewer active slices than this say too little to describe
PARALLEL_MODES = ("threads", "processes", "interpreters")
MOSTLY_WAITING = 0.5  # cores the tasks' own CPU time kept busy, below which they mostly waited ...
STARVED = 0.1  # ... unless the machine had no idle core: then only below this (other programs took the rest)
IDLE_LOW = 0.5  # idle cores (the machine's, measured during the run) below which other programs took the free ones
NOISE_WORKERS = 1.02  # a speedup above the worker count by more than this factor is noise (10 at once: 10x at most)
NOISE = 1.1  # a CPU-bound speedup above the cores used by more than this factor is noise (cores used is measured too)
FAIR_LOW, FAIR_HIGH = 0.75, 1.25  # a thread's share counts as "about 1/n of a core" between these times 1/n
TIMELINE_MIN_SWITCH = 0.002  # a switch interval below this hands over faster than the timeline's slices can show
MORE_CPU = 1.25  # parallel CPU time above sequential's by this factor: the work itself got dearer


class Line(Message):
    """A Message whose ``mode`` parameter is a mode's name, shown in the reader's language."""

    def render(self, lang: str | None = None) -> str:
        params = dict(self.params)
        if "mode" in params:  # shown by its name in the reader's language
            params["mode"] = t("mode." + str(params["mode"]), lang)
        return t(self.key, lang, **params)


def version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def reasons(result: RunResult, baseline: RunResult | None = None) -> list[Line]:
    status = result.status
    if status == "error":
        return [Line("explain.error", {"error": result.error or "?"})]
    lines = [Line("explain.cancelled")] if status == "cancelled" else []
    if status == "ok":
        lines += _speed(result, speedup_over(result, baseline), baseline)
    lines += _shares(result)
    if status == "ok":
        lines += _timeline(result)
    lines += _counter(result)
    lines += _gil_changed(result)
    lines += [Line(m.key, m.params) for m in convoy.reasons(result)]  # the convoy, the probe, the hand-overs
    return lines


def explain(result: RunResult, lang: str | None = None, baseline: RunResult | None = None) -> list[str]:
    return [line.render(lang) for line in reasons(result, baseline)]


# --- speed ---------------------------------------------------------------------------------------

def _cores(r: RunResult) -> float:
    wall, cpu = r.wall_s or 0.0, r.cpu_s or 0.0
    return r.cores_used if r.cores_used is not None else (cpu / wall if wall else 0.0)


def tasks_cores(r: RunResult) -> float:
    """The cores the tasks' own CPU time kept busy over the run's wall (without interpreter start-up, which the
    run's CPU time includes); the run's cores used when the tasks did not measure their CPU."""
    cpus = [task.cpu_s for task in r.tasks if task.cpu_s is not None]
    if not cpus or not r.wall_s:
        return _cores(r)
    return sum(cpus) / r.wall_s


def mostly_waiting(r: RunResult) -> bool:
    """Whether the tasks mostly waited (CPU well under wall), measured: never decided by the workload's name.

    CPU-bound tasks on a machine with no idle core also get little CPU; the measured idle CPU tells them apart."""
    used = tasks_cores(r)
    starved = r.machine_idle is not None and r.machine_idle < IDLE_LOW
    return used < (STARVED if starved else MOSTLY_WAITING)


def startup_s(r: RunResult) -> float | None:
    """Start-up and wind-down: the lab's wall less the longest task's own wall (None when not measured)."""
    walls = [task.wall_s for task in r.tasks if task.wall_s is not None]
    if not walls or r.wall_s is None:
        return None
    return max(0.0, r.wall_s - max(walls))


def gil_during(r: RunResult) -> bool:
    """Whether the run had a GIL: at its start, or by its end (an extension module can turn it on mid-run)."""
    return r.gil_held or bool(r.gil_enabled_end)


def _idle(r: RunResult) -> dict[str, object]:
    return {"idle": r.machine_idle if r.machine_idle is not None else 0.0, "ncpu": os.cpu_count() or 1}


def _speed(r: RunResult, speedup: float | None, baseline: RunResult | None = None) -> list[Line]:
    mode, workload, workers = r.mode, r.workload, r.workers
    wall, cpu, cores = r.wall_s or 0.0, r.cpu_s or 0.0, _cores(r)
    base: dict[str, object] = {"mode": mode, "workload": workload, "workers": workers, "wall": wall, "cpu": cpu,
                               "cores": cores, "version": r.interpreter.version or "?"}
    if mode == "sequential":
        return [Line("explain.sequential", dict(base, count=workers))]
    if speedup is None:
        return [Line("explain.no_baseline", base)]
    base["speedup"] = speedup
    gil = gil_during(r)
    waiting = mostly_waiting(r)
    if speedup >= FASTER:
        lines = [Line("explain.faster", base)]
        parallel = cores >= PARALLEL_CORES
        if speedup > workers * NOISE_WORKERS:  # N workers at once can at most make it N times faster
            lines.append(Line("explain.why.above_workers", base))
        elif waiting and mode == "asyncio":
            lines.append(Line("explain.why.await", base))
        elif waiting:
            lines.append(Line("explain.why.waiting", dict(base, share=100 * tasks_cores(r) / max(workers, 1))))
        elif not parallel:  # CPU-bound work cannot gain without a second core: the baseline was slow
            lines.append(Line("explain.why.noisy", base))
        elif speedup > cores * NOISE:  # CPU-bound: each x of speedup needs a busy core
            lines.append(Line("explain.why.above_cores", base))
        elif mode == "processes":
            lines.append(Line("explain.why.processes", base))
        elif mode == "interpreters":
            lines.append(Line("explain.why.interpreters", base))
        elif workload == "hash":
            lines.append(Line("explain.why.c_code", base))
        elif not gil:
            lines.append(Line("explain.why.no_gil", base))
        return lines
    key = "explain.same" if speedup >= SLOWER else "explain.slower"
    lines = [Line(key, dict(base, slowdown=1.0 / speedup))]
    if workers == 1:
        lines.append(Line("explain.why.one_worker", base))
    elif mode == "asyncio" and not waiting:
        lines.append(Line("explain.why.loop_blocked", base))
    elif workload == "race-locked" and mode in PARALLEL_MODES:
        lines.append(Line("explain.why.locked", base))
    elif workload == "io" and mode == "threads" and gil:  # every write and fsync drops the GIL and takes it back
        lines.append(Line("explain.why.io_handover", base))
    elif mode == "threads" and gil and not waiting:
        if cores < PARALLEL_CORES:
            lines.append(Line("explain.why.gil_turns", base))
        else:
            lines.append(Line("explain.why.gil_contention", base))
    elif mode in PARALLEL_MODES and _startup_is_the_cause(r, speedup):  # under the GIL, not: threads start staggered
        lines.append(Line("explain.why.overhead", dict(base, startup_ms=1000 * (startup_s(r) or 0.0))))
    elif cores < PARALLEL_CORES and mode in PARALLEL_MODES and not waiting:
        if r.machine_idle is None:
            lines.append(Line("explain.why.not_parallel", base))
        elif r.machine_idle < IDLE_LOW:  # measured: the machine had no free core
            lines.append(Line("explain.why.no_free_core", dict(base, **_idle(r))))
        else:
            lines.append(Line("explain.why.not_parallel.idle", dict(base, **_idle(r))))
    elif cores >= PARALLEL_CORES and mode in PARALLEL_MODES:
        lines.append(_why_parallel_slow(r, speedup, baseline, base))
    return lines


def _startup_is_the_cause(r: RunResult, speedup: float) -> bool:
    """Whether the measured start-up and wind-down is why the run was not faster: without it the run would have been
    faster than sequential, or it is at least half of the time the run took beyond the sequential one."""
    wall, startup = r.wall_s or 0.0, startup_s(r)
    if startup is None or wall - startup <= 0:
        return False
    excess = wall - speedup * wall  # this run's wall less the sequential run's
    return speedup * wall / (wall - startup) >= FASTER or (excess > 0 and startup >= 0.5 * excess)


def _why_parallel_slow(r: RunResult, speedup: float, baseline: RunResult | None, base: dict[str, object]) -> Line:
    """Several cores were busy, yet no gain: start-up when it measured large enough, else dearer work, else unsaid."""
    startup = startup_s(r)
    if startup is not None and _startup_is_the_cause(r, speedup):
        return Line("explain.why.overhead", dict(base, startup_ms=1000 * startup))
    base_cpu = baseline.cpu_s if baseline is not None else None
    if base_cpu and r.cpu_s and r.cpu_s >= MORE_CPU * base_cpu:
        return Line("explain.why.more_cpu", dict(base, base_cpu=base_cpu, ratio=r.cpu_s / base_cpu))
    if startup is None:
        return Line("explain.why.parallel_slow", base)
    return Line("explain.why.parallel_slow.startup", dict(base, startup_ms=1000 * startup))


# --- where the CPU went ------------------------------------------------------------------------

def _shares(r: RunResult) -> list[Line]:
    shares = r.core_shares
    if not shares:
        return []
    n = len(shares)
    mean = sum(shares) / n
    cores = _cores(r)
    params: dict[str, object] = {"mean": 100 * mean, "low": 100 * min(shares), "high": 100 * max(shares), "workers": n,
              "fair": 100.0 / n, "cores": cores}
    lines = [Line("explain.share", params)]
    fair = 1.0 / n
    if r.workload in WAITING and mean < 0.15:
        lines.append(Line("explain.share.waiting", params))
    elif r.mode == "threads" and gil_during(r) and n > 1 and mean < 0.8 and r.workload in PYTHON_BOUND:
        if mean < FAIR_LOW * fair:  # less than taking turns gives: nobody ran part of the time
            busy = r.machine_idle is not None and r.machine_idle < IDLE_LOW
            key = "explain.share.below_fair.busy" if busy else "explain.share.below_fair"
            lines.append(Line(key, dict(params, **_idle(r))))
        elif mean > FAIR_HIGH * fair:  # more CPU than one runner at a time: the hand-overs cost CPU
            lines.append(Line("explain.share.above_fair", params))
        else:
            lines.append(Line("explain.share.one_nth", params))
    elif r.mode != "sequential" and n > 1 and mean >= 0.8:
        # a core each, but not at the same time: short tasks that ran nearly back to back (or coroutines, which
        # only ever run one after another on the loop's thread)
        if cores >= PARALLEL_CORES:
            key = "explain.share.own_core"
        elif r.mode == "asyncio":
            key = "explain.share.one_loop"
        else:
            key = "explain.share.back_to_back"
        lines.append(Line(key, params))
    return lines


def _timeline(r: RunResult) -> list[Line]:
    tl = r.timeline
    if r.mode == "sequential" or tl is None or len(tl.lanes) < 2:
        return []
    steady = timeline.steady_overlap(tl.lanes)
    if steady.active < TIMELINE_MIN_SLICES:
        return []
    params = {"workers": steady.lanes, "slice_ms": tl.slice_s * 1000, "one": 100 * steady.at_most_one,
              "all": 100 * steady.all_lanes, "mean": steady.mean_active, "interval": interval_text(r.interval),
              "ticks": ticks_per_slice(r) or 0.0}
    if r.interval < TIMELINE_MIN_SWITCH:  # turns shorter than a few slices blur into "both at once" or vanish
        return [Line("explain.timeline.coarse.switch", params)]
    if timeline_too_coarse(r):
        return [Line("explain.timeline.coarse.ticks", params)]
    if steady.at_most_one >= 0.75:
        return [Line("explain.timeline.turns", params)]
    if steady.all_lanes >= 0.5:
        return [Line("explain.timeline.overlap", params)]
    return [Line("explain.timeline.mixed", params)]


def ticks_per_slice(r: RunResult) -> float | None:
    """How often the slowest-reporting task ticked per slice it was running (None when not measured): per slice of
    its CPU time for work that computes, per slice of its wall time for tasks that mostly waited.

    Below 1, a task that ran a whole slice could leave it unmarked: the timeline cannot show its turns.
    """
    tl = r.timeline
    if tl is None:
        return None
    step = RACE_STEP if r.workload in RACE_WORKLOADS else 1
    waiting = mostly_waiting(r)
    rates = []
    for task in r.tasks:
        running = task.wall_s if waiting else task.cpu_s
        if task.done and running and running > tl.slice_s:
            rates.append((-(-task.done // step)) / (running / tl.slice_s))
    return min(rates) if rates else None


def timeline_too_coarse(r: RunResult) -> bool:
    """Whether the timeline cannot show turn-taking: a switch interval under ~2 ms, or tasks that tick less than
    once a slice. Said beside the timeline and instead of its figure."""
    if r.timeline is None:
        return False
    ticks = ticks_per_slice(r)
    return r.interval < TIMELINE_MIN_SWITCH or (ticks is not None and ticks < 1)


# --- the GIL at the end of the run ------------------------------------------------------------------

def _gil_changed(r: RunResult) -> list[Line]:
    start, end = r.interpreter.gil_enabled, r.gil_enabled_end
    if start is None or end is None or bool(start) == bool(end) or r.status == "error":
        return []
    return [Line("explain.gil_changed.on" if end else "explain.gil_changed.off", {})]


# --- the counter ---------------------------------------------------------------------------------

def _counter(r: RunResult) -> list[Line]:
    counter = r.counter
    if counter is None:
        return []
    expected, final, lost = counter.expected, counter.final, counter.lost
    version = r.interpreter.version or "?"
    params: dict[str, object] = {"expected": Count(expected), "final": Count(final), "lost": Count(lost),
                                 "mode": r.mode, "pct": counter.lost_pct, "version": version,
                                 "interval": interval_text(r.interval)}
    workload, mode = r.workload, r.mode
    one_at_a_time = mode in ("sequential", "asyncio") or r.workers == 1
    gil = gil_during(r)
    modern = version_tuple(r.interpreter.version or "0") >= (3, 10)
    if lost > 0:
        lines = [Line("explain.lost", dict(params, count=lost))]
        if workload == "race-locked" or one_at_a_time:
            lines.append(Line("explain.lost.impossible", params))
        elif mode == "processes":
            lines.append(Line("explain.lost.processes", params))
        elif mode == "interpreters":
            lines.append(Line("explain.lost.interpreters", params))
        elif not gil:
            lines.append(Line("explain.lost.no_gil", params))
        elif workload == "race-plain" and not modern:
            lines.append(Line("explain.lost.old_switch", params))
        elif workload == "race-plain":
            lines.append(Line("explain.lost.plain_modern", params))
        elif modern:
            lines.append(Line("explain.lost.switch", params))
        else:  # before 3.10 the eval loop offers a switch at almost any bytecode, not only at calls
            lines.append(Line("explain.lost.switch_old", params))
        return lines
    if lost < 0:
        return [Line("explain.counter_odd", params)]
    lines = [Line("explain.exact", params)]
    if workload == "race-locked":
        lines.append(Line("explain.exact.locked", params))
    elif one_at_a_time:
        lines.append(Line("explain.exact.one_at_a_time", params))
    elif workload == "race-plain" and mode == "threads" and gil and modern:
        lines.append(Line("explain.exact.plain_310", params))
    elif mode == "threads" and gil and _longest_task_cpu(r) < r.interval:
        lines.append(Line("explain.exact.too_short", dict(params, task_ms=1000 * _longest_task_cpu(r))))
    else:
        lines.append(Line("explain.exact.lucky", params))
    return lines


def _longest_task_cpu(r: RunResult) -> float:
    return max((task.cpu_s or 0.0 for task in r.tasks), default=0.0)
