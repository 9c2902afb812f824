"""What a run asks for and what it measured: frozen records, and their JSON (schema 1) both ways.

Everything above the runner works on these records. ``RunResult.to_json()`` writes exactly the dict
that schema 1 has always had (same keys, same order), and ``RunResult.from_json()`` reads every file
gil-tui has ever written, including the aggregated cells of ``gil-tui run --repeat``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..lab.catalog import DEFAULT_SWITCH_INTERVAL
from .probe import Interpreter

SCHEMA = 1
STATUSES = ("ok", "error", "cancelled")

JSON = dict[str, Any]
TaskArg = int | float | str | None


def _opt_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _opt_int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _size(value: object) -> float:
    """A size as JSON holds it: an int for the integral workloads, a float for sleep."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number == int(number) and not isinstance(value, float) else number


@dataclass(frozen=True)
class Python:
    """The interpreter a run used, as its result records it (a subset of what the probe knows)."""

    executable: str
    version: str
    free_threaded: bool | None = False
    gil_enabled: bool | None = True

    @classmethod
    def of(cls, interpreter: Interpreter) -> Python:
        return cls(interpreter.executable, interpreter.version, interpreter.free_threaded, interpreter.gil_enabled)

    @property
    def label(self) -> str:
        """"3.12.1", or "3.13.5t GIL off" / "3.13.5t GIL on" for a free-threaded build: the one way gil-tui
        names a Python in a result."""
        if not self.free_threaded:
            return str(self.version)
        return "%st GIL %s" % (self.version, "on" if self.gil_enabled else "off")

    @property
    def short_label(self) -> str:
        """"3.12", or "3.13t GIL off": the label where the patch level would only crowd a column."""
        short = ".".join(self.version.split(".")[:2])
        if not self.free_threaded:
            return short
        return "%st GIL %s" % (short, "on" if self.gil_enabled else "off")

    @property
    def gil_held(self) -> bool:
        """Whether the run had a GIL (unknown counts as yes: every build but a free-threaded one has it)."""
        return True if self.gil_enabled is None else bool(self.gil_enabled)

    def to_json(self) -> JSON:
        return {"executable": self.executable, "version": self.version, "free_threaded": self.free_threaded,
                "gil_enabled": self.gil_enabled}

    @classmethod
    def from_json(cls, data: JSON) -> Python:
        return cls(str(data.get("executable") or ""), str(data["version"]), data.get("free_threaded"),
                   data.get("gil_enabled"))


@dataclass(frozen=True)
class Choice:
    """One way to run the lab: an interpreter, and for a free-threaded build whether the GIL is on."""

    interpreter: Interpreter
    gil: str | None = None  # None: the build's default; "on"/"off": PYTHON_GIL=1/0

    @property
    def gil_shown(self) -> str | None:
        """"on"/"off" where the GIL is a choice (a free-threaded build, or a setting asked for), else None."""
        if self.gil is None and not self.interpreter.free_threaded:
            return None
        return self.gil or ("on" if self.interpreter.gil_enabled else "off")

    @property
    def label(self) -> str:
        """"3.12", "3.13t (GIL off)"."""
        gil = self.gil_shown
        return self.interpreter.short if gil is None else "%s (GIL %s)" % (self.interpreter.short, gil)


def choices_for(interpreters: Iterable[Interpreter]) -> list[Choice]:
    """One choice per binary (links to the same file count once); a free-threaded build twice: GIL off, then on."""
    seen: set[str] = set()
    result: list[Choice] = []
    for interp in interpreters:
        real = os.path.realpath(interp.executable)
        if real in seen:
            continue
        seen.add(real)
        if interp.free_threaded:
            result += [Choice(interp, "off"), Choice(interp, "on")]
        else:
            result.append(Choice(interp))
    return result


@dataclass(frozen=True)
class RunSpec:
    """One run to make: a workload, a mode, N workers of ``size`` each, under one interpreter."""

    workload: str
    mode: str
    workers: int
    size: float
    interpreter: Interpreter
    gil: str | None = None  # "on" / "off" set PYTHON_GIL; None leaves the build's default
    switch_interval: float = DEFAULT_SWITCH_INTERVAL
    task: str | None = None  # your own code, "/abs/path/file.py:function" (workload "task")
    task_arg: TaskArg = None  # the size your function is given, as --size said it

    @property
    def python(self) -> Python:
        """The interpreter as this run's result will record it (a free-threaded build with its GIL setting)."""
        gil_enabled = self.interpreter.gil_enabled if self.gil is None else self.gil == "on"
        return Python(self.interpreter.executable, self.interpreter.version, self.interpreter.free_threaded,
                      gil_enabled)


@dataclass(frozen=True)
class TaskResult:
    """One worker's task: how far it got, its own wall and CPU time, and how it ended."""

    index: int | None
    done: int | None
    total: int | None
    wall_s: float | None
    cpu_s: float | None
    state: str | None
    runq_s: float | None = None  # time runnable but not on a CPU: the machine's other load (Linux), else None

    @property
    def core_share(self) -> float | None:
        """CPU time / wall time: the share of one core this task had while it ran."""
        if self.cpu_s is None or not self.wall_s:
            return None
        return self.cpu_s / self.wall_s

    def to_json(self) -> JSON:
        data: JSON = {"index": self.index, "done": self.done, "total": self.total, "wall_s": self.wall_s,
                      "cpu_s": self.cpu_s, "state": self.state}
        if self.runq_s is not None:
            data["runq_s"] = self.runq_s
        return data

    @classmethod
    def from_json(cls, data: JSON) -> TaskResult:
        return cls(_opt_int(data.get("index")), _opt_int(data.get("done")), _opt_int(data.get("total")),
                   _opt_float(data.get("wall_s")), _opt_float(data.get("cpu_s")), data.get("state"),
                   _opt_float(data.get("runq_s")))


@dataclass(frozen=True)
class Counter:
    """The shared counter of a race workload: what it should have reached, and what it did."""

    expected: int
    final: int
    lost: int
    lost_all: tuple[int, ...] | None = None  # every repeat's loss, for a cell run several times

    @property
    def lost_pct(self) -> float:
        return 100.0 * self.lost / self.expected if self.expected else 0.0

    def to_json(self) -> JSON:
        data: JSON = {"expected": self.expected, "final": self.final, "lost": self.lost}
        if self.lost_all is not None:
            data["lost_all"] = list(self.lost_all)
        return data

    @classmethod
    def from_json(cls, data: JSON) -> Counter:
        lost_all = data.get("lost_all")
        return cls(int(data["expected"]), int(data["final"]), int(data["lost"]),
                   None if lost_all is None else tuple(int(x) for x in lost_all))


@dataclass(frozen=True)
class Timeline:
    """Who ran when: for each task, one byte per ``slice_s`` seconds (non-zero: the task was on a CPU)."""

    slice_s: float
    lanes: tuple[tuple[int, ...], ...]

    def to_json(self) -> JSON:
        return {"slice_s": self.slice_s, "lanes": [list(lane) for lane in self.lanes]}

    @classmethod
    def from_json(cls, data: JSON) -> Timeline:
        return cls(float(data["slice_s"]), tuple(tuple(lane) for lane in data.get("lanes") or ()))


@dataclass(frozen=True)
class TaskValue:
    """A summary of what one task of your function returned: enough to tell whether two runs agree."""

    index: int
    type: str
    digest: str  # of its repr
    repr: str  # shortened
    len: int | None = None

    def to_json(self) -> JSON:
        return {"index": self.index, "type": self.type, "digest": self.digest, "repr": self.repr, "len": self.len}

    @classmethod
    def from_json(cls, data: JSON) -> TaskValue:
        return cls(int(data["index"]), str(data.get("type")), str(data.get("digest")), str(data.get("repr")),
                   _opt_int(data.get("len")))


@dataclass(frozen=True)
class TaskError:
    """One distinct failure of your function, and the tasks that had it."""

    indexes: tuple[int, ...]
    error: str
    traceback: str | None = None

    def to_json(self) -> JSON:
        return {"indexes": list(self.indexes), "error": self.error, "traceback": self.traceback}

    @classmethod
    def from_json(cls, data: JSON) -> TaskError:
        return cls(tuple(int(i) for i in data.get("indexes") or ()), str(data.get("error")), data.get("traceback"))


@dataclass(frozen=True)
class TaskReport:
    """What the tasks of your own function returned or raised, task by task."""

    values: tuple[TaskValue, ...] = ()
    errors: tuple[TaskError, ...] = ()
    forked: tuple[int, ...] = ()  # tasks that called os.fork
    exited: tuple[tuple[int, int], ...] = ()  # (task, code) of a task that called os._exit

    @property
    def all_same(self) -> bool:
        """Every task that returned returned the same thing (by its repr)."""
        return len({v.digest for v in self.values}) <= 1

    def to_json(self) -> JSON:
        return {"values": [v.to_json() for v in self.values], "errors": [e.to_json() for e in self.errors],
                "forked": list(self.forked), "exited": [list(pair) for pair in self.exited]}

    @classmethod
    def from_json(cls, data: JSON) -> TaskReport:
        return cls(tuple(TaskValue.from_json(v) for v in data.get("values") or ()),
                   tuple(TaskError.from_json(e) for e in data.get("errors") or ()),
                   tuple(int(i) for i in data.get("forked") or ()),
                   tuple((int(i), int(c)) for i, c in data.get("exited") or ()))


@dataclass(frozen=True)
class RunResult:
    """What one run (or one cell of repeated runs) measured."""

    workload: str
    mode: str
    workers: int
    size: float
    interpreter: Python
    gil: str | None = None
    switch_interval: float | None = DEFAULT_SWITCH_INTERVAL
    status: str = "error"
    error: str | None = None
    wall_s: float | None = None
    cpu_s: float | None = None
    cores_used: float | None = None
    speedup: float | None = None
    tasks: tuple[TaskResult, ...] = ()
    counter: Counter | None = None
    notes: tuple[str, ...] = ()
    timeline: Timeline | None = None
    # a cell of ``gil-tui run --repeat K``: medians above, and these
    repeat: int | None = None
    wall_s_all: tuple[float | None, ...] | None = None
    spread: float | None = None
    warnings: tuple[str, ...] | None = None
    # your own code (workload "task"): which function, the size it was given, and what its tasks returned
    task: str | None = None
    task_arg: TaskArg = None
    task_report: TaskReport | None = None

    @classmethod
    def of(cls, spec: RunSpec, status: str = "error", error: str | None = None) -> RunResult:
        """A result for ``spec`` with nothing measured yet."""
        return cls(spec.workload, spec.mode, spec.workers, spec.size, Python.of(spec.interpreter), spec.gil,
                   spec.switch_interval, status, error, task=spec.task, task_arg=spec.task_arg)

    # -- reading ------------------------------------------------------------------------------------

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def python_label(self) -> str:
        return self.interpreter.label

    @property
    def gil_held(self) -> bool:
        return self.interpreter.gil_held

    @property
    def interval(self) -> float:
        """The switch interval the run had (the default when a file did not say)."""
        return self.switch_interval or DEFAULT_SWITCH_INTERVAL

    @property
    def core_shares(self) -> list[float]:
        """Each task's CPU time / its wall time, for the tasks that measured both."""
        return [share for share in (task.core_share for task in self.tasks) if share is not None]

    def replace(self, **changes: Any) -> RunResult:
        return dataclasses.replace(self, **changes)

    def with_lab_report(self, lab: JSON) -> RunResult:
        """This result with the lab's own report (the last line of JSON it prints) laid over it."""
        changes: JSON = {}
        for key in ("status", "error", "wall_s", "cpu_s"):
            if key in lab:
                changes[key] = lab[key]
        if lab.get("counter"):
            changes["counter"] = Counter.from_json(lab["counter"])
        if "notes" in lab:
            changes["notes"] = tuple(str(note) for note in lab["notes"] or ())
        if isinstance(lab.get("interpreter"), dict):
            own, said = self.interpreter, lab["interpreter"]
            changes["interpreter"] = Python(said.get("executable", own.executable), said.get("version", own.version),
                                            said.get("free_threaded", own.free_threaded),
                                            said.get("gil_enabled", own.gil_enabled))
        if lab.get("switch_interval") is not None:
            changes["switch_interval"] = float(lab["switch_interval"])
        changes["tasks"] = tuple(TaskResult.from_json(task) for task in lab.get("tasks") or ())
        return self.replace(**changes)

    # -- JSON, schema 1 -----------------------------------------------------------------------------

    def to_json(self) -> JSON:
        data: JSON = {
            "schema": SCHEMA,
            "workload": self.workload,
            "mode": self.mode,
            "workers": self.workers,
            "size": self.size,
            "interpreter": self.interpreter.to_json(),
            "gil": self.gil,
            "switch_interval": self.switch_interval,
            "status": self.status,
            "error": self.error,
            "wall_s": self.wall_s,
            "cpu_s": self.cpu_s,
            "cores_used": self.cores_used,
            "speedup": self.speedup,
            "tasks": [task.to_json() for task in self.tasks],
            "counter": None if self.counter is None else self.counter.to_json(),
            "notes": list(self.notes),
            "timeline": None if self.timeline is None else self.timeline.to_json(),
        }
        if self.repeat is not None:
            data["repeat"] = self.repeat
            data["wall_s_all"] = list(self.wall_s_all or ())
            data["spread"] = self.spread
            data["warnings"] = list(self.warnings or ())
        if self.task is not None:
            data["task"] = {"function": self.task, "size": self.task_arg,
                            "report": None if self.task_report is None else self.task_report.to_json()}
        return data

    @classmethod
    def from_json(cls, data: JSON) -> RunResult:
        """A result from its schema-1 dict; KeyError, TypeError or ValueError when it is not one."""
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("interpreter"), dict):
            raise ValueError("not a gil-tui result (schema %d)" % SCHEMA)
        counter, timeline = data.get("counter"), data.get("timeline")
        repeat = data.get("repeat")
        wall_s_all = data.get("wall_s_all")
        warnings = data.get("warnings")
        task: JSON = data["task"] if isinstance(data.get("task"), dict) else {}
        report = task.get("report")
        return cls(
            workload=str(data["workload"]),
            mode=str(data["mode"]),
            workers=int(data["workers"]),
            size=_size(data["size"]),
            interpreter=Python.from_json(data["interpreter"]),
            gil=data.get("gil"),
            switch_interval=_opt_float(data.get("switch_interval")),
            status=str(data.get("status") or "error"),
            error=data.get("error"),
            wall_s=_opt_float(data["wall_s"]),
            cpu_s=_opt_float(data.get("cpu_s")),
            cores_used=_opt_float(data.get("cores_used")),
            speedup=_opt_float(data.get("speedup")),
            tasks=tuple(TaskResult.from_json(task) for task in data.get("tasks") or ()),
            counter=None if not counter else Counter.from_json(counter),
            notes=tuple(str(note) for note in data.get("notes") or ()),
            timeline=None if not timeline else Timeline.from_json(timeline),
            repeat=_opt_int(repeat),
            wall_s_all=None if wall_s_all is None else tuple(_opt_float(w) for w in wall_s_all),
            spread=_opt_float(data.get("spread")),
            warnings=None if warnings is None and repeat is None else tuple(str(w) for w in warnings or ()),
            task=task.get("function"),
            task_arg=task.get("size"),
            task_report=TaskReport.from_json(report) if isinstance(report, dict) else None,
        )

