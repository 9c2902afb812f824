"""The responsiveness probe: a thread of the lab's own process that sleeps 1 ms in a loop and records how late
it wakes. Under a GIL held by CPU-bound threads a waking thread must wait for the GIL too, up to the switch
interval, every time; with processes or without a GIL it only waits for a CPU.

Each wake-up also goes to the board (count, lateness added up, the worst since the parent last looked), so a
live view can draw it while the run goes.
"""

import threading
import time

from .board import H_PHASE, H_PROBE_LATE_US, H_PROBE_MAX_US, H_PROBE_WAKES

INTERVAL = 0.001  # seconds the probe asks to sleep


class Probe(object):
    def __init__(self, words, interval=INTERVAL, convoy=False):
        """``convoy``: the statistics keep only the wake-ups made while the convoy's CPU tasks compute (phase 2)."""
        self.words = words
        self.convoy = convoy
        self.interval = interval
        self.late_ns = []  # type: list
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gil-lab-probe", daemon=True)

    def start(self):
        self._thread.start()
        return self

    def _run(self):
        clock, sleep, words, late_ns = time.monotonic_ns, time.sleep, self.words, self.late_ns
        asked = int(self.interval * 1e9)
        stop = self._stop
        convoy = self.convoy
        while not stop.is_set():
            before = clock()
            sleep(self.interval)
            late = max(0, clock() - before - asked)
            if not convoy or words[H_PHASE] == 2:  # the statistics; the board (the live view) gets every wake-up
                late_ns.append(late)
            late_us = late // 1000
            words[H_PROBE_WAKES] += 1
            words[H_PROBE_LATE_US] += late_us
            if late_us > words[H_PROBE_MAX_US]:
                words[H_PROBE_MAX_US] = late_us

    def stop(self):
        self._stop.set()
        self._thread.join(5.0)
        return self.report()

    def report(self):
        late = sorted(self.late_ns)
        n = len(late)

        def pick(q):
            return None if not n else late[min(n - 1, int(round(q * (n - 1))))] / 1e6

        return {"interval_s": self.interval, "wakeups": n, "p50_ms": pick(0.5), "p99_ms": pick(0.99),
                "max_ms": late[-1] / 1e6 if n else None}
