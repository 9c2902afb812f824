"""The workbench while it measures: screen-update gaps, the UI's CPU share, and the wall it costs the run.

Runs an 8-worker fib threads run shown live in a real terminal (tmux), side by side with the same run
through ``gil-tui run --json``, and prints:

  (a) p95 gap between screen updates of "Elapsed x.y s", target <= 100 ms, measured two ways: capture-pane
      polled every ~20 ms (its own jitter, tens of ms on a busy 2-core box, adds to the gaps), and the pane's
      output stream (tmux pipe-pane into a FIFO, timestamped as it arrives: what the terminal was sent, when)
  (b) the UI process's CPU share while the run is live (psutil, children excluded), target <= 10 % of a core
  (c) wall of the run in the app / wall of the same run through gil-tui run, target <= 1.03
  (d) bytes per second written to the terminal while the run is live, target <= 20 KB/s (what `top -d 0.1` writes)
  (e) key -> screen: in a second live run, `t` pressed every ~0.4 s (Lanes <-> Timeline); the time from send-keys
      to the first byte of the other tab reaching the terminal, target p95 <= 100 ms

The app reports its result through GIL_TUI_RESULT_LOG (a JSON line per finished run).

    python bench/ui_live.py [--size 32] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import psutil

ELAPSED = re.compile(r"Elapsed (\d+\.\d) s")
ELAPSED_BYTES = re.compile(rb"Elapsed (\d+\.\d) s")
POLL = 0.02
KEY_EVERY = 0.4  # seconds between presses of t in the key -> screen run
# what only the other tab draws, in the text the terminal was sent with its escape sequences taken out: the
# timeline's scale line, and a lane's "done/total" count (the CPU meter's "1.2/2 cores" has a one-digit total)
TAB_MARKERS = {"timeline": re.compile(rb"cell"), "lanes": re.compile(rb"\d/\d[\d,.]{2,}")}
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def command() -> str:
    found = shutil.which("gil-tui") or os.path.join(os.path.dirname(sys.executable), "gil-tui")
    if not os.access(found, os.X_OK):
        sys.exit("gil-tui is not installed")
    return found


def reference_wall(exe: str, size: int) -> float:
    out = subprocess.run([exe, "run", "-w", "fib", "-m", "threads", "-n", "8", "--size", str(size), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])["wall_s"]


def app_run(exe: str, size: int, width: int, height: int, keys: bool = False) -> dict:
    """One live run in tmux: the elapsed-text change times, the UI's CPU share, the bytes sent to the terminal and
    the result's wall; with ``keys``, t is pressed every ``KEY_EVERY`` s and each press's latency is measured."""
    tmux = [shutil.which("tmux") or "tmux", "-L", "gil-tui-bench-%s" % uuid.uuid4().hex[:8]]
    log = tempfile.NamedTemporaryFile(prefix="gil-tui-bench-", suffix=".jsonl", delete=False)
    log.close()
    fifo = log.name + ".fifo"
    os.mkfifo(fifo)
    # the shell waits for a key, so the output stream is tapped before the app draws its first frame
    line = "read go; exec env GIL_TUI_RESULT_LOG=%s %s -w fib -m threads -n 8 --size %d --run" % (log.name, exe, size)
    subprocess.run(tmux + ["new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height), line], check=True)
    streamed: list[float] = []
    chunks: list[tuple[float, bytes]] = []
    presses: list[tuple[float, str]] = []  # (sent at, the tab it should show)
    try:
        subprocess.run(tmux + ["pipe-pane", "-O", "-t", "b", "cat > %s" % fifo], check=True)
        reader = threading.Thread(target=_read_stream, args=(fifo, streamed, chunks), daemon=True)
        reader.start()
        subprocess.run(tmux + ["send-keys", "-t", "b", "Enter"], check=True)
        pid = int(subprocess.run(tmux + ["display", "-p", "-t", "b", "#{pane_pid}"], capture_output=True,
                                 text=True).stdout.strip())
        ui = psutil.Process(pid)
        changes: list[float] = []
        last = None
        polled = time.monotonic()
        cpu0 = wall0 = None
        showing = "lanes"
        next_key = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            screen = subprocess.run(tmux + ["capture-pane", "-p", "-t", "b"], capture_output=True, text=True).stdout
            now = time.monotonic()
            found = ELAPSED.search(screen)
            if found and found.group(1) != last:
                last = found.group(1)
                changes.append((polled + now) / 2)  # it changed between the previous capture and this one
                if cpu0 is None:
                    t = ui.cpu_times()
                    cpu0, wall0 = t.user + t.system, now
            if os.path.getsize(log.name):
                break
            if keys and cpu0 is not None and (next_key is None or now >= next_key):
                showing = "timeline" if showing == "lanes" else "lanes"
                presses.append((time.monotonic(), showing))
                subprocess.run(tmux + ["send-keys", "-t", "b", "t"])
                next_key = time.monotonic() + KEY_EVERY
            polled = now
            time.sleep(POLL)
        t = ui.cpu_times()
        live_end = time.monotonic()
        cpu_share = (t.user + t.system - cpu0) / (live_end - wall0) if cpu0 is not None else float("nan")
        with open(log.name) as f:
            result = json.loads(f.readline())
        subprocess.run(tmux + ["send-keys", "-t", "b", "q"])
        # the final "Elapsed" (frozen at the end) is not a live update
        gaps = [b - a for a, b in zip(changes, changes[1:])][:-1]
        stream_gaps = [b - a for a, b in zip(streamed, streamed[1:])][:-1]
        sent = sum(len(c) for at, c in chunks if wall0 is not None and wall0 <= at <= live_end)
        rate = sent / (live_end - wall0) if wall0 is not None else float("nan")
        return {"gaps": gaps, "stream_gaps": stream_gaps, "cpu_share": cpu_share, "wall": result["wall_s"],
                "status": result["status"], "bytes_per_s": rate, "key_latencies": key_latencies(presses, chunks),
                "presses": len(presses)}
    finally:
        time.sleep(0.3)
        subprocess.run(tmux + ["kill-server"], capture_output=True)
        os.unlink(log.name)
        os.unlink(fifo)


def key_latencies(presses: list[tuple[float, str]], chunks: list[tuple[float, bytes]]) -> list[float]:
    """For each press, the time until the terminal had received what draws the tab it asked for (presses whose tab
    never showed before the next press are left out: the next one switches back). The bytes since the press are
    searched as one text without escape sequences: a marker can straddle two reads, or have colours inside."""
    latencies = []
    for i, (sent, tab) in enumerate(presses):
        until = presses[i + 1][0] if i + 1 < len(presses) else float("inf")
        received = b""
        for at, chunk in chunks:
            if sent <= at < until:
                received += chunk
                if TAB_MARKERS[tab].search(ESCAPES.sub(b"", received)):
                    latencies.append(at - sent)
                    break
    return latencies


def _read_stream(fifo: str, changes: list[float], chunks: list[tuple[float, bytes]]) -> None:
    """Timestamp each new "Elapsed x.y s" as the app's output reaches the terminal, and keep every chunk."""
    last = None
    tail = b""
    with open(fifo, "rb", buffering=0) as stream:
        while True:
            chunk = stream.read(65536)
            if not chunk:
                return
            now = time.monotonic()
            chunks.append((now, chunk))
            data = tail + chunk
            for found in ELAPSED_BYTES.finditer(data):
                if found.group(1) != last:
                    last = found.group(1)
                    changes.append(now)
            tail = data[-32:]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=32, help="fib(n) per task (default 32: a few seconds)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--height", type=int, default=24)
    args = parser.parse_args()
    exe = command()
    refs, apps, keyed = [], [], []
    for _ in range(args.repeat):  # interleaved, so machine noise hits both sides alike
        refs.append(reference_wall(exe, args.size))
        apps.append(app_run(exe, args.size, args.width, args.height))
        keyed.append(app_run(exe, args.size, args.width, args.height, keys=True))
    gaps = [g for run in apps for g in run["gaps"]]
    stream = [g for run in apps for g in run["stream_gaps"]]
    ref, app = statistics.median(refs), statistics.median(r["wall"] for r in apps)
    share = statistics.median(r["cpu_share"] for r in apps)
    print("fib threads, 8 workers, size %d, %dx%d terminal, %d runs each side" % (
        args.size, args.width, args.height, args.repeat))
    print("  gil-tui run walls: %s" % ", ".join("%.3f" % w for w in refs))
    print("  app walls:         %s" % ", ".join("%.3f" % r["wall"] for r in apps))
    for label, values in (("terminal stream", stream), ("capture-pane", gaps)):
        print("(a) elapsed-update gap, %s: p95 %.0f ms, median %.0f ms, max %.0f ms over %d gaps   "
              "target p95 <= 100 ms" % (label, p95(values) * 1e3, statistics.median(values) * 1e3,
                                        max(values) * 1e3, len(values)))
    print("(b) UI process CPU while live: %.1f %% of one core   target <= 10 %%" % (share * 100))
    print("(c) wall in app / wall in gil-tui run: %.3f   target <= 1.03" % (app / ref))
    print("(d) bytes to the terminal while live: %.1f KB/s (median run)   target <= 20 KB/s" % (
        statistics.median(r["bytes_per_s"] for r in apps) / 1e3))
    latencies = [v for run in keyed for v in run["key_latencies"]]
    presses = sum(run["presses"] for run in keyed)
    if latencies:
        print("(e) key -> screen (t during the run): p95 %.0f ms, median %.0f ms, max %.0f ms, %d of %d presses "
              "shown before the next   target p95 <= 100 ms"
              % (p95(latencies) * 1e3, statistics.median(latencies) * 1e3, max(latencies) * 1e3, len(latencies),
                 presses))
    else:
        print("(e) key -> screen: no press reached the screen (the run ended too soon? try a larger --size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
