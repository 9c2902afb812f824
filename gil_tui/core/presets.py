"""The seed post's three experiments, as runs of the lab, and how today's numbers compare with its own.

Source: Pablo Estrada, "¿Porqué no puedo usar paralelismo en Python?" (the post gil-tui grew from;
../shared/reference/seed-post-gil-es.md). Its figures: fib(30)…fib(34) took 3.23 s one after another
and 12.43 s in 5 threads; 20 threads each adding 1 to a counter 1000 times ended at 17982 and 18811
of 20000; ten sleep(1) took 10.01 s in a row and 1.01 s in threads.

The fib preset runs the post's exact work, one size per task: fib(30), fib(31), …, fib(34). With
one size for every task (``--size 32``, or the tests' short runs) ``fib_work_share`` says how much
of the post's work that is. Seconds on a different machine mean little anyway; the comparison is
made on ratios (threads ÷ sequential).
The race preset runs the post's sizes at the default 5 ms switch interval and again at 10 µs: at
5 ms each thread finishes its 1000 increments long before it is asked to switch, at 10 µs
switches land as often as Python 2's "every 100 bytecodes" did.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Count, interval_text, t
from ..lab.catalog import DEFAULT_SWITCH_INTERVAL
from . import convoy
from .explain import IDLE_LOW, PARALLEL_CORES, explain
from .model import RunResult, RunSpec
from .probe import Interpreter
from .speedup import speedup_over

POST_FIB_SEQUENTIAL_S = 3.23
POST_FIB_THREADS_S = 12.43
POST_RACE_FINALS = (17982, 18811)
POST_RACE_EXPECTED = 20000
POST_SLEEP_SEQUENTIAL_S = 10.01
POST_SLEEP_THREADS_S = 1.01
FAST_SWITCH_INTERVAL = 1e-5


@dataclass(frozen=True)
class Step:
    workload: str
    mode: str
    switch_interval: float = DEFAULT_SWITCH_INTERVAL


@dataclass(frozen=True)
class Preset:
    name: str
    workers: int
    size: float
    steps: tuple[Step, ...]
    sizes: tuple[float, ...] | None = None  # one size per task (the post's fib(30)…fib(34)); else ``size`` each

    @property
    def title_key(self) -> str:
        return "preset.%s.title" % self.name

    def specs(self, interpreter: Interpreter, gil: str | None = None, size: float | None = None,
              sizes: tuple[float, ...] | None = None) -> list[RunSpec]:
        """The runs, in order. ``size`` (one for every task: tests use short runs) or ``sizes`` (one per task)
        overrides the post's."""
        if size is None and sizes is None:
            sizes = self.sizes
        if size is not None or not sizes:
            return [RunSpec(step.workload, step.mode, self.workers, self.size if size is None else size, interpreter,
                            gil, step.switch_interval) for step in self.steps]
        return [RunSpec(step.workload, step.mode, len(sizes), max(sizes), interpreter, gil, step.switch_interval,
                        tuple(sizes)) for step in self.steps]


PRESETS = {
    "seed-fib": Preset("seed-fib", 5, 32, (Step("fib", "sequential"), Step("fib", "threads")),
                       sizes=(30, 31, 32, 33, 34)),
    "seed-race": Preset("seed-race", 20, 1000, (
        Step("race-plain", "threads"), Step("race", "threads"),
        Step("race-plain", "threads", FAST_SWITCH_INTERVAL), Step("race", "threads", FAST_SWITCH_INTERVAL))),
    "seed-sleep": Preset("seed-sleep", 10, 1.0, (Step("sleep", "sequential"), Step("sleep", "threads"))),
    # key 4 (issue 13): a waiting task beside CPU-bound ones, in threads, then in processes
    "convoy": Preset("convoy", 3, 31, (Step("convoy", "threads"), Step("convoy", "processes"))),
}


def fib_calls(n: int) -> int:
    """Calls made by the naive recursive fib(n): 2·F(n+1) − 1."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


def fib_work_share(size: int, workers: int = 5) -> float:
    """The lab's ``workers`` × fib(size) as a fraction of the post's fib(30) + … + fib(34)."""
    return workers * fib_calls(size) / sum(fib_calls(n) for n in range(30, 35))


def _find(results: list[RunResult], workload: str, mode: str, interval: float | None = None) -> RunResult | None:
    for r in results:
        if r.workload == workload and r.mode == mode and r.ok and (
                interval is None or abs((r.switch_interval or 0) - interval) <= interval * 0.01):
            return r
    return None


def compare(name: str, results: list[RunResult], lang: str | None = None) -> list[str]:
    """The post's figures beside the measured ones, and why they differ, in ``lang``."""
    preset = PRESETS[name]
    if name == "convoy":
        return convoy.compare(results, lang)
    if name == "seed-fib":
        return _compare_fib(preset, results, lang)
    if name == "seed-race":
        return _compare_race(results, lang)
    return _compare_sleep(results, lang)


def _compare_fib(preset: Preset, results: list[RunResult], lang: str | None) -> list[str]:
    seq, thr = _find(results, "fib", "sequential"), _find(results, "fib", "threads")
    lines = [t("preset.fib.post", lang, seq=POST_FIB_SEQUENTIAL_S, thr=POST_FIB_THREADS_S,
               ratio=POST_FIB_THREADS_S / POST_FIB_SEQUENTIAL_S)]
    if seq is None or thr is None:
        return lines + [t("preset.incomplete", lang)]
    size = int(seq.size)
    seq_wall, thr_wall = seq.wall_s or 0.0, thr.wall_s or 0.0
    ratio = thr_wall / seq_wall if seq_wall else 0.0
    lines.append(t("preset.fib.here", lang, seq=seq_wall, thr=thr_wall, ratio=ratio, workers=seq.workers, size=size))
    if seq.sizes:  # one size per task: the post's own work when they are 30…34
        exact = tuple(int(x) for x in seq.sizes) == tuple(range(30, 35))
        lines.append(t("preset.fib.exact" if exact else "preset.fib.sizes", lang,
                       sizes=", ".join("fib(%d)" % x for x in seq.sizes)))
    else:
        lines.append(t("preset.fib.model", lang, workers=seq.workers, size=size,
                       share=100 * fib_work_share(size, seq.workers)))
    version = thr.interpreter.version
    cores = thr.cores_used or 0.0
    if ratio < 0.8:  # faster: real only if more than one core was busy
        key = "preset.fib.parallel" if cores >= PARALLEL_CORES else "preset.fib.noisy"
    elif not thr.gil_held:
        key = "preset.fib.no_gil_not_faster"
    elif ratio >= 2 and cores >= PARALLEL_CORES:  # the post's hand-over between cores keeps several cores busy
        key = "preset.fib.like_post"
    elif ratio >= 2:  # on one core that is not the GIL: since 3.2 a waiting thread asks once per interval
        busy = thr.machine_idle is not None and thr.machine_idle < IDLE_LOW
        key = "preset.fib.loaded" if busy else "preset.fib.slow_unexplained"
    else:
        key = "preset.fib.new_gil"
    lines.append(t(key, lang, version=version, cores=cores, post=POST_FIB_THREADS_S / POST_FIB_SEQUENTIAL_S,
                   ratio=ratio, idle=thr.machine_idle or 0.0))
    return lines + explain(thr, lang, seq)


def _compare_race(results: list[RunResult], lang: str | None) -> list[str]:
    lines = [t("preset.race.post", lang, first=Count(POST_RACE_FINALS[0]), second=Count(POST_RACE_FINALS[1]),
               expected=Count(POST_RACE_EXPECTED))]
    for step in PRESETS["seed-race"].steps:
        r = _find(results, step.workload, step.mode, step.switch_interval)
        if r is None or r.counter is None:
            continue
        c = r.counter
        lines.append(t("preset.race.here", lang, workload=r.workload, interval=interval_text(r.interval),
                       final=Count(c.final), expected=Count(c.expected), lost=Count(c.lost), count=c.lost))
    if len(lines) == 1:
        return lines + [t("preset.incomplete", lang)]
    lossless = [r for r in results if r.ok and r.counter and r.counter.lost == 0]
    lossy = [r for r in results if r.ok and r.counter and r.counter.lost > 0]
    if lossless and lossy:
        lines.append(t("preset.race.depends", lang))
    elif lossless:
        lines.append(t("preset.race.none_lost", lang))
    for r in results:  # the reason for each outcome, once per distinct explanation
        if r.ok and r.counter:
            why = explain(r, lang)[-1]
            label = t("preset.race.why", lang, workload=r.workload, interval=interval_text(r.interval))
            if not any(line.endswith(why) for line in lines):
                lines.append("%s %s" % (label, why))
    return lines


def _compare_sleep(results: list[RunResult], lang: str | None) -> list[str]:
    seq, thr = _find(results, "sleep", "sequential"), _find(results, "sleep", "threads")
    lines = [t("preset.sleep.post", lang, seq=POST_SLEEP_SEQUENTIAL_S, thr=POST_SLEEP_THREADS_S)]
    if seq is None or thr is None:
        return lines + [t("preset.incomplete", lang)]
    lines.append(t("preset.sleep.here", lang, seq=seq.wall_s, thr=thr.wall_s))
    speedup = speedup_over(thr, seq) or 0.0
    post_speedup = POST_SLEEP_SEQUENTIAL_S / POST_SLEEP_THREADS_S
    if speedup >= 0.8 * min(post_speedup, thr.workers):
        lines.append(t("preset.sleep.like_post", lang, speedup=speedup, post=post_speedup))
    else:
        lines.append(t("preset.sleep.unlike", lang, speedup=speedup, post=post_speedup))
    return lines + explain(thr, lang, seq)
