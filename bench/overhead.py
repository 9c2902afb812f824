"""What measuring costs: fib through ``gil-tui run`` against the same computation in a bare script.

    python bench/overhead.py [--python EXE] [--repeats 7] [--size 30] [--workers 2]

1. wall ratio: the lab's ``wall_s`` (``gil-tui run --json``) / a bare script's wall for the same work under the same
   interpreter: plain recursive fib(n), N calls in a row (sequential) or N threads (threads). Target <= 1.03.
2. reporting ratio: the lab's chunked fib calling ``Reporter.tick`` on a real board / plain fib(n), in one process,
   in thread CPU time; and the races at their default size with a real Reporter / a reporter whose tick does
   nothing. Target <= 1.01. With ``--instructions``, the fib ratio again in instructions counted by callgrind, and
   the lab's whole sequential run against a bare fib(n) twice, in instructions (exact, whatever the neighbours do).

Runs are interleaved (gil-tui, bare, gil-tui, bare, ...) and the medians compared, so a noisy neighbour on the machine
weighs on both sides alike. Prints one line per figure; exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from gil_tui.lab import bootstrap  # noqa: E402

BARE = r"""
import sys, threading, time
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
mode, workers, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.setswitchinterval(0.005)
t0 = time.monotonic_ns()
if mode == "sequential":
    for _ in range(workers):
        fib(n)
else:
    threads = [threading.Thread(target=fib, args=(n,)) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print((time.monotonic_ns() - t0) / 1e9)
"""

SETUP = r"""
import json, os, sys, tempfile, time
_gil_lab_load(LAB_DIR)
from gil_lab.board import H_T0, Board, Reporter
from gil_lab.workloads import _fib_chunked, fib, fib_chunks
n, repeats = int(sys.argv[1]), int(sys.argv[2])
path = os.path.join(tempfile.mkdtemp(), "board")
board = Board.create(path, 1)
board.words[H_T0] = time.monotonic_ns()
def plain():
    fib(n)
def reported():
    rep = Reporter(board, 0, fib_chunks(n))
    _fib_chunked(n, rep.tick)
"""

REPORTING = SETUP + r"""
def timed(f):  # CPU time of this thread: a neighbour taking the core for a while does not count
    t0 = time.thread_time()
    f()
    return time.thread_time() - t0
rows = []
for i in range(repeats):  # alternate the order so neither side always runs first
    pair = (timed(plain), timed(reported)) if i % 2 else tuple(reversed((timed(reported), timed(plain))))
    rows.append(pair)
out = {"plain": [r[0] for r in rows], "reported": [r[1] for r in rows], "ticks": fib_chunks(n), "races": {}}
import threading
from gil_lab.catalog import default_size
from gil_lab.workloads import RACE_STEP, TASKS, Context, Counter, total
class Silent(object):
    def tick(self, amount=1):
        pass
for workload in ("race", "race-plain", "race-locked"):
    size = default_size(workload)
    def race(rep, workload=workload, size=size):
        TASKS[workload](rep, size, Context(board.words, lock=threading.Lock(), plain_counter=Counter()))
    silent = lambda: race(Silent())
    real = lambda: race(Reporter(board, 0, total(workload, size)))
    pairs = [(timed(silent), timed(real)) if i % 2 else tuple(reversed((timed(real), timed(silent))))
             for i in range(repeats)]
    out["races"][workload] = [[p[0] for p in pairs], [p[1] for p in pairs], -(-size // RACE_STEP)]
print(json.dumps(out))
board.close()
os.unlink(path)
"""

# One variant per process under callgrind: instruction counts repeat exactly, whatever the neighbours do.
INSTRUCTIONS = SETUP + r"""
variant = sys.argv[3]
def whole_lab():  # what `gil-tui run -w fib -m sequential -n 2` has the lab do, on a board of its own
    from gil_lab.main import run_lab
    lab_board = path + "-lab"
    Board.create(lab_board, 2).close()
    cfg = {"board": lab_board, "workload": "fib", "mode": "sequential", "workers": 2, "size": n,
           "switch_interval": 0.005, "probe": False, "scratch_dir": tempfile.mkdtemp(), "parent": os.getppid()}
    assert run_lab(cfg)["status"] == "ok"
    os.unlink(lab_board)
def bare_twice():
    fib(n)
    fib(n)
if variant != "none":
    {"plain": plain, "reported": reported, "lab": whole_lab, "bare": bare_twice}[variant]()
board.close()
os.unlink(path)
"""


def instructions(python: str, size: int, variant: str) -> int:
    source = bootstrap.LOADER + "\nLAB_DIR = %r\n" % bootstrap.LAB_DIR + INSTRUCTIONS
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-s", "-c",
                           source, str(size), "1", variant], capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONHASHSEED="0"))  # same dict layouts in every run
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[1])
    raise SystemExit("no instruction count from callgrind:\n" + proc.stderr[-500:])


def gil_tui_wall(python: str, mode: str, workers: int, size: int) -> float:
    out = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "fib", "-m", mode, "-n", str(workers),
                          "--size", str(size), "--python", python, "--json"], capture_output=True, text=True,
                         check=True, cwd=os.path.dirname(HERE)).stdout
    result = json.loads(out)
    if result["status"] != "ok":
        raise SystemExit("gil-tui run failed: %s" % result["error"])
    return float(result["wall_s"])


def bare_wall(python: str, mode: str, workers: int, size: int) -> float:
    out = subprocess.run([python, "-s", "-c", BARE, mode, str(workers), str(size)], capture_output=True, text=True,
                         check=True).stdout
    return float(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=("wall", "reporting"), default=None)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions of the reporting cost under valgrind (exact, ~20 s)")
    args = parser.parse_args()
    version = subprocess.run([args.python, "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True, check=True).stdout.strip()
    print("fib(%d), %d workers, Python %s (%s), %d interleaved repeats, medians"
          % (args.size, args.workers, version, args.python, args.repeats))
    for mode in ("sequential", "threads") if args.only != "reporting" else ():
        lab, bare = [], []
        for i in range(args.repeats):
            if i % 2:
                bare.append(bare_wall(args.python, mode, args.workers, args.size))
            lab.append(gil_tui_wall(args.python, mode, args.workers, args.size))
            if not i % 2:
                bare.append(bare_wall(args.python, mode, args.workers, args.size))
        ratio = statistics.median(lab) / statistics.median(bare)
        pairs = sorted(a / b for a, b in zip(lab, bare))
        print("wall %-10s gil-tui %.4f s / bare %.4f s = %.3f  (target <= 1.03; pairs %.2f..%.2f)"
              % (mode, statistics.median(lab), statistics.median(bare), ratio, pairs[0], pairs[-1]))
    if args.only == "wall":
        return 0
    source = bootstrap.LOADER + "\nLAB_DIR = %r\n" % bootstrap.LAB_DIR + REPORTING
    out = subprocess.run([args.python, "-s", "-c", source, str(args.size), str(args.repeats * 4)],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    plain, reported = statistics.median(data["plain"]), statistics.median(data["reported"])
    per_tick_us = (reported - plain) / data["ticks"] * 1e6
    print("reporting  chunked fib + tick %.4f s / plain fib %.4f s = %.3f  (%d ticks, %.2f us each; target <= 1.01)"
          % (reported, plain, reported / plain, data["ticks"], per_tick_us))
    for workload, (silent, real, ticks) in data["races"].items():
        silent_s, real_s = statistics.median(silent), statistics.median(real)
        print("reporting  %-11s real ticks %.4f s / silent ticks %.4f s = %.3f  (%d ticks; target <= 1.01)"
              % (workload, real_s, silent_s, real_s / silent_s, ticks))
    if args.instructions:
        if shutil.which("valgrind") is None:
            print("instructions: valgrind not found")
            return 0
        size = min(args.size, 25)  # callgrind runs ~50x slower
        base, bare, rep = (instructions(args.python, size, v) for v in ("none", "plain", "reported"))
        print("reporting  instructions fib(%d): chunked fib + tick %d / plain fib %d = %.4f  (target <= 1.01)"
              % (size, rep - base, bare - base, (rep - base) / (bare - base)))
        # the lab's whole sequential run (board, records, watcher thread, result) against fib(n) twice, at two sizes:
        # what it adds once and what it adds per unit of work, then the ratio at --size. The part of the wall ratio
        # that is work the lab does, not the machine's noise (the watcher's 50 ms waits come ~50x as often per fib
        # under valgrind: an upper bound)
        extra, work = [], []
        for small in (25, 27):
            lab, twice = (instructions(args.python, small, v) for v in ("lab", "bare"))
            extra.append(lab - twice)
            work.append(twice - base)
            print("wall       instructions fib(%d) x 2 sequential: the lab's run %d / bare %d = %.4f"
                  % (small, lab - base, twice - base, (lab - base) / (twice - base)))
        per_work = (extra[1] - extra[0]) / (work[1] - work[0])
        fixed = extra[0] - per_work * work[0]
        at_size = work[1] * ((1 + 5 ** 0.5) / 2) ** (args.size - 27)  # fib(n) grows by the golden ratio per step
        print("wall       instructions, the lab's own: %.1f M once + %.2f %% of the work; at fib(%d) x 2: %.4f  "
              "(target <= 1.03)" % (fixed / 1e6, per_work * 100, args.size, 1 + (fixed + per_work * at_size) / at_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
