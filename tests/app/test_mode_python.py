"""The Mode list follows the Python picker: a mode the chosen Python cannot run (interpreters before 3.12) is shown
disabled, and picking such a Python unticks it with a note under Mode, never silently."""

from __future__ import annotations

import pytest
from textual.widgets import Select, Static

from gil_tui.core.probe import lab_interpreter
from gil_tui.lab.catalog import MODES
from gil_tui.ui.widgets.mode_set import ModeList
from gil_tui.ui.widgets.setup import SetupPane, SetupValues
from gil_tui.ui.workbench import Workbench

from .conftest import shown, sync, until

INTERPRETERS = list(MODES).index("interpreters")


def disabled(app) -> bool:
    return app.query_one(ModeList).get_option_at_index(INTERPRETERS).disabled


@pytest.mark.parametrize("mode, after", [("sequential,interpreters", "sequential"),
                                         ("interpreters", "sequential")])  # none left: sequential
@sync
async def test_the_mode_list_follows_the_python_picker(pyenv_python, mode, after):
    old, new = (lab_interpreter(pyenv_python(version)) for version in ("3.11", "3.12"))
    app = Workbench([old, new], SetupValues(workload="fib", mode="sequential", workers=2, size=20), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        setup = app.query_one(SetupPane)
        picker = setup.query_one("#python", Select)
        assert disabled(app)
        assert "needs 3.12+" in str(app.query_one(ModeList).get_option_at_index(INTERPRETERS).prompt)

        picker.value = "1"  # 3.12, as the picker sets it
        await until(pilot, lambda: not disabled(app))
        setup.set_value("mode", mode)
        await pilot.pause()
        assert setup.value("mode") == mode
        assert app.query_one(ModeList).selected.count("interpreters") == 1
        assert not setup.query_one("#mode-note").display

        picker.value = "0"  # back to 3.11: interpreters is unticked, and the pane says so
        await until(pilot, lambda: disabled(app) and setup.value("mode") == after)
        assert "interpreters" not in app.query_one(ModeList).selected
        note = setup.query_one("#mode-note", Static)
        assert note.display
        assert shown(app, "#mode-note") == "interpreters unticked: needs 3.12+"
        assert note.size.height == 1  # whole: it would end in "…" if cut
        assert setup.check() and not setup.errors
        await pilot.press("l")  # in Spanish too, on one line
        await until(pilot, lambda: "sin" in shown(app, "#mode-note"))
        assert shown(app, "#mode-note") == "sin subintérpretes: desde 3.12"
        await pilot.press("l")

        picker.value = "1"  # the note goes with the Python it was about; nothing is ticked back
        await until(pilot, lambda: not disabled(app))
        assert not note.display
        assert setup.value("mode") == after

        setup.set_value("mode", "sequential,interpreters")
        setup.set_value("python", "0")  # as a run loaded from History does: the note stays, whatever comes first
        await until(pilot, lambda: note.display)
        for _ in range(4):
            await pilot.pause()
        assert note.display and setup.value("mode") == "sequential"
