"""``gil-tui serve`` end to end: headless Chromium opens the page, the app renders, a key pressed in the browser
reaches it. Heavy (a browser), so it runs only when selected: ``python -m pytest -m serve``.

Chromium is driven over its DevTools protocol (a websocket, with aiohttp, which textual-serve brings). xterm.js
draws on a canvas, so the text is read from what the app sends to the page (the websocket frames the browser
receives), and a screenshot of the page must show a drawn screen, not a blank one.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import zlib

import pytest
from test_serve import app_processes, free_port, get, link, start_server, stop

pytestmark = pytest.mark.serve

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1280,800"]
RENDER_TIMEOUT = 60.0
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]")


@pytest.fixture(autouse=True)
def selected(request):
    if "serve" not in (request.config.option.markexpr or ""):
        pytest.skip("opens a browser: run with -m serve")


@pytest.fixture
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium (apt-get install -y chromium)")


class Browser:
    """One headless Chromium page over the DevTools protocol; the text of every websocket frame it receives."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.received = bytearray()

    async def call(self, method: str, **params) -> dict:
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("method") == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                data = frame["payloadData"]
                self.received += base64.b64decode(data) if frame.get("opcode") == 2 else data.encode("utf-8")
            elif message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.received)).decode("utf-8", "replace")

    async def wait_for(self, *words: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RENDER_TIMEOUT
        while not all(w in self.text() for w in words):
            assert loop.time() < deadline, "the page never showed %s" % (words,)
            await self.call("Runtime.evaluate", expression="1")  # lets frames in while waiting
            await asyncio.sleep(0.2)


def distinct_colours(png: bytes) -> int:
    """How many different pixel values a (non-interlaced, 8-bit RGB/RGBA) PNG's first rows hold."""
    width, height, depth, kind = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"), png[24], png[25]
    assert depth == 8 and kind in (2, 6)
    chunks, pos = bytearray(), 8
    while pos < len(png):
        size, name = int.from_bytes(png[pos:pos + 4], "big"), png[pos + 4:pos + 8]
        if name == b"IDAT":
            chunks += png[pos + 8:pos + 8 + size]
        pos += 12 + size
    raw = zlib.decompress(bytes(chunks))
    stride = width * (3 if kind == 2 else 4) + 1
    # filters make bytes differ from pixels, but a blank page compresses to a handful of distinct rows
    return len({raw[y * stride:(y + 1) * stride] for y in range(height)})


async def open_in_browser(chromium: str, profile: str) -> tuple[subprocess.Popen, int]:
    """Headless Chromium with a fresh profile, and the port of its DevTools protocol."""
    proc = subprocess.Popen([chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + profile, "--remote-debugging-port=0",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    port_file = os.path.join(profile, "DevToolsActivePort")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + RENDER_TIMEOUT
    while not (os.path.exists(port_file) and open(port_file).read().strip()):
        assert proc.poll() is None and loop.time() < deadline, "Chromium did not start"
        await asyncio.sleep(0.1)
    return proc, int(open(port_file).read().split()[0])


async def page_socket(http, debug_port: int) -> str:
    """The DevTools websocket address of the browser's first page (the page takes a moment to be listed)."""
    for _ in range(50):
        async with http.get("http://127.0.0.1:%d/json/list" % debug_port) as answer:
            pages = [t for t in await answer.json() if t["type"] == "page"]
        if pages:
            break
        await asyncio.sleep(0.1)
    return pages[0]["webSocketDebuggerUrl"]


@pytest.mark.timeout(180)
def test_the_app_renders_in_headless_chromium_and_takes_keys(chromium, tmp_path):
    import aiohttp

    port = free_port()
    server = start_server("--port", str(port), "--export-dir", str(tmp_path / "exports"))
    try:
        url = link(server)
        get(url, server)

        async def session() -> tuple[str, int]:
            proc, debug_port = await open_in_browser(chromium, str(tmp_path / "profile"))
            try:
                async with aiohttp.ClientSession() as http:
                    async with http.ws_connect(await page_socket(http, debug_port), max_msg_size=0) as ws:
                        browser = Browser(ws)
                        await browser.call("Network.enable")
                        await browser.call("Page.enable")
                        await browser.call("Page.navigate", url=url)
                        await browser.wait_for("Setup", "Workload", "History")
                        await asyncio.sleep(0.5)
                        shot = await browser.call("Page.captureScreenshot", format="png")
                        png = base64.b64decode(shot["data"])
                        (tmp_path / "page.png").write_bytes(png)
                        # a key typed in the page reaches the app: l switches it to Spanish
                        await browser.call("Runtime.evaluate",
                                           expression="document.querySelector('.xterm-helper-textarea').focus()")
                        await browser.call("Input.dispatchKeyEvent", type="keyDown", key="l", code="KeyL", text="l",
                                           windowsVirtualKeyCode=76)
                        await browser.call("Input.dispatchKeyEvent", type="keyUp", key="l", code="KeyL",
                                           windowsVirtualKeyCode=76)
                        await browser.wait_for("Configuración")
                        return browser.text(), distinct_colours(png)
            finally:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

        text, colours = asyncio.run(session())
    finally:
        stop(server)
    assert "Press r to run" in text
    assert colours > 50, "the page screenshot looks blank"


ATTACK = """<!DOCTYPE html><html><body><script>
window.verdicts = {};
function attempt(name, url) {
  const ws = new WebSocket(url);
  ws.onopen = () => { window.verdicts[name] = "opened"; ws.send(JSON.stringify(["stdin", "r"])); };
  ws.onmessage = () => { window.verdicts[name] = "drawn"; };
  ws.onerror = () => { if (!(name in window.verdicts)) window.verdicts[name] = "refused"; };
}
attempt("no token", "ws://127.0.0.1:PORT/ws?width=80&height=24");
attempt("stolen token", "ws://127.0.0.1:PORT/ws/TOKEN?width=80&height=24");
fetch("http://127.0.0.1:PORT/?token=TOKEN").then(r => r.text()).then(
  t => { window.verdicts.page = "read"; }, e => { window.verdicts.page = "blocked"; });
</script></body></html>"""


@pytest.mark.timeout(180)
def test_a_page_from_another_origin_cannot_open_a_session(chromium, tmp_path):
    """The operator's own browser, on a page from another origin (here another port of localhost): its websocket
    to gil-tui serve is refused without the token, and refused WITH the token too (the Origin is not the
    server's); it cannot read the server's page either. No app process starts."""
    import aiohttp
    from aiohttp import web

    port, other = free_port(), free_port()
    server = start_server("--port", str(port), "--export-dir", str(tmp_path / "exports"))
    try:
        token = link(server).split("?token=", 1)[1]
        get(link(server), server)

        async def session() -> dict:
            attack = ATTACK.replace("PORT", str(port)).replace("TOKEN", token)
            site_app = web.Application()

            async def evil_page(request: web.Request) -> web.Response:
                return web.Response(text=attack, content_type="text/html")

            site_app.add_routes([web.get("/", evil_page)])
            runner = web.AppRunner(site_app)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", other).start()
            proc, debug_port = await open_in_browser(chromium, str(tmp_path / "profile"))
            try:
                async with aiohttp.ClientSession() as http:
                    async with http.ws_connect(await page_socket(http, debug_port), max_msg_size=0) as ws:
                        browser = Browser(ws)
                        await browser.call("Page.enable")
                        await browser.call("Page.navigate", url="http://127.0.0.1:%d/" % other)
                        loop = asyncio.get_running_loop()
                        deadline = loop.time() + RENDER_TIMEOUT
                        while True:
                            answer = await browser.call("Runtime.evaluate", returnByValue=True,
                                                        expression="JSON.stringify(window.verdicts)")
                            verdicts = json.loads(answer["result"].get("value") or "{}")
                            if len(verdicts) == 3 or loop.time() > deadline:
                                break
                            await asyncio.sleep(0.2)
                        await asyncio.sleep(2.0)  # an app, had one started, would be there by now
                        return verdicts
            finally:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                await runner.cleanup()

        verdicts = asyncio.run(session())
        assert verdicts == {"no token": "refused", "stolen token": "refused", "page": "blocked"}, verdicts
        assert not app_processes(server)
    finally:
        stop(server)
