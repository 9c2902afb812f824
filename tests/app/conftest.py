"""Shared helpers for the workbench tests: the app on this interpreter, and waiting on it without sleeps."""

from __future__ import annotations

import asyncio
import functools
import glob
import os
import sys

import psutil
import pytest
from textual.geometry import Region

from gil_tui.core.model import RunResult
from gil_tui.core.probe import lab_interpreter
from gil_tui.core.runner import board_dir
from gil_tui.ui.widgets.setup import SetupValues
from gil_tui.ui.workbench import Workbench


@pytest.fixture(scope="session")
def here():
    return lab_interpreter(sys.executable)


@pytest.fixture
def make_app(here):
    def make(**preset) -> Workbench:
        return Workbench([here], SetupValues(**preset), blink=False)

    return make


def screen_text(widget) -> str:
    """What a widget shows on screen right now, line by line."""
    region = Region(0, 0, widget.outer_size.width, widget.outer_size.height)
    return "\n".join("".join(seg.text for seg in strip) for strip in widget.render_lines(region))


def shown(app, selector: str) -> str:
    """The widget's text on screen with line wrapping undone."""
    return " ".join(screen_text(app.query_one(selector)).split())


def boards() -> set[str]:
    return set(glob.glob(os.path.join(board_dir(), "gil-tui-board-*")))


def children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if p.is_running() and p.status() != "zombie"]


def sync(test):
    """Run an async test body in a fresh event loop (no asyncio plugin needed), keeping its fixtures."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


async def until(pilot, condition, timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds (fails the test after ``timeout``)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out waiting for the app"
        await pilot.pause(0.05)
    # what the condition saw may not be laid out yet (a widget just shown still has no size): let the screen catch up
    await pilot.pause()
    await pilot.pause()


async def run_to_row(app, pilot, rows: int, timeout: float = 30.0) -> RunResult:
    """Press r and wait until the history holds ``rows`` runs; the newest result."""
    from gil_tui.ui.widgets.history import HistoryTable

    await pilot.press("r")
    history = app.query_one(HistoryTable)
    await until(pilot, lambda: history.row_count == rows, timeout)
    return history.results[-1]


@pytest.fixture(autouse=True)
def english_after():
    """The language is process-wide: every test starts and ends in English."""
    from gil_tui import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")
