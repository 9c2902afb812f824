"""A matrix of runs: several interpreters (each with its GIL choices) x modes, each cell repeated K times.

``--python A,B,C``: each entry a path or a name on PATH, optionally with its own GIL choice: ``python3.13t:gil=off``.
The GIL choice (the entry's own, else ``--gil``) means, for a free-threaded build: ``off`` PYTHON_GIL=0, ``on``
PYTHON_GIL=1, ``both`` the build runs twice (GIL off, then on); no choice leaves the build's default. With several
interpreters, ``--gil`` applies to the free-threaded ones only and GIL builds run as they are; an entry's own
``gil=off``/``gil=both`` on a GIL build is an error for that entry. An entry that cannot run is reported and skipped:
the rest of the matrix still runs.

Repeats are interleaved (all cells once, then all again...), so a slow spell of a shared machine spreads over the
cells instead of landing on one. A cell reports the median wall and CPU time and the spread (max - min) / median,
with a warning when the spread is above 10 %, as pyperf does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass

from ..lab.catalog import DEFAULT_WORKERS
from . import validation
from .discovery import find_interpreter
from .model import Counter, RunResult, RunSpec
from .probe import Interpreter
from .validation import UsageError

GIL_CHOICES = ("on", "off", "both")
MAX_REPEAT = 50
NOISY_SPREAD = 0.10


@dataclass(frozen=True)
class Entry:
    given: str
    gil: str | None  # the entry's own choice, or None to use --gil


def gil_choice(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in GIL_CHOICES:
        raise UsageError("--gil must be on or off (or both, to run a free-threaded build each way), not %r"
                                 % value)
    return value


def repeat(value: str | int | None) -> int:
    try:
        k = int(str(1 if value is None else value).strip())
    except ValueError:
        raise UsageError("--repeat must be a whole number from 1 to %d, not %r" % (MAX_REPEAT, value)) from None
    if not 1 <= k <= MAX_REPEAT:
        raise UsageError("--repeat must be from 1 to %d, not %d" % (MAX_REPEAT, k))
    return k


def parse_pythons(value: str | None) -> list[Entry]:
    """``A,B:gil=off`` -> entries; the default is the interpreter running gil-tui."""
    if value is None:
        return [Entry(sys.executable, None)]
    entries = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            raise UsageError("--python has an empty entry in %r" % value)
        given, gil = part, None
        if ":gil=" in part:
            given, _, gil = part.rpartition(":gil=")
            if gil not in GIL_CHOICES:
                raise UsageError("%s: gil must be on, off or both, not %r" % (part, gil))
        entries.append(Entry(given, gil))
    return entries


def gils_for(interp: Interpreter, own: str | None, default: str | None, strict: bool) -> list[str | None]:
    """The PYTHON_GIL settings to run ``interp`` with. ``strict``: a choice the build cannot honour is an error."""
    choice = own if own is not None else default
    if not interp.free_threaded:
        if choice in ("off", "both") and (strict or own is not None):
            raise UsageError("--gil %s needs a free-threaded build (such as python3.13t); %s is Python %s, "
                                     "built with the GIL" % (choice, interp.executable, interp.version))
        return [choice] if choice == "on" and (strict or own is not None) else [None]
    if choice == "both":
        return ["off", "on"]
    return [choice]


def specs(args: argparse.Namespace, default_modes: str) -> tuple[list[RunSpec], list[str]]:
    """(every RunSpec asked for, one message per skipped --python entry). UsageError when nothing can run."""
    workload = validation.workload(args.workload)
    modes = validation.modes(args.mode if args.mode is not None else default_modes)
    workers, size, sizes = validation.work(workload, args.size, args.workers, DEFAULT_WORKERS)
    interval = validation.switch_interval(args.switch_interval)
    default_gil = gil_choice(args.gil)
    entries = parse_pythons(args.python)
    strict = len(entries) == 1
    out: list[RunSpec] = []
    problems: list[str] = []
    seen: set[tuple[str, str | None]] = set()
    for entry in entries:
        try:
            found = find_interpreter(entry.given)
            if found.interpreter is None:
                raise UsageError("interpreter %s %s" % (entry.given, found.reason))
            if not found.usable:
                raise UsageError("%s is %s %s; %s" % (entry.given, found.interpreter.implementation,
                                                               found.interpreter.version, found.reason))
            interp = found.interpreter
            gils = gils_for(interp, entry.gil, default_gil, strict)
        except UsageError as exc:
            if strict:
                raise
            problems.append("skipping %s" % exc)
            continue
        for gil in gils:
            key = (found.realpath, gil)
            if key in seen:
                continue
            seen.add(key)
            out += [RunSpec(workload, mode, workers, size, interp, gil, interval,
                            probe=bool(getattr(args, "probe", False)), sizes=sizes)
                    for mode in modes]
    if not out:
        raise UsageError("no interpreter to run: " + "; ".join(problems))
    return out, problems


def plan(count: int, times: int) -> list[int]:
    """The order cells run in: every cell once, then every cell again, ``times`` rounds."""
    return [cell for _ in range(times) for cell in range(count)]


def median_run(runs: list[RunResult]) -> RunResult:
    """The run with the median wall (the lower of the two middle ones), which stands for a repeated cell: its tasks,
    notes and timeline are kept as they were; the last run when none finished."""
    ok = [r for r in runs if r.ok and r.wall_s]
    return sorted(ok, key=lambda r: r.wall_s or 0.0)[(len(ok) - 1) // 2] if ok else runs[-1]


def aggregate(runs: list[RunResult]) -> RunResult:
    """One result for a cell run several times: medians, every wall, the spread, warnings when noisy or failed."""
    ok = [r for r in runs if r.ok and r.wall_s]
    walls = sorted(r.wall_s for r in ok if r.wall_s)
    middle = median_run(runs)
    warnings = list(middle.warnings or ())
    cell = middle.replace(repeat=len(runs), wall_s_all=tuple(r.wall_s for r in runs), spread=None)
    if ok:
        wall = statistics.median(walls)
        cpus = [r.cpu_s for r in ok if r.cpu_s is not None]
        cpu = statistics.median(cpus) if cpus else None
        spread = (walls[-1] - walls[0]) / wall
        counter = cell.counter
        counters = [r.counter for r in ok if r.counter]
        if counters:
            lost = [c.lost for c in counters]
            expected = counters[0].expected
            median_lost = int(statistics.median(lost))
            counter = Counter(expected, expected - median_lost, median_lost, tuple(lost))
        cell = cell.replace(wall_s=wall, cpu_s=cpu, cores_used=None if cpu is None else cpu / wall, spread=spread,
                            counter=counter)
        if spread > NOISY_SPREAD:
            warnings.append("%s %s on %s: %d runs spread %.0f %% around the median (over %.0f %%): a busy "
                            "machine; repeat more or compare with care" % (
                                cell.workload, cell.mode, cell.python_label, len(ok), 100 * spread,
                                100 * NOISY_SPREAD))
    failed = [r for r in runs if r is not middle and not r.ok]
    if failed and ok:
        cell = cell.replace(status=failed[0].status, error="%d of %d runs failed: %s" % (
            len(failed), len(runs), failed[0].error or failed[0].status))
    return cell.replace(warnings=tuple(warnings))


def collect(cells: list[list[RunResult]], times: int) -> list[RunResult]:
    """The results to report: each cell as it ran when ``times`` is 1, else aggregated; cells never run left out."""
    if times == 1:
        return [runs[0] for runs in cells if runs]
    return [aggregate(runs) for runs in cells if runs]
