"""Looks: dark and light themes (d switches), lane colours that stay apart in 16 colours, NO_COLOR in greys."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from rich.color import Color, ColorSystem

from gil_tui.ui import themes
from gil_tui.ui.widgets.lanes import RunLanes
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.widgets.timeline import TimelineLanes
from gil_tui.ui.workbench import Workbench

from .conftest import sync

STATES = ("pending", "running", "ok", "error", "cancelled")


@pytest.mark.parametrize("name", themes.NAMES)
def test_lane_states_stay_apart_in_16_colours(name):
    palette = themes.PALETTES[name]
    colours = [getattr(palette, s) for s in STATES] + [palette.track]
    standard = [Color.parse(c).downgrade(ColorSystem.STANDARD).number for c in colours]
    assert len(set(standard)) == len(standard), dict(zip(STATES + ("track",), standard))


@pytest.mark.parametrize("name", themes.NAMES)
def test_no_red_against_green(name):
    """Done and failed differ in more than the red-green axis: their blue components are far apart."""
    palette = themes.PALETTES[name]
    ok, error = Color.parse(palette.ok).get_truecolor(), Color.parse(palette.error).get_truecolor()
    assert abs(ok.blue - error.blue) >= 60 or abs(ok.red - error.red) >= 150


@pytest.mark.slow
@sync
async def test_d_switches_theme_and_the_lanes_palette(here):
    app = Workbench([here], SetupValues(), blink=False, theme="dark")
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "gil-dark" and app.current_theme.dark
        await pilot.press("d")
        await pilot.pause()
        assert app.theme == "gil-light" and not app.current_theme.dark
        assert app.palette is themes.PALETTES["light"]
        assert await running_colours(app, pilot) == {Color.parse(themes.PALETTES["light"].running)}
        await pilot.press("d")
        await pilot.pause()
        assert app.theme == "gil-dark"
        assert await running_colours(app, pilot) == {Color.parse(themes.PALETTES["dark"].running)}
    other = Workbench([here], SetupValues(), blink=False, theme="dark")  # each app holds its own palette
    assert other.palette is themes.PALETTES["dark"]


async def running_colours(app, pilot) -> set:
    """The colours a running lane's bar and the timeline's marks are drawn in, from the lines the widgets draw."""
    lanes, timeline = app.query_one(RunLanes), app.query_one(TimelineLanes)
    lanes.show([1], [4], ["running"])
    timeline.show([[1, 0, 1]], 0.0005)
    await pilot.pause()
    track = themes.styles_of(app).track.color
    line = lanes.render_line(0)
    assert all(s.style and s.style.bgcolor for s in line), "a lane cell on the terminal's default background"
    bar = [s.style.color for s in line if "━" in s.text and s.style.color != track]
    await pilot.press("t")  # the timeline tab: drawn only when on screen
    await pilot.pause()
    line = timeline.render_line(0)
    assert all(s.style and s.style.bgcolor for s in line), "a timeline cell on the terminal's default background"
    marks = [s.style.color for s in line if s.text.strip() and set(s.text) <= set(" ░▒▓█")]
    await pilot.press("t")
    assert bar and marks
    return set(bar + marks)


def test_theme_option_and_environment(monkeypatch):
    monkeypatch.setenv(themes.THEME_ENV, "light")
    assert themes.initial() == "light" and themes.initial("dark") == "dark"
    with pytest.raises(ValueError):
        themes.initial("sepia")
    done = subprocess.run([sys.executable, "-m", "gil_tui", "--theme", "sepia"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "--theme" in done.stderr


FILL = re.compile(r"fill: ?#([0-9a-f]{6})")


def fills(svg: str) -> set[tuple[int, int, int]]:
    return {(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)) for h in FILL.findall(svg)}


SCREENSHOT = """
import asyncio, sys
from gil_tui.ui.workbench import Workbench
from gil_tui.core.probe import lab_interpreter
from gil_tui.ui.widgets.setup import SetupValues

async def main():
    app = Workbench([lab_interpreter(sys.executable)], SetupValues(), blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("RunLanes").show([3, 5, 1, 4], [5, 5, 5, 5], ["running", "ok", "error", "cancelled"])
        await pilot.pause()
        print(app.export_screenshot())

asyncio.run(main())
"""


@pytest.mark.slow
@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
def test_no_color_draws_in_greys(no_color):
    env = {k: v for k, v in __import__("os").environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    done = subprocess.run([sys.executable, "-c", SCREENSHOT], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    chromatic = [c for c in fills(done.stdout) if max(c) - min(c) > 24]
    if no_color:
        assert not chromatic, chromatic[:5]
    else:
        assert chromatic  # the same screen in colour has colours: the check above can fail
