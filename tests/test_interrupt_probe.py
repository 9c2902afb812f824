"""Ctrl-C while gil-tui waits on a hanging interpreter's probe: out at once, exit 130, the probe gone too."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import psutil
import pytest

pytestmark = pytest.mark.slow


def test_ctrl_c_during_a_hanging_probe_exits_130_at_once_and_ends_the_probe(tmp_path):
    hanging = tmp_path / "python3"
    hanging.write_text("#!/bin/sh\nsleep 60\n")
    hanging.chmod(0o755)
    gil_tui = subprocess.Popen([sys.executable, "-m", "gil_tui", "run", "--python", str(hanging)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(gil_tui.pid)
    deadline = time.monotonic() + 20
    probes: list[psutil.Process] = []
    while not probes:  # the probe is running once its sleep is
        assert time.monotonic() < deadline, "the probe never started"
        probes = [p for p in parent.children(recursive=True) if "sleep" in " ".join(p.cmdline())]
        time.sleep(0.05)
    sent = time.monotonic()
    gil_tui.send_signal(signal.SIGINT)
    out, err = gil_tui.communicate(timeout=10)
    took = time.monotonic() - sent
    assert gil_tui.returncode == 130
    assert err.strip().splitlines() == ["gil-tui: interrupted"], err
    assert took < 3, "Ctrl-C took %.1f s: it waited for the probe's timeout" % took
    gone, alive = psutil.wait_procs(probes, timeout=2)
    assert not alive
