"""``gil-tui serve``: textual-serve on localhost answers with its page; bad options are one line and exit 2.

The browser check (headless Chromium renders the app) is in ``test_serve_browser.py``, marked ``serve``.
"""

from __future__ import annotations

import os
import re
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
    """``gil-tui serve ARGV``; its export folder a new temporary one unless ARGV names one (not ./gil-tui-exports)."""
    import tempfile

    if "--export-dir" not in argv:
        argv += ("--export-dir", os.path.join(tempfile.mkdtemp(prefix="gil-tui-serve-test-"), "exports"))
    return subprocess.Popen([sys.executable, "-m", "gil_tui", "serve", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


LINKS: dict[int, str] = {}


def link(proc: subprocess.Popen) -> str:
    """The link (with its token) the server printed on its startup lines. A thread reads (and keeps draining) the
    server's output, so a server that never prints one fails the test in time instead of hanging it."""
    import queue
    import threading

    if proc.pid in LINKS:
        return LINKS[proc.pid]
    assert proc.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    output = proc.stdout

    def read() -> None:
        for line in output:
            lines.put(line)
        lines.put("")

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        if not line:
            raise AssertionError("the server ended without a link")
        if "?token=" in line:
            LINKS[proc.pid] = line.strip()
            return LINKS[proc.pid]
    raise AssertionError("the server printed no link with a token")


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
        url = link(proc)
        token = url.split("?token=", 1)[1]
        assert url == "http://127.0.0.1:%d/?token=%s" % (port, token)
        page = get(url, proc)
        assert "<title>gil-tui</title>" in page or "gil-tui" in page
        assert "ws://127.0.0.1:%d/ws/%s" % (port, token) in page
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


def websocket_url(server: subprocess.Popen) -> str:
    """The websocket address the server's page embeds (fetched with the printed link), as http:// for aiohttp."""
    page = get(link(server), server)
    found = re.search(r'data-session-websocket-url="ws:([^"]+)"', page)
    assert found, page
    return "http:" + found.group(1)


def _tab_processes(server: subprocess.Popen, port: int, run: bool) -> list[psutil.Process]:
    """Open a browser tab's websocket (as textual.js does), wait until the app has drawn, press r when ``run``, and
    leave the socket open; every process the server started for it."""
    import asyncio
    import json

    aiohttp = pytest.importorskip("aiohttp")

    async def open_tab() -> list[psutil.Process]:
        session = aiohttp.ClientSession()
        socket_ = await session.ws_connect(websocket_url(server) + "?width=80&height=24")
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
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("run", [False, True], ids=["idle", "running"])
def test_a_tab_s_app_ends_when_its_server_is_killed(run, signum):
    """A server killed without stopping its apps (SIGKILL, a crash) closes their stdin; one stopped (SIGTERM, what
    issue 11 saw leave a tab's app spinning under PID 1) stops them: either way every app it started, and any lab
    run in progress, ends within seconds instead of living on under PID 1."""
    port = free_port()
    server = start_server("--port", str(port), "-w", "sleep", "-n", "2", "--size", "30")
    try:
        processes = _tab_processes(server, port, run)
        assert any("gil_tui" in " ".join(p.cmdline()) for p in processes)
    finally:
        os.kill(server.pid, signum)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            pytest.fail("the server did not stop on %s" % signal.Signals(signum).name)
    gone, alive = psutil.wait_procs(processes, timeout=15)
    for process in alive:
        process.kill()
    assert not alive, "left running after the server died: %s" % [p.cmdline() for p in alive]


def status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """(HTTP status, body) of a GET, errors included."""
    import urllib.error

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")
        except OSError:  # the link is printed just before the server listens
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.1)


async def open_socket(url: str, origin: str | None = None, drawn_at_least: int = 20000):
    """(session, websocket) once the app drew its first frame; or the refusal's HTTP status as an int."""
    import aiohttp

    session = aiohttp.ClientSession()
    try:
        socket_ = await session.ws_connect(url, headers={"Origin": origin} if origin else None)
    except aiohttp.WSServerHandshakeError as exc:
        await session.close()
        return exc.status
    drawn = 0
    deadline = time.monotonic() + START_TIMEOUT
    while drawn < drawn_at_least and time.monotonic() < deadline:
        message = await socket_.receive(timeout=START_TIMEOUT)
        assert isinstance(message.data, (bytes, str)), message
        drawn += len(message.data)
    assert drawn >= drawn_at_least, "the app did not draw"
    return session, socket_


def app_processes(server: subprocess.Popen) -> list[psutil.Process]:
    return [p for p in psutil.Process(server.pid).children(recursive=True) if "gil_tui" in " ".join(p.cmdline())]


@pytest.mark.slow
def test_the_page_and_the_websocket_need_the_token_and_this_server_s_origin(tmp_path):
    """A page on another site (a foreign Origin), a request without the printed token, or to another host name
    (DNS rebinding) starts nothing: 403 and no app process."""
    import asyncio

    port = free_port()
    server = start_server("--port", str(port), "--export-dir", str(tmp_path / "exports"))
    try:
        url = link(server)
        token = url.split("?token=", 1)[1]
        assert len(token) >= 24
        base = "http://127.0.0.1:%d" % port
        code, body = status(base + "/")
        assert code == 403 and "token" in body and token not in body
        wrong = token[:-1] + ("y" if token[-1] == "x" else "x")  # one character off (a token ending in x: 1 in 64)
        assert status(base + "/?token=" + wrong)[0] == 403
        assert status(url, {"Host": "evil.example:%d" % port})[0] == 403
        assert status(url)[0] == 200
        ws = websocket_url(server)
        assert ws == "http://127.0.0.1:%d/ws/%s" % (port, token)

        async def attempts() -> list:
            refused = [await open_socket(base + "/ws?width=80&height=24"),
                       await open_socket(base + "/ws/" + "x" * len(token) + "?width=80&height=24"),
                       await open_socket(ws + "?width=80&height=24", origin="http://evil.example"),
                       await open_socket(ws + "?width=80&height=24", origin="http://localhost:%d" % port),
                       await open_socket(ws + "?width=80&height=24", origin="null")]
            assert not app_processes(server)
            session, socket_ = await open_socket(ws + "?width=80&height=24", origin=base)  # the page's own
            assert app_processes(server)
            await socket_.close()
            await session.close()
            return refused

        assert asyncio.run(attempts()) == [403] * 5
    finally:
        stop(server)


@pytest.mark.slow
def test_listening_on_every_address_warns_and_the_page_uses_the_browser_s_address(tmp_path):
    port = free_port()
    server = start_server("--host", "0.0.0.0", "--port", str(port), "--export-dir", str(tmp_path / "exports"))
    try:
        url = link(server)
        token = url.split("?token=", 1)[1]
        page = get("http://127.0.0.1:%d/?token=%s" % (port, token), server)
        assert 'data-session-websocket-url="ws://127.0.0.1:%d/ws/%s"' % (port, token) in page
        assert "0.0.0.0" not in page
        code, page = status("http://127.0.0.1:%d/?token=%s" % (port, token), {"Host": "lab-box:%d" % port})
        assert code == 200 and 'data-session-websocket-url="ws://lab-box:%d/ws/%s"' % (port, token) in page
    finally:
        stop(server)
    warning = server.stderr.read()
    assert "warning" in warning and "anyone who can reach port %d" % port in warning
    port = free_port()
    server = start_server("--host", "0.0.0.0", "--port", str(port), "--public-url", "https://lab.example.org/",
                          "--export-dir", str(tmp_path / "exports"))
    try:
        url = link(server)
        token = url.split("?token=", 1)[1]
        assert url == "https://lab.example.org/?token=" + token
        page = get("http://127.0.0.1:%d/?token=%s" % (port, token), server)
        assert 'data-session-websocket-url="wss://lab.example.org/ws/%s"' % token in page
    finally:
        stop(server)


@pytest.mark.slow
def test_sessions_are_capped_and_sizes_clamped(tmp_path):
    """--max-sessions 1: a second tab gets a clear page (503), its websocket is refused; a tab asking for -5 or
    10000 columns gets an app of a sane size; closing the tab frees its place."""
    import asyncio
    import json

    port = free_port()
    server = start_server("--port", str(port), "--max-sessions", "1", "--export-dir", str(tmp_path / "exports"))
    try:
        url = link(server)
        ws = websocket_url(server)

        async def tabs() -> None:
            session, socket_ = await open_socket(ws + "?width=-5&height=100000", drawn_at_least=2000)
            (app,) = [p for p in app_processes(server) if p.cmdline()[1:3] == ["-m", "gil_tui"]]
            assert (app.environ()["COLUMNS"], app.environ()["ROWS"]) == ("20", "150")
            code, body = status(url)
            assert code == 503 and "All sessions are in use" in body and "Close a tab" in body
            assert await open_socket(ws + "?width=80&height=24") == 503
            await socket_.send_str(json.dumps(["resize", {"width": 10000, "height": -3}]))
            await socket_.send_str("not json")
            await socket_.send_str(json.dumps(["resize", {"width": "x"}]))
            await asyncio.sleep(1.0)
            assert app.is_running() and server.poll() is None
            rss = app.memory_info().rss
            assert rss < 400 * 2**20, rss
            await socket_.close()
            await session.close()
            psutil.wait_procs([app], timeout=15)
            for _ in range(50):
                if status(url)[0] == 200:
                    break
                await asyncio.sleep(0.2)
            assert status(url)[0] == 200

        asyncio.run(tabs())
    finally:
        stop(server)


def test_bad_serve_options_are_one_line():
    for argv in (["--max-sessions", "0"], ["--max-sessions", "lots"], ["--public-url", "lab.example.org"],
                 ["--export-dir", "/proc/nope"]):
        done = subprocess.run([sys.executable, "-m", "gil_tui", "serve", "--port", str(free_port()), *argv],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode in (1, 2), (argv, done.stderr)
        assert done.stderr.startswith("gil-tui serve: error:") and done.stderr.count("\n") == 1, done.stderr


def boards_of(processes: list[psutil.Process]) -> set[str]:
    found: set[str] = set()
    for process in processes:
        try:
            found |= {m.path for m in process.memory_maps() if "gil-tui-board" in m.path}
        except psutil.Error:
            pass
    return found


@pytest.mark.slow
def test_a_tab_closed_mid_run_leaves_no_board_and_no_process(tmp_path):
    """textual-serve stops a closed tab's app with Textual's ExitApp, not q: the run is cancelled all the same,
    its lab processes end and its board leaves /dev/shm."""
    import asyncio
    import json

    port = free_port()
    server = start_server("--port", str(port), "-w", "sleep", "-n", "2", "--size", "30", "-m", "processes",
                          "--export-dir", str(tmp_path / "exports"))
    try:
        ws = websocket_url(server)

        async def tab() -> tuple[list[psutil.Process], set[str]]:
            session, socket_ = await open_socket(ws + "?width=80&height=24")
            await socket_.send_str(json.dumps(["stdin", "r"]))
            deadline = time.monotonic() + START_TIMEOUT
            boards: set[str] = set()
            while not boards and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                processes = psutil.Process(server.pid).children(recursive=True)
                boards = boards_of(processes)
            assert boards, "the run did not start"
            await socket_.close()
            await session.close()
            return processes, boards

        processes, boards = asyncio.run(tab())
        gone, alive = psutil.wait_procs(processes, timeout=15)
        for process in alive:
            process.kill()
        assert not alive, [p.cmdline() for p in alive]
        assert not [b for b in boards if os.path.exists(b)], "board left behind"
        assert server.poll() is None
    finally:
        stop(server)


@pytest.mark.slow
def test_a_served_app_ends_on_sigterm_with_its_run():
    """SIGTERM to one tab's app (what a stopping server or an admin sends): Textual's web driver installs a handler
    of its own that exits without cancelling the run; gil-tui puts its own back once the app is up, so the app
    quits as q does and its lab goes with it, within seconds, and the server serves on."""
    port = free_port()
    server = start_server("--port", str(port), "-w", "sleep", "-n", "2", "--size", "30")
    try:
        processes = _tab_processes(server, port, run=True)
        apps = [p for p in processes if "gil_tui" in " ".join(p.cmdline()) and p.parent().pid == server.pid]
        assert len(apps) == 1, [p.cmdline() for p in processes]
        apps[0].send_signal(signal.SIGTERM)
        gone, alive = psutil.wait_procs(processes, timeout=15)
        for process in alive:
            process.kill()
        assert not alive, "left running after SIGTERM to the app: %s" % [p.cmdline() for p in alive]
        assert server.poll() is None, "the server stopped with its tab's app"
    finally:
        server.kill()
        server.wait()
