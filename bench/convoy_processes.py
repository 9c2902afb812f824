"""The convoy under processes: gil-tui's figure against a bare 30-line script doing the same thing, interleaved.

    python bench/convoy_processes.py [--python EXE] [--repeats 6] [--cpu 2]

Since 2026-11-26 the lab holds the I/O task and its echo peer on one core and the CPU tasks on the others (where
there are 2 cores or more); "bare, apart" is the bare script placed the same way.

Each repeat runs ``gil-tui run -w convoy -m processes -n <cpu+1>`` (1-byte round trips with an echo process, alone,
then beside <cpu> processes computing fib), and a bare script: the same round trips over a socketpair with an echo
process, alone for 1 s, beside <cpu> processes looping on fib for 1 s, then alone again. Prints each run's
alone -> loaded ratio for both, and for the bare script with the two ends of the round trip held on one core
("same") or on two ("split"; sched_setaffinity, the CPU processes left free). Target (issue 13): processes lose
< 2x. On a 2-core machine with 2 CPU processes the ratio depends on where the kernel places the two ends next to the
busy processes: each trip woken on the other core has to preempt a fib process there. Exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

BARE = r"""
import multiprocessing as mp, os, socket, sys, time
# where the two ends of the round trip run: "free" (the kernel decides), "same" core, "split" over two cores, or
# "apart": both on core 0 and the CPU processes on the other cores (the lab's placement, lab.echo.cores)
ENDS = sys.argv[2]
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def burn(stop):
    while not stop.is_set():
        fib(20)
def echo(end, other):
    other.close()
    if ENDS != "free":
        os.sched_setaffinity(0, {1 if ENDS == "split" else 0})
    while True:
        data = end.recv(1)
        if not data:
            break
        end.sendall(data)
def rate(conn, seconds=1.0):
    trips, t0 = 0, time.monotonic()
    while time.monotonic() - t0 < seconds:
        conn.sendall(b"x")
        conn.recv(1)
        trips += 1
    return trips / (time.monotonic() - t0)
if __name__ == "__main__":
    mp.set_start_method("fork")
    mine, theirs = socket.socketpair()
    peer = mp.Process(target=echo, args=(theirs, mine))
    peer.start()
    theirs.close()
    if ENDS != "free":
        os.sched_setaffinity(0, {0})
    alone = rate(mine)
    stop = mp.Event()
    burners = [mp.Process(target=burn, args=(stop,)) for _ in range(int(sys.argv[1]))]
    for b in burners:
        b.start()
        # the CPU processes go where the kernel puts them, or (apart) on the cores the round trip does not use
        os.sched_setaffinity(b.pid, range(1, os.cpu_count()) if ENDS == "apart" else range(os.cpu_count()))
    time.sleep(0.2)
    loaded = rate(mine)
    stop.set()
    for b in burners:
        b.join()
    alone = max(alone, rate(mine))  # as the lab does: the better of two windows alone
    mine.close()
    peer.join()
    print(alone / loaded)
"""


def lab_ratio(python: str, cpu: int) -> float:
    out = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "convoy", "-m", "processes", "-n",
                          str(cpu + 1), "--python", python, "--json"], capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(HERE)).stdout
    convoy = json.loads(out)["convoy"]
    return float(convoy["alone_per_s"] / convoy["loaded_per_s"])


def bare_ratio(python: str, cpu: int, ends: str = "free") -> float:
    out = subprocess.run([python, "-s", "-c", BARE, str(cpu), ends], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return float(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeats", type=int, default=6)
    parser.add_argument("--cpu", type=int, default=2, help="CPU-bound processes beside the round trips")
    args = parser.parse_args()
    lab: list[float] = []
    bare: list[float] = []
    same: list[float] = []
    split: list[float] = []
    apart: list[float] = []
    pinned = (os.cpu_count() or 1) > 1 and hasattr(os, "sched_setaffinity")
    for i in range(args.repeats):  # interleaved: the machine's mood weighs on all alike
        runs = [lambda: lab.append(lab_ratio(args.python, args.cpu)),
                lambda: bare.append(bare_ratio(args.python, args.cpu))]
        if pinned:
            runs += [lambda: same.append(bare_ratio(args.python, args.cpu, "same")),
                     lambda: split.append(bare_ratio(args.python, args.cpu, "split")),
                     lambda: apart.append(bare_ratio(args.python, args.cpu, "apart"))]
        for run in runs if i % 2 == 0 else runs[::-1]:
            run()
    print("round trips alone / beside %d CPU processes, %d cores, load %.2f, %d runs each:"
          % (args.cpu, os.cpu_count() or 0, os.getloadavg()[0], args.repeats))
    rows = [("gil-tui convoy", lab), ("bare script", bare)]
    if pinned:  # the bare script with its two ends held on one core, or on two; then as the lab holds them
        rows += [("bare, same core", same), ("bare, two cores", split), ("bare, apart", apart)]
    for name, values in rows:
        print("  %-15s median %.1fx  (%s)   target < 2x" % (name, statistics.median(values),
                                                          " ".join("%.1f" % v for v in values)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
