"""``gil-tui run``: the lab without the workbench, a live view in the terminal, then the numbers."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time

from rich import box
from rich.console import Console, Group
from rich.live import Live
from rich.padding import Padding
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from ..core import convoy, export, matrix, presets, validation
from ..core.explain import explain
from ..core.model import Counter, RunResult, RunSpec
from ..core.run_queue import RunQueue
from ..core.runner import LabRun
from ..core.speedup import fastest_sequential, find_baseline, speedup_vs_fastest, with_speedups
from ..i18n import count_text, interval_text, set_language, t
from . import exit_codes, task
from .task import print_task_report

POLL = 0.1
DEFAULT_MODES = "sequential,threads"
TASK_MODES = "sequential,threads,processes"  # your own code: the three a developer chooses between


def preset_specs(args: argparse.Namespace) -> tuple[list[RunSpec], list[str]]:
    """``--preset NAME``: the post's experiment, on each interpreter (and GIL choice) ``--python`` names.

    The preset sets the workload, modes, workers and switch intervals; ``--size`` may override its size.
    """
    preset = presets.PRESETS[args.preset]
    if args.mode is not None:
        raise validation.UsageError("--preset %s sets the modes itself; leave out -m" % args.preset)
    size = sizes = None
    if args.size is not None:  # one size for every task, or a range or list: one per task
        for step in preset.steps:
            _, size, sizes = validation.work(step.workload, args.size, None, preset.workers)
        if sizes is not None:
            size = None
    probe_args = argparse.Namespace(**vars(args))
    probe_args.workload, probe_args.mode, probe_args.size = preset.steps[0].workload, "sequential", None
    bases, problems = matrix.specs(probe_args, "sequential")
    specs: list[RunSpec] = []
    for base in bases:
        specs += preset.specs(base.interpreter, base.gil, size, sizes)
    return specs, problems


class Progress:
    """Where a run of several cells is: which run, and the time left (from the runs so far and the current one's
    tasks)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.spent = 0.0  # seconds the finished runs took
        self.started = time.monotonic()

    def start(self) -> None:
        self.started = time.monotonic()

    def finish(self) -> None:
        self.done += 1
        self.spent += time.monotonic() - self.started

    def left(self, fraction: float = 0.0) -> float | None:
        """Seconds left, all runs included; None before anything says how long a run takes."""
        elapsed = time.monotonic() - self.started
        if self.done:
            per_run = self.spent / self.done
        elif fraction > 0.02:  # the first run: its own progress so far
            per_run = elapsed / fraction
        else:
            return None
        current = 0.0 if self.done >= self.total else max(0.0, per_run - elapsed)
        return current + per_run * max(0, self.total - self.done - 1)

    def left_text(self, fraction: float = 0.0) -> str:
        left = self.left(fraction)
        return t("run.left.unknown") if left is None else t("run.left", seconds=left)


def header_text(spec: RunSpec) -> str:
    """What the run is: workload, mode, workers, size, Python, switch interval and GIL on or off."""
    return " · ".join([spec.workload, t("mode." + spec.mode), t("run.workers", count=spec.workers),
                       t("run.size", size="%g" % spec.size), t("run.python", python=spec.interpreter.short),
                       t("run.switch", interval=interval_text(spec.switch_interval)),
                       t("run.gil.on" if spec.python.gil_held else "run.gil.off")])


def _live_view(spec: RunSpec, run: LabRun, progress: Progress | None = None) -> Group:
    snap = run.snapshot()
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right")
    table.add_column()
    table.add_column(justify="right")
    for i, (done, total) in enumerate(zip(snap.done, snap.total)):
        table.add_row(t("run.task", index=i), ProgressBar(total=max(total, 1), completed=done, width=40),
                      "%d/%d" % (done, total))
    head = Text.assemble((header_text(spec), "bold"), "   ", (t("run.elapsed", seconds=snap.elapsed_s), "bold"))
    if progress is None or progress.total < 2:
        return Group(head, table)
    # each task's share done, a task not started yet (total 0) counting as none
    fraction = sum(done / total for done, total in zip(snap.done, snap.total) if total) / max(1, len(snap.total))
    overall = Text.assemble((t("run.progress", n=progress.done + 1, count=progress.total), "bold cyan"), " · ",
                            progress.left_text(fraction))
    return Group(overall, head, table)


def _fmt(value: float | None, pattern: str, missing: str = "—") -> str:
    return missing if value is None else pattern % value


def counter_cells(counter: Counter | None) -> tuple[Text, Text]:
    """The counter as "final/expected" and the lost updates, red and bold when any were lost."""
    if counter is None:
        return Text(""), Text("")
    style = "bold red" if counter.lost > 0 else "green"
    return (Text("%s/%s" % (count_text(counter.final), count_text(counter.expected))),
            Text("%s (%.1f%%)" % (count_text(counter.lost), counter.lost_pct), style=style))


def common_text(results: list[RunResult]) -> str:
    """What every result shares beside the table's title: the size, the switch interval, the GIL on or off."""
    parts = []
    sizes = {r.size for r in results}
    if len(sizes) == 1:
        parts.append(t("run.size", size="%g" % sizes.pop()))
    intervals = {r.switch_interval for r in results}
    if len(intervals) == 1 and results[0].switch_interval:
        parts.append(t("run.switch", interval=interval_text(results[0].interval)))
    gils = {r.gil_held for r in results}
    if len(gils) == 1:
        parts.append(t("run.gil.on" if gils.pop() else "run.gil.off"))
    return " · ".join(parts)
def trips_cell(r: RunResult) -> Text:
    """The convoy's round trips/s alone → with CPU work, and how many times fewer: red and bold when held back."""
    c = r.convoy
    if c is None or c.alone_per_s is None or c.loaded_per_s is None:
        return Text("—")
    return Text("%s→%s %s" % (count_text(round(c.alone_per_s)), count_text(round(c.loaded_per_s)),
                                 convoy.ratio_text(c.slowdown)),
                style="bold red" if convoy.held_back(r) else "green")
def result_table(results: list[RunResult]) -> Table:
    races = any(r.counter for r in results)
    pythons = {r.python_label for r in results}
    title = "%s · %s" % (", ".join(dict.fromkeys(r.workload_label for r in results)),
                         t("run.workers", count=results[0].workers)) if results else ""
    if len(pythons) == 1:
        title += " · " + t("run.python", python=pythons.pop())

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    spread = any(r.spread is not None for r in results)
    workloads = len({r.workload for r in results}) > 1  # a preset mixes workloads and switch intervals
    switches = len({r.switch_interval for r in results}) > 1
    columns = ([("workload", "left")] if workloads else []) + [("mode", "left")] + (
        [("switch", "right")] if switches else []) + ([("python", "left")] if len(pythons) > 1 else []) + [
        ("wall", "right"), ("CPU", "right"), ("cores", "right")]
    speedups = not workloads or any(r.speedup is not None for r in results)  # the race preset has none
    speedups = speedups and not all(r.workload == "convoy" for r in results)  # its tasks differ: no speedup
    columns += [("speedup", "right")] if speedups else []
    # several interpreters: speedup against the fastest sequential run of any of them, too
    best = len(pythons) > 1 and any(speedup_vs_fastest(r, results) is not None for r in results)
    columns += [("best", "right")] if best else []
    columns += [("spread", "right")] if spread else []
    if races:
        columns += [("counter", "right"), ("lost", "right")]
    probes = any(r.probe for r in results)
    convoys = any(r.convoy for r in results)
    columns += [("probe", "right")] if probes else []
    columns += [("trips", "right")] if convoys else []
    for name, justify in columns:
        table.add_column(t("col." + name.lower()), justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for r in results:
        name = t("mode." + r.mode)
        mode = Text(name) if r.ok else Text("%s (%s)" % (name, t("status." + r.status)), style="bold red")
        row: list[str | Text] = [r.workload] if workloads else []
        row.append(mode)
        row += ["—" if not r.switch_interval else interval_text(r.switch_interval)] if switches else []
        row += [r.python_label] if len(pythons) > 1 else []
        row += [_fmt(r.wall_s, "%.2f s"), _fmt(r.cpu_s, "%.2f s"), _fmt(r.cores_used, "%.2f")]
        row += [_fmt(r.speedup, "%.2f×")] if speedups else []
        row += [_fmt(speedup_vs_fastest(r, results), "%.2f×")] if best else []
        if spread:  # with --repeat: (max - min) / median of the cell's walls, yellow when noisy
            noisy = (r.spread or 0) > matrix.NOISY_SPREAD
            row.append(Text(_fmt(r.spread and 100 * r.spread, "%.1f%%"), style="yellow" if noisy else ""))
        if races:
            row += list(counter_cells(r.counter))
        if probes:
            row.append("—" if r.probe is None else "%s/%s ms" % (convoy.ms_text(r.probe.p50_ms),
                                                                 convoy.ms_text(r.probe.p99_ms)))
        if convoys:
            row.append(trips_cell(r))
        table.add_row(*row)
    return table


def _run_one(spec: RunSpec, console: Console | None, progress: Progress | None = None,
             limit: float | None = None) -> RunResult:
    """One run: a live view on ``console`` (a terminal); without one, with several runs, a line on stderr after it.
    ``limit``: seconds after which the run is stopped and reported as a failure (--timeout)."""
    run = LabRun(spec).start()
    if progress is not None:
        progress.start()
    with run:
        deadline = None if limit is None else time.monotonic() + limit

        def over() -> bool:
            return deadline is not None and time.monotonic() > deadline

        if console is None:
            result = run.wait() if deadline is None else None
            while result is None and not over():
                result = run.wait(POLL)
        else:
            with Live(_live_view(spec, run, progress), console=console, auto_refresh=False, transient=True) as live:
                while not run.finished() and not over():
                    time.sleep(POLL)
                    live.update(_live_view(spec, run, progress), refresh=True)
            result = None if over() and not run.finished() else run.wait()
        if result is None:  # over the --timeout: stopped like a cancel, reported as a failure
            assert limit is not None
            result = run.cancel().replace(status="error", error=t("run.timeout", seconds=limit))
    if progress is not None:
        progress.finish()
        if console is None and progress.total > 1:
            line = t("run.progress.line", n=progress.done, count=progress.total, what=header_text(spec),
                     left=progress.left_text())
            if progress.done >= progress.total:  # the last one: nothing left to time
                line = line.rpartition(";")[0]
            try:
                sys.stderr.write("gil-tui run: %s\n" % line)
                sys.stderr.flush()
            except (OSError, ValueError):  # no stderr to tell: the results still come
                pass
    return result


def _print_results(results: list[RunResult], as_json: bool, console: Console, preset: str | None = None) -> None:
    if not results:  # interrupted before the first run ended: no empty table
        return
    if as_json:
        for r in results:
            sys.stdout.write(json.dumps(r.to_json()) + "\n")
        sys.stdout.flush()
        return
    console.print(result_table(results))
    common = common_text(results)
    if common:
        console.print(Text(common, style="dim"))
    several = len({r.python_label for r in results}) > 1
    fastest = {id(best): best for best in (fastest_sequential(r, results) for r in results) if best is not None}
    if several:
        for best in fastest.values():
            console.print(Text(t("best.note", python=best.python_label, wall=best.wall_s or 0.0), style="dim"))

    def who(r: RunResult) -> str:
        """The run's mode, and its Python when the table has several: messages must say which run they are about."""
        name = t("mode." + r.mode)
        return "%s · %s" % (name, r.python_label) if several else name

    for r in results:  # the convoy's figure in large type, like a race's lost updates
        text, slower = convoy.banner(r)
        if text:
            console.print(Text(" %s · %s " % (who(r), text), style="bold white on red" if slower else
                               "bold white on dark_green"))
    printed: set[tuple[str, str]] = set()
    for r in results:
        if r.error:
            console.print(Text(t("run.failed", mode=who(r), error=r.error), style="red"))
        for note in r.notes:
            key = (r.python_label if several else "", note)
            if key not in printed:  # the same note for every mode of one Python is said once
                printed.add(key)
                console.print(Text(t("run.note", text=key[0] + ": " + note if several else note), style="dim"))
    if preset is not None:
        _print_preset(preset, results, console)
        return
    if any(r.task for r in results):
        print_task_report(results, console)
        return
    for r in results:
        if r.status == "error":
            continue  # its message is printed above
        console.print(Text(t("run.why", mode=who(r)), style="bold"))
        for line in explain(r, baseline=find_baseline(r, results)):  # its CPU time too, not only its speedup
            console.print(Padding(Text(line), (0, 0, 0, 2)))


def _print_preset(name: str, results: list[RunResult], console: Console) -> None:
    """The post's figures beside the measured ones, per interpreter (and GIL choice)."""
    groups: dict[tuple[str, str | None], list[RunResult]] = {}
    for r in results:
        groups.setdefault((r.interpreter.executable, r.gil), []).append(r)
    for group in groups.values():
        title = t(presets.PRESETS[name].title_key)
        if len(groups) > 1:
            title += " · " + t("run.python", python=group[0].python_label)
        console.print(Text(title, style="bold"))
        for line in presets.compare(name, group):
            console.print(Padding(Text(line), (0, 0, 0, 2)))


def check_output(path: str) -> None:
    """An --output the results can be written to, checked before any run: not after minutes of measuring."""
    export.format_of(path)
    where = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise validation.UsageError("cannot write %s: it is a directory" % path)
    if not os.path.isdir(where):
        raise validation.UsageError("cannot write %s: there is no directory %s" % (path, where))
    refused = export.refusal(path)
    if refused is not None:  # a symbolic link, a FIFO, a device: never written through
        raise validation.UsageError(str(refused))
    if not os.access(where, os.W_OK | os.X_OK):  # the file is replaced, not written into: the folder decides
        raise validation.UsageError("cannot write %s: permission denied" % path)


def _on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_command(args: argparse.Namespace) -> int:
    output = getattr(args, "output", None)
    preset = getattr(args, "preset", None)
    set_language(getattr(args, "lang", None) or "en")
    try:
        limit = task.timeout(getattr(args, "timeout", None))
        if getattr(args, "task", None):
            specs, problems = task.task_specs(args, TASK_MODES)
        else:
            specs, problems = preset_specs(args) if preset else matrix.specs(args, DEFAULT_MODES)
        times = matrix.repeat(getattr(args, "repeat", None))
        if output is not None:
            check_output(output)
    except validation.UsageError as exc:
        sys.stderr.write("gil-tui run: error: %s\n" % exc)
        return exit_codes.USAGE
    for problem in problems:
        sys.stderr.write("gil-tui run: %s\n" % problem)
    console = Console()
    live_console = console if console.is_terminal and not args.json else None  # else progress lines on stderr
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGHUP, _on_sigterm)  # the terminal went away (an SSH session dropped): stop the same way
    queue = RunQueue(specs, times)
    progress = Progress(queue.total)
    try:
        queue.drive(lambda spec: _run_one(spec, live_console, progress, limit))
    except KeyboardInterrupt:  # _run_one's LabRun has already killed its lab on the way out
        _print_results(with_speedups(queue.results), args.json, console, preset)
        sys.stderr.write("gil-tui run: %s\n" % t("run.interrupted"))
        return exit_codes.INTERRUPTED
    results = with_speedups(queue.results)
    written = True
    if output is not None:  # first: whatever then happens to stdout (a closed pipe, an encoding), the file is there
        try:
            export.write(output, results)
        except export.ExportError as exc:
            sys.stderr.write("gil-tui run: error: %s\n" % exc)
            written = False
    _print_results(results, args.json, console, preset)
    for r in results:
        for warning in r.warnings or ():
            sys.stderr.write("gil-tui run: warning: %s\n" % warning)
    if not written:
        return exit_codes.FAILED
    return exit_codes.OK if all(r.ok for r in results) and not problems else exit_codes.FAILED
