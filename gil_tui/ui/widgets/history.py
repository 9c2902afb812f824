"""This session's runs, newest last; selecting a row shows that result again."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import RunResult
from ...i18n import t
from .result import mode_name, size_label

COLUMNS = ("n", "workload", "mode", "workers", "size", "python", "wall", "speedup", "lost", "status")


def row(number: int, result: RunResult) -> list[str | Text]:
    counter = result.counter
    if counter:
        lost: str | Text = Text("%d (%.1f%%)" % (counter.lost, counter.lost_pct),
                                style="bold red" if counter.lost > 0 else "green")
    else:
        lost = ""
    status = result.status
    return [
        str(number),
        result.workload,
        mode_name(result.mode),
        str(result.workers),
        size_label(result.size),
        result.interpreter.short_label,
        "—" if result.wall_s is None else "%.2f s" % result.wall_s,
        "—" if result.speedup is None else "%.2f×" % result.speedup,
        lost,
        Text(t("status." + status), style="green" if status == "ok" else "bold red" if status == "error" else "yellow"),
    ]


class HistoryTable(DataTable):
    """A DataTable of results; posts ``HistoryTable.Picked`` when a row is chosen."""

    class Picked(Message):
        def __init__(self, result: RunResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.results: list[RunResult] = []

    def on_mount(self) -> None:
        self._columns()

    def _columns(self) -> None:
        for name in COLUMNS:
            self.add_column(t("col." + name), key=name)

    def retranslate(self) -> None:
        """Headers and rows again in the current language; the cursor stays on its row."""
        cursor = self.cursor_row
        self.clear(columns=True)
        self._columns()
        for number, result in enumerate(self.results, 1):
            self.add_row(*row(number, result), key=str(number - 1))
        if self.results:
            self.move_cursor(row=min(cursor, self.row_count - 1), animate=False)

    def add_result(self, result: RunResult) -> None:
        self.results.append(result)
        number = len(self.results)
        self.add_row(*row(number, result), key=str(number - 1))
        self.move_cursor(row=self.row_count - 1, animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Picked(self.results[int(event.row_key.value)]))
