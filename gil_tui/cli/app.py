"""``gil-tui``: open the workbench preset from the same options as ``gil-tui run`` (``--run`` starts at once)."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from ..core import usertask, validation
from ..core.model import choices_for
from ..core.probe import Interpreter, ProbeError, lab_interpreter
from ..i18n import Message
from ..lab.catalog import DEFAULT_WORKERS
from . import exit_codes

if TYPE_CHECKING:
    from ..ui.widgets.setup import SetupValues

DEFAULT_MODE = "sequential,threads"  # the post's lesson is a comparison: r runs both


def interpreters_for(args: argparse.Namespace) -> tuple[Interpreter, Interpreter, list[Interpreter]]:
    """The interpreter chosen with --python (else this one), this one, and the others found on the machine."""
    from ..core.discovery import discovered

    try:
        current = lab_interpreter(sys.executable)
        if args.python is not None and not args.python.strip():
            raise validation.UsageError("--python needs an interpreter, not an empty name")
        chosen = lab_interpreter(args.python) if args.python else current
    except ProbeError as exc:
        raise validation.UsageError(str(exc)) from None
    return chosen, current, discovered()


def preset_from_args(args: argparse.Namespace,
                     found: tuple[Interpreter, Interpreter, list[Interpreter]] | None = None,
                     ) -> tuple[list[Interpreter], SetupValues]:
    """The interpreters to offer and the values the setup pane opens with; UsageError with the first mistake.
    ``found``: what ``interpreters_for(args)`` returned, if it has already run."""
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
    sizes: tuple[float, ...] | None = None
    size: float | None
    if task is not None:  # the size goes to your function as it is: a number here only if it is one
        workers = DEFAULT_WORKERS if args.workers is None else validation.workers(args.workers)
        arg = usertask.size_arg(args.size)
        size = float(arg) if isinstance(arg, (int, float)) else None
    else:
        workers, checked, sizes = validation.work(workload, args.size, args.workers, DEFAULT_WORKERS)
        size = None if args.size is None else checked  # None: the workload's default, the Size field's placeholder
    interval = validation.switch_interval(args.switch_interval)
    gil = validation.gil(args.gil)
    chosen, current, others = found if found is not None else interpreters_for(args)
    validation.gil_for(chosen, gil)
    validation.modes_for(chosen, modes)
    interpreters = [chosen] + ([current] if chosen.executable != current.executable else []) + others
    choices = choices_for(interpreters)
    index = 0
    if chosen.free_threaded and gil == "on":
        index = 1  # choices_for lists a free-threaded build as GIL off, then GIL on
    preset = SetupValues(workload=workload, mode=",".join(modes), workers=workers, size=size, sizes=sizes,
                         switch_interval=interval, choice=index, task=task or "", tasks=tasks, tasks_from=tasks_from)
    assert choices
    return interpreters, preset


def app_command(args: argparse.Namespace) -> int:
    # the interpreters are probed (child processes, a cache read) while Textual is imported: the first frame comes
    # sooner by the shorter of the two
    with ThreadPoolExecutor(max_workers=1) as pool:
        probing = pool.submit(interpreters_for, args)
        from ..ui.workbench import Workbench

        try:
            interpreters, preset = preset_from_args(args, probing.result())
        except validation.UsageError as exc:
            sys.stderr.write("gil-tui: error: %s\n" % exc)
            return exit_codes.USAGE

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
        release = getattr(app, "release_run", None)  # the run's lab and board go, however the app ended
        if release is not None:
            release()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            loop.remove_signal_handler(signum)
        loop.close()
