"""Reading the recorded timeline: who made progress in which slice of time.

The lab marks ``lane[slot] = 1`` for every slice (0.5 ms by default) in which a task ticked; the
runner hands the lanes over as lists of 0/1 (``result["timeline"]["lanes"]`` or
``LabRun.timeline()``). These functions turn them into the figures the issue asks about - how
often exactly one / at most one / every lane was active. The explanations (``core.explain``) and
the timeline widget both take the figure from ``steady_overlap``.

Only *active* slices (at least one lane marked) count: an idle slice says nothing about
turn-taking, and counting it as "at most one lane active" would flatter the GIL.

The steady part of a run is the window in which every lane has started and none has finished
yet: from the latest first mark to the earliest last mark (``steady_window``). Start-up ramps
(a process still importing, a thread not yet started) and tails (the last task alone) fall outside
it, so "do they overlap?" is asked only while they all had work to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Lane = Sequence[int]
_ONE = bytes([0] + [1] * 255)  # translate table: any mark -> 1


@dataclass(frozen=True)
class Overlap:
    """How many lanes were active at once, over the active slices of a window."""

    lanes: int
    slices: int  # slices in the window
    active: int  # slices with at least one lane active
    exactly_one: float  # fractions of the active slices
    at_most_one: float
    all_lanes: float
    mean_active: float  # lanes active per active slice, on average


def _bytes(lane: Lane) -> bytes | bytearray:
    return lane if isinstance(lane, (bytes, bytearray)) else bytes(lane)


def overlap(lanes: Sequence[Lane], start: int = 0, end: int | None = None) -> Overlap:
    """The overlap in slices [start, end) (cut to the shortest lane), without a Python loop per slice.

    Each lane's 0/1 bytes are read as one big integer and the integers added: each byte of the sum
    is the number of lanes active in that slice (no carry below 256 lanes; the lab runs at most 64).
    """
    cut = [_bytes(lane)[start:end].translate(_ONE) for lane in lanes]
    n, width = len(cut), min((len(c) for c in cut), default=0)
    cut = [c[:width] for c in cut]
    counts: Sequence[int]
    if n < 256:
        counts = sum(int.from_bytes(c, "big") for c in cut).to_bytes(width, "big")
    else:  # a byte per slice would carry over
        counts = list(map(sum, zip(*cut)))
    active = width - counts.count(0)

    def share(k: int) -> float:
        return k / active if active else 0.0

    return Overlap(
        lanes=n,
        slices=width,
        active=active,
        exactly_one=share(counts.count(1)),
        at_most_one=share(counts.count(1)),  # among active slices "at most one" is "exactly one"
        all_lanes=share(counts.count(n)) if n else 0.0,
        mean_active=share(sum(c.count(1) for c in cut)),
    )


def first_last(lane: Lane) -> tuple[int, int] | None:
    """The first and last active slice of a lane, or None if it never ticked."""
    data = _bytes(lane)
    first = data.find(1)
    if first < 0:
        return None
    return first, data.rfind(1)


def steady_window(lanes: Sequence[Lane]) -> tuple[int, int]:
    """[start, end) in which every lane had started and none had finished; (0, 0) if there is none."""
    spans = [first_last(lane) for lane in lanes]
    if not spans or any(span is None for span in spans):
        return 0, 0
    start = max(span[0] for span in spans if span is not None)
    end = min(span[1] for span in spans if span is not None) + 1
    return (start, end) if end > start else (0, 0)


def steady_overlap(lanes: Sequence[Lane]) -> Overlap:
    return overlap(lanes, *steady_window(lanes))
