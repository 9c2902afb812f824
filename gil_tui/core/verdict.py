"""The answer for your own code: which mode won, and why, read from the measurements alone.

The lab knows nothing of what your function does; the numbers say it. Run one after another, a function that
keeps the CPU busy is CPU-bound, one that leaves it idle waits (I/O, sleeps, the network). Threads that used more
than one core under the GIL ran C code that releases it; threads that gained without the GIL owe it to the
free-threaded build; processes or subinterpreters whose run took much longer than their tasks paid for starting.

``verdict(results)`` returns language-free ``Message``s, one group per interpreter (and GIL setting).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..i18n import Message
from .model import RunResult
from .usertask import disagreements

FASTER = 1.25  # a speedup from which a mode gained
PARALLEL_CORES = 1.2  # cores used from which the tasks computed in parallel
WAITING_SHARE = 0.5  # run one after another, a function blocked more than this share of its time mostly waits
LOADED_SHARE = 0.25  # a run whose tasks had no CPU for more than this share of their time ran on a busy machine
STARTUP_SHARE = 0.3  # a run whose start-up took more than this share of its wall paid for starting


def _mode(name: str) -> Message:
    return Message("mode." + name)


def _busy(r: RunResult) -> float:
    """CPU time / wall time of a run: the cores it kept busy."""
    if r.cores_used is not None:
        return r.cores_used
    return (r.cpu_s or 0.0) / r.wall_s if r.wall_s else 0.0


def _sums(r: RunResult) -> tuple[float, float, float] | None:
    """(wall, CPU, time runnable without a CPU) summed over the tasks that measured all three, else None."""
    rows = [(t.wall_s, t.cpu_s, t.runq_s) for t in r.tasks
            if t.wall_s is not None and t.cpu_s is not None and t.runq_s is not None]
    if not rows:
        return None
    return sum(w for w, _, _ in rows), sum(c for _, c, _ in rows), sum(q or 0.0 for _, _, q in rows)


def waiting_share(r: RunResult) -> float:
    """The share of its time a task spent neither on a CPU nor ready for one: blocked (I/O, sleep, a lock).

    Time ready but without a CPU (a loaded machine) does not count as waiting, where Linux tells it."""
    sums = _sums(r)
    if sums is None or not sums[0]:
        return max(0.0, 1.0 - _busy(r))
    wall, cpu, runq = sums
    return max(0.0, wall - cpu - runq) / wall


def loaded_share(r: RunResult) -> float:
    """The share of its time a task was ready to run but had no CPU: other load on the machine."""
    sums = _sums(r)
    return sums[2] / sums[0] if sums is not None and sums[0] else 0.0


def demand(r: RunResult) -> float:
    """How many tasks were running or ready to run at once, on average: the cores the run could have used."""
    sums = _sums(r)
    if sums is None or not r.wall_s:
        return _busy(r)
    return (sums[1] + sums[2]) / r.wall_s


def parallel_threshold(workers: int) -> float:
    """The tasks ready to run at once, on average, from which a run's tasks computed in parallel.

    Threads waiting for the GIL are asleep, but on a loaded machine each wakes up every switch interval to ask for it
    and then waits for a CPU: that inflates their count. Three quarters of the tasks, at least, is parallel work."""
    return max(PARALLEL_CORES, 0.75 * workers)


def startup_cost(r: RunResult) -> tuple[float, float] | None:
    """(the run's wall not spent in its longest task, the mean task's wall) for a run whose tasks say so."""
    walls = [task.wall_s for task in r.tasks if task.wall_s is not None]
    if not walls or not r.wall_s:
        return None
    return max(0.0, r.wall_s - max(walls)), sum(walls) / len(walls)


def _group(results: Iterable[RunResult]) -> dict[tuple[str, str | None], list[RunResult]]:
    groups: dict[tuple[str, str | None], list[RunResult]] = {}
    for r in results:
        groups.setdefault((r.interpreter.executable, r.gil), []).append(r)
    return groups


def verdict(results: list[RunResult], ncpu: int | None = None) -> list[Message]:
    """Which mode won on each interpreter, and why; then what a free-threaded build changed, and what differed."""
    ncpu = ncpu or os.cpu_count() or 1
    out: list[Message] = []
    threads_by_python: list[tuple[RunResult, RunResult | None]] = []
    for group in _group(results).values():
        ok = [r for r in group if r.ok and r.wall_s]
        if not ok:
            continue
        best = min(ok, key=lambda r: r.wall_s or 0.0)
        seq = next((r for r in ok if r.mode == "sequential"), None)
        python = best.python_label
        if seq is not None and seq is not best and seq.wall_s and best.wall_s:
            speedup = seq.wall_s / best.wall_s
            key = "verdict.winner" if speedup >= FASTER else "verdict.winner.none"
            out.append(Message(key, {"mode": _mode(best.mode), "python": python, "wall": best.wall_s,
                                     "speedup": speedup}))
        elif seq is not None and len(ok) > 1:
            out.append(Message("verdict.winner.sequential", {"python": python, "wall": best.wall_s}))
        elif len(ok) > 1:
            out.append(Message("verdict.winner.nobase", {"mode": _mode(best.mode), "python": python,
                                                         "wall": best.wall_s}))
        threads = next((r for r in ok if r.mode == "threads"), None)
        if threads is not None:
            threads_by_python.append((threads, seq))
        out += _why(ok, seq, threads, ncpu)
    out += _free_threaded(threads_by_python)
    for message in disagreements(results):
        out.append(message)
        out.append(Message("verdict.unsafe", {"mode": message.params["mode"]}))
    return out


def _why(ok: list[RunResult], seq: RunResult | None, threads: RunResult | None, ncpu: int) -> list[Message]:
    out: list[Message] = []
    gil = ok[0].gil_held
    waits = seq is not None and waiting_share(seq) > WAITING_SHARE
    if seq is not None and loaded_share(seq) > LOADED_SHARE:
        out.append(Message("verdict.loaded", {"runq": 100 * loaded_share(seq)}))
    if seq is not None and waits:
        out.append(Message("verdict.waits", {"busy": 100 * (1.0 - waiting_share(seq))}))
    if threads is not None and seq is not None and seq.wall_s and threads.wall_s and not waits:
        speedup, ready = seq.wall_s / threads.wall_s, demand(threads)
        params: dict[str, object] = {"speedup": speedup, "cores": ready}
        # ready to run together (a loaded machine hides it in the times), or faster on more than one core; without
        # a GIL no thread sleeps waiting for it, so any overlap counts
        threshold = parallel_threshold(threads.workers) if gil else PARALLEL_CORES
        parallel = ready >= threshold or (speedup >= FASTER and _busy(threads) >= PARALLEL_CORES)
        if gil and parallel:
            out.append(Message("verdict.c_code", params))
        elif gil:
            out.append(Message("verdict.cpu_gil", params))
        elif parallel:
            out.append(Message("verdict.free_threaded", params))
        else:
            out.append(Message("verdict.free_threaded.none", params))
    elif seq is not None and not waits and threads is None:
        out.append(Message("verdict.cpu", {"busy": 100 * (1.0 - waiting_share(seq))}))
    for r in ok:
        if r.mode not in ("processes", "interpreters"):
            continue
        cost = startup_cost(r)
        if cost is not None and r.wall_s and cost[0] > STARTUP_SHARE * r.wall_s:
            out.append(Message("verdict.startup", {"mode": _mode(r.mode), "startup": cost[0], "work": cost[1]}))
    workers = ok[0].workers
    if not waits and workers > ncpu and any(r.mode != "sequential" and demand(r) >= parallel_threshold(workers)
                                            for r in ok):
        out.append(Message("verdict.cores", {"ncpu": ncpu, "workers": workers}))
    return out


def _free_threaded(pairs: list[tuple[RunResult, RunResult | None]]) -> list[Message]:
    """Threads with the GIL beside threads without it, when the runs had both."""
    with_gil = [t for t, _ in pairs if t.gil_held]
    without = [t for t, _ in pairs if not t.gil_held]
    if not with_gil or not without:
        return []
    a = min(with_gil, key=lambda r: r.wall_s or 0.0)
    b = min(without, key=lambda r: r.wall_s or 0.0)
    if not a.wall_s or not b.wall_s:
        return []
    gain = a.wall_s / b.wall_s
    key = "verdict.ft.gain" if gain >= FASTER else "verdict.ft.none"
    return [Message(key, {"ft": b.python_label, "gil": a.python_label, "ft_wall": b.wall_s, "gil_wall": a.wall_s,
                          "gain": gain})]
