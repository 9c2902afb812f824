"""What recording the timeline costs a workload: fib with Reporter.tick as the lab runs it, against
the same tick without its timeline write, measured side by side in this process.

Two figures, both printed as ratios (target: <= 1.01, recording costs at most 1 % of the work):
- whole workload: fib(n) through the lab's chunked task, alternating the two reporters, best of K
  runs each (the minimum is the run least disturbed by whatever else the machine is doing);
- per tick: the extra nanoseconds a recording tick costs, times the ticks fib(n) makes, over the
  workload's time - the same quantity, far less sensitive to noise.

Usage: python bench/timeline_overhead.py [n] [repeats]
"""

from __future__ import annotations

import os
import sys
import time

from gil_tui.core.runner import board_dir
from gil_tui.lab import workloads
from gil_tui.lab.board import H_CANCEL, H_T0, Board, Cancelled, Reporter


class UnrecordedReporter(Reporter):
    """Reporter.tick minus the two timeline lines: the baseline."""

    __slots__ = ()

    def tick(self, amount=1):
        self.done += amount
        words = self.words
        words[self._done_at] = self.done
        if words[H_CANCEL]:
            raise Cancelled()


def _fib_seconds(rep: Reporter, n: int) -> float:
    t0 = time.perf_counter()
    workloads.fib_task(rep, n, None)
    return time.perf_counter() - t0


def _tick_ns(rep: Reporter, count: int) -> float:
    tick = rep.tick
    t0 = time.perf_counter_ns()
    for _ in range(count):
        tick()
    return (time.perf_counter_ns() - t0) / count


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 30
    repeats = int(argv[2]) if len(argv) > 2 else 7
    path = os.path.join(board_dir(), "gil-tui-bench-%d" % os.getpid())
    board = Board.create(path, 2)
    try:
        board.words[H_T0] = time.monotonic_ns()
        recorded, unrecorded = Reporter(board, 0, 0), UnrecordedReporter(board, 1, 0)
        with_tl, without_tl = [], []
        for _ in range(repeats):
            with_tl.append(_fib_seconds(recorded, n))
            without_tl.append(_fib_seconds(unrecorded, n))
        ticks = workloads.fib_chunks(n)
        extra = min(_tick_ns(recorded, 200000) for _ in range(5)) - min(_tick_ns(unrecorded, 200000) for _ in range(5))
        workload_s = min(without_tl)
        per_tick_ratio = 1 + max(extra, 0.0) * ticks / 1e9 / workload_s
        ratio = min(with_tl) / workload_s
        print("fib(%d): %d ticks, best of %d: %.4f s recording the timeline, %.4f s without"
              % (n, ticks, repeats, min(with_tl), workload_s))
        print("timeline recording, whole workload: %.4f (target <= 1.01)" % ratio)
        print("timeline recording, per tick: +%.0f ns x %d ticks over %.3f s = %.4f (target <= 1.01)"
              % (extra, ticks, workload_s, per_tick_ratio))
        del recorded, unrecorded
    finally:
        board.close()
        os.unlink(path)
    return 0 if per_tick_ratio <= 1.01 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
