"""``gil-tui screenshots [--out DIR] [--only NAME,…] [--quick]``: the README's SVGs, taken from real runs."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from ..core.probe import ProbeError
from . import exit_codes


def build_parser() -> argparse.ArgumentParser:
    from ..ui.screenshots import NAMES
    from .parser import Parser

    parser = Parser(prog="gil-tui screenshots",
                    description="Take the SVG screenshots of the workbench's main states from real runs.")
    parser.add_argument("--out", default="screenshots", metavar="DIR",
                        help="where to write them (default: screenshots)")
    parser.add_argument("--only", default=None, metavar="NAME[,NAME]",
                        help="only these shots, comma-separated: %s" % ", ".join(NAMES))
    parser.add_argument("--python", default=None, metavar="EXE",
                        help="the interpreter under the GIL (default: this one)")
    parser.add_argument("--quick", action="store_true", help="short runs (tests, rehearsals)")
    return parser


def screenshots_command(argv: list[str]) -> int:
    from ..ui.demo_pythons import demo_interpreters
    from ..ui.screenshots import NAMES, take_all

    args = build_parser().parse_args(argv)
    names = NAMES
    if args.only is not None:
        names = tuple(n.strip() for n in args.only.split(",") if n.strip())
        unknown = [n for n in names if n not in NAMES]
        if unknown or not names:
            sys.stderr.write("gil-tui screenshots: error: unknown shot %s (choose from %s)\n"
                             % (", ".join(unknown) or "''", ", ".join(NAMES)))
            return exit_codes.USAGE
    try:
        interpreters = demo_interpreters(args.python)
    except ProbeError as exc:
        sys.stderr.write("gil-tui screenshots: error: %s\n" % exc)
        return exit_codes.USAGE
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        sys.stderr.write("gil-tui screenshots: error: %s is not a directory\n" % out)
        return exit_codes.USAGE
    asyncio.run(take_all(interpreters, out, names, args.quick))
    return 0
