"""The lab's entry points: ``lab`` runs a whole experiment, ``worker`` one task of a processes run.

The lab prints exactly one JSON line on stdout, its result, whatever happens.
"""

import json
import os
import sys
import time
import traceback

from .board import (
    CANCELLED,
    DONE,
    ERROR,
    H_ALONE_NS,
    H_ALONE_TRIPS,
    H_CANCEL,
    H_COUNTER,
    H_HOLD_MISSES,
    H_IO_CORE,
    H_LOADED_NS,
    H_LOADED_TRIPS,
    H_STATE,
    H_T0,
    RUNNING,
    STATE_NAMES,
    T_CPU,
    T_DONE,
    T_END,
    T_HANDOVERS,
    T_RUNQ,
    T_START,
    T_STATE,
    T_TOTAL,
    Board,
)
from .catalog import CONCURRENT_MODES, RACE_WORKLOADS
from .info import interpreter_info
from .modes import SHARED_STATE_MODES, STARTERS, ModeUnavailable, local_context, shared_context
from .workloads import ASYNC_TASKS

MONITOR_PERIOD = 0.05


def _context(board, cfg):
    make = shared_context if cfg["mode"] in SHARED_STATE_MODES else local_context
    ctx = make(board, cfg["workload"], cfg.get("scratch_dir"))
    ctx.echo_path = cfg.get("echo")
    ctx.workers = cfg["workers"]
    ctx.concurrent = cfg["mode"] in CONCURRENT_MODES
    ctx.task = cfg.get("task")  # your own function: {"path", "function", "outcomes"}
    return ctx


def _convoy(words):
    """The I/O task's round trips alone and beside the CPU tasks, as rates."""
    def rate(trips, ns):
        return trips / (ns / 1e9) if ns > 0 else None

    alone = rate(words[H_ALONE_TRIPS], words[H_ALONE_NS])
    loaded = rate(words[H_LOADED_TRIPS], words[H_LOADED_NS])
    return {"alone_trips": words[H_ALONE_TRIPS], "alone_s": words[H_ALONE_NS] / 1e9, "alone_per_s": alone,
            "loaded_trips": words[H_LOADED_TRIPS], "loaded_s": words[H_LOADED_NS] / 1e9, "loaded_per_s": loaded,
            # the core the I/O task and its peer had, the CPU tasks on the others; None: the kernel placed them
            "io_core": words[H_IO_CORE] - 1 if words[H_IO_CORE] and not words[H_HOLD_MISSES] else None}


def _quiet_output():
    """Your own function's prints go nowhere (stdout must carry only the lab's JSON): return a file for that JSON."""
    keep = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    return os.fdopen(keep, "w")


def _cpu_seconds():
    """This process's CPU time (ns clock) plus that of the worker processes it has waited for."""
    t = os.times()
    return time.process_time() + t[2] + t[3]


def continue_when_orphaned():
    """Linux: ask the kernel for SIGCONT when our parent dies (PR_SET_PDEATHSIG). A lab or worker someone stopped
    (SIGSTOP, a debugger, ^Z) then wakes up, sees it was orphaned and cleans up, instead of outliving gil-tui
    forever with its board and io files. Harmless when it was running: SIGCONT does nothing to a running process."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGCONT), 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except Exception:  # no ctypes (a minimal build) or no prctl: the orphan check still works for running labs
        pass


def _orphaned(board, cfg):
    """The parent is gone: stop the tasks and remove the board, which nobody else will clean up."""
    board.words[H_CANCEL] = 1
    try:
        os.unlink(cfg["board"])
    except OSError:
        pass
    try:  # worker processes someone stopped with us must wake to see the cancel flag (we lead their group)
        import signal

        os.killpg(os.getpgrp(), signal.SIGCONT)
    except OSError:
        pass


def _watch(handles, board, cfg, parent):
    orphaned = False
    for handle in handles:
        while handle.is_alive():
            handle.join(MONITOR_PERIOD)
            if not orphaned and os.getppid() != parent:  # stop rather than run on unobserved
                _orphaned(board, cfg)
                orphaned = True
        handle.join()


def _notes(cfg, info):
    notes = []
    workload, mode = cfg["workload"], cfg["mode"]
    if mode == "asyncio" and workload not in ASYNC_TASKS and workload != "task":
        notes.append("asyncio: %s never awaits, so each coroutine held the event loop until it finished; "
                     "the tasks ran one after another" % workload)
    if mode == "asyncio" and workload == "io":
        notes.append("asyncio: file I/O cannot be awaited; each write ran in the loop's default thread pool")
    if mode == "interpreters" and info["subinterpreters"] not in (None, "concurrent.interpreters"):
        notes.append("interpreters: Python %s runs subinterpreters through the private module %s (experimental)"
                     % (info["version"], info["subinterpreters"]))
    if info["free_threaded"] and info["gil_enabled"]:
        notes.append("this free-threaded build ran with the GIL enabled")
    return notes


def _task_rows(board, cfg, runq=False):
    """Each task's record; ``runq``: with the time it waited for a CPU (your own code's verdict needs it)."""
    from .task import task_size

    rows = []
    for index in range(cfg["workers"]):
        task = board.task(index)
        started = task[T_START]
        rows.append({
            "index": index,
            "done": task[T_DONE],
            "total": task[T_TOTAL],
            "state": STATE_NAMES[task[T_STATE]],
            "wall_s": (task[T_END] - started) / 1e9 if started and task[T_END] else None,
            "cpu_s": task[T_CPU] / 1e9 if task[T_END] else None,
        })
        if cfg.get("sizes"):  # one size per task: each row says its own
            rows[-1]["size"] = task_size(cfg, index)
        if runq:
            rows[-1]["runq_s"] = task[T_RUNQ] / 1e9 if task[T_END] and task[T_RUNQ] >= 0 else None
    return rows


def run_lab(cfg):
    continue_when_orphaned()
    info = interpreter_info()
    result = {"status": "error", "error": None, "interpreter": info, "switch_interval": None, "wall_s": None,
              "cpu_s": None, "tasks": [], "counter": None, "notes": _notes(cfg, info)}
    board = Board.open(cfg["board"])
    words = board.words
    peer = probe = None
    try:
        sys.setswitchinterval(cfg["switch_interval"])
        result["switch_interval"] = sys.getswitchinterval()
        if cfg["workload"] == "convoy":
            from .echo import EchoPeer

            cfg["echo"] = cfg["board"] + ".echo"
            peer = EchoPeer(cfg["echo"])
            if peer.placed and not peer.held:
                words[H_HOLD_MISSES] += 1
        ctx = _context(board, cfg)
        errors = []  # type: list
        parent = cfg.get("parent") or os.getppid()
        cpu0 = _cpu_seconds()
        t0 = time.monotonic_ns()
        words[H_T0] = t0
        words[H_STATE] = RUNNING
        if cfg.get("probe"):
            from .responsiveness import Probe

            probe = Probe(words, convoy=cfg["workload"] == "convoy").start()
        try:
            handles = STARTERS[cfg["mode"]](board, cfg, ctx, errors)
        except ModeUnavailable as exc:
            result["error"] = str(exc)
            words[H_STATE] = ERROR
            return result
        try:
            _watch(handles, board, cfg, parent)
        except BaseException:
            words[H_CANCEL] = 1
            for handle in handles:
                if hasattr(handle, "kill"):  # worker processes must not outlive a failed lab
                    handle.kill()
            raise
        wall_ns = time.monotonic_ns() - t0
        is_gil_enabled = getattr(sys, "_is_gil_enabled", None)  # an extension module can turn it on mid-run
        result["gil_enabled_end"] = bool(is_gil_enabled()) if is_gil_enabled else True
        result["wall_s"] = wall_ns / 1e9
        result["cpu_s"] = _cpu_seconds() - cpu0
        if probe is not None:
            result["probe"] = probe.stop()
            probe = None
        result["tasks"] = _task_rows(board, cfg, runq=bool(cfg.get("task")))
        result["handovers"] = sum(board.task(i)[T_HANDOVERS] for i in range(cfg["workers"]))
        if cfg["workload"] == "convoy":
            result["convoy"] = _convoy(words)
        if cfg["workload"] in RACE_WORKLOADS:
            if cfg["workload"] == "race-plain" and cfg["mode"] not in SHARED_STATE_MODES:
                words[H_COUNTER] = ctx.plain_counter.count
            expected = sum(task["done"] for task in result["tasks"])
            final = words[H_COUNTER]
            result["counter"] = {"expected": expected, "final": final, "lost": expected - final}
        if words[H_CANCEL]:
            result["status"], state = "cancelled", CANCELLED
        elif errors:
            result["error"] = errors[0] if len(errors) == 1 else "%s (and %d more failed tasks)" % (
                errors[0], len(errors) - 1)
            state = ERROR
        else:
            result["status"], state = "ok", DONE
        words[H_STATE] = state
        return result
    finally:
        if probe is not None:
            probe.stop()
        if peer is not None:
            peer.close()
        del words
        board.close()


def _worker(cfg, index, watch_lab=False):
    from .task import run_task, task_size

    board = Board.open(cfg["board"])
    if watch_lab:
        continue_when_orphaned()
        _watch_lab(board)
    try:
        sys.setswitchinterval(cfg["switch_interval"])
        return run_task(board, index, cfg["workload"], task_size(cfg, index), _context(board, cfg))
    finally:
        board.close()


def _watch_lab(board):
    """In a worker process: if the lab dies, cancel and remove the board, so nothing runs on or stays behind."""
    import threading

    lab = os.getppid()

    def watch():
        while os.getppid() == lab:
            time.sleep(MONITOR_PERIOD * 4)
        try:
            board.words[H_CANCEL] = 1
        except ValueError:  # the task already finished and closed the board
            pass
        try:
            os.unlink(board.path)
        except OSError:
            pass

    threading.Thread(target=watch, name="gil-lab-watch", daemon=True).start()


def subinterpreter_worker(cfg_json, index):
    error = _worker(json.loads(cfg_json), index)
    if error:
        raise RuntimeError(error)


def main(argv):
    command = argv[0] if argv else ""
    out = sys.stdout
    try:
        if command == "probe":
            print(json.dumps(interpreter_info()))
            return 0
        if command == "check-task":
            from .usertask import check

            out = _quiet_output()
            result = check(argv[1], argv[2])
            out.write(json.dumps(result) + "\n")
            out.flush()
            return 0 if result["ok"] else 1
        if command == "worker":
            cfg = json.loads(argv[1])
            err = sys.stderr
            if cfg.get("task"):  # a task's output must not fill the pipe its error message comes through
                err = os.fdopen(os.dup(2), "w")
                _quiet_output()
                os.dup2(1, 2)
            error = _worker(cfg, int(argv[2]), watch_lab=True)
            if error:
                err.write(error + "\n")
                err.flush()
                return 1
            return 0
        if command == "lab":
            cfg = json.loads(argv[1])
            if cfg.get("task"):
                out = _quiet_output()
            result = run_lab(cfg)
        else:
            result = {"status": "error", "error": "unknown lab command %r" % command}
    except BaseException as exc:  # the parent shows one message, never our traceback
        result = {"status": "error", "error": "lab failed: %s: %s" % (type(exc).__name__, exc),
                  "traceback": traceback.format_exc()}
    out.write(json.dumps(result) + "\n")
    out.flush()
    return 0 if result.get("status") == "ok" else 1
