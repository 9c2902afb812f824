"""Runs to make one after another, and what they gave: one queue for ``gil-tui run``, the workbench's experiments and
the comparison screen.

The queue knows no UI and no thread. A driver asks for the next spec, runs it however it likes (``drive`` runs them
here and now; the UI runs each in a worker thread and records it from its timer), and records the result. With
``repeat`` K, every spec runs K times, interleaved (all once, then all again), and ``results`` gives one aggregated
result per spec (see ``matrix.aggregate``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .matrix import collect, median_run, plan
from .model import RunResult, RunSpec


class RunQueue:
    def __init__(self, specs: Sequence[RunSpec], repeat: int = 1, stop_on_failure: bool = False) -> None:
        self.specs = list(specs)
        self.repeat = repeat
        self.stop_on_failure = stop_on_failure  # an experiment whose step failed says nothing: stop it there
        self._order = plan(len(self.specs), repeat)
        self._position = 0
        self._cells: list[list[RunResult]] = [[] for _ in self.specs]
        self.cancelled = False

    @property
    def total(self) -> int:
        """How many runs the queue makes when nothing stops it."""
        return len(self._order)

    @property
    def recorded(self) -> int:
        """How many runs have finished (well or not)."""
        return self._position

    def next(self) -> RunSpec | None:
        """The spec to run now; None once every run is done or the queue was cancelled."""
        if self.cancelled or self._position >= len(self._order):
            return None
        return self.specs[self._order[self._position]]

    def record(self, result: RunResult) -> None:
        """The result of the spec ``next()`` gave. A cancelled run (or, with ``stop_on_failure``, a failed one)
        stops the queue."""
        if self._position >= len(self._order):
            raise IndexError("every run of the queue is already recorded")
        runs = self._cells[self._order[self._position]]
        runs.append(result)
        if self.repeat > 1 and len(runs) == self.repeat:  # the cell is complete: only its median keeps a timeline
            middle = median_run(runs)
            runs[:] = [r if r is middle or r.timeline is None else r.replace(timeline=None) for r in runs]
        self._position += 1
        if result.status == "cancelled" or (self.stop_on_failure and not result.ok):
            self.cancel()

    def cancel(self) -> None:
        """No run after the current one."""
        self.cancelled = True

    @property
    def finished(self) -> bool:
        return self.next() is None

    @property
    def results(self) -> list[RunResult]:
        """One result per spec that ran, in the order of the specs: as it ran, or aggregated over its repeats."""
        return collect(self._cells, self.repeat)

    def drive(self, run_one: Callable[[RunSpec], RunResult]) -> list[RunResult]:
        """Run every spec in this thread with ``run_one``; the results so far stay readable if it raises
        (Ctrl-C)."""
        spec = self.next()
        while spec is not None:
            self.record(run_one(spec))
            spec = self.next()
        return self.results
