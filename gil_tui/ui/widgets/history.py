"""This session's runs, newest last; selecting a row shows that result again.

The table fits its pane: each column is as wide as its widest cell, and when they do not all fit, the least useful
go (those with nothing to say first, then size, python, wall, workers ...). Where that would drop the run's number,
speedup, workers or wall, the lost updates shrink to their share instead ("58.8%" for "235,140 (58.8%)"; the result
pane has the count). The status never goes, so a cancelled or failed run can never pass for a result; its wall,
speedup and lost cells read "—".
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import RunResult
from ...i18n import count_text, interval_text, t
from .key_turns import stop_here
from .result import mode_name, run_size_label

COLUMNS = ("n", "workload", "mode", "workers", "size", "switch", "python", "wall", "speedup", "lost", "status")
# most useful first: when the columns do not fit, they go from the end of this list (the status always stays)
PRIORITY = ("status", "workload", "mode", "lost", "n", "speedup", "workers", "wall", "switch", "python", "size")
FIGURES = PRIORITY[:PRIORITY.index("wall") + 1]  # what the lost count shrinks to its share to keep in view
SHARE = "lost%"  # the lost column as a share only, in its place when the table is short of room
NONE = "—"  # a number the run did not measure
STATUS_STYLE = {"ok": "green", "cancelled": "bold yellow", "error": "bold red"}
# a mark that survives where colour does not (the cursor's row, a projector, a monochrome terminal)
STATUS_MARK = {"ok": "✓", "cancelled": "✗", "error": "✗"}


def lost_label(result: RunResult) -> str:
    """"3,410 (17.1%)" ("3410 (17.1%)" in Spanish, which groups from 10 000): the lost updates of a race run as the
    result pane writes them; "" for other workloads."""
    counter = result.counter
    if counter is None:
        return ""
    return "%s (%.1f%%)" % (count_text(counter.lost), counter.lost_pct)


def cells(number: int, result: RunResult) -> dict[str, str | Text]:
    """Every column's cell for one run."""
    ok = result.status == "ok"
    label = lost_label(result)
    lost: str | Text = label
    share: str | Text = "%.1f%%" % result.counter.lost_pct if result.counter is not None else ""
    if label and ok:
        style = "bold red" if result.counter and result.counter.lost > 0 else "green"
        lost, share = Text(label, style=style), Text(str(share), style=style)
    elif not ok:
        lost = share = NONE  # a cancelled run's counter is where it stopped, not a result
    return {
        "n": str(number),
        "workload": result.workload,
        "mode": mode_name(result.mode),
        "workers": str(result.workers),
        "size": run_size_label(result),
        "switch": NONE if not result.switch_interval else interval_text(result.switch_interval),
        "python": result.interpreter.short_label,
        "wall": NONE if result.wall_s is None or not ok else "%.2f s" % result.wall_s,
        "speedup": NONE if result.speedup is None or not ok else "%.2f×" % result.speedup,
        "lost": lost,
        SHARE: share,
        "status": Text("%s %s" % (STATUS_MARK.get(result.status, "✗"), t("status." + result.status)),
                       style=STATUS_STYLE.get(result.status, "bold red")),
    }


def row(number: int, result: RunResult) -> list[str | Text]:
    """Every column's cell for one run, in the order of COLUMNS."""
    every = cells(number, result)
    return [every[name] for name in COLUMNS]


def header(name: str) -> str:
    return t("history.col." + ("lost" if name == SHARE else name))


def fit(rows: list[dict[str, str | Text]], width: int, padding: int = 1) -> list[str]:
    """The columns (in the order of COLUMNS) that fit in ``width`` cells, the most useful first; SHARE in the place
    of "lost" where the shorter cells let more columns with something to say stay."""
    def empty(name: str) -> bool:
        return all(str(r[name]) in ("", NONE) for r in rows)

    widths = {name: max([cell_len(header(name))] + [cell_len(str(r[name])) for r in rows]) + 2 * padding
              for name in (*COLUMNS, SHARE)}
    # columns with nothing to say go before any that has something, whatever their rank
    ranked = sorted(PRIORITY, key=lambda name: name != "status" and bool(rows) and empty(name))

    def choose(lost: str) -> list[str]:
        chosen: list[str] = []
        used = 0
        for name in (lost if name == "lost" else name for name in ranked):
            if used + widths[name] <= width or name == "status":
                chosen.append(name)
                used += widths[name]
        return chosen

    def shown(chosen: Sequence[str]) -> list[bool]:
        """Which of the run's figures with something to say stay, the most useful first: compared as a list, a
        column counts for more than every less useful one. (Not for the switch, the python or the size: the lost
        count is worth more than those.)"""
        kept = {"lost" if name == SHARE else name for name in chosen}
        return [name in kept for name in ranked if name in FIGURES and not (rows and empty(name))]

    chosen = choose("lost")
    shorter = choose(SHARE)
    if shown(shorter) > shown(chosen):
        chosen = shorter
    return [SHARE if name == "lost" and SHARE in chosen else name for name in COLUMNS
            if name in chosen or (name == "lost" and SHARE in chosen)]


class HistoryTable(DataTable):
    """A DataTable of results; posts ``HistoryTable.Picked`` to the app when a row is chosen.

    Enter is taken as the table gets it, not run as a binding once the key has bubbled up to the app, and the pick
    goes straight to the app: ``r`` typed right behind it (the app runs r as it reads it) waits for the keys the
    fields have still to take and then for the app's messages (``once_taken``), so it runs the setup enter loaded."""

    DEFAULT_CSS = """
    HistoryTable { scrollbar-size-vertical: 1; }
    """
    # enter on a row: that result again, and its setup loaded back into Setup (r runs it again); in the footer
    BINDINGS = [Binding("enter", "select_cursor", t("history.key.load"))]

    class Picked(Message):
        def __init__(self, result: RunResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.results: list[RunResult] = []
        self.shown: list[str] = []  # the columns on screen now

    def on_mount(self) -> None:
        self.rebuild()

    def on_resize(self, event: events.Resize) -> None:
        if self.layout_columns() != self.shown:
            self.rebuild()

    def _rows(self) -> list[dict[str, str | Text]]:
        return [cells(number, result) for number, result in enumerate(self.results, 1)]

    def available_width(self, rows: int | None = None) -> int:
        """The cells a row can use: the content width less the vertical scrollbar when the rows overflow."""
        rows = len(self.results) if rows is None else rows
        width, height = self.size
        scrollbar = self.styles.scrollbar_size_vertical if rows + 1 > height else 0  # + 1: the header
        return max(0, width - scrollbar)

    def layout_columns(self) -> list[str]:
        if self.size.width == 0:  # not laid out yet: everything, until the first resize says how wide
            return list(COLUMNS)
        return fit(self._rows(), self.available_width(), self.cell_padding)

    def rebuild(self) -> None:
        """Headers and rows again, with the columns that fit and in the current language; the cursor stays put."""
        cursor = self.cursor_row
        self.shown = self.layout_columns()
        self.clear(columns=True)
        for name in self.shown:
            self.add_column(header(name), key=name)
        for number, every in enumerate(self._rows(), 1):
            self.add_row(*(every[name] for name in self.shown), key=str(number - 1))
        if self.results:
            self.move_cursor(row=min(max(cursor, 0), self.row_count - 1), animate=False)

    def retranslate(self) -> None:
        """Headers and rows again in the current language (other words, other widths)."""
        self.rebuild()

    def add_result(self, result: RunResult) -> None:
        self.results.append(result)
        number = len(self.results)
        if self.layout_columns() != self.shown:
            self.rebuild()
        else:
            every = cells(number, result)
            self.add_row(*(every[name] for name in self.shown), key=str(number - 1))
        self.move_cursor(row=self.row_count - 1, animate=False)

    def update_results(self, results: list[RunResult]) -> None:
        """The same runs with new figures (a speedup filled in later): the rows that changed are drawn again."""
        changed = [i for i, (old, new) in enumerate(zip(self.results, results)) if old is not new]
        self.results = list(results)
        if changed:
            self.rebuild()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.row_count:
            stop_here(event)
            self._pick(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:  # a click on a row
        event.stop()
        self._pick(event.row_key.value)

    def _pick(self, key: str | None) -> None:
        if key is not None:
            self.app.post_message(self.Picked(self.results[int(key)]))
