"""Every use of textual-serve's internals in gil-tui, in one place (as ``ui/_textual_hacks.py`` is for Textual).

textual-serve (checked against 1.1.3) answers any page and any websocket: no token, no Origin check, no limit on
sessions or on the terminal size a tab asks for, and a page that embeds ``ws://<--host>:<port>/ws`` (useless for
``--host 0.0.0.0``). ``GuardedServer`` subclasses its ``Server`` and replaces what it must:

- ``_make_app`` (private): its own routes, the websocket at ``/ws/<token>`` (textual.js appends ``?width=…`` to
  the URL the page embeds, so the token is in the path, not the query);
- ``handle_index``: the token (``?token=``), the Host header, the session limit, then textual-serve's own
  template (``app_index.html`` and its context keys ``font_size``, ``app_websocket_url``, ``config.static.url``,
  ``application.name``) with the address the browser used, or ``--public-url``;
- ``handle_websocket``: token, Host and Origin, the session limit and clamped sizes before any process starts,
  then one ``AppService`` (textual-serve's per-tab process) as textual-serve does it;
- ``_process_messages`` (private): the browser's messages, with resizes clamped and malformed ones dropped;
- ``initialize_logging``: the access log, with the token masked;
- ``on_startup``: the lines ``gil-tui serve`` prints instead of textual-serve's banner.

After upgrading textual-serve, read each one against the new ``textual_serve/server.py``.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

CHECKED_WITH = "1.1.3"  # the textual-serve version every override here was read against

log = logging.getLogger("textual-serve")

WIDTH = (20, 400)  # columns a tab may ask for: 10000 made a 596 MiB app, -5 crashed it
HEIGHT = (6, 150)  # rows
HOST_HEADER = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(:[0-9]{1,5})?$")
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def clamp(text: object, limits: tuple[int, int], default: int) -> int:
    """A size from the browser as an int within ``limits`` (anything not a number is ``default``)."""
    try:
        value = int(str(text))
    except ValueError:
        value = default
    return max(limits[0], min(limits[1], value))


def host_name(host: str) -> str:
    """``host`` without its port (``[::1]:8000`` → ``[::1]``, ``box:8000`` → ``box``), lower case."""
    host = host.lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def page(title: str, lines: list[str], status: int) -> web.Response:
    body = "".join("<p>%s</p>" % html.escape(line) for line in lines)
    text = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>gil-tui: %s</title></head>"
            "<body style='font-family: sans-serif; max-width: 40em; margin: 3em auto'><h1>%s</h1>%s</body></html>"
            % (html.escape(title), html.escape(title), body))
    return web.Response(text=text, status=status, content_type="text/html")


class GuardedServer(Server):
    """textual-serve's server behind a secret token, a Host and Origin check and a limit on sessions."""

    def __init__(self, command: str, *, host: str, port: int, token: str, max_sessions: int,
                 public_url: str | None = None, startup_lines: Callable[[], list[str]] | None = None) -> None:
        super().__init__(command, host=host, port=port, title="gil-tui", public_url=public_url)
        self.explicit_public_url = public_url.rstrip("/") if public_url else None
        self.token = token
        self.max_sessions = max_sessions
        self.sessions = 0
        self.startup_lines = startup_lines or (lambda: [])
        self.allowed_hosts = self._allowed_hosts(host, self.explicit_public_url)

    @staticmethod
    def _allowed_hosts(host: str, public_url: str | None) -> set[str] | None:
        """The host names a request may carry in its Host header; None for any (listening on every address, where
        the machine's names are not known: the token and the Origin check still hold)."""
        if host in ("0.0.0.0", "::", ""):
            return None
        allowed = {host.lower(), "[%s]" % host.lower()}
        if host in LOOPBACK_NAMES or host.startswith("127."):
            allowed |= LOOPBACK_NAMES
        if public_url:
            allowed.add(host_name(urlsplit(public_url).netloc))
        return allowed

    def initialize_logging(self) -> None:
        super().initialize_logging()
        logging.getLogger("aiohttp.access").addFilter(self._hide_token)

    def _hide_token(self, record: logging.LogRecord) -> bool:
        """The access log, without the token (it is printed once, at start; not in every logged request)."""
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "…"), ()
        return True

    # -- the checks ------------------------------------------------------------------------------

    def has_token(self, given: str | None) -> bool:
        return bool(given) and secrets.compare_digest(str(given).encode(), self.token.encode())

    def host_refused(self, request: web.Request) -> str | None:
        host = request.headers.get("Host", "")
        if not HOST_HEADER.match(host):
            return "the request's Host header (%r) is not a host name" % host[:80]
        if self.allowed_hosts is not None and host_name(host) not in self.allowed_hosts:
            return "this server does not answer to the name %s" % host_name(host)
        return None

    def origin_refused(self, request: web.Request) -> str | None:
        """Why a websocket's Origin is not this server's (a page from another site), None when it is (or when
        there is no Origin: not a browser, and the token is still needed)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return None
        netloc = urlsplit(origin).netloc.lower()
        allowed = {request.host.lower()}
        if self.explicit_public_url:
            allowed.add(urlsplit(self.explicit_public_url).netloc.lower())
        return None if netloc in allowed else "a page from %s may not open a session here" % origin[:100]

    def full(self) -> web.Response:
        return page("All sessions are in use", [
            "This gil-tui server runs at most %d sessions at once, and all of them are open." % self.max_sessions,
            "Close a tab that shows gil-tui, then reload this page."], status=503)

    # -- textual-serve's handlers, replaced -------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws/{token}", self.handle_websocket, name="websocket"),
            web.get("/ws", self.handle_websocket),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        problem = self.host_refused(request)
        if problem is not None:
            return page("Refused", [problem + "."], status=403)
        if not self.has_token(request.query.get("token")):
            return page("This link needs its token", [
                "gil-tui serve only answers the link it printed when it started, which ends in ?token=….",
                "Copy that whole link from the terminal where gil-tui serve runs."], status=403)
        if self.sessions >= self.max_sessions:
            return self.full()
        base = self.explicit_public_url or "%s://%s" % (request.scheme, request.host)
        websocket = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
        context: dict[str, Any] = {
            "font_size": clamp(request.query.get("fontsize", "16"), (6, 48), 16),
            "app_websocket_url": "%s/ws/%s" % (websocket, self.token),
            "config": {"static": {"url": (self.explicit_public_url or "") + "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token stays out of other sites' logs
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        problem = self.host_refused(request) or self.origin_refused(request)
        if problem is None and not self.has_token(request.match_info.get("token")):
            problem = "no session without the server's token"
        if problem is not None:
            log.warning("refused a websocket: %s", problem)
            return web.Response(text=problem + "\n", status=403)
        if self.sessions >= self.max_sessions:
            log.warning("refused a websocket: all %d sessions are in use", self.max_sessions)
            return web.Response(text="all %d sessions are in use\n" % self.max_sessions, status=503)
        width = clamp(request.query.get("width", "80"), WIDTH, 80)
        height = clamp(request.query.get("height", "24"), HEIGHT, 24)
        websocket = web.WebSocketResponse(heartbeat=15)
        self.sessions += 1
        app_service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                     close=close, download_manager=self.download_manager,
                                     debug=self.debug)
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
            self.sessions -= 1
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(clamp(data.get("width"), WIDTH, 80),
                                                    clamp(data.get("height"), HEIGHT, 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def on_startup(self, app: web.Application) -> None:
        for line in self.startup_lines():
            self.console.print(line, highlight=False, markup=False, soft_wrap=True)
