"""The command line: ``gil-tui`` opens the workbench; ``gil-tui run`` measures without a UI."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .lab.catalog import DEFAULT_SWITCH_INTERVAL, DEFAULT_WORKERS, MAX_WORKERS, MODES, WORKLOADS

EXIT_USAGE = 2
SUBCOMMANDS = ("run", "interpreters", "compare", "demo", "serve", "screenshots")


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr and exit 2."""

    def error(self, message: str):  # type: ignore[override]
        sys.stderr.write("%s: error: %s\n" % (self.prog, message))
        sys.exit(EXIT_USAGE)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-w", "--workload", default="fib", help="one of: %s" % ", ".join(WORKLOADS))
    parser.add_argument("-m", "--mode", default=None,
                        help="one or more of %s, comma-separated" % ", ".join(MODES))
    parser.add_argument("-n", "--workers", default=str(DEFAULT_WORKERS),
                        help="tasks run at once, 1 to %d (default %d)" % (MAX_WORKERS, DEFAULT_WORKERS))
    parser.add_argument("--size", default=None,
                        help="work per task: n for fib, seconds for sleep, increments for the races, MiB for "
                             "hash, writes for io (default: about half a second of work)")
    parser.add_argument("--python", default=None, metavar="EXE",
                        help="interpreter the lab runs under (default: this one); gil-tui run takes several, "
                             "comma-separated, each optionally EXE:gil=on|off|both")
    parser.add_argument("--gil", default=None, choices=None, metavar="on|off",
                        help="PYTHON_GIL for free-threaded builds (gil-tui run: also both, to run GIL off and on)")
    parser.add_argument("--switch-interval", default=str(DEFAULT_SWITCH_INTERVAL), metavar="SEC",
                        help="sys.setswitchinterval in the lab (default %g)" % DEFAULT_SWITCH_INTERVAL)
    parser.add_argument("--lang", default="en", choices=("en", "es"), help="language of the texts (en, es)")


def build_app_parser() -> Parser:
    parser = Parser(prog="gil-tui", description="A terminal workbench for CPython's GIL. Subcommands: "
                    "run (measure without the UI), interpreters (list the Pythons found), compare (two exported "
                    "results side by side), demo (a scripted tour), serve (the app in a browser), screenshots (the "
                    "README's SVGs).")
    parser.add_argument("--version", action="version", version="gil-tui %s" % __version__)
    add_run_options(parser)
    parser.add_argument("--run", action="store_true", help="start the run as soon as the app opens")
    parser.add_argument("--theme", default=None, choices=("dark", "light"),
                        help="colours to start with (default $GIL_TUI_THEME, else dark; d switches)")
    return parser


def build_run_parser() -> Parser:
    parser = Parser(prog="gil-tui run", description="Run workloads in the lab and print the measurements.")
    add_run_options(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per run, one per line")
    parser.add_argument("--repeat", default="1", metavar="K",
                        help="run each cell K times; report the median and the spread (default 1)")
    parser.add_argument("--output", default=None, metavar="FILE",
                        help="also write the results to FILE: .json, .csv or .md")
    parser.add_argument("--preset", default=None, choices=("seed-fib", "seed-race", "seed-sleep"),
                        help="rerun one of the seed post's experiments (sets workload, modes and workers) and "
                             "show the post's figures beside the measured ones")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "run":
        from .commands.run import run_command

        return run_command(build_run_parser().parse_args(args[1:]))
    if args and args[0] == "compare":
        from .commands.compare import compare_command

        return compare_command(args[1:])
    if args and args[0] == "interpreters":
        from .commands.interpreters import interpreters_command

        return interpreters_command(args[1:])
    if args and args[0] in ("demo", "serve", "screenshots"):
        return _classroom(args[0], args[1:])
    parsed = build_app_parser().parse_args(args)
    if parsed.theme:
        import os

        from .app.themes import THEME_ENV

        os.environ[THEME_ENV] = parsed.theme  # the workbench reads it (and a served app's children inherit it)
    from .commands.app import app_command

    return app_command(parsed)


def _classroom(command: str, argv: list[str]) -> int:
    """``gil-tui demo``, ``gil-tui serve`` and ``gil-tui screenshots`` (issue 6)."""
    if command == "demo":
        from .commands.demo import demo_command

        return demo_command(argv)
    if command == "serve":
        from .commands.serve import serve_command

        return serve_command(argv)
    from .commands.screenshots import screenshots_command

    return screenshots_command(argv)


def entry() -> int:
    """The console script: main(), quiet when the reader of stdout goes away (``| head``)."""
    try:
        return main()
    except KeyboardInterrupt:  # Ctrl-C before a run started (probing interpreters, say): no traceback
        sys.stderr.write("gil-tui: interrupted\n")
        return 130
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(entry())
