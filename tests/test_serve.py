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


def _tab_processes(server: subprocess.Popen, port: int, run: bool) -> list[psutil.Process]:
    """Open a browser tab's websocket (as textual.js does), wait until the app has drawn, press r when ``run``, and
    leave the socket open; every process the server started for it."""
    import asyncio
    import json

    aiohttp = pytest.importorskip("aiohttp")

    async def open_tab() -> list[psutil.Process]:
        get("http://127.0.0.1:%d/" % port, server)
        session = aiohttp.ClientSession()
        socket_ = await session.ws_connect("http://127.0.0.1:%d/ws?width=80&height=24" % port)
        drawn = 0
        deadline = time.monotonic() + START_TIMEOUT
        while drawn < 20000 and time.monotonic() < deadline:  # the first frame is ~40 KB of escapes
            message = await socket_.receive(timeout=START_TIMEOUT)
            drawn += len(message.data) if isinstance(message.data, (bytes, str)) else 0
        assert drawn >= 20000, "the app did not draw"
        if run:
            await socket_.send_str(json.dumps(["stdin", "r"]))
            await asyncio.sleep(1.0)
        return psutil.Process(server.pid).children(recursive=True)  # the socket is left open, as a tab would

    return asyncio.run(open_tab())


@pytest.mark.slow
@pytest.mark.parametrize("run", [False, True], ids=["idle", "running"])
def test_a_tab_s_app_ends_when_its_server_is_killed(run):
    """A server killed without stopping its apps (SIGKILL, a crash) closes their stdin: every app it started, and
    any lab run in progress, ends within seconds instead of living on under PID 1."""
    port = free_port()
    server = start_server("--port", str(port), "-w", "sleep", "-n", "2", "--size", "30")
    try:
        processes = _tab_processes(server, port, run)
        assert any("gil_tui" in " ".join(p.cmdline()) for p in processes)
    finally:
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
    gone, alive = psutil.wait_procs(processes, timeout=15)
    for process in alive:
        process.kill()
    assert not alive, "left running after the server died: %s" % [p.cmdline() for p in alive]
