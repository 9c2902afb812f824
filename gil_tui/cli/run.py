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

from ..core import export, matrix, presets, validation
from ..core.explain import explain
from ..core.model import Counter, RunResult, RunSpec
from ..core.run_queue import RunQueue
from ..core.runner import LabRun
from ..core.speedup import with_speedups
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
    size = None
    if args.size is not None:
        for step in preset.steps:
            size = validation.size(step.workload, args.size)
    probe_args = argparse.Namespace(**vars(args))
    probe_args.workload, probe_args.mode, probe_args.size = preset.steps[0].workload, "sequential", None
    bases, problems = matrix.specs(probe_args, "sequential")
    specs: list[RunSpec] = []
    for base in bases:
        specs += preset.specs(base.interpreter, base.gil, size)
    return specs, problems


def _live_view(spec: RunSpec, run: LabRun) -> Group:
    snap = run.snapshot()
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right")
    table.add_column()
    table.add_column(justify="right")
    for i, (done, total) in enumerate(zip(snap.done, snap.total)):
        table.add_row(t("run.task", index=i), ProgressBar(total=max(total, 1), completed=done, width=40),
                      "%d/%d" % (done, total))
    head = Text.assemble((spec.workload, "bold"), " · ", (t("mode." + spec.mode), "bold cyan"), " · %s · %s   "
                         % (t("run.workers", count=spec.workers), t("run.python", python=spec.interpreter.short)),
                         (t("run.elapsed", seconds=snap.elapsed_s), "bold"))
    return Group(head, table)


def _fmt(value: float | None, pattern: str, missing: str = "—") -> str:
    return missing if value is None else pattern % value


def counter_cells(counter: Counter | None) -> tuple[Text, Text]:
    """The counter as "final/expected" and the lost updates, red and bold when any were lost."""
    if counter is None:
        return Text(""), Text("")
    style = "bold red" if counter.lost > 0 else "green"
    return (Text("%s/%s" % (count_text(counter.final), count_text(counter.expected))),
            Text("%s (%.1f%%)" % (count_text(counter.lost), counter.lost_pct), style=style))


def _workload_name(r: RunResult) -> str:
    """The workload, or for your own code "file.py:function"."""
    return os.path.basename(r.task) if r.task else r.workload


def result_table(results: list[RunResult]) -> Table:
    races = any(r.counter for r in results)
    pythons = {r.python_label for r in results}
    title = "%s · %s" % (", ".join(dict.fromkeys(_workload_name(r) for r in results)),
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
    columns += [("speedup", "right")] if speedups else []
    columns += [("spread", "right")] if spread else []
    if races:
        columns += [("counter", "right"), ("lost", "right")]
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
        if spread:  # with --repeat: (max - min) / median of the cell's walls, yellow when noisy
            noisy = (r.spread or 0) > matrix.NOISY_SPREAD
            row.append(Text(_fmt(r.spread and 100 * r.spread, "%.1f%%"), style="yellow" if noisy else ""))
        if races:
            row += list(counter_cells(r.counter))
        table.add_row(*row)
    return table


def _run_one(spec: RunSpec, console: Console | None, limit: float | None = None) -> RunResult:
    run = LabRun(spec).start()
    with run:
        deadline = None if limit is None else time.monotonic() + limit

        def over() -> bool:
            return deadline is not None and time.monotonic() > deadline

        if console is None:
            result = run.wait() if deadline is None else None
            while result is None and not over():
                result = run.wait(POLL)
        else:
            with Live(_live_view(spec, run), console=console, auto_refresh=False, transient=True) as live:
                while not run.finished() and not over():
                    time.sleep(POLL)
                    live.update(_live_view(spec, run), refresh=True)
            result = None if over() and not run.finished() else run.wait()
        if result is None:  # over the --timeout: stopped like a cancel, reported as a failure
            assert limit is not None
            result = run.cancel().replace(status="error", error=t("run.timeout", seconds=limit))
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
    several = len({r.python_label for r in results}) > 1

    def who(r: RunResult) -> str:
        """The run's mode, and its Python when the table has several: messages must say which run they are about."""
        name = t("mode." + r.mode)
        return "%s · %s" % (name, r.python_label) if several else name

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
        for line in explain(r):
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
    if not os.access(where, os.W_OK | os.X_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
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
    live_console = None if args.json else console
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGHUP, _on_sigterm)  # the terminal went away (an SSH session dropped): stop the same way
    queue = RunQueue(specs, times)
    try:
        queue.drive(lambda spec: _run_one(spec, live_console, limit))
    except KeyboardInterrupt:  # _run_one's LabRun has already killed its lab on the way out
        _print_results(with_speedups(queue.results), args.json, console, preset)
        sys.stderr.write("gil-tui run: %s\n" % t("run.interrupted"))
        return exit_codes.INTERRUPTED
    results = with_speedups(queue.results)
    _print_results(results, args.json, console, preset)
    for r in results:
        for warning in r.warnings or ():
            sys.stderr.write("gil-tui run: warning: %s\n" % warning)
    if output is not None:
        try:
            export.write(output, results)
        except export.ExportError as exc:
            sys.stderr.write("gil-tui run: error: %s\n" % exc)
            return exit_codes.FAILED
    return exit_codes.OK if all(r.ok for r in results) and not problems else exit_codes.FAILED
