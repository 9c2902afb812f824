"""The machine's per-core CPU use, sampled with psutil: what the app shows beside a live run.

``psutil.cpu_percent(percpu=True)`` reports the use since its previous call, so the meter primes it
once and every ``sample()`` then covers the time since the last one: poll it from the UI's timer
(a few times a second); it never blocks.
"""

from __future__ import annotations

import psutil


class CpuMeter:
    def __init__(self) -> None:
        self.cores = psutil.cpu_count(logical=True) or 1
        psutil.cpu_percent(percpu=True)  # start the interval the first sample covers
        self.last: list[float] = [0.0] * self.cores

    def sample(self) -> list[float]:
        """Percent busy per logical core since the previous sample, each in [0, 100]."""
        values = psutil.cpu_percent(percpu=True)
        self.last = [min(100.0, max(0.0, float(v))) for v in values]
        return self.last

    def total(self) -> float:
        """The last sample as cores in use (0 .. number of cores), like a run's "cores used"."""
        return sum(self.last) / 100.0
