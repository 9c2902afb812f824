"""Speedup: a sequential run's wall time over another run's, for the same work on the same Python.

The one place that decides which run is whose baseline; the runner, the workbench, the comparison
screen and the explanations all ask here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import RunResult

BaselineKey = tuple[str, float, int, str, "str | None", "tuple[float, ...] | None"]


def baseline_key(result: RunResult) -> BaselineKey:
    """Runs with the same key do the same work on the same interpreter (and GIL setting)."""
    return (result.workload, result.size, result.workers, result.interpreter.executable, result.gil, result.sizes)


def is_baseline(result: RunResult) -> bool:
    return result.mode == "sequential" and result.ok and bool(result.wall_s)


def speedup_over(result: RunResult, baseline: RunResult | None) -> float | None:
    """``baseline`` wall / ``result`` wall, when both finished; the result's own figure when it has one."""
    if result.speedup:
        return result.speedup
    if baseline is None or not baseline.ok or not baseline.wall_s or not result.ok or not result.wall_s:
        return None
    return baseline.wall_s / result.wall_s


def find_baseline(result: RunResult, earlier: Iterable[RunResult]) -> RunResult | None:
    """The latest sequential run in ``earlier`` (other than ``result``) of the same work on the same Python."""
    key = baseline_key(result)
    found = None
    for other in earlier:
        if other is not result and is_baseline(other) and baseline_key(other) == key:
            found = other
    return found


def with_speedup(result: RunResult, earlier: Iterable[RunResult]) -> RunResult:
    """``result`` with its speedup over its baseline in ``earlier`` (1 for a sequential run), when it has none yet."""
    if result.speedup is not None or not result.ok or not result.wall_s:
        return result
    if result.mode == "sequential":
        return result.replace(speedup=1.0)
    baseline = find_baseline(result, earlier)
    return result if baseline is None else result.replace(speedup=speedup_over(result, baseline))


def with_speedups(results: list[RunResult]) -> list[RunResult]:
    """Every result with its speedup over the sequential run of its group among ``results`` (None without one)."""
    baselines: dict[BaselineKey, float] = {}
    for r in results:
        if is_baseline(r) and r.wall_s:
            baselines[baseline_key(r)] = r.wall_s
    out = []
    for r in results:
        base = baselines.get(baseline_key(r))
        out.append(r.replace(speedup=base / r.wall_s if base and r.ok and r.wall_s else None))
    return out


def fill_in(results: list[RunResult], baseline: RunResult) -> list[RunResult]:
    """``results`` with a speedup over ``baseline`` for each finished run of the same work that had none yet (a
    threads run made before its sequential one gets its speedup once the sequential one is done)."""
    if not is_baseline(baseline):
        return list(results)
    key = baseline_key(baseline)
    return [r if r is baseline or r.speedup is not None or baseline_key(r) != key else with_speedup(r, [baseline])
            for r in results]


def fastest_sequential(result: RunResult, results: Iterable[RunResult]) -> RunResult | None:
    """The fastest finished sequential run of ``result``'s work among ``results``, whatever its interpreter: the
    best the work can do in one thread here (3.13t threads can beat their own sequential run and still lose to
    3.13's, whose single thread runs fib about twice as fast)."""
    work = baseline_key(result)[:3] + baseline_key(result)[5:]
    found = None
    for other in results:
        key = baseline_key(other)
        if is_baseline(other) and key[:3] + key[5:] == work and (
                found is None or (other.wall_s or 0.0) < (found.wall_s or 0.0)):
            found = other
    return found


def speedup_vs_fastest(result: RunResult, results: Iterable[RunResult]) -> float | None:
    """The fastest sequential run's wall (of any interpreter among ``results``) / ``result``'s wall."""
    best = fastest_sequential(result, results)
    if best is None or not best.wall_s or not result.ok or not result.wall_s:
        return None
    return best.wall_s / result.wall_s
