"""Every performance figure gil-tui tracks, as ratios measured side by side in one run.

  1. workload wall through gil-tui run / the same fib in a bare script, sequential and threads (bench/overhead.py)
  2. the live UI in a real terminal (tmux): p95 gap between screen updates, the UI's CPU share (bench/ui_live.py)
  3. start-up to first frame: gil-tui / a minimal Textual app, both in tmux, read off the screen
  4. processes speedup on fib / the machine's cores

Each side of a ratio is measured interleaved with the other, so a noisy neighbour hits both alike.

    python bench/report.py [--repeats 5] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import overhead  # noqa: E402
import ui_live  # noqa: E402

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("minimal-ready")


Minimal().run()
"""


def machine() -> str:
    import psutil

    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return "%s, %d cores (%s), %.1f GiB RAM, %s, Python %s" % (
        platform.machine(), os.cpu_count() or 0, model, psutil.virtual_memory().total / 2 ** 30,
        platform.platform(terse=True), platform.python_version())


def first_frame(command: str, marker: str, width: int = 100, height: int = 30) -> float:
    """Seconds from starting ``command`` in a tmux pane to ``marker`` on its screen."""
    tmux = [shutil.which("tmux") or "tmux", "-L", "gil-tui-report-%s" % uuid.uuid4().hex[:8]]
    # the shell waits for a key, so the clock starts when the command does, not when tmux does
    subprocess.run(tmux + ["new-session", "-d", "-s", "f", "-x", str(width), "-y", str(height),
                           "read go; exec " + command], check=True)
    try:
        time.sleep(0.2)
        subprocess.run(tmux + ["send-keys", "-t", "f", "Enter"], check=True)
        t0 = time.monotonic()
        while time.monotonic() - t0 < 60:
            screen = subprocess.run(tmux + ["capture-pane", "-p", "-t", "f"], capture_output=True, text=True).stdout
            if marker in screen:
                return time.monotonic() - t0
            time.sleep(0.005)
        raise SystemExit("%r never showed %r" % (command, marker))
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)


def processes_speedup(workers: int, size: int) -> float:
    out = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "fib", "-m", "sequential,processes", "-n",
                          str(workers), "--size", str(size), "--json"], capture_output=True, text=True,
                         check=True).stdout
    results = {r["mode"]: r for r in map(json.loads, out.splitlines())}
    return float(results["processes"]["speedup"])


def line(name: str, ratio: float, detail: str, target: str) -> None:
    print("  %-34s %7.3f   %-44s %s" % (name, ratio, detail, target))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats of each measurement")
    parser.add_argument("--quick", action="store_true", help="smaller sizes and 3 repeats (a smoke run)")
    args = parser.parse_args()
    repeats = 3 if args.quick else args.repeats
    size = 27 if args.quick else 30
    cores = os.cpu_count() or 1
    exe = ui_live.command()
    print("gil-tui performance report — %s" % time.strftime("%Y-%m-%d %H:%M"))
    print("machine: %s" % machine())
    print("  %-34s %7s   %-44s %s" % ("figure", "ratio", "measured", "target"))

    for mode in ("sequential", "threads"):
        lab, bare = [], []
        for _ in range(repeats):
            lab.append(overhead.gil_tui_wall(sys.executable, mode, 2, size))
            bare.append(overhead.bare_wall(sys.executable, mode, 2, size))
        lab_s, bare_s = statistics.median(lab), statistics.median(bare)
        line("fib %s wall: gil-tui / bare" % mode, lab_s / bare_s,
             "%.3f s / %.3f s (fib(%d) x 2, median of %d)" % (lab_s, bare_s, size, repeats), "<= 1.03")

    if shutil.which("tmux") is None:
        print("  (tmux not found: no UI or start-up figures)")
    else:
        runs = [ui_live.app_run(exe, size + 1, 80, 24) for _ in range(max(1, repeats // 2))]
        stream = [g for run in runs for g in run["stream_gaps"]]
        share = statistics.median(run["cpu_share"] for run in runs)
        if stream:
            gap = ui_live.p95(stream)
            line("UI frame gap p95 / 100 ms", gap / 0.1, "%.0f ms over %d gaps (fib threads x 8, 80x24)" % (
                gap * 1e3, len(stream)), "<= 1")
        line("UI CPU share / 10 % of a core", share / 0.1, "%.1f %% of one core while the run is live" % (
            share * 100), "<= 1")
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(MINIMAL_APP)
        try:
            ours, minimal = [], []
            for _ in range(repeats):
                ours.append(first_frame(exe, "History"))
                minimal.append(first_frame("%s %s" % (sys.executable, f.name), "minimal-ready"))
        finally:
            os.unlink(f.name)
        ours_s, minimal_s = statistics.median(ours), statistics.median(minimal)
        line("start-up to first frame / minimal", ours_s / minimal_s,
             "%.2f s / %.2f s (median of %d)" % (ours_s, minimal_s, repeats), "as low as it goes")

    big = size + 3  # processes start in ~50 ms each: give each task ~0.4 s of work
    speedups = [processes_speedup(cores, big) for _ in range(max(1, repeats // 2))]
    speedup = statistics.median(speedups)
    line("processes speedup / cores", speedup / cores, "%.2fx on %d cores (fib(%d) x %d)" % (
        speedup, cores, big, cores), "near 1 on an idle box")
    return 0


if __name__ == "__main__":
    sys.exit(main())
