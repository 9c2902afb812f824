"""Your own code on the bench, from the parent's side: ``file.py:function`` checked, run and its outcomes read.

The lab (``gil_tui.lab.usertask``) imports the file in the measured interpreter and calls ``function(index, size)``
once per task; each task leaves its outcome as a JSON file in a directory this module makes and removes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import Message
from ..lab import bootstrap
from .model import RunResult, TaskArg, TaskError, TaskReport, TaskValue
from .probe import Interpreter
from .validation import UsageError

WORKLOAD = "task"
CHECK_TIMEOUT = 60.0  # seconds to import the file (its top level runs) under one interpreter


@dataclass(frozen=True)
class TaskRef:
    path: str  # absolute
    function: str

    @property
    def text(self) -> str:
        return "%s:%s" % (self.path, self.function)

    @property
    def short(self) -> str:
        """"file.py:function", for titles."""
        return "%s:%s" % (os.path.basename(self.path), self.function)


def _error(key: str, **params: object) -> UsageError:
    return UsageError(Message(key, params))


def parse(text: str, allowed_dir: str | None = None) -> TaskRef:
    """``path/to/file.py:function`` -> TaskRef, checked as far as the parent can: the file exists, the name is one.

    ``allowed_dir``: when given, the file must be inside it (``gil-tui serve --allow-tasks-from DIR``).
    """
    given = text.strip()
    if not given:
        raise _error("usage.task.empty")
    path, colon, name = given.rpartition(":")
    if not colon or not path or not name:
        raise _error("usage.task.form", value=given)
    if not name.isidentifier():
        raise _error("usage.task.name", value=name)
    full = os.path.abspath(os.path.expanduser(path))
    if not os.path.exists(full):
        raise _error("usage.task.missing", path=path)
    if not os.path.isfile(full):
        raise _error("usage.task.not_file", path=path)
    if allowed_dir is not None:
        root = os.path.realpath(allowed_dir)
        if os.path.commonpath([root, os.path.realpath(full)]) != root:
            raise _error("usage.task.outside", path=path, folder=allowed_dir)
    return TaskRef(full, name)


def size_arg(value: str | None) -> TaskArg:
    """--size as your function gets it: a whole number, else a number, else the text itself; None when not given."""
    if value is None:
        return None
    text = value.strip()
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return value


def numeric_size(arg: TaskArg) -> float:
    """The size as RunSpec.size holds it: the number, or 0 for a text (or none)."""
    return float(arg) if isinstance(arg, (int, float)) and not isinstance(arg, bool) else 0


def check(interpreter: Interpreter, gil: str | None, ref: TaskRef, timeout: float = CHECK_TIMEOUT) -> str | None:
    """Import the file under ``interpreter`` and look for the function: None when it can run, else why not."""
    env = dict(os.environ)
    if gil is not None:
        env["PYTHON_GIL"] = "1" if gil == "on" else "0"
    command = bootstrap.command(interpreter.executable, "check-task", ref.path, ref.function)
    # files, not pipes: a process the import started would keep a pipe open after the check ended
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out_file, stderr=err_file, env=env,
                                    cwd=working_dir(), start_new_session=True)
        except OSError as exc:
            return "could not start %s: %s" % (interpreter.executable, exc.strerror or exc)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return "importing %s took over %g s (its top level never finished)" % (ref.path, timeout)
        except BaseException:  # Ctrl-C while importing: nothing may stay behind
            _kill_group(proc)
            raise
        _kill_group(proc)  # the import may have started processes of its own
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    lines = out.decode("utf-8", "replace").strip().splitlines()
    try:
        said = json.loads(lines[-1]) if lines else None
    except ValueError:
        said = None
    if isinstance(said, dict) and said.get("ok"):
        return None
    if isinstance(said, dict):
        return str(said.get("error"))
    why = err.decode("utf-8", "replace").strip().splitlines()
    return "importing %s ended the interpreter (exit code %s%s)" % (ref.path, proc.returncode,
                                                                     ": " + why[-1] if why else "")


def working_dir() -> str:
    """Where your function runs: the folder gil-tui was started in, so relative paths mean what they mean to you."""
    try:
        return os.getcwd()
    except OSError:  # that folder was removed
        return tempfile.gettempdir()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


# --- the outcomes of one run ----------------------------------------------------------------------

def make_outcome_dir(parent: str) -> str:
    return tempfile.mkdtemp(prefix="gil-tui-task-", dir=parent)


def remove_outcome_dir(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)


def read_outcomes(path: str, workers: int) -> TaskReport:
    """The tasks' outcome files, as one report: one error per distinct message, with the tasks that had it."""
    values: list[TaskValue] = []
    errors: dict[str, tuple[list[int], str | None]] = {}
    forked: list[int] = []
    exited: list[tuple[int, int]] = []
    for index in range(workers):
        try:
            with open(os.path.join(path, "%d.json" % index)) as f:
                outcome = json.load(f)
        except (OSError, ValueError):
            continue
        if not isinstance(outcome, dict):
            continue
        if outcome.get("forks"):
            forked.append(index)
        if "exit" in outcome:
            code = outcome["exit"]
            exited.append((index, code if isinstance(code, int) else 1))
        if outcome.get("error"):
            message = str(outcome["error"])
            indexes, _ = errors.setdefault(message, ([], outcome.get("traceback")))
            indexes.append(index)
        elif isinstance(outcome.get("value"), dict):
            values.append(TaskValue.from_json(dict(outcome["value"], index=index)))
    return TaskReport(tuple(values), tuple(TaskError(tuple(ix), message, tb) for message, (ix, tb) in errors.items()),
                      tuple(forked), tuple(exited))


def exit_error(report: TaskReport) -> str | None:
    """The message for a run one of whose tasks called os._exit, None when none did."""
    if not report.exited:
        return None
    index, code = report.exited[0]
    return Message("task.exited", {"index": index, "code": code}).render()


# --- comparing the modes ---------------------------------------------------------------------------

def value_text(value: TaskValue) -> str:
    """"int 4950", "list len 10 [1, 2, …]"."""
    size = "" if value.len is None else " len %d" % value.len
    return "%s%s %s" % (value.type, size, value.repr)


def disagreements(results: Iterable[RunResult]) -> list[Message]:
    """Where runs of the same function on the same Python returned something else than the first run that returned,
    task by task (type, len and repr): the sign of code that is not safe under threads (or that depends on its
    process)."""
    groups: dict[tuple[str | None, str, str | None], list[RunResult]] = {}
    for r in results:
        if r.task is not None and r.task_report is not None and r.task_report.values:
            groups.setdefault((r.task, r.interpreter.executable, r.gil), []).append(r)
    out: list[Message] = []
    for group in groups.values():
        reference = group[0]
        assert reference.task_report is not None
        ref_values = {v.index: v for v in reference.task_report.values}
        for other in group[1:]:
            assert other.task_report is not None
            differ = [v.index for v in other.task_report.values
                      if v.index in ref_values and v.digest != ref_values[v.index].digest]
            if not differ:
                continue
            first = differ[0]
            out.append(Message("task.differs", {
                "mode": Message("mode." + other.mode), "reference": Message("mode." + reference.mode),
                "count": len(differ), "total": len(ref_values),
                "python": other.python_label, "index": first, "got": value_text(
                    next(v for v in other.task_report.values if v.index == first)),
                "expected": value_text(ref_values[first])}))
    return out
