"""``gil-tui serve [--host 127.0.0.1] [--port 8000] [--demo] [app options]``: the app in a web browser.

textual-serve answers HTTP and starts one ``gil-tui`` process per browser tab, talking to it over a
websocket. It listens on localhost unless ``--host`` says otherwise: anyone who can reach the port
can start lab processes on this machine. Your own code (``--task``) is refused unless ``--allow-tasks-from DIR``
names the one folder it may come from. The app's options (``-w race -n 20 --lang es`` …) are
checked here, before anything listens, and passed on to every app it starts; ``--demo`` serves the
scripted tour (``gil-tui demo``) instead, with the tour's own options.

Guarded (``_textual_serve_hacks.GuardedServer``): the printed link carries a secret token, and neither the page
nor the websocket answers without it; a websocket opened by a page from another site (its Origin) or sent to a
host name this server does not listen as is refused; at most ``--max-sessions`` tabs run at once and the terminal
size a tab asks for is clamped. Exports from served apps go only to ``--export-dir`` (created here, shown at
start and in the export dialog; see ``core.export_folder``).
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shlex
import socket
import sys
from urllib.parse import urlsplit

from . import exit_codes

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 4
MAX_SESSIONS_LIMIT = 64
DEFAULT_EXPORT_DIR = "gil-tui-exports"


def build_parser():
    from .parser import Parser

    parser = Parser(prog="gil-tui serve", description="Serve gil-tui to web browsers through textual-serve. "
                    "Options not listed here are the app's (see gil-tui --help) or, with --demo, the tour's.")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="address to listen on (default %s: this machine only)" % DEFAULT_HOST)
    parser.add_argument("--port", default=str(DEFAULT_PORT), help="TCP port (default %d)" % DEFAULT_PORT)
    parser.add_argument("--demo", action="store_true", help="serve the scripted tour instead of the workbench")
    parser.add_argument("--public-url", default=None, metavar="URL",
                        help="the address browsers use to reach this server (e.g. behind a proxy: "
                        "https://lab.example.org); default: the address each browser used")
    parser.add_argument("--max-sessions", default=str(DEFAULT_MAX_SESSIONS), metavar="N",
                        help="browser tabs served at once, each its own gil-tui process (default %d)"
                        % DEFAULT_MAX_SESSIONS)
    parser.add_argument("--export-dir", default=DEFAULT_EXPORT_DIR, metavar="DIR",
                        help="the only folder served apps export to, created if missing (default ./%s)"
                        % DEFAULT_EXPORT_DIR)
    parser.add_argument("--allow-tasks-from", default=None, metavar="DIR",
                        help="let the served app run your own code (--task FILE.py:FUNCTION), from files inside DIR "
                             "only; without it, running a file is refused: it is local only")
    return parser


def task_option(extra: list[str]) -> str | None:
    """The value of --task among the app's options (``--task X`` or ``--task=X``), None when absent."""
    for at, arg in enumerate(extra):
        if arg == "--task":
            return extra[at + 1] if at + 1 < len(extra) else ""
        if arg.startswith("--task="):
            return arg.split("=", 1)[1]
    return None


def check_task(extra: list[str], allowed: str | None) -> str | None:
    """Why the served app may not run the --task it was given, None when it may (or there is none)."""
    from ..core import usertask, validation
    from ..i18n import t

    task = task_option(extra)
    if task is None:
        return None
    if allowed is None:
        return t("usage.task.served")
    if not os.path.isdir(allowed):
        return t("usage.task.folder", folder=allowed)
    try:
        usertask.parse(task, allowed)
    except validation.UsageError as exc:
        return str(exc)
    return None


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise ValueError("--port must be a whole number from 1 to 65535, not %r" % value) from None
    if not 1 <= port <= 65535:
        raise ValueError("--port must be a whole number from 1 to 65535, not %r" % value)
    return port


def max_sessions(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_SESSIONS_LIMIT:
        raise ValueError("--max-sessions must be a whole number from 1 to %d, not %r" % (MAX_SESSIONS_LIMIT, value))
    return count


def public_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError("--public-url must be an http:// or https:// address like https://lab.example.org, "
                         "not %r" % value)
    return value.rstrip("/")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def links(host: str, port: int, token: str, public: str | None) -> list[str]:
    """The links to open, with the token: the public URL, or this machine's names for the address listened on."""
    if public:
        return ["%s/?token=%s" % (public, token)]
    if host in ("0.0.0.0", "::", ""):
        names = [socket.gethostname(), "127.0.0.1"]
    else:
        names = ["[%s]" % host if ":" in host else host]
    return ["http://%s:%d/?token=%s" % (name, port, token) for name in names]


def check_app_options(extra: list[str], demo: bool) -> str | None:
    """The first mistake in the options passed on to the app (or the tour), None when they are fine."""
    from ..core import validation

    if demo:
        from .demo import build_parser as demo_parser
        from .demo import check_args

        return check_args(demo_parser().parse_args(extra))
    from .app import preset_from_args
    from .parser import build_app_parser

    try:
        preset_from_args(build_app_parser().parse_args(extra))
    except validation.UsageError as exc:
        return str(exc)
    return None


def can_listen(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, no such address), None when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return "unknown host %r (%s)" % (host, exc.strerror)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return "cannot listen on %s:%d: %s" % (host, port, exc.strerror or exc)
    return None


def serve_command(argv: list[str]) -> int:
    args, extra = build_parser().parse_known_args(argv)
    try:
        port = port_number(args.port)
        sessions = max_sessions(args.max_sessions)
        public = public_url(args.public_url)
    except ValueError as exc:
        sys.stderr.write("gil-tui serve: error: %s\n" % exc)
        return exit_codes.USAGE
    mistake = check_task(extra, args.allow_tasks_from) or check_app_options(extra, args.demo)
    if mistake is not None:
        sys.stderr.write("gil-tui serve: error: %s\n" % mistake)
        return exit_codes.USAGE
    problem = can_listen(args.host, port)
    if problem is not None:
        sys.stderr.write("gil-tui serve: error: %s\n" % problem)
        return exit_codes.FAILED
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        sys.stderr.write("gil-tui serve: error: textual-serve is not installed (pip install textual-serve)\n")
        return exit_codes.FAILED
    if not args.demo:  # the served workbench offers your code only from the allowed folder, else not at all
        extra = extra + (["--allow-tasks-from", args.allow_tasks_from] if args.allow_tasks_from else ["--no-tasks"])
    from ..core.export_folder import ENV, make_folder
    from ._textual_serve_hacks import GuardedServer

    try:
        exports = make_folder(args.export_dir)
    except OSError as exc:
        sys.stderr.write("gil-tui serve: error: cannot use %s for exports: %s\n"
                         % (args.export_dir, exc.strerror or exc))
        return exit_codes.FAILED
    os.environ[ENV] = exports  # every app started for a tab inherits it (textual-serve copies os.environ)
    token = secrets.token_urlsafe(24)
    command = shlex.join([sys.executable, "-m", "gil_tui"] + (["demo"] if args.demo else []) + extra)

    def startup_lines() -> list[str]:
        lines = ["gil-tui serve: open this link (it carries the server's secret token; without it nothing answers):"]
        lines += ["    " + link for link in links(args.host, port, token, public)]
        lines.append("Exports from the browser go to %s (and nowhere else)." % exports)
        lines.append("At most %d sessions at once. Ctrl+C stops the server and every session." % sessions)
        return lines

    if not is_loopback(args.host):
        sys.stderr.write("gil-tui serve: warning: listening on %s, not only this machine: anyone who can reach "
                         "port %d and has the link can start runs here\n" % (args.host, port))
    GuardedServer(command, host=args.host, port=port, token=token, max_sessions=sessions,
                  public_url=public, startup_lines=startup_lines).serve()
    return 0
