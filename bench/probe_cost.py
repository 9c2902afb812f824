"""What the responsiveness probe costs the work it watches: fib with ``--probe`` against fib without.

    python bench/probe_cost.py [--python EXE] [--repeats 7] [--size 30] [--workers 2] [--modes sequential,threads]

The probe is a lab thread that sleeps 1 ms in a loop (issue 13). Each wake-up needs the GIL, so beside CPU-bound
threads it forces a hand-over about once per switch interval: that is the cost to measure. For each mode, runs with
and without the probe are interleaved (off, on, off, on, ...) so a noisy neighbour weighs on both alike, and the
ratio of the median walls is printed: the probe's cost ratio (target <= 1.01), and the same ratio in the tasks' own
CPU time, which a busy machine disturbs less. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from gil_tui.core.model import RunSpec  # noqa: E402
from gil_tui.core.probe import lab_interpreter  # noqa: E402
from gil_tui.core.runner import LabRun  # noqa: E402


def measure(spec: RunSpec) -> tuple[float, float]:
    """The run's wall time, and its tasks' own CPU time added up (less at the mercy of a busy machine)."""
    with LabRun(spec).start() as lab:
        result = lab.wait(600)
    if result is None or not result.ok or not result.wall_s:
        raise SystemExit("run failed: %s" % (result and result.error))
    return result.wall_s, sum(task.cpu_s or 0.0 for task in result.tasks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default="sequential,threads")
    args = parser.parse_args()
    interp = lab_interpreter(args.python)
    for mode in args.modes.split(","):
        walls: dict[bool, list[float]] = {False: [], True: []}
        cpus: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.repeats):
            for probe in (False, True):
                w, c = measure(RunSpec("fib", mode, args.workers, args.size, interp, probe=probe))
                walls[probe].append(w)
                cpus[probe].append(c)
        off, on = statistics.median(walls[False]), statistics.median(walls[True])
        cpu_off, cpu_on = statistics.median(cpus[False]), statistics.median(cpus[True])
        print("fib(%d) x %d %-10s wall off %.3f s on %.3f s: cost ratio %.3f; tasks' CPU off %.3f s on %.3f s: "
              "%.3f  (median of %d each)" % (args.size, args.workers, mode, off, on, on / off, cpu_off, cpu_on,
                                             cpu_on / cpu_off, args.repeats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
