"""The execution modes: how the lab runs N tasks. Each returns one error message per failed task."""

import asyncio
import json
import subprocess
import sys
import tempfile
import threading

from . import bootstrap
from .board import H_CANCEL
from .info import subinterpreters_module
from .task import run_task, run_task_async, task_size
from .workloads import Context, Counter, SharedCounter

STOP_GRACE = 2.0  # seconds worker processes get to stop by themselves when the run cannot start


class ModeUnavailable(Exception):
    """The mode cannot run on this interpreter; the message says why."""


class FileLock(object):
    """A lock every process and subinterpreter can share: flock on the board's own file.

    Each holder opens the file itself, so two subinterpreters of one process exclude each other too
    (flock belongs to the open file description, not the process).
    """

    def __init__(self, path):
        import fcntl
        import os

        self._fcntl = fcntl
        self._fd = os.open(path, os.O_RDWR)

    def __enter__(self):
        self._fcntl.flock(self._fd, self._fcntl.LOCK_EX)

    def __exit__(self, *exc):
        self._fcntl.flock(self._fd, self._fcntl.LOCK_UN)


def local_context(board, workload, scratch_dir):
    """Context for tasks that share this process: a threading lock and the post's Counter object."""
    return Context(board.words, lock=threading.Lock(), plain_counter=Counter(), scratch_dir=scratch_dir)


def shared_context(board, workload, scratch_dir):
    """Context for tasks in other processes or interpreters: everything lives in the board."""
    lock = FileLock(board.path) if workload == "race-locked" else None
    return Context(board.words, lock=lock, plain_counter=SharedCounter(board.words), scratch_dir=scratch_dir)


def _threads(targets, board):
    """Start one thread per target. If one cannot start (out of threads: RLIMIT_NPROC), the tasks already running
    are cancelled and waited for, so their io files are closed and removed before the error goes up."""
    threads = [threading.Thread(target=t, name="gil-lab-%d" % i, daemon=True) for i, t in enumerate(targets)]
    started = []
    try:
        for thread in threads:
            thread.start()
            started.append(thread)
    except BaseException:
        board.words[H_CANCEL] = 1  # every task stops at its next tick
        for thread in started:
            thread.join()
        raise
    return threads


def start_sequential(board, cfg, ctx, errors):
    def all_in_order():
        for index in range(cfg["workers"]):
            error = run_task(board, index, cfg["workload"], task_size(cfg, index), ctx)
            if error:
                errors.append(error)
            if board.words[H_CANCEL]:  # leave the rest pending
                break

    return _threads([all_in_order], board)


def start_threads(board, cfg, ctx, errors):
    def one(index):
        def target():
            error = run_task(board, index, cfg["workload"], task_size(cfg, index), ctx)
            if error:
                errors.append(error)

        return target

    return _threads([one(i) for i in range(cfg["workers"])], board)


def start_asyncio(board, cfg, ctx, errors):
    async def gather():
        coros = [run_task_async(board, i, cfg["workload"], task_size(cfg, i), ctx) for i in range(cfg["workers"])]
        for error in await asyncio.gather(*coros):
            if error:
                errors.append(error)

    return _threads([lambda: asyncio.run(gather())], board)


class Workers(object):
    """The worker processes of a processes run, looking like threads to the lab's monitor."""

    def __init__(self, procs, errors):
        self.procs = procs
        self.errors = errors

    def is_alive(self):
        return any(p.poll() is None for p in self.procs)

    def join(self, timeout=None):
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        for proc in self.procs:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                proc.wait(left)
            except subprocess.TimeoutExpired:
                return
        self._collect()

    def _collect(self):
        for proc in self.procs:
            err = getattr(proc, "gil_err", None)
            if err is None:
                continue
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()
            err.close()
            proc.gil_err = None
            if proc.returncode != 0 and message:
                self.errors.append(message.splitlines()[-1])
            elif proc.returncode != 0:
                self.errors.append("worker process exited with code %d" % proc.returncode)

    def kill(self):
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()


def start_processes(board, cfg, ctx, errors):
    worker_cfg = json.dumps(cfg)
    procs = []
    try:
        for i in range(cfg["workers"]):
            # stderr into a file, not a pipe: a full pipe would stop the worker, and a child it forked would keep
            # the pipe open after the worker ended
            err = tempfile.TemporaryFile()
            try:
                proc = subprocess.Popen(bootstrap.command(sys.executable, "worker", worker_cfg, i),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
            except BaseException:
                err.close()
                raise
            proc.gil_err = err  # type: ignore[attr-defined]
            procs.append(proc)
    except BaseException:  # e.g. out of processes: the ones already started must not run on alone
        board.words[H_CANCEL] = 1  # asked first, so they remove their io files; killed if they have not stopped
        started = Workers(procs, errors)
        started.join(STOP_GRACE)
        started.kill()
        raise
    return [Workers(procs, errors)]


def _subinterpreter_runner():
    """A function(source) -> error message or None, running source in a new isolated subinterpreter."""
    name = subinterpreters_module()
    if name is None:
        raise ModeUnavailable("subinterpreters are not available on Python %d.%d (they need 3.12 or newer)"
                              % sys.version_info[:2])
    if name == "concurrent.interpreters":  # 3.14+
        from concurrent import interpreters  # type: ignore[attr-defined,unused-ignore]  # 3.14's, unknown to older stubs

        def run_in_new(source):
            interp = interpreters.create()
            try:
                interp.exec(source)
            except interpreters.ExecutionFailed as failed:
                return str(failed.excinfo.msg) if failed.excinfo else str(failed)
            finally:
                interp.close()
            return None

        return run_in_new

    module = __import__(name)

    def run(source):
        interp = module.create()
        try:
            failure = module.run_string(interp, source)  # 3.13 returns the failure, 3.12 raises it
        except Exception as exc:  # 3.12: RunFailedError carries the subinterpreter's message
            failure = exc
        finally:
            module.destroy(interp)
        if failure is None:
            return None
        msg = getattr(failure, "msg", None)
        text = str(msg if msg is not None else failure)
        prefix = "<class 'RuntimeError'>: "  # 3.12 names the exception class this way; the message already says it
        return text[len(prefix):] if text.startswith(prefix) else text

    return run


def start_interpreters(board, cfg, ctx, errors):
    run_source = _subinterpreter_runner()
    lab_dir = bootstrap.this_lab_dir()
    worker_cfg = json.dumps(cfg)

    def one(index):
        call = "from gil_lab.main import subinterpreter_worker\nsubinterpreter_worker(%r, %d)" % (worker_cfg, index)
        source = bootstrap.subinterpreter_source(lab_dir, call)

        def target():
            error = run_source(source)
            if error:
                errors.append(error)

        return target

    return _threads([one(i) for i in range(cfg["workers"])], board)


STARTERS = {
    "sequential": start_sequential,
    "threads": start_threads,
    "asyncio": start_asyncio,
    "processes": start_processes,
    "interpreters": start_interpreters,
}

SHARED_STATE_MODES = ("processes", "interpreters")
