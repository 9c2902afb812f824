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
from . import convoy, timeline
from .model import RunResult
from .speedup import speedup_over

PYTHON_BOUND = ("fib", "race", "race-plain", "race-locked")  # pure Python: needs the GIL throughout
WAITING = ("sleep", "io")  # blocked in the kernel: the GIL is released while waiting
FASTER, SLOWER = 1.25, 0.8  # speedup bounds of "about the same"
PARALLEL_CORES = 1.2  # cores used (CPU / wall) from which a run did compute in parallel
TIMELINE_MIN_SLICES = 20  # fewer active slices than this say too little to describe


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
        lines += _speed(result, speedup_over(result, baseline))
    lines += _shares(result)
    if status == "ok":
        lines += _timeline(result)
    lines += _counter(result)
    lines += [Line(m.key, m.params) for m in convoy.reasons(result)]  # the convoy, the probe, the hand-overs
    return lines


def explain(result: RunResult, lang: str | None = None, baseline: RunResult | None = None) -> list[str]:
    return [line.render(lang) for line in reasons(result, baseline)]


# --- speed ---------------------------------------------------------------------------------------

def _cores(r: RunResult) -> float:
    wall, cpu = r.wall_s or 0.0, r.cpu_s or 0.0
    return r.cores_used if r.cores_used is not None else (cpu / wall if wall else 0.0)


def _speed(r: RunResult, speedup: float | None) -> list[Line]:
    mode, workload, workers = r.mode, r.workload, r.workers
    wall, cpu, cores = r.wall_s or 0.0, r.cpu_s or 0.0, _cores(r)
    base: dict[str, object] = {"mode": mode, "workload": workload, "workers": workers, "wall": wall, "cpu": cpu,
                               "cores": cores, "version": r.interpreter.version or "?"}
    if mode == "sequential":
        return [Line("explain.sequential", dict(base, count=workers))]
    if speedup is None:
        return [Line("explain.no_baseline", base)]
    base["speedup"] = speedup
    gil = r.gil_held
    if speedup >= FASTER:
        lines = [Line("explain.faster", base)]
        parallel = cores >= PARALLEL_CORES
        if workload in WAITING and mode == "asyncio":
            lines.append(Line("explain.why.await", base))
        elif workload in WAITING:
            lines.append(Line("explain.why.waiting", base))
        elif not parallel:  # CPU-bound work cannot gain without a second core: the baseline was slow
            lines.append(Line("explain.why.noisy", base))
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
    elif mode == "asyncio" and workload not in WAITING:
        lines.append(Line("explain.why.loop_blocked", base))
    elif mode == "threads" and gil and workload not in WAITING:
        if cores < PARALLEL_CORES:
            lines.append(Line("explain.why.gil_turns", base))
        else:
            lines.append(Line("explain.why.gil_contention", base))
    elif cores < PARALLEL_CORES and mode in ("threads", "processes", "interpreters") and workload not in WAITING:
        lines.append(Line("explain.why.no_free_core", dict(base, ncpu=os.cpu_count() or 1)))
    elif cores >= PARALLEL_CORES and mode in ("threads", "processes", "interpreters"):
        lines.append(Line("explain.why.overhead", base))
    return lines


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
    if r.workload in WAITING and mean < 0.15:
        lines.append(Line("explain.share.waiting", params))
    elif r.mode == "threads" and r.gil_held and n > 1 and mean <= 1.5 / n and r.workload in PYTHON_BOUND:
        lines.append(Line("explain.share.one_nth", params))
    elif r.mode != "sequential" and n > 1 and mean >= 0.8:
        # a core each, but not at the same time: short tasks that ran nearly back to back
        key = "explain.share.own_core" if cores >= PARALLEL_CORES else "explain.share.back_to_back"
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
              "all": 100 * steady.all_lanes, "mean": steady.mean_active}
    if steady.at_most_one >= 0.75:
        return [Line("explain.timeline.turns", params)]
    if steady.all_lanes >= 0.5:
        return [Line("explain.timeline.overlap", params)]
    return [Line("explain.timeline.mixed", params)]


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
    gil = r.gil_held
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
        else:
            lines.append(Line("explain.lost.switch", params))
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
