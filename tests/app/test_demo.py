"""``gil-tui demo``: the tour runs to its end on real runs (``--auto 0``) and each step's caption is on screen."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gil_tui import i18n
from gil_tui.ui.demo import Caption, DemoTour
from gil_tui.ui.demo_pythons import demo_interpreters
from gil_tui.ui.demo_steps import NO_FREE, STEPS
from gil_tui.ui.widgets.history import HistoryTable

from .conftest import screen_text, sync, until

SIZE = (100, 32)


def caption_on_screen(app: DemoTour) -> str:
    return " ".join(screen_text(app.query_one(Caption)).split())


@pytest.mark.slow
@sync
async def test_auto_zero_runs_every_step_to_the_end():
    interpreters = demo_interpreters()
    app = DemoTour(interpreters, auto=0, quick=True, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: not app.is_running, timeout=120)
        runs = app.query_one(HistoryTable).results
    assert app.return_code == 0
    free = any(i.free_threaded for i in interpreters)
    keys = [s.key for s in (STEPS if free else [NO_FREE if s.free_threaded else s for s in STEPS])]
    assert [s.key for s in app.steps] == keys
    assert app.shown == [app._title(step) for step in app.steps]
    # the post's three experiments (2 + 4 + 2 runs) and, with a free-threaded Python, fib again on it
    assert len(runs) == 8 + (2 if free else 0)
    assert all(r.status == "ok" for r in runs), [r.error for r in runs]
    assert [r.workload for r in runs[:2]] == ["fib", "fib"]
    assert [r.workload for r in runs[2:6]] == ["race-plain", "race", "race-plain", "race"]
    assert [r.workload for r in runs[6:8]] == ["sleep", "sleep"]
    if free:
        assert runs[-1].workload == "fib" and runs[-1].interpreter.free_threaded and runs[-1].gil == "off"
        assert "The contrast" in app.shown[-2]


@pytest.mark.slow
@sync
async def test_keys_step_through_and_each_caption_is_on_screen_until_the_next():
    app = DemoTour(demo_interpreters(contrast=False), quick=True, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        for index, step in enumerate(app.steps):
            if index:
                await pilot.press("space" if index % 2 else "enter")
            await until(pilot, lambda i=index: app.index == i and not app.step_running)
            await pilot.pause()
            shown = caption_on_screen(app)
            assert i18n.t("demo.%s.title" % step.key) in shown, shown
            assert "space or enter: next step" in shown
            if step.timeline:
                assert app.query_one("TabbedContent").active == "tab-timeline"
        assert [s.key for s in app.steps][-2] == "no_free"
        await pilot.pause(0.3)
        assert app.is_running and app.index == len(app.steps) - 1, "without --auto the tour waits at its end"
        await pilot.press("l")
        await pilot.pause()
        assert i18n.t("demo.end.title", "es") in caption_on_screen(app)


def test_bad_auto_is_one_line_and_exit_2():
    for argv in (["--auto", "soon"], ["--auto", "-1"], ["--python", "/nonexistent/python"]):
        done = subprocess.run([sys.executable, "-m", "gil_tui", "demo", *argv], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 2, argv
        assert done.stderr.startswith("gil-tui demo: error:") and done.stderr.count("\n") == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_step_has_a_caption_in_both_languages(lang):
    for step in STEPS + (NO_FREE,):
        for part in ("title", "look"):
            assert i18n.has("demo.%s.%s" % (step.key, part), lang)
