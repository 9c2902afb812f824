"""``gil-tui serve [--host 127.0.0.1] [--port 8000] [--demo] [app options]``: the app in a web browser.

textual-serve answers HTTP and starts one ``gil-tui`` process per browser tab, talking to it over a
websocket. It listens on localhost unless ``--host`` says otherwise: anyone who can reach the port
can start lab processes on this machine. Your own code (``--task``) is refused unless ``--allow-tasks-from DIR``
names the one folder it may come from. The app's options (``-w race -n 20 --lang es`` …) are
checked here, before anything listens, and passed on to every app it starts; ``--demo`` serves the
scripted tour (``gil-tui demo``) instead, with the tour's own options.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys

from . import exit_codes

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def build_parser():
    from .parser import Parser

    parser = Parser(prog="gil-tui serve", description="Serve gil-tui to web browsers through textual-serve. "
                    "Options not listed here are the app's (see gil-tui --help) or, with --demo, the tour's.")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="address to listen on (default %s: this machine only)" % DEFAULT_HOST)
    parser.add_argument("--port", default=str(DEFAULT_PORT), help="TCP port (default %d)" % DEFAULT_PORT)
    parser.add_argument("--demo", action="store_true", help="serve the scripted tour instead of the workbench")
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
        from textual_serve.server import Server
    except ImportError:
        sys.stderr.write("gil-tui serve: error: textual-serve is not installed (pip install textual-serve)\n")
        return exit_codes.FAILED
    if not args.demo:  # the served workbench offers your code only from the allowed folder, else not at all
        extra = extra + (["--allow-tasks-from", args.allow_tasks_from] if args.allow_tasks_from else ["--no-tasks"])
    command = shlex.join([sys.executable, "-m", "gil_tui"] + (["demo"] if args.demo else []) + extra)
    Server(command, host=args.host, port=port, title="gil-tui").serve()
    return 0
