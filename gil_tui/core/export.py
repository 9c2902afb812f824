"""Writing results to JSON (schema 2), CSV or Markdown; reading JSON (schema 1 or 2) and CSV back as ``RunResult``.

- ``.json``: {"schema": 2, "kind": "gil-tui results", "machine": {...}, "results": [every dict, whole]}.
  ``load`` also reads a plain list and the JSON Lines of ``gil-tui run --json`` (any other extension).
- ``.csv``: one row per result, the columns of ``CSV_FIELDS``; tasks and timelines are left out.
- ``.md``: a table for a report or an issue; written, not read back.
"""

from __future__ import annotations

import csv
import io
import json
import os
import platform
import socket
import stat
import tempfile
from typing import Any

from ..i18n import interval_text
from .model import SCHEMA, Counter, Python, RunResult, printable
from .usertask import size_arg
from .validation import UsageError

FORMATS = (".json", ".csv", ".md")
KIND = "gil-tui results"
CSV_FIELDS = ("workload", "mode", "workers", "size", "python", "version", "free_threaded", "gil_enabled", "gil",
              "executable", "switch_interval", "status", "error", "wall_s", "cpu_s", "cores_used", "speedup",
              "repeat", "spread", "wall_s_all", "counter_expected", "counter_final", "counter_lost", "warnings",
              "task", "task_arg")  # your own code: file.py:function and the size it was given (empty otherwise)


class ExportError(UsageError):
    """A file that cannot be written or read as results: the message names it."""


def machine_info() -> dict[str, Any]:
    return {"host": socket.gethostname(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "machine": platform.machine()}


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise ExportError("cannot export to %s: the file name must end in %s" % (path, ", ".join(FORMATS)))
    return ext


def render(path: str, results: list[RunResult], machine: dict[str, Any] | None = None) -> str:
    """The file's text, in the format the extension of ``path`` names. ExportError for another extension."""
    ext = format_of(path)
    if ext == ".json":
        return json.dumps({"schema": SCHEMA, "kind": KIND, "machine": machine or machine_info(),
                           "results": [r.to_json() for r in results]}, indent=1) + "\n"
    if ext == ".md":
        return markdown(results, machine or machine_info())
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(flat(r) for r in results)
    return out.getvalue()


def write(path: str, results: list[RunResult], machine: dict[str, Any] | None = None) -> str:
    """Write ``results`` in the format the extension names; returns the format. ExportError on failure.

    Atomic: the text goes to a new file in the same folder, then takes the name (``os.replace``), so a full disk or a
    crash leaves the old file whole. A symbolic link or anything but a regular file at ``path`` is refused, never
    written through (``refusal`` says which)."""
    ext = format_of(path)
    write_text(path, render(path, results, machine))
    return ext


class RefusedTarget(ExportError):
    """``path`` is a symbolic link or not a regular file: ``kind`` is "symlink" or "special"."""

    def __init__(self, message: str, kind: str) -> None:
        ExportError.__init__(self, message)
        self.kind = kind


def refusal(path: str) -> RefusedTarget | None:
    """Why ``path`` must not be written (a link, a FIFO, a device, a socket), or None: missing or a regular file."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return RefusedTarget("cannot write %s: it is a symbolic link (never followed)" % printable(path), "symlink")
    if not stat.S_ISREG(st.st_mode):
        return RefusedTarget("cannot write %s: it is not a regular file" % printable(path), "special")
    return None


def _umask() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_text(path: str, text: str) -> None:
    """``text`` (UTF-8) atomically into ``path``: a temporary file beside it, flushed to disk, then renamed over it.
    The old file keeps its permissions; a new one gets the umask's. ExportError (RefusedTarget) on failure."""
    refused = refusal(path)
    if refused is not None:
        raise refused
    folder = os.path.dirname(os.path.abspath(path))
    try:
        existing = os.stat(path).st_mode & 0o7777
    except OSError:
        existing = 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            os.fchmod(f.fileno(), existing)
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)  # replaces a name, never follows one: a link put there meanwhile is itself replaced
        tmp = None
    except OSError as exc:
        raise ExportError("cannot write %s: %s" % (printable(path), exc.strerror or exc)) from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def flat(result: RunResult) -> dict[str, Any]:
    """One CSV row: the nested interpreter and counter spread into columns, lists joined with ';'."""
    interp, counter = result.interpreter, result.counter
    row: dict[str, Any] = {
        "workload": result.workload, "mode": result.mode, "workers": result.workers, "size": result.size,
        "python": result.python_label, "version": interp.version, "free_threaded": interp.free_threaded,
        "gil_enabled": interp.gil_enabled, "gil": result.gil, "executable": interp.executable,
        "switch_interval": result.switch_interval, "status": result.status, "error": result.error,
        "wall_s": result.wall_s, "cpu_s": result.cpu_s, "cores_used": result.cores_used, "speedup": result.speedup,
        "repeat": result.repeat, "spread": result.spread,
        "wall_s_all": ";".join(repr(w) for w in result.wall_s_all or ()),
        "counter_expected": counter and counter.expected, "counter_final": counter and counter.final,
        "counter_lost": counter and counter.lost, "warnings": " | ".join(result.warnings or ()),
        "task": result.task, "task_arg": result.task_arg,
    }
    return {k: "" if v is None else v for k, v in row.items()}


def _float(text: str | None) -> float | None:
    return None if text is None or text == "" else float(text)


def _int(text: str | None) -> int | None:
    return None if text is None or text == "" else int(float(text))


def _bool(text: str) -> bool | None:
    return None if text == "" else text == "True"


def unflat(row: dict[str, str]) -> RunResult:
    """A CSV row back into a result (the fields CSV keeps). ValueError for a row that is not one (too short: a
    column without a value)."""
    if any(value is None for value in row.values()):
        raise ValueError("a row has fewer fields than the header")
    counter = None
    if row.get("counter_expected", "") != "":
        counter = Counter(int(row["counter_expected"]), int(row["counter_final"]), int(row["counter_lost"]))
    size = float(row["size"])
    repeated = bool(row.get("repeat"))
    return RunResult(
        workload=row["workload"], mode=row["mode"], workers=int(float(row["workers"])),
        size=int(size) if size == int(size) else size,
        interpreter=Python(row["executable"], row["version"], _bool(row["free_threaded"]), _bool(row["gil_enabled"])),
        gil=row["gil"] or None, switch_interval=_float(row["switch_interval"]),
        status=row["status"], error=row["error"] or None,
        wall_s=_float(row["wall_s"]), cpu_s=_float(row["cpu_s"]), cores_used=_float(row["cores_used"]),
        speedup=_float(row["speedup"]), counter=counter,
        repeat=_int(row["repeat"]) if repeated else None,
        spread=_float(row["spread"]) if repeated else None,
        wall_s_all=tuple(float(w) for w in row["wall_s_all"].split(";") if w) if repeated else None,
        warnings=tuple(w for w in row["warnings"].split(" | ") if w) if repeated else None,
        task=row.get("task") or None,  # absent from CSVs written before 2026-11-26
        task_arg=size_arg(row["task_arg"]) if row.get("task_arg") else None,
    )


def load(path: str) -> tuple[list[RunResult], dict[str, Any] | None]:
    """(results, machine or None) from an export or from ``gil-tui run --json`` output. ExportError if unreadable."""
    shown = printable(path)
    try:
        if not os.path.isfile(path) and os.path.exists(path):  # a FIFO or a device would block or never end
            raise ExportError("cannot read %s: it is not a regular file" % shown)
        with open(path, encoding="utf-8", newline="") as f:
            if path.lower().endswith(".csv"):
                rows = list(csv.DictReader(f))
                missing = [k for k in ("workload", "mode", "version", "wall_s") if rows and k not in rows[0]]
                if missing:
                    raise ExportError("%s is not a gil-tui CSV export (no %s column)" % (shown, missing[0]))
                read = []
                for number, row in enumerate(rows, 2):
                    try:
                        read.append(unflat(row))
                    except (ValueError, KeyError, TypeError, AttributeError) as exc:
                        raise ExportError("%s is not a gil-tui CSV export: line %d: %s" % (
                            shown, number, printable(str(exc)))) from None
                return read, None
            text = f.read()
    except OSError as exc:
        raise ExportError("cannot read %s: %s" % (shown, exc.strerror or exc)) from None
    except csv.Error as exc:  # e.g. a field over the csv module's 128 KiB limit
        raise ExportError("%s is not a gil-tui CSV export: %s" % (shown, printable(str(exc)))) from None
    except UnicodeDecodeError:
        raise ExportError("%s is not a gil-tui export: it is not UTF-8 text" % shown) from None
    machine = None
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "results" in data:
            results, machine = data["results"], data.get("machine")
        elif isinstance(data, dict):
            results = [data]  # a single JSON line
        else:
            results = data
    except RecursionError:  # nested deeper than the decoder goes
        raise ExportError("%s is not a gil-tui export: it is nested too deeply" % shown) from None
    except ValueError:
        try:
            results = [json.loads(line) for line in text.splitlines() if line.strip()]
        except (ValueError, RecursionError):
            raise ExportError("%s is not JSON, JSON Lines or CSV written by gil-tui" % shown) from None
    if not isinstance(results, list):
        raise ExportError("%s does not hold gil-tui results (schema 1 or 2)" % shown)
    try:
        loaded = [RunResult.from_json(r) for r in results]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise ExportError("%s does not hold gil-tui results (schema 1 or 2)" % shown) from None
    return loaded, _machine(machine)


def _machine(machine: object) -> dict[str, Any] | None:
    """The machine a file says it was measured on: its strings and numbers (shown through ``printable``), or None."""
    if not isinstance(machine, dict):
        return None
    return {key: value for key, value in machine.items()
            if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool))}


def _cell(value: float | None, pattern: str) -> str:
    return "—" if value is None else pattern % value


def size_text(result: RunResult) -> str:
    """The size column: for your own code, the size your function was given (none: empty)."""
    if result.task:
        return "" if result.task_arg is None else str(result.task_arg)
    return str(result.size)


def markdown(results: list[RunResult], machine: dict[str, Any] | None = None) -> str:
    races = any(r.counter for r in results)
    repeats = any(r.repeat for r in results)
    head = ["workload", "size", "python", "mode", "workers", "switch", "wall", "CPU", "cores", "speedup"]
    head += ["spread"] if repeats else []
    head += ["counter", "lost"] if races else []
    head += ["status"]
    lines = []
    if machine:
        lines += ["Measured on %s (%s, %s CPUs)." % (machine.get("host"), machine.get("platform"),
                                                    machine.get("cpus")), ""]
    lines += ["| " + " | ".join(head) + " |", "|" + "|".join("---" if h in ("workload", "python", "mode", "status")
                                                          else "---:" for h in head) + "|"]
    for r in results:
        cells = [r.workload_label.replace("|", "\\|"), size_text(r), r.python_label, r.mode, str(r.workers),
                 "—" if not r.switch_interval else interval_text(r.switch_interval),
                 _cell(r.wall_s, "%.3f s"), _cell(r.cpu_s, "%.3f s"), _cell(r.cores_used, "%.2f"),
                 _cell(r.speedup, "%.2f×")]
        if repeats:
            cells.append("—" if r.spread is None else "%.1f %% (%d runs)" % (100 * r.spread, r.repeat or 1))
        if races:
            c = r.counter
            cells += ["%d/%d" % (c.final, c.expected) if c else "", str(c.lost) if c else ""]
        status = r.status
        if r.error:
            status += ": " + str(r.error).replace("|", "\\|")
        cells.append(status)
        lines.append("| " + " | ".join(cells) + " |")
    for r in results:
        for warning in r.warnings or ():
            lines.append("")
            lines.append("> %s" % warning)
    return "\n".join(lines) + "\n"
