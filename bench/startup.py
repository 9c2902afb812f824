"""Start-up alone: time from launching ``gil-tui`` to its first full frame, against a minimal Textual app, at 80x24.

The same measurement as item 3 of ``bench/report.py`` (its ``first_frame`` and minimal app), without the rest of the
report, at the size SSH users have and with the workbench's ready text as the marker. Both sides alternate,
``--repeat`` times each. Prints the medians and their ratio; target <= 1.3 (issue 11).

    python bench/startup.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from report import MINIMAL_APP, first_frame  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    ours = "%s -m gil_tui -w fib" % sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        minimal = os.path.join(tmp, "minimal.py")
        with open(minimal, "w", encoding="utf-8") as f:
            f.write(MINIMAL_APP)
        theirs = "%s %s" % (sys.executable, minimal)
        first_frame(ours, "Press r to run", 80, 24)  # warm the caches both use (discovery's, the OS's)
        first_frame(theirs, "minimal-ready", 80, 24)
        gil_tui, textual = [], []
        for _ in range(args.repeat):
            gil_tui.append(first_frame(ours, "Press r to run", 80, 24))
            textual.append(first_frame(theirs, "minimal-ready", 80, 24))
    a, b = statistics.median(gil_tui), statistics.median(textual)
    print("first frame, median of %d, 80x24 in tmux (load %.2f):" % (args.repeat, os.getloadavg()[0]))
    print("  gil-tui          %.3f s  (%s)" % (a, " ".join("%.2f" % v for v in gil_tui)))
    print("  minimal Textual  %.3f s  (%s)" % (b, " ".join("%.2f" % v for v in textual)))
    print("  ratio %.2f  (target <= 1.30)" % (a / b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
