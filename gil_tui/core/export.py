"""Writing results (the runner's schema-1 dicts) to JSON, CSV or Markdown, and reading JSON and CSV back.

- ``.json``: {"schema": 1, "kind": "gil-tui results", "machine": {...}, "results": [every dict, whole]}.
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

from .validation import UsageError

FORMATS = (".json", ".csv", ".md")
KIND = "gil-tui results"
CSV_FIELDS = ("workload", "mode", "workers", "size", "python", "version", "free_threaded", "gil_enabled", "gil",
              "executable", "switch_interval", "status", "error", "wall_s", "cpu_s", "cores_used", "speedup",
              "repeat", "spread", "wall_s_all", "counter_expected", "counter_final", "counter_lost", "warnings")


class ExportError(UsageError):
    """A file that cannot be written or read as results: the message names it."""


def machine_info() -> dict:
    return {"host": socket.gethostname(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "machine": platform.machine()}


def python_label(result: dict) -> str:
    """"3.12.1", or "3.13.5t GIL off" / "3.13.5t GIL on" for a free-threaded build."""
    interp = result["interpreter"]
    label = str(interp["version"]) + ("t" if interp.get("free_threaded") else "")
    if interp.get("free_threaded"):
        label += " GIL " + ("on" if interp.get("gil_enabled") else "off")
    return label


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise ExportError("cannot export to %s: the file name must end in %s" % (path, ", ".join(FORMATS)))
    return ext


def write(path: str, results: list[dict], machine: dict | None = None) -> str:
    """Write ``results`` in the format the extension names; returns the format. ExportError on failure."""
    ext = format_of(path)
    if ext == ".json":
        text = json.dumps({"schema": 1, "kind": KIND, "machine": machine or machine_info(), "results": results},
                          indent=1) + "\n"
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


def flat(result: dict) -> dict:
    """One CSV row: the nested interpreter and counter spread into columns, lists joined with ';'."""
    interp = result.get("interpreter") or {}
    counter = result.get("counter") or {}
    row: dict[str, Any] = {k: result.get(k) for k in CSV_FIELDS}
    row.update(python=python_label(result), version=interp.get("version"),
               free_threaded=interp.get("free_threaded"), gil_enabled=interp.get("gil_enabled"),
               executable=interp.get("executable"),
               counter_expected=counter.get("expected"), counter_final=counter.get("final"),
               counter_lost=counter.get("lost"),
               wall_s_all=";".join(repr(w) for w in result.get("wall_s_all") or []),
               warnings=" | ".join(result.get("warnings") or []))
    return {k: "" if v is None else v for k, v in row.items()}


def _num(text: str, kind=float):
    return None if text in ("", None) else kind(float(text)) if kind is int else kind(text)


def _bool(text: str) -> bool | None:
    return None if text == "" else text == "True"


def unflat(row: dict) -> dict:
    """A CSV row back into a result dict (the fields CSV keeps)."""
    counter = None
    if row.get("counter_expected", "") != "":
        counter = {"expected": _num(row["counter_expected"], int), "final": _num(row["counter_final"], int),
                   "lost": _num(row["counter_lost"], int)}
    size = _num(row["size"])
    result: dict[str, Any] = {
        "schema": 1, "workload": row["workload"], "mode": row["mode"], "workers": _num(row["workers"], int),
        "size": int(size) if size is not None and size == int(size) else size,
        "interpreter": {"executable": row["executable"], "version": row["version"],
                        "free_threaded": _bool(row["free_threaded"]), "gil_enabled": _bool(row["gil_enabled"])},
        "gil": row["gil"] or None, "switch_interval": _num(row["switch_interval"]),
        "status": row["status"], "error": row["error"] or None,
        "wall_s": _num(row["wall_s"]), "cpu_s": _num(row["cpu_s"]), "cores_used": _num(row["cores_used"]),
        "speedup": _num(row["speedup"]), "counter": counter,
    }
    if row.get("repeat"):
        result["repeat"] = _num(row["repeat"], int)
        result["spread"] = _num(row["spread"])
        result["wall_s_all"] = [float(w) for w in row["wall_s_all"].split(";") if w]
        result["warnings"] = [w for w in row["warnings"].split(" | ") if w]
    return result


def load(path: str) -> tuple[list[dict], dict | None]:
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
    if not isinstance(results, list) or not all(_is_result(r) for r in results):
        raise ExportError("%s does not hold gil-tui results (schema 1)" % path)
    return results, machine


def _is_result(r: object) -> bool:
    return (isinstance(r, dict) and r.get("schema") == 1 and isinstance(r.get("interpreter"), dict)
            and all(k in r for k in ("workload", "mode", "workers", "size", "wall_s")))


def _cell(value, pattern: str) -> str:
    return "—" if value is None else pattern % value


def markdown(results: list[dict], machine: dict | None = None) -> str:
    races = any(r.get("counter") for r in results)
    repeats = any(r.get("repeat") for r in results)
    head = ["workload", "size", "python", "mode", "workers", "wall", "CPU", "cores", "speedup"]
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
        cells = [r["workload"], str(r["size"]), python_label(r), r["mode"], str(r["workers"]),
                 _cell(r.get("wall_s"), "%.3f s"), _cell(r.get("cpu_s"), "%.3f s"), _cell(r.get("cores_used"), "%.2f"),
                 _cell(r.get("speedup"), "%.2f×")]
        if repeats:
            spread = r.get("spread")
            cells.append("—" if spread is None else "%.1f %% (%d runs)" % (100 * spread, r.get("repeat") or 1))
        if races:
            c = r.get("counter")
            cells += ["%d/%d" % (c["final"], c["expected"]) if c else "", str(c["lost"]) if c else ""]
        status = r.get("status", "")
        if r.get("error"):
            status += ": " + str(r["error"]).replace("|", "\\|")
        cells.append(status)
        lines.append("| " + " | ".join(cells) + " |")
    for r in results:
        for warning in r.get("warnings") or []:
            lines.append("")
            lines.append("> %s" % warning)
    return "\n".join(lines) + "\n"
