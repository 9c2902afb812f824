"""Probing hostile "interpreters", in a real terminal (issue 14, items 9, 10, 11).

- 9: a ``python3.95`` that writes without end (``yes``) is cut off at 64 KiB and named, in seconds, not after 31 s and
  7.5 GiB.
- 10: one that hangs and forks a daemon holding the probe's pipe ends within ``--timeout``; the timeout is not cached
  as "unusable", nor is "Too many open files"; with such a candidate on PATH the workbench waits for discovery at
  most 2 s, and remembers it as slow, so later starts probe it in the background without waiting.
- 11: a type-damaged probes.json is a cold start for ``interpreters`` and ``run``, never a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
import time

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow

MEMORY_GUARD = "prlimit --as=3000000000"  # if the cap is ever lost, the yes-writer must not eat the machine


def _script(path: str, body: str) -> str:
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _rows(path: str) -> dict[str, dict]:
    with open(path) as f:
        return {row["path"]: row for row in map(json.loads, f) if row}


@pytest.fixture
def daemon_pids():
    """Pids the fake interpreters left behind in their own sessions: killed at the end whatever happened."""
    pids: list[str] = []
    yield pids
    for pidfile in pids:
        try:
            with open(pidfile) as f:
                for line in f:
                    os.kill(int(line), signal.SIGKILL)
        except (OSError, ValueError):
            pass


def test_a_probe_that_writes_without_end_is_cut_off(tmp_path):
    yes = _script(str(tmp_path / "python3.95"), "exec yes")
    out = str(tmp_path / "out.jsonl")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    start = time.monotonic()
    with Terminal("interpreters --python %s --json --timeout 20 > %s" % (yes, out), env=env, prefix=MEMORY_GUARD,
                  keep=True) as term:
        code = term.exit_code(timeout=60)
        took = time.monotonic() - start
        assert code == 0, term.screen()
    row = _rows(out)[yes]
    assert not row["usable"] and "more than 64 KiB" in row["reason"], row
    assert took < 15, took  # not the probe's 20 s timeout: stopped at the cap


def _hanging(directory: str, pidfile: str) -> str:
    """A python3.95 whose probe never answers and leaves a daemon (its own session) holding the probe's pipes."""
    return _script(os.path.join(directory, "python3.95"),
                   "setsid sleep 300 &\necho $! >> %s\nexec sleep 300" % pidfile)


def test_a_hanging_probe_with_a_daemon_ends_at_its_timeout_and_is_not_cached(tmp_path, daemon_pids):
    pidfile = str(tmp_path / "pids")
    daemon_pids.append(pidfile)
    hangs = _hanging(str(tmp_path), pidfile)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    for attempt in (1, 2):
        out = str(tmp_path / ("out%d.jsonl" % attempt))
        start = time.monotonic()
        with Terminal("interpreters --python %s --json --timeout 2 > %s" % (hangs, out), env=env, keep=True) as term:
            code = term.exit_code(timeout=60)
            took = time.monotonic() - start
            assert code == 0, term.screen()
        row = _rows(out)[hangs]
        assert row["reason"] == "did not answer within 2 s" and not row["cached"], (attempt, row)
        assert took < 12, (attempt, took)  # 2 s of probing and the start-up: not the daemon's 300 s


def test_too_many_open_files_is_not_remembered(tmp_path):
    """A probe that could not start for want of file descriptors (other jobs, a low limit) is tried again next time."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    real = os.path.realpath(sys.executable)
    starved, normal = str(tmp_path / "starved.jsonl"), str(tmp_path / "normal.jsonl")
    with Terminal("interpreters --python %s --json > %s" % (real, starved), env=env, prefix="prlimit --nofile=8",
                  keep=True) as term:
        assert term.exit_code(timeout=60) == 0, term.screen()
    row = _rows(starved)[real]
    assert not row["usable"] and "Too many open files" in row["reason"], row
    with Terminal("interpreters --python %s --json > %s" % (real, normal), env=env, keep=True) as term:
        assert term.exit_code(timeout=60) == 0, term.screen()
    row = _rows(normal)[real]
    assert row["usable"] and not row["cached"], row


def _first_frame(env: dict[str, str]) -> float:
    start = time.monotonic()
    with Terminal("-w sleep", env=env) as term:
        term.wait_for("Press r to run", timeout=60)
        took = time.monotonic() - start
        term.send("q")
        term.wait_gone(15)
    return took


def test_a_hanging_candidate_on_path_costs_the_workbench_little(tmp_path, daemon_pids):
    pidfile = str(tmp_path / "pids")
    daemon_pids.append(pidfile)
    fake = tmp_path / "fake"
    fake.mkdir()
    _hanging(str(fake), pidfile)
    cache = str(tmp_path / "cache")
    path = os.environ.get("PATH", "")
    plain = {"XDG_CACHE_HOME": cache, "PATH": path}
    with_hang = {"XDG_CACHE_HOME": cache, "PATH": str(fake) + os.pathsep + path}
    _first_frame(plain)  # warm the cache: every real interpreter answers from it from now on
    quick = min(_first_frame(plain), _first_frame(plain))
    slow = _first_frame(with_hang)
    # before: discovery waited out the 5 s probe timeout at every start
    assert slow - quick < 3.5, (quick, slow)
    # remembered as slow, not as unusable: the next start probes it in the background without waiting
    with open(os.path.join(cache, "gil-tui", "probes.json")) as f:
        entry = json.load(f)["entries"][str(fake / "python3.95")]
    assert entry.get("slow") is True and "error" not in entry and "interpreter" not in entry, entry


DAMAGED = [
    {"version": 1, "entries": {os.path.realpath(sys.executable): "x"}},
    {"version": 1, "entries": "x"},
    {"version": 1, "entries": {os.path.realpath(sys.executable): {"mtime_ns": 1, "size": 2, "interpreter": "x"}}},
    {"version": 1, "entries": {os.path.realpath(sys.executable): {"mtime_ns": "x", "size": None}}},
    [1, 2],
]


@pytest.mark.parametrize("damage", range(len(DAMAGED)))
def test_a_damaged_probe_cache_is_a_cold_start(tmp_path, damage):
    data = DAMAGED[damage]
    if damage == 2:  # stamped like the real binary, so the entry is used, not skipped as stale
        st = os.stat(os.path.realpath(sys.executable))
        entry = data["entries"][os.path.realpath(sys.executable)]  # type: ignore[index]
        entry["mtime_ns"], entry["size"] = st.st_mtime_ns, st.st_size
    (tmp_path / "cache" / "gil-tui").mkdir(parents=True)
    (tmp_path / "cache" / "gil-tui" / "probes.json").write_text(json.dumps(data))
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    with Terminal("interpreters --python %s" % sys.executable, 120, 40, env=env, keep=True) as term:
        code = term.exit_code(timeout=90)
        screen = term.screen()
        assert code == 0 and "Traceback" not in screen, screen
    with Terminal("run -w sleep --size 0.05 -n 1 -m sequential --python %s" % sys.executable, env=env,
                  keep=True) as term:
        code = term.exit_code(timeout=90)
        screen = term.screen()
        assert code == 0 and "Traceback" not in screen, screen
