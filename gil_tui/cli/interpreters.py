"""``gil-tui interpreters``: every Python found on this machine, what it is, and whether the lab can run on it.

``--json`` prints one JSON object per interpreter, one per line, with the keys:
``path`` (the path the lab runs), ``realpath``, ``aliases`` (other paths to the same binary), ``usable``,
``reason`` (why not, or null), ``version``, ``version_info``, ``implementation``, ``free_threaded``,
``gil_enabled`` (as the probe found it), ``subinterpreters`` (the module name, or null), ``choices``
([{``label``, ``gil``}]: how the lab can run it; a free-threaded build has GIL off and GIL on), ``cached``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..core.discovery import DISCOVERY_TIMEOUT, Discovery, Found, discover
from ..i18n import t
from . import exit_codes
from .parser import Parser


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="gil-tui interpreters",
                     description="List the Python interpreters on this machine and whether the lab runs on them.")
    parser.add_argument("--json", action="store_true", help="one JSON object per interpreter, one per line")
    parser.add_argument("--python", action="append", default=[], metavar="EXE",
                        help="also probe this interpreter (a path or a name on PATH); may be repeated or "
                             "comma-separated")
    parser.add_argument("--refresh", action="store_true", help="probe every interpreter again, ignoring the cache")
    parser.add_argument("--timeout", default=str(DISCOVERY_TIMEOUT), metavar="SEC",
                        help="seconds each probe may take (default %g)" % DISCOVERY_TIMEOUT)
    return parser


def _home(path: str) -> str:
    home = os.path.expanduser("~")
    return "~" + path[len(home):] if home != "/" and path.startswith(home + os.sep) else path


def _gil_cell(entry: Found) -> str:
    interp = entry.interpreter
    if interp is None:
        return ""
    if interp.free_threaded:
        return "off/on"  # both are offered: PYTHON_GIL=0 and 1
    return "on"


def table(discovery: Discovery) -> Table:
    """Fits 80 columns: short columns that never wrap; the path takes the rest, with the reason under it."""
    out = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, title_justify="left",
                title=t("interpreters.title", count=len(discovery.found), usable=len(discovery.usable)))
    # the implementation only when there is something to tell apart: it costs the path 8 columns
    impl = any(f.interpreter and f.interpreter.implementation != "CPython" for f in discovery.found)
    for name in ("version",) + (("impl",) if impl else ()) + ("free", "GIL", "sub", "lab"):
        out.add_column(name, no_wrap=True)
    out.add_column("path (why not)", overflow="fold")
    for entry in discovery.found:
        interp = entry.interpreter
        where = Text(_home(entry.path))
        if not entry.usable:
            where.append("\n" + (entry.reason or ""), style="red")
        out.add_row(
            interp.label if interp else "?",
            *([interp.implementation if interp else ""] if impl else []),
            ("yes" if interp.free_threaded else "no") if interp else "",
            _gil_cell(entry),
            ("yes" if interp.subinterpreters else "no") if interp else "",
            Text("yes", style="green") if entry.usable else Text("no", style="bold red"),
            where,
        )
    return out


def interpreters_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        timeout = float(args.timeout)
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= 600:
        sys.stderr.write("gil-tui interpreters: error: --timeout must be seconds between 0 and 600, not %r\n"
                         % args.timeout)
        return exit_codes.USAGE
    extra = [part.strip() for given in args.python for part in given.split(",") if part.strip()]
    if any(not part.strip() for given in args.python for part in given.split(",")) and not extra:
        sys.stderr.write("gil-tui interpreters: error: --python needs an interpreter path or name\n")
        return exit_codes.USAGE
    found = discover(extra, refresh=args.refresh, timeout=timeout)
    if args.json:
        for entry in found.found:
            sys.stdout.write(json.dumps(entry.as_dict()) + "\n")
        sys.stdout.flush()
        return 0
    Console().print(table(found))
    return 0
