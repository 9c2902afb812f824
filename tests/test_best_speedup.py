"""Issue 12: a comparison of interpreters also gives each run's speedup against the fastest sequential run of ANY of
them (3.13t threads can beat their own sequential run and still lose to 3.13's single thread)."""

from __future__ import annotations

import glob
import os
import subprocess
import sys

import pytest

from gil_tui.core.model import Python, RunResult
from gil_tui.core.speedup import fastest_sequential, speedup_vs_fastest


def result(mode: str, wall: float, version: str, free: bool = False) -> RunResult:
    return RunResult("fib", mode, 4, 30, Python("/p/" + version, version, free, not free), status="ok", wall_s=wall)


def test_speedup_against_the_fastest_sequential_run_of_any_interpreter():
    fast_seq, slow_seq = result("sequential", 1.0, "3.13.5"), result("sequential", 2.0, "3.13.5t", True)
    free_threads = result("threads", 0.8, "3.13.5t", True)
    runs = [slow_seq, free_threads, fast_seq, result("threads", 1.1, "3.13.5")]
    assert fastest_sequential(free_threads, runs) is fast_seq
    assert speedup_vs_fastest(free_threads, runs) == pytest.approx(1.25)  # 2.5× over its own, 1.25× over the best
    assert speedup_vs_fastest(slow_seq, runs) == pytest.approx(0.5)
    other_work = result("threads", 0.5, "3.13.5").replace(size=31)
    assert speedup_vs_fastest(other_work, runs) is None


@pytest.mark.timeout(300)
def test_run_with_two_pythons_prints_the_vs_best_column():
    others = [p for p in glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3.*"))
              if os.access(p, os.X_OK) and not p.endswith("-config")]
    if not others:
        pytest.skip("no second interpreter here")
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "fib", "-n", "2", "--size", "18",
                           "--python", "%s,%s" % (sys.executable, sorted(others)[0])],
                          capture_output=True, text=True, timeout=240, env=dict(os.environ, COLUMNS="120"))
    assert proc.returncode == 0, proc.stderr
    assert "vs best" in proc.stdout and "fastest sequential run of any Python" in proc.stdout, proc.stdout
