"""Languages in the workbench: l switches every label, the result, the history and the help live and back;
``--lang es`` opens it in Spanish. Real lab runs, kept short."""

from __future__ import annotations

from textual.widgets import Button, Footer, Label, Static, TabbedContent
from textual.widgets._footer import FooterKey

from gil_tui.ui.widgets.history import HistoryTable
from gil_tui.ui.widgets.lanes import RunLanes

from .conftest import run_to_row, screen_text, shown, sync


def footer(app) -> str:
    return " ".join(key.description for key in app.query(FooterKey))


def label(app, selector: str) -> str:
    return str(app.query_one(selector, Label).render())


@sync
async def test_l_switches_every_label_live_and_back(make_app):
    app = make_app(workload="fib", mode="threads", workers=2, size=20)
    async with app.run_test(size=(80, 24)) as pilot:
        assert label(app, "#label-workers") == "Workers"
        await pilot.press("l")
        await pilot.pause()
        assert label(app, "#label-workers") == "Tareas" and label(app, "#label-workload") == "Carga"
        assert str(app.query_one("#run-button", Button).label) == "Ejecutar"
        assert app.query_one("#setup").border_title == "Configuración"
        assert app.query_one(TabbedContent).get_tab("tab-timeline").label_text == "Línea de tiempo"
        assert "Salir" in footer(app) and "Quit" not in footer(app)
        assert shown(app, "#mode-current").startswith("hilos")
        assert shown(app, "#elapsed").startswith("Pulsa r")
        # a run in Spanish: the result, the lanes and the history in Spanish
        await run_to_row(app, pilot, 1)
        assert "Por qué" in shown(app, "#details") and "hilos" in shown(app, "#details")
        assert shown(app, "#elapsed") == "Ejecución 1 terminada."  # the live clock stops: the Wall is the run's time
        assert [str(c.label) for c in app.query_one(HistoryTable).columns.values()][1:3] == ["carga", "modo"]
        assert "núcleo" in screen_text(app.query_one(RunLanes))
        await pilot.press("question_mark", "l")
        await pilot.pause()
        assert "esta ayuda" not in screen_text(app.screen.query_one(Static)) and "this help" in screen_text(
            app.screen.query_one(Static))
        await pilot.press("escape")
        assert label(app, "#label-workers") == "Workers" and "Quit" in footer(app)
        assert "Why" in shown(app, "#details") and "Por qué" not in shown(app, "#details")
        assert shown(app, "#elapsed") == "Run 1 finished."


@sync
async def test_the_app_opens_in_spanish_with_lang_es(here):
    from gil_tui.ui.widgets.setup import SetupValues
    from gil_tui.ui.workbench import Workbench

    app = Workbench([here], SetupValues(workers=0), blink=False, lang="es")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert label(app, "#label-size") == "Tamaño"
        assert "las tareas van de 1 a 64, no 0" in shown(app, "#workers-error")
        assert isinstance(app.query_one(Footer), Footer)
