"""``gil-tui serve`` in a real 80x24 terminal (issue 14, items 1, 2, 3 and 13): what the operator sees, and what a
browser tab (a websocket client speaking textual.js's protocol) can and cannot do.

- The startup lines give the link with its secret token and the one folder exports go to; ``--host 0.0.0.0``
  warns that anyone reaching the port can start runs.
- Without the token, or from a page of another origin, nothing starts; the page embeds the address the browser
  used, not ``0.0.0.0``; a tab over ``--max-sessions`` gets a page that says so.
- In a served app the export dialog names the folder and writes there only (``../x.json`` is refused).
- A tab closed mid-run, or the server killed with SIGKILL, leaves no app, no lab and no board behind.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
import urllib.error
import urllib.request

import psutil
import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)
from test_serve import boards_of, free_port

pytestmark = pytest.mark.slow
aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
TIMEOUT = 60.0


def fetch(url: str, host: str | None = None) -> tuple[int, str]:
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            request = urllib.request.Request(url, headers={"Host": host} if host else {})
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")
        except OSError:
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)


def token_on(screen: str) -> str:
    found = re.search(r"\?token=([A-Za-z0-9_-]{20,})", screen)
    assert found, screen
    return found.group(1)


def server_of(port: int) -> psutil.Process:
    for connection in psutil.net_connections("tcp"):
        if connection.laddr and connection.laddr.port == port and connection.status == "LISTEN" and connection.pid:
            return psutil.Process(connection.pid)
    raise AssertionError("nothing listens on %d" % port)


class Tab:
    """A browser tab's websocket to the served app: keys in, the text of what the app draws out."""

    def __init__(self, socket_, session) -> None:
        self.socket = socket_
        self.session = session
        self.received = bytearray()
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            if isinstance(message.data, bytes):
                self.received += message.data
            elif isinstance(message.data, str):
                self.received += message.data.encode("utf-8")

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.received)).decode("utf-8", "replace")

    async def keys(self, text: str) -> None:
        for ch in text:
            await self.socket.send_str(json.dumps(["stdin", ch]))
            await asyncio.sleep(0.05)

    async def wait_for(self, words: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while words not in self.text():
            assert time.monotonic() < deadline, "the app never showed %r" % words
            await asyncio.sleep(0.2)

    async def close(self) -> None:
        await self.socket.close()
        await self.session.close()
        self.reader.cancel()


async def open_tab(ws_url: str, origin: str | None = None) -> Tab | int:
    session = aiohttp.ClientSession()
    try:
        socket_ = await session.ws_connect(ws_url + "?width=80&height=24",
                                           headers={"Origin": origin} if origin else None, max_msg_size=0)
    except aiohttp.WSServerHandshakeError as exc:
        await session.close()
        return exc.status
    return Tab(socket_, session)


def websocket_of(page: str) -> str:
    found = re.search(r'data-session-websocket-url="ws:([^"]+)"', page)
    assert found, page
    return "http:" + found.group(1)


def test_the_link_carries_a_token_and_exports_stay_in_the_folder_shown(tmp_path):
    port = free_port()
    exports = tmp_path / "exports"
    with Terminal("serve --port %d --export-dir %s -w race -n 2 --size 2000" % (port, exports), 80, 24) as term:
        screen = term.wait_for(r"Ctrl\+C stops", timeout=TIMEOUT)
        assert re.sub(r"\s+", "", "Exports from the browser go to %s" % exports) in re.sub(r"\s+", "", screen)
        assert "warning" not in screen
        token = token_on(screen)
        base = "http://127.0.0.1:%d" % port
        code, page = fetch(base + "/")
        assert code == 403 and "This link needs its token" in page
        code, page = fetch("%s/?token=%s" % (base, token))
        assert code == 200
        ws_url = websocket_of(page)
        assert ws_url == "%s/ws/%s" % (base, token)

        async def session() -> None:
            assert await open_tab(base + "/ws") == 403
            assert await open_tab(ws_url, origin="https://evil.example") == 403
            assert not [p for p in server_of(port).children(recursive=True)]
            tab = await open_tab(ws_url, origin=base)
            assert isinstance(tab, Tab)
            try:
                await tab.wait_for("Workload")
                await tab.keys("r")
                deadline = time.monotonic() + TIMEOUT
                while "files go in" not in tab.text():  # e opens the dialog once the run has a result
                    assert time.monotonic() < deadline, tab.text()[-2000:]
                    await asyncio.sleep(1.0)
                    await tab.keys("e")
                await tab.wait_for("Served to a browser: files go in")
                await tab.keys("\x15../escape.json\r")
                await tab.wait_for("Only a file name here")
                await tab.keys("\x15~/escape.json\r")
                await tab.keys("\x15kept.json\r")
                deadline = time.monotonic() + TIMEOUT
                while not (exports / "kept.json").exists():
                    assert time.monotonic() < deadline, tab.text()[-2000:]
                    await asyncio.sleep(0.2)
            finally:
                await tab.close()

        asyncio.run(session())
        assert json.loads((exports / "kept.json").read_text())["kind"] == "gil-tui results"
        assert not (tmp_path / "escape.json").exists()
        assert not os.path.exists(os.path.expanduser("~/escape.json"))
        assert sorted(os.listdir(exports)) == ["kept.json"]


def test_every_address_warns_uses_the_browser_s_address_and_caps_sessions(tmp_path):
    port = free_port()
    with Terminal("serve --host 0.0.0.0 --port %d --max-sessions 1 --export-dir %s" % (port, tmp_path / "x"),
                  80, 24) as term:
        screen = term.wait_for(r"Ctrl\+C stops", timeout=TIMEOUT)
        assert "gil-tui serve: warning: listening on 0.0.0.0" in screen
        squeezed = re.sub(r"\s+", "", screen)  # the terminal wraps it anywhere
        assert "anyonewhocanreachport%dandhasthelinkcanstartrunshere" % port in squeezed
        token = token_on(screen)
        code, page = fetch("http://127.0.0.1:%d/?token=%s" % (port, token), host="projector-box:%d" % port)
        assert code == 200 and 'ws://projector-box:%d/ws/%s"' % (port, token) in page and "0.0.0.0" not in page
        code, page = fetch("http://127.0.0.1:%d/?token=%s" % (port, token))
        ws_url = websocket_of(page)

        async def two_tabs() -> None:
            tab = await open_tab(ws_url + "?width=-5&height=99999")
            assert isinstance(tab, Tab)
            try:
                await tab.wait_for("Workload")
                code, page = fetch("http://127.0.0.1:%d/?token=%s" % (port, token))
                assert code == 503 and "All sessions are in use" in page
                assert await open_tab(ws_url) == 503
            finally:
                await tab.close()

        asyncio.run(two_tabs())


@pytest.mark.parametrize("how", ["tab closed", "server killed"])
def test_a_run_leaves_nothing_when_its_tab_closes_or_its_server_dies(tmp_path, how):
    port = free_port()
    with Terminal("serve --port %d -w sleep -m processes -n 4 --size 30 --export-dir %s" % (port, tmp_path / "x"),
                  80, 24) as term:
        token = token_on(term.wait_for(r"Ctrl\+C stops", timeout=TIMEOUT))
        server = server_of(port)
        ws_url = websocket_of(fetch("http://127.0.0.1:%d/?token=%s" % (port, token))[1])

        async def run() -> tuple[list[psutil.Process], set[str]]:
            tab = await open_tab(ws_url)
            assert isinstance(tab, Tab)
            await tab.wait_for("Workload")
            await tab.keys("r")
            deadline = time.monotonic() + TIMEOUT
            while not (found := boards_of(processes := server.children(recursive=True))) or len(processes) < 6:
                assert time.monotonic() < deadline, "the run did not start"
                await asyncio.sleep(0.2)
            if how == "server killed":
                server.send_signal(signal.SIGKILL)
            await tab.close()
            return processes, found

        processes, found = asyncio.run(run())
        assert len(processes) >= 6  # the app (under sh), its lab and the lab's 4 worker processes
        gone, alive = psutil.wait_procs(processes, timeout=20)
        for process in alive:
            process.kill()
        assert not alive, [p.cmdline() for p in alive]
        assert not [b for b in found if os.path.exists(b)], "board left in /dev/shm"
        if how == "tab closed":
            assert server.is_running() and "Ctrl+C stops" in term.screen()
