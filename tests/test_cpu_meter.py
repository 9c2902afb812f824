"""The CPU meter reports one value per core, and sees a busy core as busy."""

import time

import psutil

from gil_tui.core.cpu_meter import CpuMeter


def test_one_value_per_core_within_0_and_100():
    meter = CpuMeter()
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:  # keep one core busy for the sample to see
        pass
    values = meter.sample()
    assert len(values) == psutil.cpu_count(logical=True) == meter.cores
    assert all(0.0 <= v <= 100.0 for v in values)
    assert max(values) > 30.0  # this process spun a whole core for 0.3 s
    assert meter.total() == sum(values) / 100.0
