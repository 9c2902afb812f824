"""One run in flight: the lab process, driven from a worker thread, read from the UI thread.

The worker thread only starts the lab and waits for it (or cancels it). It never touches widgets and
never closes the board: the UI thread's timer reads snapshots, sees ``done`` and then closes, so a
snapshot can never race a closed board.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from ..core.model import RunResult, RunSpec
from ..core.runner import LabRun

POLL = 0.1  # seconds between checks for a cancel request while waiting for the lab


class ActiveRun:
    def __init__(self, spec: RunSpec) -> None:
        self.spec = spec
        self.lab = LabRun(spec)
        self.stop = threading.Event()
        self.done = threading.Event()
        self.result: RunResult | None = None
        self.started = time.monotonic()
        self.ended: float | None = None

    def elapsed(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def drive(self, cancelled: Callable[[], bool]) -> None:
        """Run in a worker thread: start the lab, wait for it, cancel it on request."""
        try:
            self.lab.start()
            result = None
            while result is None:
                if self.stop.is_set() or cancelled():
                    result = self.lab.cancel()
                    break
                result = self.lab.wait(POLL)
            self.result = result
        except Exception as exc:  # a failure here must reach the result pane, not kill the UI
            self.result = self.lab.unfinished("error", "%s: %s" % (type(exc).__name__, exc))
        finally:
            self.ended = time.monotonic()
            self.done.set()

    def drive_in_worker(self) -> None:
        """``drive``, as the target of a Textual thread worker: cancelling the worker cancels the run."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        self.drive(lambda: worker.is_cancelled)

    def close(self) -> None:
        self.lab.close()
