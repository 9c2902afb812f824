"""Reading the recorded timeline: who made progress in which slice of time.

The lab marks ``lane[slot] = 1`` for every slice (0.5 ms by default) in which a task ticked; the
runner hands the lanes over as lists of 0/1 (``result["timeline"]["lanes"]`` or
``LabRun.timeline()``). These functions turn them into the figures the issue asks about - how
often exactly one / at most one / every lane was active - and into columns for drawing.

Only *active* slices (at least one lane marked) count: an idle slice says nothing about
turn-taking, and counting it as "at most one lane active" would flatter the GIL.

The steady part of a run is the window in which every lane has started and none has finished
yet: from the latest first mark to the earliest last mark (``steady_window``). Start-up ramps
(a process still importing, a thread not yet started) and tails (the last task alone) fall outside
it, so "do they overlap?" is asked only while they all had work to do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

Lane = Sequence[int]


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

    def as_dict(self) -> dict:
        return {
            "lanes": self.lanes, "slices": self.slices, "active": self.active, "exactly_one": self.exactly_one,
            "at_most_one": self.at_most_one, "all_lanes": self.all_lanes, "mean_active": self.mean_active,
        }


def _bytes(lane: Lane) -> bytes:
    return lane if isinstance(lane, bytes) else bytes(lane)


def active_counts(lanes: Sequence[Lane], start: int = 0, end: int | None = None) -> list[int]:
    """For each slice in [start, end): how many lanes were active."""
    if not lanes:
        return []
    cut = [_bytes(lane)[start:end] for lane in lanes]
    return list(map(sum, zip(*cut)))


def overlap(lanes: Sequence[Lane], start: int = 0, end: int | None = None) -> Overlap:
    counts = active_counts(lanes, start, end)
    histogram = Counter(counts)
    active = len(counts) - histogram.get(0, 0)
    n = len(lanes)

    def share(k: int) -> float:
        return k / active if active else 0.0

    return Overlap(
        lanes=n,
        slices=len(counts),
        active=active,
        exactly_one=share(histogram.get(1, 0)),
        at_most_one=share(histogram.get(1, 0)),  # among active slices "at most one" is "exactly one"
        all_lanes=share(histogram.get(n, 0)) if n else 0.0,
        mean_active=share(sum(k * c for k, c in histogram.items())),
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


def run_window(lanes: Sequence[Lane]) -> tuple[int, int]:
    """[start, end) from the first mark of any lane to the last mark of any lane."""
    spans = [span for span in (first_last(lane) for lane in lanes) if span is not None]
    if not spans:
        return 0, 0
    return min(s[0] for s in spans), max(s[1] for s in spans) + 1


def lane_shares(lanes: Sequence[Lane], start: int | None = None, end: int | None = None) -> list[float]:
    """Per lane: the fraction of the window's slices in which it was active.

    The window defaults to the whole run (first to last mark of any lane). Under the GIL, N
    CPU-bound threads each get about 1/N; in parallel, each about 1.
    """
    if start is None or end is None:
        start, end = run_window(lanes)
    width = end - start
    if width <= 0:
        return [0.0] * len(lanes)
    return [_bytes(lane)[start:end].count(1) / width for lane in lanes]


def downsample(lane: Lane, columns: int, start: int = 0, end: int | None = None,
               fraction: bool = False) -> list[float]:
    """Squeeze slices [start, end) of one lane into ``columns`` cells for drawing.

    A cell covers a run of consecutive slices; it is 1.0 if any of them was active (or, with
    ``fraction``, the share of them that were). With more columns than slices a slice spans
    several cells, so zooming in never invents activity.
    """
    data = _bytes(lane)
    end = len(data) if end is None else end
    width = end - start
    if columns <= 0:
        return []
    if width <= 0:
        return [0.0] * columns
    cells = []
    for c in range(columns):
        a = start + c * width // columns
        b = start + (c + 1) * width // columns
        if b <= a:
            b = a + 1
        chunk = data[a:min(b, end)]
        if fraction:
            cells.append(chunk.count(1) / len(chunk) if chunk else 0.0)
        else:
            cells.append(1.0 if 1 in chunk else 0.0)
    return cells


def downsample_all(lanes: Sequence[Lane], columns: int, start: int = 0, end: int | None = None,
                   fraction: bool = False) -> list[list[float]]:
    return [downsample(lane, columns, start, end, fraction) for lane in lanes]


def summary(timeline: dict | None) -> dict | None:
    """Figures for a result's ``timeline`` entry ({slice_s, lanes}): whole run and steady part."""
    if not timeline or not timeline.get("lanes"):
        return None
    lanes = timeline["lanes"]
    start, end = steady_window(lanes)
    return {
        "slice_s": timeline["slice_s"],
        "run": overlap(lanes, *run_window(lanes)).as_dict(),
        "steady": overlap(lanes, start, end).as_dict(),
        "steady_window_s": [start * timeline["slice_s"], end * timeline["slice_s"]],
        "lane_shares": lane_shares(lanes),
    }
