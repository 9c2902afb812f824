"""Writing results to JSON (schema 2), CSV or Markdown; reading JSON (schema 1 or 2) and CSV back as ``RunResult``.

- ``.json``: {"schema": 2, "kind": "gil-tui results", "machine": {...}, "results": [every dict, whole]}.
  ``load`` also reads a plain list and the JSON Lines of ``gil-tui run --json`` (any other extension).
- ``.csv``: one row per result, the columns of ``CSV_FIELDS``; tasks and timelines are left out.
- ``.md``: a table for a report or an issue; written, not read back.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import socket
from typing import Any

from ..i18n import interval_text
from .model import SCHEMA, Counter, Python, RunResult
from .validation import UsageError

FORMATS = (".json", ".csv", ".md")
KIND = "gil-tui results"
CSV_FIELDS = ("workload", "mode", "workers", "size", "python", "version", "free_threaded", "gil_enabled", "gil",
              "executable", "switch_interval", "status", "error", "wall_s", "cpu_s", "cores_used", "speedup",
              "repeat", "spread", "wall_s_all", "counter_expected", "counter_final", "counter_lost", "warnings")


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


def write(path: str, results: list[RunResult], machine: dict[str, Any] | None = None) -> str:
    """Write ``results`` in the format the extension names; returns the format. ExportError on failure."""
    ext = format_of(path)
    if ext == ".json":
        text = json.dumps({"schema": SCHEMA, "kind": KIND, "machine": machine or machine_info(),
                           "results": [r.to_json() for r in results]}, indent=1) + "\n"
    elif ext == ".md":
        text = markdown(results, machine or machine_info())
    else:
        text = ""
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            if ext == ".csv":
                writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
                writer.writeheader()
                writer.writerows(flat(r) for r in results)
            else:
                f.write(text)
    except OSError as exc:
        raise ExportError("cannot write %s: %s" % (path, exc.strerror or exc)) from None
    return ext


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
    }
    return {k: "" if v is None else v for k, v in row.items()}


def _float(text: str | None) -> float | None:
    return None if text is None or text == "" else float(text)


def _int(text: str | None) -> int | None:
    return None if text is None or text == "" else int(float(text))


def _bool(text: str) -> bool | None:
    return None if text == "" else text == "True"


def unflat(row: dict[str, str]) -> RunResult:
    """A CSV row back into a result (the fields CSV keeps)."""
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
    )


def load(path: str) -> tuple[list[RunResult], dict[str, Any] | None]:
    """(results, machine or None) from an export or from ``gil-tui run --json`` output. ExportError if unreadable."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            if path.lower().endswith(".csv"):
                rows = list(csv.DictReader(f))
                missing = [k for k in ("workload", "mode", "version", "wall_s") if rows and k not in rows[0]]
                if missing:
                    raise ExportError("%s is not a gil-tui CSV export (no %s column)" % (path, missing[0]))
                return [unflat(r) for r in rows], None
            text = f.read()
    except OSError as exc:
        raise ExportError("cannot read %s: %s" % (path, exc.strerror or exc)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ExportError("%s is not a gil-tui CSV export: %s" % (path, exc)) from None
    machine = None
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "results" in data:
            results, machine = data["results"], data.get("machine")
        elif isinstance(data, dict):
            results = [data]  # a single JSON line
        else:
            results = data
    except ValueError:
        try:
            results = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            raise ExportError("%s is not JSON, JSON Lines or CSV written by gil-tui" % path) from None
    if not isinstance(results, list):
        raise ExportError("%s does not hold gil-tui results (schema 1 or 2)" % path)
    try:
        return [RunResult.from_json(r) for r in results], machine if isinstance(machine, dict) else None
    except (ValueError, KeyError, TypeError):
        raise ExportError("%s does not hold gil-tui results (schema 1 or 2)" % path) from None


def _cell(value: float | None, pattern: str) -> str:
    return "—" if value is None else pattern % value


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
        cells = [r.workload, str(r.size), r.python_label, r.mode, str(r.workers),
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
