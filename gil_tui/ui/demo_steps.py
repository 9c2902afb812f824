"""The tour's steps: what runs, and what to look at while it does (captions: ``demo.*`` in gil_tui.i18n)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str  # captions: demo.<key>.title and demo.<key>.look
    preset: int | None = None  # the post's experiment run by this step: 1 fib, 2 the race, 3 sleep
    free_threaded: bool = False  # run the preset on the free-threaded build, GIL off
    timeline: bool = False  # show the timeline tab (once the step's runs are over)


STEPS = (
    Step("intro"),
    Step("fib", preset=1),
    Step("fib_timeline", timeline=True),
    Step("race", preset=2),
    Step("sleep", preset=3),
    Step("free", preset=1, free_threaded=True, timeline=True),
    Step("end"),
)
NO_FREE = Step("no_free")  # in place of "free" when no free-threaded Python was found

# the post's experiments at rehearsal sizes (--quick): seconds instead of half a minute
QUICK_SIZES = {1: 25, 2: 1000, 3: 0.05}  # fib takes an int (the lab counts its chunks with range)
