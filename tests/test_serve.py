"""``gil-tui serve``: textual-serve on localhost answers with its page; bad options are one line and exit 2.

The browser check (headless Chromium renders the app) is in ``test_serve_browser.py``, marked ``serve``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import psutil
import pytest

pytest.importorskip("textual_serve")

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def outside_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (none on a machine without a network)."""
    return [a.address for addrs in psutil.net_if_addrs().values() for a in addrs
            if a.family == socket.AF_INET and not a.address.startswith("127.")]


def start_server(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gil_tui", "serve", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def get(url: str, proc: subprocess.Popen) -> str:
    """The page at ``url`` once the server answers (fails if it exits or does not answer in time)."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.1)


def stop(proc: subprocess.Popen) -> int:
    os.killpg(proc.pid, signal.SIGINT)
    try:
        return proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.mark.slow
def test_serves_the_textual_page_on_localhost_only():
    port = free_port()
    proc = start_server("--port", str(port), "-w", "race", "--lang", "es")
    try:
        page = get("http://127.0.0.1:%d/" % port, proc)
        assert "<title>gil-tui</title>" in page or "gil-tui" in page
        assert "ws://127.0.0.1:%d/ws" % port in page
        assert "textual.js" in page
        # bound to localhost: another address of this machine does not answer
        for address in outside_addresses():
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=2).close()
    finally:
        assert stop(proc) in (0, -signal.SIGINT, 130)


def test_bad_options_exit_2_with_one_line():
    for argv in (["--port", "http"], ["--port", "70000"], ["-w", "nope"], ["-n", "0"], ["--demo", "--auto", "x"]):
        done = subprocess.run([sys.executable, "-m", "gil_tui", "serve", *argv], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 2, (argv, done.stderr)
        assert done.stderr.startswith("gil-tui serve: error:") and done.stderr.count("\n") == 1, done.stderr


def test_a_port_in_use_is_one_line_and_exit_1():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "gil_tui", "serve", "--port", str(port)], capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 1
    assert "cannot listen on 127.0.0.1:%d" % port in done.stderr and done.stderr.count("\n") == 1
