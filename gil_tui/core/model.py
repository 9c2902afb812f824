"""What a run asks for and what it measured: frozen records, and their JSON (schema 2) both ways.

Everything above the runner works on these records. ``RunResult.to_json()`` writes schema 2: schema 1's
keys in schema 1's order, with the timeline packed (see ``Timeline``) and the optional measurements added
since (``machine_idle``, ``gil_enabled_end``) only when measured. ``RunResult.from_json()`` reads every
file gil-tui has ever written (schema 1 and 2), including the aggregated cells of ``gil-tui run --repeat``.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..lab.catalog import DEFAULT_SWITCH_INTERVAL
from .probe import Interpreter

SCHEMA = 2
SCHEMAS = (1, 2)  # every schema from_json reads
STATUSES = ("ok", "error", "cancelled")

JSON = dict[str, Any]
TaskArg = int | float | str | None


def printable(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1, and the bidi and zero-width format controls) written as
    an escape, ``\\x1b``: a string from a file can then neither drive the terminal (retitle it, clear it) nor hide
    what it says. Rich markup is another matter: show such text as ``rich.text.Text``, never as markup."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) < 0x100:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "\\U%08x" % ord(ch))
    return "".join(out)


def _text(value: object) -> str:
    """A string a file gave, kept whole (shown through ``printable``); anything else is not one (TypeError)."""
    if not isinstance(value, str):
        raise TypeError("expected a string, not %s" % type(value).__name__)
    return value


def _opt_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _opt_bool(value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise TypeError("expected true, false or null, not %s" % type(value).__name__)
    return value


def _number(value: object) -> float:
    """A JSON number (not a string of one, not true/false), finite."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("expected a number, not %s" % type(value).__name__)
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("expected a finite number")
    return number


def _whole(value: object) -> int:
    """A JSON integer (2, or 2.0 as some writers put it), not "2" and not true."""
    number = _number(value)
    if number != int(number):
        raise ValueError("expected a whole number, not %r" % (value,))
    return int(number)


def _opt_float(value: object) -> float | None:
    return None if value is None else _number(value)


def _opt_int(value: object) -> int | None:
    return None if value is None else _whole(value)


def _dict(value: object) -> JSON:
    if not isinstance(value, dict):
        raise TypeError("expected an object, not %s" % type(value).__name__)
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list, not %s" % type(value).__name__)
    return value


def _size(value: object) -> float:
    """A size as JSON holds it: an int for the integral workloads, a float for sleep."""
    number = _number(value)
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
        data = _dict(data)
        return cls(_opt_text(data.get("executable")) or "", _text(data["version"]),
                   _opt_bool(data.get("free_threaded")), _opt_bool(data.get("gil_enabled")))


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


def workload_label(workload: str, task: str | None) -> str:
    """A run's workload as people read it: its name, or for your own code "file.py:function"."""
    return os.path.basename(task) if task else workload


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
    sizes: tuple[float, ...] | None = None  # one size per task (``size`` is then the largest); None: all ``size``
    probe: bool = False  # the responsiveness probe rides along (always for the convoy workload)

    @property
    def probing(self) -> bool:
        return self.probe or self.workload == "convoy"

    @property
    def workload_label(self) -> str:
        return workload_label(self.workload, self.task)
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
    size: float | None = None  # its own size, when the run gave one per task
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
        if self.size is not None:
            data["size"] = self.size
        if self.runq_s is not None:
            data["runq_s"] = self.runq_s
        return data

    @classmethod
    def from_json(cls, data: JSON) -> TaskResult:
        data = _dict(data)
        size = data.get("size")
        return cls(_opt_int(data.get("index")), _opt_int(data.get("done")), _opt_int(data.get("total")),
                   _opt_float(data.get("wall_s")), _opt_float(data.get("cpu_s")), _opt_text(data.get("state")),
                   None if size is None else _size(size), _opt_float(data.get("runq_s")))


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
        data = _dict(data)
        lost_all = data.get("lost_all")
        return cls(_whole(data["expected"]), _whole(data["final"]), _whole(data["lost"]),
                   None if lost_all is None else tuple(_whole(x) for x in _list(lost_all)))


_ONE = bytes([0] + [1] * 255)  # translate table: any mark -> 1
_ASCII = bytes(range(256)).replace(b"\x00", b"0").replace(b"\x01", b"1")  # 0/1 -> "0"/"1"
_BITS = bytes(range(256)).replace(b"0", b"\x00").replace(b"1", b"\x01")  # "0"/"1" -> 0/1
TIMELINE_ENCODING = "bitmap-zlib-base64"
MAX_SLICES = 1 << 22  # a lane longer than this (35 min at 0.5 ms; the board holds 1 << 20) is not gil-tui's


def lane_bytes(lane: Any) -> bytes:
    """A lane as bytes, one per slice, 1 where the task made progress: from bytes, a memoryview or a list of ints."""
    if isinstance(lane, (bytes, bytearray, memoryview)):
        return bytes(lane).translate(_ONE)
    if isinstance(lane, (str, dict)) or not hasattr(lane, "__iter__"):
        raise TypeError("a timeline lane is a list of 0/1, not %s" % type(lane).__name__)
    try:
        return bytes(lane).translate(_ONE)
    except ValueError:  # marks above 255: any non-zero is progress
        return bytes(1 if mark else 0 for mark in lane)


def pack_lane(lane: bytes) -> str:
    """One lane as text: a bitmap (slice i is bit 7 - i % 8 of byte i // 8), zlib-compressed, then base64."""
    n = len(lane)
    value = int(lane.translate(_ASCII), 2) if n else 0
    bitmap = (value << (-n % 8)).to_bytes((n + 7) // 8, "big")
    return base64.b64encode(zlib.compress(bitmap, 9)).decode("ascii")


def unpack_lane(text: str, slices: int) -> bytes:
    """``pack_lane`` undone: ``slices`` bytes of 0/1. ValueError when the text is not such a lane."""
    if not isinstance(text, str) or not 0 <= slices <= MAX_SLICES:
        raise ValueError("not a packed timeline lane")
    size = (slices + 7) // 8
    try:
        inflate = zlib.decompressobj()
        bitmap = inflate.decompress(base64.b64decode(text, validate=True), size + 1)  # never more than it needs
    except (zlib.error, ValueError) as exc:
        raise ValueError("not a packed timeline lane: %s" % exc) from None
    if len(bitmap) != size:
        raise ValueError("a packed timeline lane of %d bytes, not %d" % (len(bitmap), size))
    if not slices:
        return b""
    value = int.from_bytes(bitmap, "big") >> (-slices % 8)
    return format(value, "0%db" % slices).encode("ascii").translate(_BITS)


@dataclass(frozen=True)
class Probe:
    """The responsiveness probe: a lab thread that asked to sleep ``interval_s`` again and again, and how late it
    woke (the lateness's median, 99th percentile and worst, in ms)."""

    interval_s: float
    wakeups: int
    p50_ms: float | None
    p99_ms: float | None
    max_ms: float | None

    def to_json(self) -> JSON:
        return {"interval_s": self.interval_s, "wakeups": self.wakeups, "p50_ms": self.p50_ms,
                "p99_ms": self.p99_ms, "max_ms": self.max_ms}

    @classmethod
    def from_json(cls, data: JSON) -> Probe:
        return cls(float(data.get("interval_s") or 0.001), int(data.get("wakeups") or 0),
                   _opt_float(data.get("p50_ms")), _opt_float(data.get("p99_ms")), _opt_float(data.get("max_ms")))


@dataclass(frozen=True)
class Convoy:
    """The convoy workload's I/O task: 1-byte round trips with an echo process, alone and beside the CPU tasks."""

    alone_trips: int
    alone_s: float
    loaded_trips: int
    loaded_s: float
    io_core: int | None = None  # the core the I/O task and its echo peer were held on (the CPU tasks on the others)

    @property
    def alone_per_s(self) -> float | None:
        return self.alone_trips / self.alone_s if self.alone_s > 0 else None

    @property
    def loaded_per_s(self) -> float | None:
        return self.loaded_trips / self.loaded_s if self.loaded_s > 0 else None

    @property
    def slowdown(self) -> float | None:
        """Round trips/s alone ÷ with the CPU work: how many times fewer the CPU work left (None: not measured)."""
        alone, loaded = self.alone_per_s, self.loaded_per_s
        if alone is None or loaded is None:
            return None
        return alone / loaded if loaded > 0 else float("inf")

    def to_json(self) -> JSON:
        return {"alone_trips": self.alone_trips, "alone_s": self.alone_s, "alone_per_s": self.alone_per_s,
                "loaded_trips": self.loaded_trips, "loaded_s": self.loaded_s, "loaded_per_s": self.loaded_per_s,
                "io_core": self.io_core}

    @classmethod
    def from_json(cls, data: JSON) -> Convoy:
        return cls(int(data.get("alone_trips") or 0), float(data.get("alone_s") or 0.0),
                   int(data.get("loaded_trips") or 0), float(data.get("loaded_s") or 0.0),
                   None if data.get("io_core") is None else int(data["io_core"]))


@dataclass(frozen=True)
class Timeline:
    """Who ran when: for each task, one byte per ``slice_s`` seconds (1: the task made progress in that slice).

    In memory each lane is ``bytes`` (a byte a slice, not a Python int: eight times smaller than a tuple of ints,
    and what ``core.timeline`` reads directly); in JSON (schema 2) a packed bitmap per lane (``pack_lane``).
    """

    slice_s: float
    lanes: tuple[bytes, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "lanes", tuple(lane_bytes(lane) for lane in self.lanes))

    @property
    def slices(self) -> int:
        return max((len(lane) for lane in self.lanes), default=0)

    def to_json(self) -> JSON:
        return {"slice_s": self.slice_s, "encoding": TIMELINE_ENCODING, "slices": [len(lane) for lane in self.lanes],
                "lanes": [pack_lane(lane) for lane in self.lanes]}

    @classmethod
    def from_json(cls, data: JSON) -> Timeline:
        """Schema 2's packed lanes, or schema 1's lists of 0/1."""
        lanes = data.get("lanes") or ()
        if data.get("encoding") is None:
            return cls(float(data["slice_s"]), tuple(lanes))
        if data["encoding"] != TIMELINE_ENCODING:
            raise ValueError("unknown timeline encoding %r" % data["encoding"])
        slices = data.get("slices")
        if not isinstance(slices, list) or len(slices) != len(lanes):
            raise ValueError("a packed timeline needs one length per lane")
        return cls(float(data["slice_s"]), tuple(unpack_lane(text, int(n)) for text, n in zip(lanes, slices)))


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
    # measured since schema 2 (None: not measured, as in older files)
    machine_idle: float | None = None  # the machine's idle cores on average during the run (the parent's psutil)
    gil_enabled_end: bool | None = None  # sys._is_gil_enabled() when the run ended (``interpreter``: at its start)
    # issue 13: written only when measured, so older files and runs without them stay as they were
    probe: Probe | None = None
    convoy: Convoy | None = None
    handovers: int | None = None  # times a task found another's id as the last to make progress
    sizes: tuple[float, ...] | None = None  # one size per task (``size`` is then the largest); None: all ``size``
    # your own code (workload "task"): which function, the size it was given, and what its tasks returned
    task: str | None = None
    task_arg: TaskArg = None
    task_report: TaskReport | None = None

    @classmethod
    def of(cls, spec: RunSpec, status: str = "error", error: str | None = None) -> RunResult:
        """A result for ``spec`` with nothing measured yet."""
        return cls(spec.workload, spec.mode, spec.workers, spec.size, Python.of(spec.interpreter), spec.gil,
                   spec.switch_interval, status, error, sizes=spec.sizes, task=spec.task, task_arg=spec.task_arg)

    # -- reading ------------------------------------------------------------------------------------

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def handovers_per_s(self) -> float | None:
        return None if self.handovers is None or not self.wall_s else self.handovers / self.wall_s

    @property
    def workload_label(self) -> str:
        return workload_label(self.workload, self.task)

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
        if isinstance(lab.get("gil_enabled_end"), bool):
            changes["gil_enabled_end"] = lab["gil_enabled_end"]
        changes["tasks"] = tuple(TaskResult.from_json(task) for task in lab.get("tasks") or ())
        if isinstance(lab.get("probe"), dict):
            changes["probe"] = Probe.from_json(lab["probe"])
        if isinstance(lab.get("convoy"), dict):
            changes["convoy"] = Convoy.from_json(lab["convoy"])
        if lab.get("handovers") is not None:
            changes["handovers"] = int(lab["handovers"])
        return self.replace(**changes)

    # -- JSON, schema 2 -----------------------------------------------------------------------------

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
        if self.machine_idle is not None:
            data["machine_idle"] = self.machine_idle
        if self.gil_enabled_end is not None:
            data["gil_enabled_end"] = self.gil_enabled_end
        if self.probe is not None:
            data["probe"] = self.probe.to_json()
        if self.convoy is not None:
            data["convoy"] = self.convoy.to_json()
        if self.handovers is not None:
            data["handovers"] = self.handovers
        if self.sizes is not None:
            data["sizes"] = list(self.sizes)
        if self.task is not None:
            data["task"] = {"function": self.task, "size": self.task_arg,
                            "report": None if self.task_report is None else self.task_report.to_json()}
        return data

    @classmethod
    def from_json(cls, data: JSON) -> RunResult:
        """A result from its schema-1 or schema-2 dict; KeyError, TypeError or ValueError when it is not one."""
        if not isinstance(data, dict) or data.get("schema") not in SCHEMAS or not isinstance(data.get("interpreter"),
                                                                                              dict):
            raise ValueError("not a gil-tui result (schema 1 or 2)")
        gil_end = data.get("gil_enabled_end")
        counter, timeline = data.get("counter"), data.get("timeline")
        repeat = data.get("repeat")
        wall_s_all = data.get("wall_s_all")
        warnings = data.get("warnings")
        # every field is checked for its type: a file is anyone's (issue 14); its strings are shown through printable
        task: JSON = data["task"] if isinstance(data.get("task"), dict) else {}
        report = task.get("report")
        return cls(
            workload=_text(data["workload"]),
            mode=_text(data["mode"]),
            workers=_whole(data["workers"]),
            size=_size(data["size"]),
            interpreter=Python.from_json(data["interpreter"]),
            gil=_opt_text(data.get("gil")),
            switch_interval=_opt_float(data.get("switch_interval")),
            status=_opt_text(data.get("status")) or "error",
            error=_opt_text(data.get("error")),
            wall_s=_opt_float(data["wall_s"]),
            cpu_s=_opt_float(data.get("cpu_s")),
            cores_used=_opt_float(data.get("cores_used")),
            speedup=_opt_float(data.get("speedup")),
            tasks=tuple(TaskResult.from_json(task) for task in _list(data.get("tasks") or [])),
            counter=None if not counter else Counter.from_json(counter),
            notes=tuple(_text(note) for note in _list(data.get("notes") or [])),
            timeline=None if not timeline else Timeline.from_json(_dict(timeline)),
            repeat=_opt_int(repeat),
            wall_s_all=None if wall_s_all is None else tuple(_opt_float(w) for w in _list(wall_s_all)),
            spread=_opt_float(data.get("spread")),
            warnings=None if warnings is None and repeat is None else tuple(
                _text(w) for w in _list(warnings or [])),
            machine_idle=_opt_float(data.get("machine_idle")),
            gil_enabled_end=gil_end if isinstance(gil_end, bool) else None,
            probe=Probe.from_json(data["probe"]) if isinstance(data.get("probe"), dict) else None,
            convoy=Convoy.from_json(data["convoy"]) if isinstance(data.get("convoy"), dict) else None,
            handovers=_opt_int(data.get("handovers")),
            sizes=None if not data.get("sizes") else tuple(_size(x) for x in _list(data["sizes"])),
            task=_opt_text(task.get("function")),
            task_arg=task.get("size"),
            task_report=TaskReport.from_json(report) if isinstance(report, dict) else None,
        )

