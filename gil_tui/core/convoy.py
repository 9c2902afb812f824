"""The convoy experiment (key 4, ``-w convoy``) and the responsiveness probe: what they measured, in words.

A task that only waits (a 1-byte round trip to an echo process, a 1 ms sleep) must take the GIL back each time it
wakes. Beside CPU-bound threads that costs it up to a switch interval per wake-up (Beazley's "convoy effect",
CPython gh-90204); beside processes, or on a build without a GIL, it only waits for a free core. Every sentence here
is chosen by the numbers: the rates, the ratio and the probe's lateness.
"""

from __future__ import annotations

from ..i18n import Count, Message, interval_text, t
from ..lab.catalog import CONCURRENT_MODES
from .model import RunResult

CONVOY_SLOWER = 3.0  # round trips/s alone ÷ with CPU work from which the waiting task was held back
THRASH_PER_S, THRASH_CORES = 1000.0, 1.05  # hand-overs/s and cores busy from which the hand-overs are the cost


def ratio_text(ratio: float | None) -> str:
    """"30×", "1.3×", "∞×" (no round trip at all with the CPU work)."""
    if ratio is None:
        return "—"
    if ratio == float("inf"):
        return "∞×"
    return "%.0f×" % ratio if ratio >= 10 else "%.1f×" % ratio


def ms_text(value: float | None) -> str:
    if value is None:
        return "—"
    return "%.2f" % value if value < 10 else "%.0f" % value


def rate(value: float | None) -> Count | str:
    return "—" if value is None else Count(int(round(value)))


def held_back(result: RunResult) -> bool:
    """The convoy's waiting task got far fewer round trips done beside the CPU work."""
    ratio = result.convoy.slowdown if result.convoy else None
    return ratio is not None and ratio >= CONVOY_SLOWER


def banner(result: RunResult, lang: str | None = None) -> tuple[str, bool]:
    """The big line of a convoy run, and whether it shows the waiting task held back ("" when not measured)."""
    convoy = result.convoy
    if convoy is None or convoy.slowdown is None or result.mode not in CONCURRENT_MODES or result.workers < 2:
        return "", False
    slower = held_back(result)
    text = t("convoy.banner" if slower else "convoy.banner.kept", lang, alone=rate(convoy.alone_per_s),
             loaded=rate(convoy.loaded_per_s), ratio=ratio_text(convoy.slowdown))
    return text, slower


def reasons(result: RunResult) -> list[Message]:
    """The convoy's, the probe's and the hand-overs' sentences for ``result`` (none when it measured none)."""
    lines: list[Message] = []
    interval = interval_text(result.interval)
    waits_for_gil = result.gil_held and result.mode == "threads"
    convoy = result.convoy
    if convoy is not None and convoy.alone_per_s is not None and convoy.loaded_per_s is not None:
        params = {"alone": rate(convoy.alone_per_s), "loaded": rate(convoy.loaded_per_s),
                  "ratio": ratio_text(convoy.slowdown), "cpu": result.workers - 1,
                  "mode": Message("mode." + result.mode), "interval": interval}
        if result.mode not in CONCURRENT_MODES or result.workers < 2:
            lines.append(Message("explain.convoy.serial", params))
        elif waits_for_gil:
            lines.append(Message("explain.convoy.gil", params))
        else:
            lines.append(Message("explain.convoy.free", params))
        if convoy.io_core is not None and result.mode in CONCURRENT_MODES and result.workers > 1:
            lines.append(Message("explain.convoy.cores", {"core": convoy.io_core}))
    probe = result.probe
    if probe is not None and probe.p50_ms is not None:
        params = {"p50": ms_text(probe.p50_ms), "p99": ms_text(probe.p99_ms), "interval": interval}
        late = probe.p50_ms >= 0.2 * result.interval * 1e3  # a fifth of a switch interval: the GIL, not the OS
        # the probe is a thread of the lab's main interpreter: it shares a GIL with the tasks unless they run in
        # other processes or interpreters
        shares_gil = result.gil_held and result.mode not in ("processes", "interpreters")
        lines.append(Message("explain.probe.gil" if shares_gil and late else "explain.probe.free", params))
    per_s = result.handovers_per_s
    if per_s and waits_for_gil and result.workers > 1:
        figures: dict[str, object] = {"per_s": Count(int(round(per_s))), "every": "%s ms" % ms_text(1e3 / per_s),
                                      "interval": interval, "cores": result.cores_used or 0.0}
        thrash = per_s >= THRASH_PER_S and (result.cores_used or 0.0) > THRASH_CORES
        lines.append(Message("explain.handovers.thrash" if thrash else "explain.handovers", figures))
    return lines


def compare(results: list[RunResult], lang: str | None = None) -> list[str]:
    """Key 4's summary: each mode's round trips alone → with CPU work, then why, from the numbers."""
    lines = []
    for r in results:
        if r.ok and r.convoy is not None:
            c = r.convoy
            lines.append(t("convoy.line", lang, mode=t("mode." + r.mode, lang), alone=rate(c.alone_per_s),
                           loaded=rate(c.loaded_per_s), ratio=ratio_text(c.slowdown)))
    if not lines:
        return [t("preset.convoy.incomplete", lang)]
    for r in results:
        if r.ok:
            lines += [m.render(lang) for m in reasons(r)]
    return lines
