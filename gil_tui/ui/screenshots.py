"""SVG screenshots of the workbench's main states, each taken from a real run (``gil-tui screenshots``).

Every shot opens the real app headless (``App.run_test``), drives it with the keys a person would
press, waits for the lab to get where the picture needs it, and saves ``App.export_screenshot()``.
The timeline shot puts the GIL build's timeline and the free-threaded build's side by side in one
SVG (two screenshots nested as ``<svg>`` elements); it is skipped when no free-threaded Python is
found. On a busy machine a shot's run may miss its point (a race that lost nothing, a GIL-free run
that got one core): it is run again, up to ``ATTEMPTS`` times, and the last one is kept.
``quick`` shrinks every run (tests and rehearsals); the committed files use the full sizes.
"""

from __future__ import annotations

import asyncio
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable

from textual.pilot import Pilot

from .. import i18n
from ..core.model import RunResult
from ..core.probe import Interpreter
from .comparison import ComparisonScreen
from .widgets.history import HistoryTable
from .widgets.lanes import RunLanes
from .widgets.setup import SetupValues
from .workbench import Workbench

SIZE = (120, 34)  # columns, rows of every shot but the timeline pair and the SSH-sized ones
HALF = (84, 26)  # each side of the timeline pair
SSH = (80, 24)  # what a terminal over SSH on a lab machine has
RUN_TIMEOUT = 120.0  # seconds a shot waits for its runs
ATTEMPTS = 3  # runs of a shot whose result missed its point (a race that lost nothing, a busy machine)
PARALLEL_CORES = 1.5  # cores a free-threaded fib threads run must use to show its lanes overlapping


@dataclass(frozen=True)
class Sizes:
    fib: int
    race: int
    compare_fib: int
    running_fib: int  # long enough that the "running" shot is taken mid-run, on a fast machine too


FULL = Sizes(fib=31, race=20000, compare_fib=29, running_fib=31)
QUICK = Sizes(fib=27, race=5000, compare_fib=22, running_fib=30)


@dataclass(frozen=True)
class Shot:
    name: str
    title: str
    needs_free_threaded: bool = False
    size: tuple[int, int] = SIZE
    scene: str = ""  # what the shot shows (a Camera method); by default its name's

    @property
    def file(self) -> str:
        return self.name + ".svg"

    @property
    def method(self) -> str:
        return "_" + (self.scene or self.name).replace("-", "_")


SHOTS = (
    Shot("idle", "gil-tui: the workbench, idle"),
    Shot("fib-threads-running", "gil-tui: fib in 4 threads, mid-way"),
    Shot("race-lost-updates", "gil-tui: 20 threads racing on a counter, updates lost"),
    Shot("fib-sequential-vs-threads", "gil-tui: fib, sequential then in 4 threads: the speedup side by side"),
    Shot("timeline-gil-vs-free-threaded", "gil-tui: fib threads under the GIL (left) and free-threaded (right)",
         needs_free_threaded=True),
    Shot("comparison", "gil-tui: comparison across interpreters and modes"),
    Shot("spanish", "gil-tui: la vista en español"),
    Shot("idle-80x24", "gil-tui at 80x24: the workbench, idle", size=SSH, scene="idle"),
    Shot("race-80x24", "gil-tui at 80x24: 20 threads racing on a counter", size=SSH, scene="race-lost-updates"),
    Shot("timeline-80x24", "gil-tui at 80x24: fib threads taking turns under the GIL", size=SSH,
         scene="timeline-under-the-gil"),
    Shot("spanish-80x24", "gil-tui a 80x24: la vista en español", size=SSH, scene="spanish"),
    Shot("convoy-80x24", "gil-tui at 80x24: the convoy, a task waiting on I/O beside CPU-bound ones", size=SSH,
         scene="convoy"),
)
NAMES = tuple(shot.name for shot in SHOTS)


async def until(pilot: Pilot, condition: Callable[[], bool], timeout: float = RUN_TIMEOUT) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the app did not get there within %g s" % timeout)
        await pilot.pause(0.02)


class Camera:
    """Takes the shots for one set of interpreters (the first is the main one; a free-threaded one may follow)."""

    def __init__(self, interpreters: list[Interpreter], quick: bool = False) -> None:
        self.interpreters = interpreters
        self.free = next((i for i in interpreters[1:] if i.free_threaded), None)
        self.sizes = QUICK if quick else FULL

    def app(self, **values: Any) -> Workbench:
        return Workbench(self.interpreters, SetupValues(**values), blink=False, lang="en")

    async def take(self, shot: Shot) -> str:
        take: Callable[[Shot], Awaitable[str]] = getattr(self, shot.method)
        try:
            return await take(shot)
        finally:
            i18n.set_language("en")

    async def _shoot(self, app: Workbench, shot: Shot, act: Callable[[Pilot], Awaitable[None]],
                     size: tuple[int, int] | None = None) -> str:
        async with app.run_test(size=size or shot.size) as pilot:
            await pilot.pause()
            await act(pilot)
            await pilot.pause()
            return app.export_screenshot(title=shot.title)

    @staticmethod
    async def _run_to_end(pilot: Pilot) -> None:
        """Press r and wait for the run's row in the history.

        Waiting for the row, not for ``app.active`` to come and go, matters on a loaded machine: a short run can
        start and finish within one slow ``pilot.pause``, and the start would never be seen.
        """
        app = pilot.app
        assert isinstance(app, Workbench)
        history = app.query_one(HistoryTable)
        before = len(history.results)
        await pilot.press("r")
        await until(pilot, lambda: len(history.results) > before)

    async def _idle(self, shot: Shot) -> str:
        async def nothing(pilot: Pilot) -> None:
            return None

        return await self._shoot(self.app(workload="fib", mode="sequential,threads", workers=4), shot, nothing)

    @staticmethod
    async def _rows(pilot: Pilot, keys: str, rows: int) -> None:
        """Press ``keys`` and wait for ``rows`` new rows in the history."""
        app = pilot.app
        assert isinstance(app, Workbench)
        history = app.query_one(HistoryTable)
        before = len(history.results)
        await pilot.press(keys)
        await until(pilot, lambda: len(history.results) >= before + rows)

    async def _fib_sequential_vs_threads(self, shot: Shot) -> str:
        async def both(pilot: Pilot) -> None:
            await self._rows(pilot, "r", 2)

        return await self._shoot(self.app(workload="fib", mode="sequential,threads", workers=4, size=self.sizes.fib),
                                 shot, both)

    async def _convoy(self, shot: Shot) -> str:
        async def experiment_4(pilot: Pilot) -> None:
            await self._rows(pilot, "4", 2)  # threads, then processes

        return await self._shoot(self.app(workload="fib", mode="sequential,threads", workers=4), shot, experiment_4)

    async def _fib_threads_running(self, shot: Shot) -> str:
        async def midway(pilot: Pilot) -> bool:
            """Press r and wait until the lanes are 40 % done; False if the run ended first."""
            app = pilot.app
            assert isinstance(app, Workbench)
            lanes = app.query_one(RunLanes)
            history = app.query_one(HistoryTable)
            before = len(history.results)

            def fraction() -> float:
                total = sum(lanes.total)
                return sum(lanes.done) / total if total else 0.0

            await pilot.press("r")
            await until(pilot, lambda: fraction() >= 0.4 or len(history.results) > before)
            return len(history.results) == before and app.active is not None

        app = self.app(workload="fib", mode="threads", workers=4, size=self.sizes.running_fib)
        async with app.run_test(size=shot.size) as pilot:
            await pilot.pause()
            for _ in range(ATTEMPTS):
                if await midway(pilot):
                    svg = app.export_screenshot(title=shot.title)
                    await app.stop_run()
                    return svg
                await until(pilot, lambda: app.active is None)
            raise RuntimeError("%s: every run ended before the picture could be taken mid-way" % shot.name)

    async def _run_until(self, pilot: Pilot, wanted: Callable[[RunResult], bool]) -> None:
        """Run until the result shows what the shot is about (``ATTEMPTS`` at most; a shared machine is noisy)."""
        app = pilot.app
        assert isinstance(app, Workbench)
        history = app.query_one(HistoryTable)
        for _ in range(ATTEMPTS):
            await self._run_to_end(pilot)
            if history.results and wanted(history.results[-1]):
                return

    async def _race(self, pilot: Pilot) -> None:
        await self._run_until(pilot, lambda r: bool(r.counter and r.counter.lost > 0))

    def _race_app(self) -> Workbench:
        return self.app(workload="race", mode="sequential,threads", workers=20, size=self.sizes.race,
                        switch_interval=0.0001)

    async def _race_lost_updates(self, shot: Shot) -> str:
        return await self._shoot(self._race_app(), shot, self._race)

    async def _spanish(self, shot: Shot) -> str:
        async def race_in_spanish(pilot: Pilot) -> None:
            await self._race(pilot)
            await pilot.press("l")

        return await self._shoot(self._race_app(), shot, race_in_spanish)

    async def _timeline(self, shot: Shot, choice: int, title: str, wanted: Callable[[RunResult], bool]) -> str:
        async def timeline(pilot: Pilot) -> None:
            await self._run_until(pilot, wanted)
            await pilot.press("t")

        app = Workbench(self.interpreters, SetupValues(workload="fib", mode="threads", workers=4,
                                                       size=self.sizes.fib, choice=choice), blink=False, lang="en")
        return await self._shoot(app, Shot(shot.name, title), timeline, size=HALF)

    async def _timeline_under_the_gil(self, shot: Shot) -> str:
        async def timeline(pilot: Pilot) -> None:
            await self._run_until(pilot, lambda r: True)
            await pilot.press("t")

        return await self._shoot(self.app(workload="fib", mode="threads", workers=4, size=self.sizes.fib), shot,
                                 timeline)

    async def _timeline_gil_vs_free_threaded(self, shot: Shot) -> str:
        assert self.free is not None
        left = await self._timeline(shot, 0, "%s: the GIL" % self.interpreters[0].short, lambda r: True)
        # choices_for lists the free-threaded build right after the main one: GIL off first
        right = await self._timeline(shot, 1, "%s: GIL off" % self.free.short,
                                     lambda r: (r.cores_used or 0.0) >= PARALLEL_CORES)
        return side_by_side(left, right, shot.title)

    async def _comparison(self, shot: Shot) -> str:
        async def compare(pilot: Pilot) -> None:
            app = pilot.app
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, ComparisonScreen), timeout=10)
            screen = app.screen
            assert isinstance(screen, ComparisonScreen)
            # r only once the screen is mounted: on a loaded machine a key pressed earlier could start nothing
            await until(pilot, lambda: screen.is_mounted, timeout=30)
            await pilot.pause()
            await pilot.press("r")
            await until(pilot, lambda: screen.queue.total > 0, timeout=30)
            await until(pilot, lambda: screen.active is None and screen.queue.finished)

        app = self.app(workload="fib", mode="threads", workers=4, size=self.sizes.compare_fib)
        return await self._shoot(app, shot, compare)


_SIZE_RE = re.compile(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"', re.S)
_VIEWBOX_RE = re.compile(r'<svg[^>]*?viewBox="0 0 ([\d.]+) ([\d.]+)"', re.S)


def svg_size(svg: str) -> tuple[float, float]:
    found = _VIEWBOX_RE.search(svg) or _SIZE_RE.search(svg)
    if found is None:
        raise ValueError("not an SVG with a size")
    return float(found.group(1)), float(found.group(2))


def side_by_side(left: str, right: str, title: str) -> str:
    """Two SVG screenshots in one SVG, left and right (Textual's class names are unique per screenshot)."""
    (lw, lh), (rw, rh) = svg_size(left), svg_size(right)
    width, height = lw + rw, max(lh, rh)

    def placed(svg: str, x: float, w: float, h: float) -> str:
        return re.sub(r"<svg\b", '<svg x="%g" y="0" width="%g" height="%g"' % (x, w, h), svg, count=1)

    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g">\n'
            "<title>%s</title>\n%s\n%s\n</svg>\n" % (width, height, width, height, html.escape(title),
                                                  placed(left, 0, lw, lh), placed(right, lw, rw, rh)))


async def take_all(interpreters: list[Interpreter], out: Path, names: tuple[str, ...] = NAMES,
                   quick: bool = False, say: Callable[[str], None] = print) -> list[Path]:
    """Write each named shot to ``out``; return the files written. A shot that cannot be taken is said, not raised."""
    camera = Camera(interpreters, quick)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for shot in SHOTS:
        if shot.name not in names:
            continue
        if shot.needs_free_threaded and camera.free is None:
            say("skipped %s: no free-threaded Python found (see gil-tui interpreters)" % shot.file)
            continue
        svg = await camera.take(shot)
        path = out / shot.file
        path.write_text(svg, encoding="utf-8")
        written.append(path)
        say("wrote %s" % path)
    return written
