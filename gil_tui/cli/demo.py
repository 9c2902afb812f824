"""``gil-tui demo [--auto [SECONDS]] [--quick] [--python EXE] [--lang es]``: the scripted tour for screen recordings."""

from __future__ import annotations

import argparse
import sys

from . import exit_codes

DEFAULT_AUTO = 5.0  # seconds between the end of a step and the next, with a bare --auto
MAX_AUTO = 600.0


def build_parser() -> argparse.ArgumentParser:
    from .parser import Parser

    parser = Parser(prog="gil-tui demo", description="A scripted tour: the post's three experiments, then the "
                    "free-threaded contrast when such a Python is found. Space or enter steps through it.")
    parser.add_argument("--auto", nargs="?", const=str(DEFAULT_AUTO), default=None, metavar="SECONDS",
                        help="step on by itself SECONDS after each step ends (default %g), and quit at the end"
                        % DEFAULT_AUTO)
    parser.add_argument("--quick", action="store_true", help="short runs, for rehearsals")
    parser.add_argument("--python", default=None, metavar="EXE", help="the Python with the GIL (default: this one)")
    parser.add_argument("--no-contrast", action="store_true", help="skip looking for a free-threaded Python")
    parser.add_argument("--lang", default="en", choices=("en", "es"), help="language of the texts (en, es)")
    parser.add_argument("--theme", default=None, choices=("dark", "light"),
                        help="colours to start with (default $GIL_TUI_THEME, else dark; d switches)")
    return parser


def auto_seconds(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError("--auto takes seconds from 0 to %g, not %r" % (MAX_AUTO, value)) from None
    if not 0 <= seconds <= MAX_AUTO:
        raise ValueError("--auto takes seconds from 0 to %g, not %r" % (MAX_AUTO, value))
    return seconds


def check_args(args: argparse.Namespace) -> str | None:
    """The first mistake in the tour's options, None when they are fine (``gil-tui serve --demo`` asks too)."""
    from ..core.probe import ProbeError, lab_interpreter

    try:
        auto_seconds(args.auto)
    except ValueError as exc:
        return str(exc)
    if args.python is not None:
        try:
            lab_interpreter(args.python)
        except ProbeError as exc:
            return str(exc)
    return None


def demo_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    mistake = check_args(args)
    if mistake is not None:
        sys.stderr.write("gil-tui demo: error: %s\n" % mistake)
        return exit_codes.USAGE
    from ..ui.demo import DemoTour
    from ..ui.demo_pythons import demo_interpreters

    interpreters = demo_interpreters(args.python, contrast=not args.no_contrast)
    app = DemoTour(interpreters, auto=auto_seconds(args.auto), quick=args.quick, lang=args.lang,
                   theme=args.theme)
    from .app import run_quitting_on_signals

    return run_quitting_on_signals(app) or 0
