"""``gil-tui``: open the workbench preset from the same options as ``gil-tui run`` (``--run`` starts at once)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

from ..core import usertask, validation
from ..core.model import choices_for
from ..core.probe import Interpreter, ProbeError, lab_interpreter
from ..i18n import Message
from . import exit_codes

if TYPE_CHECKING:
    from ..ui.widgets.setup import SetupValues

DEFAULT_MODE = "threads"


def preset_from_args(args: argparse.Namespace) -> tuple[list[Interpreter], SetupValues]:
    """The interpreters to offer and the values the setup pane opens with; UsageError with the first mistake."""
    from ..core.discovery import discovered
    from ..ui.widgets.setup import SetupValues

    task = getattr(args, "task", None)
    tasks_from = getattr(args, "allow_tasks_from", None)
    tasks = not getattr(args, "no_tasks", False)
    if task is not None and not tasks:
        raise validation.UsageError(Message("usage.task.served", {}))
    if task is not None:
        usertask.parse(task, tasks_from)
    workload = usertask.WORKLOAD if task is not None else validation.workload(args.workload)
    modes = validation.modes(args.mode if args.mode is not None else DEFAULT_MODE)
    if len(modes) > 1:
        raise validation.UsageError("the workbench runs one mode at a time (use gil-tui run for %s)" % ",".join(modes))
    workers = validation.workers(args.workers)
    if task is not None:
        arg = usertask.size_arg(args.size)
        size = float(arg) if isinstance(arg, (int, float)) else None
    else:
        size = None if args.size is None else validation.size(workload, args.size)
    interval = validation.switch_interval(args.switch_interval)
    gil = validation.gil(args.gil)
    try:
        current = lab_interpreter(sys.executable)
        if args.python is not None and not args.python.strip():
            raise validation.UsageError("--python needs an interpreter, not an empty name")
        chosen = lab_interpreter(args.python) if args.python else current
    except ProbeError as exc:
        raise validation.UsageError(str(exc)) from None
    validation.gil_for(chosen, gil)
    interpreters = [chosen] + ([current] if chosen.executable != current.executable else []) + discovered()
    choices = choices_for(interpreters)
    index = 0
    if chosen.free_threaded and gil == "on":
        index = 1  # choices_for lists a free-threaded build as GIL off, then GIL on
    preset = SetupValues(workload=workload, mode=modes[0], workers=workers, size=size, switch_interval=interval,
                         choice=index, task=task or "", tasks=tasks, tasks_from=tasks_from)
    assert choices
    return interpreters, preset


def app_command(args: argparse.Namespace) -> int:
    try:
        interpreters, preset = preset_from_args(args)
    except validation.UsageError as exc:
        sys.stderr.write("gil-tui: error: %s\n" % exc)
        return exit_codes.USAGE
    from ..ui.workbench import Workbench

    app = Workbench(interpreters, preset, autorun=bool(args.run), lang=args.lang)
    code = run_quitting_on_signals(app)
    return code or 0


SHUTDOWN_GRACE = 5.0  # seconds a signalled app gets to quit before the process ends itself


def run_quitting_on_signals(app) -> int | None:
    """Run the app; SIGTERM and SIGHUP (a dropped SSH session) quit it as q does, so the run in progress is
    cancelled and its lab processes and board are gone. Textual handles neither: by default they kill gil-tui on
    the spot, leaving the lab to notice it was orphaned and the terminal in raw mode.

    When the terminal itself is gone, Textual's output thread can die on the dead pty and its shutdown then waits
    forever for that thread (seen with tmux kill-server right after start-up). So a signalled quit also arms a
    watchdog: the run is cancelled within half a second, and if the app has not exited SHUTDOWN_GRACE seconds later
    the process ends anyway, with the shell's 128 + signal code."""
    loop = asyncio.new_event_loop()

    def on_signal(signum: int) -> None:
        watchdog = threading.Timer(SHUTDOWN_GRACE, os._exit, args=(128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        app.call_later(app.action_quit)

    def install() -> None:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, on_signal, signum)

    install()
    # Textual's web driver (gil-tui serve) sets its own SIGTERM handler when it starts, which exits without
    # cancelling the run or arming the watchdog: ours again, once the app is up
    app.call_after_refresh(install)
    try:
        return app.run(loop=loop)
    finally:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            loop.remove_signal_handler(signum)
        loop.close()
