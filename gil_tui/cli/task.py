"""``gil-tui run --task file.py:function``: your own code as the workload, checked first, then its outcomes told."""

from __future__ import annotations

import argparse
import dataclasses

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..core import matrix, usertask, validation
from ..core.model import RunResult, RunSpec
from ..core.verdict import verdict
from ..i18n import Message, t


def task_specs(args: argparse.Namespace, default_modes: str) -> tuple[list[RunSpec], list[str]]:
    """Every run ``--task`` asks for, after checking that each interpreter can import the file and find the function.

    A file that cannot run under one of the interpreters is a usage error naming it: nothing runs.
    """
    ref = usertask.parse(args.task, getattr(args, "allow_tasks_from", None))
    if getattr(args, "preset", None):
        raise validation.UsageError(Message("usage.task.preset", {"preset": args.preset}))
    probe_args = argparse.Namespace(**vars(args))
    probe_args.workload, probe_args.size = "fib", None
    bases, problems = matrix.specs(probe_args, default_modes)
    arg = usertask.size_arg(args.size)
    specs = [dataclasses.replace(base, workload=usertask.WORKLOAD, size=usertask.numeric_size(arg), task=ref.text,
                                 task_arg=arg) for base in bases]
    checked: dict[tuple[str, str | None], str | None] = {}
    failures = []
    for spec in specs:
        key = (spec.interpreter.executable, spec.gil)
        if key in checked:
            continue
        checked[key] = why = usertask.check(spec.interpreter, spec.gil, ref)
        if why is not None:
            failures.append(Message("usage.task.cannot", {"task": ref.short, "python": spec.python.label,
                                                           "executable": spec.interpreter.executable, "why": why}))
    if failures:
        raise validation.UsageError(Message("usage.task.join", {"text": "; ".join(m.render() for m in failures)}))
    return specs, problems


def timeout(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise validation.UsageError(Message("usage.timeout", {"value": value})) from None
    if not 0 < seconds < float("inf"):
        raise validation.UsageError(Message("usage.timeout", {"value": value}))
    return seconds


def _who(r: RunResult, several: bool) -> str:
    name = t("mode." + r.mode)
    return "%s · %s" % (name, r.python_label) if several else name


def _indexes(indexes: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in indexes)


def print_task_report(results: list[RunResult], console: Console) -> None:
    """What the tasks returned (the same for every task? across modes?), each distinct error once with its
    traceback, the tasks that forked, then which mode won and why."""
    several = len({r.python_label for r in results}) > 1
    returned = [r for r in results if r.task_report and r.task_report.values]
    if returned:
        console.print(Text(t("task.returned.title"), style="bold"))
    digests = {v.digest for r in returned if r.task_report for v in r.task_report.values}
    if len(returned) > 1 and len(digests) == 1 and returned[0].task_report:  # one line says it all
        console.print(Padding(Text(t("task.returned.all", count=len(returned), value=usertask.value_text(
            returned[0].task_report.values[0]))), (0, 0, 0, 2)))
    for r in results:
        report = r.task_report
        if report is None:
            continue
        for index in report.forked:
            console.print(Padding(Text(t("task.forked", index=index), style="yellow"), (0, 0, 0, 2)))
        if not report.values or (len(returned) > 1 and len(digests) == 1):
            continue
        values = report.values
        if report.all_same:
            line = t("task.returned.same", mode=_who(r, several), count=len(values),
                     value=usertask.value_text(values[0]))
        else:
            distinct = len({v.digest for v in values})
            line = t("task.returned.differ", mode=_who(r, several), count=len(values), distinct=distinct,
                     value=usertask.value_text(values[0]))
        console.print(Padding(Text(line), (0, 0, 0, 2)))
    errors: dict[str, list[tuple[RunResult, tuple[int, ...], str | None]]] = {}
    for r in results:
        for error in r.task_report.errors if r.task_report else ():
            errors.setdefault(error.error, []).append((r, error.indexes, error.traceback))
    for message, where in errors.items():
        runs = "; ".join("%s (%s)" % (_who(r, several), t("task.tasks", indexes=_indexes(ix), count=len(ix)))
                         for r, ix, _ in where)
        console.print(Text(t("task.error", error=message, runs=runs), style="bold red"))
        trace = next((tb for _, _, tb in where if tb), None)
        if trace:
            console.print(Padding(Text(trace.rstrip(), style="dim"), (0, 0, 0, 2)))
    answer = verdict(results)
    if answer:
        console.print(Text(t("verdict.title"), style="bold"))
        for said in answer:
            console.print(Padding(Text(said.render()), (0, 0, 0, 2)))
