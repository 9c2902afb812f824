"""Start-up: time from launching ``gil-tui`` to its first full frame, against a minimal Textual app, in tmux.

Both are started in a real terminal (a private tmux server, 80x24), alternately, ``--repeat`` times each; the clock
stops when ``capture-pane`` first shows the app's ready text (the workbench's "Press r to run", the minimal app's
"ready" line). Polling every 10 ms adds the same jitter to both. Prints the medians and their ratio; target <= 1.3.

    python bench/startup.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

MINIMAL = '''
from textual.app import App
from textual.widgets import Footer, Static


class Minimal(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("ready")
        yield Footer()


Minimal().run()
'''


def first_frame(command: str, ready: str, timeout: float = 30.0) -> float:
    tmux = [shutil.which("tmux") or "tmux", "-L", "bench-%s" % uuid.uuid4().hex[:8]]
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    started = time.perf_counter()
    subprocess.run(tmux + ["new-session", "-d", "-s", "s", "-x", "80", "-y", "24", command], check=True, env=env)
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(tmux + ["capture-pane", "-p", "-t", "s"], capture_output=True, text=True).stdout
            if ready in screen:
                return time.perf_counter() - started
            time.sleep(0.01)
        raise TimeoutError("%r never showed %r" % (command, ready))
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        minimal = os.path.join(tmp, "minimal.py")
        with open(minimal, "w", encoding="utf-8") as f:
            f.write(MINIMAL)
        ours = "%s -m gil_tui -w fib" % sys.executable
        theirs = "%s %s" % (sys.executable, minimal)
        first_frame(ours, "Press r to run")  # warm the caches both will use (discovery's, the OS's)
        first_frame(theirs, "ready")
        gil_tui, textual = [], []
        for _ in range(args.repeat):
            gil_tui.append(first_frame(ours, "Press r to run"))
            textual.append(first_frame(theirs, "ready"))
    a, b = statistics.median(gil_tui), statistics.median(textual)
    print("first frame, median of %d, 80x24 in tmux (load %.2f):" % (args.repeat, os.getloadavg()[0]))
    print("  gil-tui          %.3f s  (%s)" % (a, " ".join("%.2f" % v for v in gil_tui)))
    print("  minimal Textual  %.3f s  (%s)" % (b, " ".join("%.2f" % v for v in textual)))
    print("  ratio %.2f  (target <= 1.30)" % (a / b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
