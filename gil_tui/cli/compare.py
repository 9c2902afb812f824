"""``gil-tui compare A.json B.json``: two exported results side by side, how a lab compares its machines.

Rows are matched by (workload, mode, workers, size, Python version, free-threaded, GIL on): the interpreter's path
may differ between machines. B/A is B's wall time over A's: below 1, B was faster.
Reads what ``--output`` writes (.json, .csv) and the JSON Lines of ``gil-tui run --json``.
"""

from __future__ import annotations

import argparse
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..core.export import ExportError, load
from ..core.model import RunResult, printable
from ..i18n import count_text, t
from . import exit_codes
from .parser import Parser


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="gil-tui compare", description="Show two exported results side by side.")
    parser.add_argument("a", metavar="A", help="results exported by gil-tui run --output (.json or .csv)")
    parser.add_argument("b", metavar="B", help="results to compare with A")
    return parser


RowKey = tuple[str, str, int, float, str, bool, bool]


def key(r: RunResult, exact: bool = True) -> RowKey:
    """The run a row stands for; ``exact=False`` matches 3.11.7 with 3.11.2 (two machines rarely share a patch)."""
    interp = r.interpreter
    version = interp.version if exact else ".".join(interp.version.split(".")[:2])
    return (r.workload, r.mode, r.workers, float(r.size), version, bool(interp.free_threaded),
            bool(interp.gil_enabled))


def pair(a: list[RunResult], b: list[RunResult]) -> list[tuple[RunResult | None, RunResult | None]]:
    """A's rows in A's order with their match in B (same Python version first, else same X.Y), then B's rows that
    match nothing in A."""
    left = list(b)
    match: dict[int, RunResult] = {}
    for exact in (True, False):
        for i, r in enumerate(a):
            if i in match:
                continue
            k = key(r, exact)
            found = next((x for x in left if key(x, exact) == k), None)
            if found is not None:
                match[i] = found
                left.remove(found)
    return [(r, match.get(i)) for i, r in enumerate(a)] + [(None, r) for r in left]


def wall_text(r: RunResult | None) -> str:
    if r is None:
        return "—"
    if not r.ok or r.wall_s is None:
        return r.status or "error"
    return ("%.3f s" if r.wall_s < 10 else "%.2f s") % r.wall_s


def _speedup(r: RunResult | None) -> str:
    return "—" if r is None or r.speedup is None else "%.2f×" % r.speedup


def _lost(r: RunResult | None) -> Text:
    if r is None or r.counter is None:
        return Text("—")
    return Text(count_text(r.counter.lost), style="bold red" if r.counter.lost else "green")


def ratio(a: RunResult | None, b: RunResult | None) -> float | None:
    if not a or not b or not a.wall_s or b.wall_s is None or not a.ok or not b.ok:
        return None
    return b.wall_s / a.wall_s


def heading(name: str) -> str:
    """A column's header: "wall A" is the shared "col.wall" header, then A; "B/A" and "spd A" are this table's own."""
    word, _, side = name.partition(" ")
    if word not in ("python", "mode", "wall", "lost"):
        return name
    return t("col." + word) + (" " + side if side else "")


def table(a_name: str, a: list[RunResult], b_name: str, b: list[RunResult]) -> Table:
    rows = pair(a, b)
    every = [r for ab in rows for r in ab if r is not None]
    workloads = {(r.workload, r.size, r.workers) for r in every}
    races = any(r.counter for r in every)
    title = "A = %s, B = %s" % (printable(a_name), printable(b_name))
    if len(workloads) == 1:
        workload, size, workers = next(iter(workloads))
        title += " · %s size %s · %s" % (printable(workload), size, t("run.workers", count=workers))
    out = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                caption="B/A: B's wall ÷ A's (below 1: B was faster). spd: speedup against the same Python's "
                        "sequential run.", caption_justify="left")
    columns = ([("run", "left")] if len(workloads) > 1 else []) + [
        ("python", "left"), ("mode", "left"), ("wall A", "right"), ("wall B", "right"), ("B/A", "right"),
        ("spd A", "right"), ("spd B", "right")]
    columns += [("lost A", "right"), ("lost B", "right")] if races else []
    for name, justify in columns:  # the python label folds when two versions share a row; numbers never wrap
        out.add_column(heading(name), justify=justify, no_wrap=name != "python",  # type: ignore[arg-type]
                       overflow="fold" if name == "python" else "ellipsis")
    for ra, rb in rows:
        r = ra or rb
        assert r is not None
        x = ratio(ra, rb)
        cells: list[str | Text] = ["%s %s ×%d" % (r.workload, r.size, r.workers)] if len(workloads) > 1 else []
        label = r.python_label
        if ra and rb and ra.interpreter.version != rb.interpreter.version:
            label += " / " + rb.interpreter.version
        cells += [label, r.mode, wall_text(ra), wall_text(rb),
                  Text("—") if x is None else Text("%.2f" % x, style="green" if x < 1 else "")]
        cells += [_speedup(ra), _speedup(rb)]
        if races:
            cells += [_lost(ra), _lost(rb)]
        # text from files: control characters escaped, never read as markup
        out.add_row(*(Text(printable(c)) if isinstance(c, str) else c for c in cells))
    return out


def _machine_line(name: str, machine: dict[str, object] | None) -> str | None:
    if not machine:
        return None
    return printable("%s: %s, %s, %s CPUs" % (name, machine.get("host"), machine.get("platform"), machine.get("cpus")))


def compare_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        a, machine_a = load(args.a)
        b, machine_b = load(args.b)
    except ExportError as exc:
        sys.stderr.write("gil-tui compare: error: %s\n" % exc)
        return exit_codes.USAGE
    console = Console()
    console.print(table(args.a, a, args.b, b))
    for line in (_machine_line("A", machine_a), _machine_line("B", machine_b)):
        if line:
            console.print(Text(line, style="dim"))
    if not any(ra and rb for ra, rb in pair(a, b)):
        console.print(Text("no run in A matches one in B (same workload, mode, workers, size and Python)",
                           style="yellow"))
    return 0
