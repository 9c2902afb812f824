"""One argparse Parser for every subcommand, and the options the workbench and ``gil-tui run`` share."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from .. import __version__
from ..lab.catalog import DEFAULT_SWITCH_INTERVAL, DEFAULT_WORKERS, MAX_WORKERS, MODES, WORKLOADS
from . import exit_codes


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write("%s: error: %s\n" % (self.prog, message))
        sys.exit(exit_codes.USAGE)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-w", "--workload", default="fib", help="one of: %s" % ", ".join(WORKLOADS))
    parser.add_argument("-m", "--mode", default=None,
                        help="one or more of %s, comma-separated" % ", ".join(MODES))
    parser.add_argument("-n", "--workers", default=None,
                        help="tasks run at once, 1 to %d (default %d, or one per size)"
                             % (MAX_WORKERS, DEFAULT_WORKERS))
    parser.add_argument("--size", default=None,
                        help="work per task: n for fib, seconds for sleep, increments for the races, MiB for "
                             "hash, writes for io (default: about half a second of work); a range (30..34) or a "
                             "list (30,31,32) gives one size per task")
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
    parser.add_argument("--task", default=None, metavar="FILE.py:FUNCTION",
                        help="open with your own code as the workload (Workload: your code)")
    parser.add_argument("--allow-tasks-from", default=None, help=argparse.SUPPRESS)  # set by gil-tui serve
    parser.add_argument("--no-tasks", action="store_true", help=argparse.SUPPRESS)  # set by gil-tui serve
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
    parser.add_argument("--probe", action="store_true",
                        help="a lab thread sleeps 1 ms in a loop and reports how late it woke (p50/p99/max); "
                             "always on for -w convoy")
    parser.add_argument("--task", default=None, metavar="FILE.py:FUNCTION",
                        help="your own code as the workload: FUNCTION(index, size) from FILE.py, called once per "
                             "task (--size is passed to it as it is; an optional keyword tick() reports progress)")
    parser.add_argument("--timeout", default=None, metavar="SEC",
                        help="stop a run that takes longer than SEC seconds (default: no limit)")
    parser.add_argument("--preset", default=None, choices=("seed-fib", "seed-race", "seed-sleep"),
                        help="rerun one of the seed post's experiments (sets workload, modes and workers) and "
                             "show the post's figures beside the measured ones")
    return parser


