"""The pickers' options at 80x24: one line each in the open list, a path shortened from its left at a "/", and two
interpreters of the same version told apart by their labels (the closed picker may have room for neither path)."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import OptionList, Select

from gil_tui.core.model import Choice
from gil_tui.core.probe import Interpreter
from gil_tui.i18n import set_language
from gil_tui.ui.widgets.path_prompt import PathPrompt, ShortenedPath, shorten_path
from gil_tui.ui.widgets.setup import SetupValues, choice_labels
from gil_tui.ui.workbench import Workbench

from .conftest import screen_text, sync

PYENV = "/root/.pyenv/versions/3.9.18/bin/python3.9"


def interpreter(executable: str, version: str = "3.11.7", free: bool = False) -> Interpreter:
    info = tuple(int(part) for part in version.split("."))
    return Interpreter(executable, version, info, "CPython", free, not free, "_interpreters")  # type: ignore[arg-type]


def test_a_path_is_shortened_from_its_left_at_a_slash():
    assert shorten_path(PYENV, 60) == PYENV
    assert shorten_path(PYENV, len(PYENV)) == PYENV
    assert shorten_path(PYENV, len(PYENV) - 1) == "…/.pyenv/versions/3.9.18/bin/python3.9"
    assert shorten_path(PYENV, 31) == "…/versions/3.9.18/bin/python3.9"  # 31 cells
    assert shorten_path(PYENV, 30) == "…/3.9.18/bin/python3.9"
    assert shorten_path(PYENV, 21) == "…/bin/python3.9"
    assert shorten_path(PYENV, 11) == "…/python3.9"
    assert shorten_path(PYENV, 10) == ""  # not even the name: the label alone


@pytest.mark.parametrize("width", range(1, 60))
def test_a_path_prompt_is_one_line_that_fits_at_every_width(width):
    visual = ShortenedPath(PathPrompt("3.9", PYENV))
    plain = visual.content(width).plain
    assert len(plain) <= width
    assert plain in ("3.9  " + PYENV, "3.9"[:width]) or plain.startswith("3.9  …/") and PYENV.endswith(plain[6:]) \
        or width < 3 and plain.endswith("…")
    assert visual.get_height({}, width) == 1  # type: ignore[arg-type]


def test_a_path_prompt_is_searched_by_its_whole_text():
    assert PathPrompt("3.9", PYENV).plain == "3.9  " + PYENV


def test_same_labels_are_told_apart_by_the_fewest_directories_that_do():
    choices = [Choice(interpreter(path)) for path in
               ("/work/venv/bin/python3", "/usr/bin/python3.11", "/a/venv/bin/python3.11", "/usr/bin/python3.12")]
    choices[3] = Choice(interpreter("/usr/bin/python3.12", "3.12.1"))
    assert choice_labels(choices) == ["3.11 (work/venv)", "3.11 (usr)", "3.11 (a/venv)", "3.12"]
    assert choice_labels(choices[:2]) == ["3.11 (venv)", "3.11 (usr)"]
    free = interpreter("/root/.local/bin/python3.13t", "3.13.0", free=True)
    assert choice_labels([Choice(free, "off"), Choice(free, "on")]) == ["3.13t GIL off", "3.13t GIL on"]
    # two in one directory: their names
    assert choice_labels([Choice(interpreter("/opt/bin/python3")), Choice(interpreter("/opt/bin/python3.11"))]) == \
        ["3.11 (python3)", "3.11 (python3.11)"]


def list_lines(select: Select[str]) -> list[str]:
    return [line.rstrip() for line in screen_text(select.query_one(OptionList)).splitlines()]


@pytest.mark.parametrize("lang", ["en", "es"])
@sync
async def test_every_workload_option_is_one_line_at_80x24(make_app, lang):
    set_language(lang)
    app = make_app(workload="fib", workers=2, size=25)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        select = app.query_one("#workload", Select)
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one(OptionList)
        assert select.expanded
        assert overlay.virtual_size.height == overlay.option_count  # one line each: wrapped, 3 to 5
        lines = list_lines(select)
        assert any(line.endswith("…") for line in lines)  # the longest, cut at the screen's edge
        assert overlay.region.right <= 80 and overlay.region.width > select.region.width  # wider than the picker


@sync
async def test_two_interpreters_of_one_version_read_differently_once_chosen(here):
    twin = dataclasses.replace(here, executable="/home/someone/projects/a-long-project-name/.venv/bin/python3")
    app = Workbench([here, twin], SetupValues(), blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        select = app.query_one("#python", Select)
        closed = []
        for value in ("0", "1"):
            select.value = value
            await pilot.pause()
            closed.append(screen_text(select.query_one("#label")).splitlines()[0].strip())  # a row 1 high
        assert closed[0] != closed[1], closed
        select.focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one(OptionList)
        assert overlay.virtual_size.height == overlay.option_count
        # the twin's line: its label, then its path or the end of it (how much fits depends on the other's label,
        # and so on where the test's own interpreter lives: a project's .venv makes both tags two directories long)
        label = choice_labels(app.query_one("#setup").choices)[1]
        line = next(line.strip() for line in list_lines(select) if line.strip().startswith(label + "  "))
        shown = line[len(label):].strip()
        assert shown == twin.executable or (shown.startswith("…/") and twin.executable.endswith(shown[1:])), line
        assert "/bin/python3" in shown, line  # never cut mid-name
