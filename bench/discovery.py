"""Discovery start-up: a cold discovery (every interpreter probed, in parallel) beside a warm one (the probe cache).

Prints medians over a few rounds and the ratio warm / cold. Run: python bench/discovery.py [rounds]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

from gil_tui.core.discovery import discover


def main(rounds: int = 5) -> None:
    cold, warm = [], []
    found = 0
    with tempfile.TemporaryDirectory() as d:
        for i in range(rounds):
            cache = os.path.join(d, "probes-%d.json" % i)
            t = time.perf_counter()
            result = discover(cache_path=cache)
            cold.append(time.perf_counter() - t)
            found = len(result.found)
            t = time.perf_counter()
            again = discover(cache_path=cache)
            warm.append(time.perf_counter() - t)
            assert again.probed == 0, "the warm round probed %d interpreters" % again.probed
    c, w = statistics.median(cold), statistics.median(warm)
    print("interpreters found:   %d" % found)
    print("cold discovery:       %.1f ms (median of %d)" % (c * 1e3, rounds))
    print("warm discovery:       %.1f ms (median of %d)" % (w * 1e3, rounds))
    print("warm / cold:          %.3f" % (w / c))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
