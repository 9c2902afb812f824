"""The comparison screen and the export dialog, driven by Pilot on real interpreters and real lab processes."""

from __future__ import annotations

import os
import time

import pytest
from textual import events
from textual.widgets import DataTable, Input, SelectionList, TabbedContent

from gil_tui import i18n
from gil_tui.cli.compare import compare_command
from gil_tui.core import export
from gil_tui.core.model import Counter, Python, RunResult
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.run_queue import RunQueue
from gil_tui.ui.comparison import ComparisonScreen, progress
from gil_tui.ui.export_dialog import ExportDialog
from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.widgets.speedup_chart import SpeedupChart, chart_lines
from gil_tui.ui.workbench import Workbench

from .conftest import children, screen_text, sync, until


@pytest.fixture
def other(request, here):
    """A second real interpreter: a free-threaded build (the contrast the screen is for), else pyenv's 3.12 (or
    3.11 when the tests run on 3.12); skipped when there is neither."""
    try:
        path = request.getfixturevalue("free_threaded_python")
    except pytest.skip.Exception:
        path = request.getfixturevalue("pyenv_python")("3.12" if here.version_info[:2] != (3, 12) else "3.11")
    return lab_interpreter(path)


FINISHED = {"schema": 1, "workload": "fib", "workers": 2, "size": 16, "gil": None, "switch_interval": 0.005,
            "status": "ok", "error": None, "wall_s": 0.012, "cpu_s": 0.012, "cores_used": 1.0, "speedup": None,
            "tasks": [], "counter": None, "notes": [], "timeline": None}


def shown(widget) -> str:
    return " ".join(screen_text(widget).split())


def deep(widget) -> str:
    """What a widget and everything in it shows."""
    return " ".join(shown(node) for node in [widget, *widget.query("*")] if node.display and node.size.area)


async def open_comparison(app: Workbench, pilot, workload: str, workers: str, size: str,
                          pythons: list[int], modes: list[str]) -> ComparisonScreen:
    await pilot.press("c")
    await until(pilot, lambda: isinstance(app.screen, ComparisonScreen), timeout=5)
    screen = app.screen
    assert isinstance(screen, ComparisonScreen)
    screen.query_one("#cmp-workload").value = workload
    screen.query_one("#cmp-workers", Input).value = workers
    screen.query_one("#cmp-size", Input).value = size
    picker = screen.query_one("#cmp-pythons", SelectionList)
    picker.deselect_all()
    for index in pythons:
        picker.select(index)
    chooser = screen.query_one("#cmp-modes", SelectionList)
    chooser.deselect_all()
    for mode in modes:
        chooser.select(mode)
    await pilot.pause()
    assert screen.error is None, screen.error
    return screen


@pytest.mark.slow
@sync
async def test_two_interpreters_by_two_modes_end_in_a_table_and_a_chart_and_export(here, other, tmp_path):
    app = Workbench([here, other], SetupValues(workload="fib", workers=2, size=20), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        # a free-threaded build is offered as GIL off (choice 1), then GIL on (choice 2)
        screen = await open_comparison(app, pilot, "fib", "2", "20", [0, 1], ["sequential", "threads"])
        await pilot.press("r")
        await until(pilot, lambda: screen.active is None and len(screen.results) == 4)
        await pilot.pause()
        results = screen.results
        assert [r.status for r in results] == ["ok"] * 4
        assert [r.mode for r in results] == ["sequential", "threads"] * 2
        assert [r.interpreter.version for r in results] == [here.version] * 2 + [other.version] * 2
        for sequential, threads in (results[:2], results[2:]):
            assert sequential.speedup == 1.0
            assert threads.speedup == pytest.approx(sequential.wall_s / threads.wall_s)
        table = screen.query_one("#cmp-table", DataTable)
        assert table.row_count == 4
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(4)]
        assert rows[1][1] == "threads" and rows[1][4] == "%.2f×" % results[1].speedup
        assert rows[3][4] == "%.2f×" % results[3].speedup and rows[3][-1] == "ok"
        assert "Done: 4 runs" in shown(screen.query_one("#cmp-status"))

        lines = [line.plain for line in screen.query_one(SpeedupChart).lines()]
        assert "■ With the GIL" in lines
        threads_lines = [line for line in lines if " threads " in line]
        assert len(threads_lines) == 2 and "%.2f×" % results[1].speedup in threads_lines[0]
        if other.free_threaded:
            assert lines.index("■ Free-threaded, GIL off") > lines.index("■ With the GIL")
            assert results[3].interpreter.gil_enabled is False

        await pilot.press("v")  # the chart tab shows the same chart
        await pilot.pause()
        assert "With the GIL" in shown(screen.query_one(SpeedupChart))

        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), timeout=5)
        target = tmp_path / "comparison.json"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, timeout=5)
    loaded, machine = export.load(str(target))
    assert [(r.mode, r.wall_s, r.speedup) for r in loaded] == \
        [(r.mode, r.wall_s, r.speedup) for r in results]
    assert machine and machine["cpus"]
    assert compare_command([str(target), str(target)]) == 0


@pytest.mark.slow
@sync
async def test_cancel_mid_comparison_stops_fast_and_leaves_nothing(here):
    app = Workbench([here], SetupValues(), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(app, pilot, "sleep", "2", "30", [0], ["sequential", "threads"])
        await pilot.press("r")
        await until(pilot, lambda: screen.active is not None and screen.active.lab.board is not None
                    and children())
        board = screen.active.lab.board.path
        await pilot.pause(0.2)
        started = time.monotonic()
        await pilot.press("escape")
        await until(pilot, lambda: screen.active is None, timeout=5)
        stopped = time.monotonic() - started
        # escape did not wait the 30 s run out; no tighter bound here (a loaded machine is slow, and speed is a
        # benchmark's business, not a unit test's)
        assert stopped < 5.0
        assert not children() and not os.path.exists(board)
        assert [r.status for r in screen.results] == ["cancelled"]  # threads never started
        assert "Cancelled after 0 of 2 runs" in shown(screen.query_one("#cmp-status"))
        assert app.screen is screen
        assert not screen.query_one("#cmp-setup").display  # folded at 80x24 while it ran, for the results
        await pilot.press("s")
        assert screen.query_one("#cmp-setup").display
        await pilot.press("escape")  # a second escape closes the screen
        await until(pilot, lambda: not isinstance(app.screen, ComparisonScreen), timeout=5)


@pytest.mark.slow
@sync
async def test_quitting_mid_comparison_leaves_no_process_and_no_board(here):
    app = Workbench([here], SetupValues(), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(app, pilot, "sleep", "2", "30", [0], ["sequential"])
        await pilot.press("r")
        await until(pilot, lambda: screen.active is not None and screen.active.lab.board is not None
                    and children())
        board = screen.active.lab.board.path
        await pilot.press("q")
    assert not children() and not os.path.exists(board)


@pytest.mark.slow
@sync
async def test_r_on_the_comparison_screen_does_not_start_a_workbench_run(here):
    app = Workbench([here], SetupValues(workload="fib", workers=1, size=15), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(app, pilot, "fib", "1", "15", [0], ["sequential"])
        await pilot.press("r")
        await until(pilot, lambda: len(screen.results) == 1 and screen.active is None)
        assert app.active is None and app.query_one(HistoryTable).row_count == 0


@sync
async def test_bad_setup_shows_an_inline_error_and_does_not_run(here):
    app = Workbench([here], SetupValues(), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(app, pilot, "fib", "2", "20", [0], ["threads"])
        screen.query_one("#cmp-pythons", SelectionList).deselect_all()
        await pilot.pause()
        assert "Tick at least one interpreter." in shown(screen.query_one("#cmp-error"))
        screen.query_one("#cmp-pythons", SelectionList).select(0)
        screen.query_one("#cmp-workers", Input).value = "0"
        await pilot.pause()
        assert "workers must be from 1 to 64" in shown(screen.query_one("#cmp-error"))
        await pilot.press("r")
        await pilot.pause()
        assert screen.active is None and not screen.results and not children()


@pytest.mark.slow
@sync
async def test_session_export_checks_the_name_inline_then_writes(make_app, tmp_path):
    app = make_app(workload="race", mode="threads", workers=2, size=1000)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: app.query_one(HistoryTable).row_count == 1)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), timeout=5)
        dialog = app.screen
        field = dialog.query_one(Input)
        for name, message in ((str(tmp_path / "runs.txt"), "must end in .json, .csv or .md"),
                              (str(tmp_path / "missing" / "runs.csv"), "There is no folder"),
                              (str(tmp_path), "is a folder"),
                              ("  ", "Type a file name.")):
            field.value = name
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog, "%r was accepted" % name
            assert message in shown(dialog.query_one("#export-error")), name
        assert os.listdir(tmp_path) == []
        field.value = str(tmp_path / "runs.csv")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog), timeout=5)
        result = app.query_one(HistoryTable).results[0]
    loaded, _ = export.load(str(tmp_path / "runs.csv"))
    assert len(loaded) == 1 and loaded[0].counter == result.counter and loaded[0].mode == "threads"


def test_every_comparison_text_exists_in_both_languages():
    assert [p for p in i18n.problems() if p.startswith("compare.")] == []


def _result(version: str, free: bool, gil_on: bool, mode: str, speedup: float,
            lost: int | None = None) -> RunResult:
    counter = None if lost is None else Counter(expected=1000, final=1000 - lost, lost=lost)
    return RunResult(workload="race", mode=mode, workers=2, size=500,
                     interpreter=Python(executable="/x/python", version=version, free_threaded=free,
                                        gil_enabled=gil_on),
                     status="ok", error=None, speedup=speedup, counter=counter)


def test_the_chart_puts_gil_off_builds_in_their_own_group_with_lost_updates_in_both_languages():
    results = [_result("3.13.5", True, True, "threads", 0.9, 0), _result("3.12.1", False, True, "threads", 1.05, 0),
               _result("3.13.5", True, False, "threads", 1.9, 400)]
    lines = [line.plain for line in chart_lines(results, 80)]
    assert all(len(line) <= 80 for line in lines)
    gil, free = lines.index("■ With the GIL"), lines.index("■ Free-threaded, GIL off")
    assert gil < free
    assert [line.split()[0] for line in lines[gil + 1:free] if "×" in line] == ["3.13.5t", "3.12.1"]
    fast = next(line for line in lines[free:] if "×" in line)
    slow = next(line for line in lines[gil:free] if "0.90×" in line)
    assert fast.count("█") > 2 * slow.count("█") - 1 and "1.90×" in fast
    assert lines[-1].split()[0] == "lost" and lines[-1].endswith("40.0 %") and "█" in lines[-1]
    i18n.set_language("es")
    try:
        spanish = [line.plain for line in chart_lines(results, 80)]
    finally:
        i18n.set_language("en")
    assert "■ Con el GIL" in spanish and "■ Free-threaded, sin GIL" in spanish and "perdidos" in spanish[-1]
    assert any("hilos" in line for line in spanish) and not any("threads" in line for line in spanish)


def test_progress_of_the_current_run_never_goes_back_when_a_task_starts():
    # two tasks of 100: the first half done, the second not started (its total still 0), then started
    before = progress([50, 0], [100, 0])
    after = progress([50, 0], [100, 100])
    assert before == after == 25.0
    assert progress([100, 100], [100, 100]) == 100.0 and progress([], []) == 0.0


@pytest.mark.slow
@sync
async def test_l_on_the_comparison_screen_switches_its_texts_and_keeps_what_is_set_and_measured(here):
    app = Workbench([here], SetupValues(workload="fib", workers=2, size=18), blink=False)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_comparison(app, pilot, "fib", "2", "18", [0], ["sequential", "threads"])
            await pilot.press("r")
            await until(pilot, lambda: screen.active is None and len(screen.results) == 2)
            await pilot.press("l")
            await pilot.pause()
            assert shown(screen.query_one("#cmp-folded")).startswith("Configuración (s)")  # 24 rows: folded by r
            await pilot.press("s")
            await pilot.pause()
            texts = {name: deep(screen.query_one(selector)) for name, selector in (
                ("setup", "#cmp-setup"), ("status", "#cmp-status"), ("table", "#cmp-table"),
                ("tabs", "#cmp-results"), ("footer", "KeyFooter"))}
            assert "Carga" in texts["setup"] and "Tareas" in texts["setup"] and "Tamaño" in texts["setup"]
            assert "Modos" in texts["setup"] and "secuencial" in texts["setup"] and "hilos" in texts["setup"]
            assert "Fibonacci recursivo" in texts["setup"] and "Workload" not in texts["setup"]
            assert texts["status"].startswith("Hecho") or "2" in texts["status"], texts["status"]
            assert "Done" not in texts["status"]
            assert "modo" in texts["table"] and "hilos" in texts["table"] and " threads " not in texts["table"]
            assert "Tabla" in texts["tabs"] and "Gráfico" in texts["tabs"]
            assert "Ejecutar" in texts["footer"] and "Run" not in texts["footer"]
            # what is set and what was measured stays
            assert screen._value("#cmp-workload") == "fib" and screen._value("#cmp-workers") == "2"
            assert sorted(screen.query_one("#cmp-modes", SelectionList).selected) == ["sequential", "threads"]
            assert len(screen.results) == 2 and screen.query_one("#cmp-table", DataTable).row_count == 2
            await pilot.press("l")
            await pilot.pause()
            assert "Workload" in deep(screen.query_one("#cmp-setup"))
            assert "Done" in shown(screen.query_one("#cmp-status"))
    finally:
        i18n.set_language("en")


@sync
async def test_at_80_columns_in_spanish_the_status_stays_in_view_and_cores_give_way(here, other):
    """Two interpreters in Spanish, every run still pending ("pendiente"): with 3.13t ("3.13.5t GIL off") the columns
    took 81 of 78 cells and the status was cut."""
    def columns(screen: ComparisonScreen) -> list[str]:
        screen.queue = RunQueue(screen.plan())  # the comparison r would start, shown before any run
        screen._show_table()
        return [column.key.value for column in screen.query_one("#cmp-table", DataTable).columns.values()]

    try:
        for lang, size, cores in (("es", (80, 24), None), ("es", (120, 40), True), ("en", (80, 24), True)):
            app = Workbench([here, other], SetupValues(workload="fib", workers=2, size=16), blink=False, lang=lang)
            async with app.run_test(size=size) as pilot:
                screen = await open_comparison(app, pilot, "fib", "2", "16", [0, 1], ["sequential", "threads"])
                keys = columns(screen)
                await pilot.pause()
                table = screen.query_one("#cmp-table", DataTable)
                assert keys[-1] == "status" and "speedup" in keys, (lang, size, keys)
                assert cores is None or ("cores" in keys) == cores, (lang, size, keys)
                assert table.virtual_size.width <= table.scrollable_content_region.width, (lang, size, keys)
    finally:
        i18n.set_language("en")


@sync
async def test_the_cores_column_stays_out_while_the_runs_that_had_no_room_for_it_last(here, other):
    """At 80 columns in Spanish the pending runs leave no room for cores; once they are done their shorter statuses
    would: the column came back at the end, and the table jumped. It comes back with the next runs or a resize."""
    def keys(screen: ComparisonScreen) -> list[str]:
        screen._show_table()
        return [column.key.value for column in screen.query_one("#cmp-table", DataTable).columns.values()]

    try:
        app = Workbench([here, other], SetupValues(workload="fib", workers=2, size=16), blink=False, lang="es")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_comparison(app, pilot, "fib", "2", "16", [0, 1], ["sequential", "threads"])
            screen.queue = RunQueue(screen.plan())
            assert "cores" not in keys(screen)
            for spec in screen.queue.specs:  # every run done, each "ok"
                screen.queue.record(RunResult.from_json(dict(FINISHED, mode=spec.mode, interpreter={
                    "executable": spec.interpreter.executable, "version": spec.interpreter.version,
                    "free_threaded": spec.interpreter.free_threaded, "gil_enabled": spec.gil != "off"})))
            assert "cores" not in keys(screen)
            screen.cores_left_out = None  # as a resize, a language switch or the next runs have it
            assert "cores" in keys(screen)
    finally:
        i18n.set_language("en")


@pytest.mark.slow
@sync
async def test_r_read_right_after_a_digit_runs_with_that_digit(here):
    """r is a priority key, run as the app reads it: "backspace, 3, r" in one read started the comparison with the
    workers the field held before."""
    app = Workbench([here], SetupValues(workload="fib", workers=2, size=16), blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_comparison(app, pilot, "fib", "2", "16", [0], ["sequential"])
        field = screen.query_one("#cmp-workers", Input)
        field.focus()
        field.cursor_position = len(field.value)
        await pilot.pause()
        for name, character in (("backspace", "\x7f"), ("3", "3"), ("r", "r")):
            app.post_message(events.Key(name, character))
        await until(pilot, lambda: bool(screen.specs), timeout=10)
        assert [spec.workers for spec in screen.specs] == [3]
        await until(pilot, lambda: screen.active is None, timeout=60)


@sync
async def test_escape_in_a_number_field_closes_the_screen_and_letters_are_its_keys(here):
    app = Workbench([here], SetupValues(workload="fib", workers=2, size=16), blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ComparisonScreen), timeout=5)
        screen = app.screen
        screen.query_one("#cmp-size", Input).focus()
        await pilot.press("end", "backspace", "8", "v")  # v: the table/chart switch, not a letter in the field
        assert screen.query_one("#cmp-size", Input).value == "18"
        assert screen.query_one(TabbedContent).active == "cmp-tab-chart"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ComparisonScreen), timeout=5)
