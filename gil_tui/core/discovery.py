"""Finding every Python on the machine, probing them in parallel, and caching what they said.

One entry per real interpreter: links are resolved (symlinks by real path, hard links by inode), pyenv's shims are
skipped (they are shell scripts that pick a version; pyenv's versions are found directly). Interpreters the lab
cannot run are kept, with the reason, so a person sees why their Python 3.8 is not offered.

Probe results are cached in ``$XDG_CACHE_HOME/gil-tui/probes.json`` keyed by (real path, mtime, size): a rebuilt or
upgraded interpreter is probed again, an unchanged one is not.
"""

from __future__ import annotations

import atexit
import glob
import json
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import Choice
from .probe import PROBE_TIMEOUT, Interpreter, ProbeError, kill_probes, probe

CACHE_VERSION = 1
DISCOVERY_TIMEOUT = 5.0  # seconds a probe may take before the interpreter is reported as hanging
MAX_PARALLEL = 8
NAME = re.compile(r"^python(\d+(\.\d+)?t?)?$")  # python, python3, python3.13, python3.13t; not -config, 3.6m


@dataclass
class Found:
    """An interpreter found on the machine, usable by the lab or not (then ``reason`` says why)."""

    path: str
    realpath: str
    interpreter: Interpreter | None
    reason: str | None = None
    aliases: list[str] = field(default_factory=list)  # other paths that are the same binary
    cached: bool = False

    @property
    def usable(self) -> bool:
        return self.interpreter is not None and self.reason is None

    def choices(self) -> list[Choice]:
        """GIL builds: one choice. Free-threaded builds: GIL off, then GIL on (PYTHON_GIL=0/1)."""
        if not self.usable or self.interpreter is None:
            return []
        if self.interpreter.free_threaded:
            return [Choice(self.interpreter, "off"), Choice(self.interpreter, "on")]
        return [Choice(self.interpreter)]

    def as_dict(self) -> dict[str, Any]:
        interp = self.interpreter
        return {
            "path": self.path,
            "realpath": self.realpath,
            "aliases": list(self.aliases),
            "usable": self.usable,
            "reason": self.reason,
            "version": interp.version if interp else None,
            "version_info": list(interp.version_info) if interp else None,
            "implementation": interp.implementation if interp else None,
            "free_threaded": interp.free_threaded if interp else None,
            "gil_enabled": interp.gil_enabled if interp else None,
            "subinterpreters": interp.subinterpreters if interp else None,
            "choices": [{"label": c.label, "gil": c.gil} for c in self.choices()],
            "cached": self.cached,
        }


@dataclass
class Discovery:
    found: list[Found]
    probed: int  # interpreters actually started this time (the rest came from the cache)
    cache_path: str | None

    @property
    def usable(self) -> list[Found]:
        return [f for f in self.found if f.usable]

    def choices(self) -> list[Choice]:
        return [c for f in self.found for c in f.choices()]


def cache_file() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gil-tui", "probes.json")


def search_dirs() -> list[str]:
    """Where Pythons usually live, in the order their paths are preferred when two are the same binary."""
    home = os.path.expanduser("~")
    dirs = [d for d in os.environ.get("PATH", "").split(os.pathsep) if d]
    pyenv_root = os.environ.get("PYENV_ROOT") or os.path.join(home, ".pyenv")
    dirs += sorted(glob.glob(os.path.join(pyenv_root, "versions", "*", "bin")))
    uv_root = os.environ.get("UV_PYTHON_INSTALL_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share"), "uv", "python")
    dirs += sorted(glob.glob(os.path.join(uv_root, "*", "bin")))
    dirs += ["/usr/bin", "/usr/local/bin"] + sorted(glob.glob("/opt/*/bin"))
    dirs += [os.path.join(home, ".local", "bin")]
    dirs += sorted(glob.glob(os.path.join(home, ".cache", "gil-tui", "pythons", "*", "bin")))
    return dirs


def _is_shim(directory: str) -> bool:
    return os.path.basename(os.path.normpath(directory)) == "shims"


def _names_in(directory: str) -> list[str]:
    try:
        names = [n for n in os.listdir(directory) if NAME.match(n)]
    except OSError:
        return []
    # the most specific name first (python3.13t before python3.13 before python3), so a hard-linked pair is
    # shown under the name that says what it is
    return sorted(names, key=lambda n: (-len(n), n))


def expand(given: str) -> str:
    """A path as given (made absolute), or a bare name looked up on PATH then where discovery looks, pyenv's shims
    skipped (a shim runs whatever version pyenv selects, often none); a name found nowhere is kept as it is."""
    if os.sep in given or (os.altsep and os.altsep in given) or given.startswith("~"):
        return os.path.abspath(os.path.expanduser(given))
    for directory in search_dirs():
        path = os.path.join(directory, given)
        if not _is_shim(directory) and os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
    return given


def candidates(extra: Sequence[str] = (), include_current: bool = True, search: bool = True) -> list[str]:
    """Paths worth probing, extras first; shims and non-executables left out, duplicates kept (dedupe later)."""
    paths = [expand(p) for p in extra]
    for directory in search_dirs() if search else []:
        if _is_shim(directory):
            continue
        for name in _names_in(directory):
            path = os.path.join(directory, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                paths.append(path)
    if include_current and sys.executable:
        paths.append(sys.executable)  # last: a venv's python is shown under the interpreter it links to
    return paths


def _dedupe(paths: list[str]) -> list[tuple[str, str, list[str]]]:
    """(path, realpath, aliases) per distinct binary: same real path, or same inode (hard links)."""
    by_key: dict[object, tuple[str, str, list[str]]] = {}
    order: list[object] = []
    for path in paths:
        real = os.path.realpath(path)
        try:
            st = os.stat(real)
            key: object = (st.st_dev, st.st_ino)
        except OSError:
            key = real  # missing: still listed, so a given path that is wrong gets its reason
        if key in by_key:
            entry = by_key[key]
            if path != entry[0] and path not in entry[2]:
                entry[2].append(path)
            continue
        by_key[key] = (path, real, [])
        order.append(key)
    return [by_key[k] for k in order]


class ProbeCache:
    """probes.json: {"version": 1, "entries": {realpath: {"mtime_ns", "size", "interpreter"|"error"}}}."""

    def __init__(self, path: str | None):
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        if path:
            try:
                with open(path, encoding="utf-8") as f:
                    data = json.load(f)
                if isinstance(data, dict) and data.get("version") == CACHE_VERSION:
                    entries = data.get("entries")
                    if isinstance(entries, dict):
                        self.entries = {real: entry for real, entry in entries.items() if _sound(entry)}
            except (OSError, ValueError, RecursionError):
                self.entries = {}  # a missing or damaged cache is just a cold start

    @staticmethod
    def _stamp(real: str) -> tuple[int, int] | None:
        try:
            st = os.stat(real)
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def get(self, real: str) -> dict[str, Any] | None:
        entry = self.entries.get(real)
        stamp = self._stamp(real)
        if entry is None or stamp is None or [entry.get("mtime_ns"), entry.get("size")] != list(stamp):
            return None
        return entry

    def put_slow(self, real: str) -> None:
        """``real`` did not answer in time: not "unusable" (the machine may have been busy), but a start-up does not
        wait for it again; it is probed in the background (an interpreter it once identified is kept)."""
        stamp = self._stamp(real)
        entry = self.entries.get(real)
        if stamp is None or (entry is not None and "interpreter" in entry):
            return
        self.entries[real] = {"mtime_ns": stamp[0], "size": stamp[1], "slow": True}
        self.dirty = True

    def put(self, real: str, interpreter: Interpreter | None, error: str | None) -> None:
        stamp = self._stamp(real)
        if stamp is None:
            return
        entry: dict[str, Any] = {"mtime_ns": stamp[0], "size": stamp[1]}
        if interpreter is not None:
            entry["interpreter"] = interpreter.as_dict()
        else:
            entry["error"] = error
        self.entries[real] = entry
        self.dirty = True

    def save(self) -> None:
        if not self.path or not self.dirty:
            return
        directory = os.path.dirname(self.path)
        try:
            os.makedirs(directory, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".probes-", dir=directory)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"version": CACHE_VERSION, "entries": self.entries}, f, indent=1, sort_keys=True)
            os.replace(tmp, self.path)  # atomic: two gil-tui starting at once never read half a file
        except OSError:
            pass  # an unwritable cache costs speed, never correctness


def _sound(entry: object) -> bool:
    """A cache entry of the shape ``put`` writes, whose interpreter reads back: anything else is dropped (probed
    again), never a traceback."""
    if not isinstance(entry, dict):
        return False
    if not all(type(entry.get(k)) is int for k in ("mtime_ns", "size")):
        return False
    if "interpreter" in entry:
        data = entry["interpreter"]
        if not isinstance(data, dict) or not isinstance(data.get("executable"), str):
            return False
        try:
            Interpreter.from_probe(data, data["executable"])
        except (KeyError, TypeError, ValueError):
            return False
        return True
    return isinstance(entry.get("error"), str) or entry.get("slow") is True


def unusable_reason(interp: Interpreter) -> str | None:
    """Why the lab cannot run on this interpreter, or None if it can."""
    if interp.implementation != "CPython":
        return "%s, not CPython: the lab measures CPython's GIL" % interp.implementation
    if not interp.lab_ok:
        return "the lab needs Python 3.9 or newer"
    return None


def _short_error(message: str, path: str) -> str:
    """ProbeError names the interpreter first; in a table beside its path that is noise."""
    for prefix in ("interpreter %s " % path, "%s " % path):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _probe_one(path: str, timeout: float) -> tuple[Interpreter | None, str | None, bool]:
    """(interpreter, error, worth caching): a timeout may be a busy machine, "Too many open files" another job's
    doing, so neither is remembered."""
    try:
        return probe(path, timeout), None, True
    except ProbeError as exc:
        message = _short_error(str(exc), path)
        return None, message, not exc.transient


def discover(extra: Sequence[str] = (), *, refresh: bool = False, timeout: float = DISCOVERY_TIMEOUT,
             use_cache: bool = True, cache_path: str | None = None, include_current: bool = True,
             search: bool = True, budget: float | None = None) -> Discovery:
    """Every interpreter found (and every ``extra`` path), probed in parallel, cache first unless ``refresh``.

    ``search=False`` looks only at ``extra`` (and the current interpreter if ``include_current``). ``budget``: seconds
    to wait for the probes in all; those still running then are left out and go on in the background, caching what
    they find for the next call (so a hanging candidate costs a start-up at most ``budget``).
    """
    paths = candidates(extra, include_current, search)
    distinct = _dedupe(paths)
    cache = ProbeCache((cache_path or cache_file()) if use_cache else None)
    found: list[Found] = []
    todo: list[Found] = []
    background: list[Found] = []  # with a budget: probed, never waited for (they timed out last time)
    for path, real, aliases in distinct:
        entry = Found(path, real, None, aliases=aliases)
        hit = None if refresh else cache.get(real)
        if hit is not None and hit.get("slow"):  # timed out last time: probed again, waited for only without budget
            (background if budget is not None else todo).append(entry)
        elif hit is not None:
            entry.cached = True
            if "interpreter" in hit:
                entry.interpreter = Interpreter.from_probe(hit["interpreter"], path)
                entry.reason = unusable_reason(entry.interpreter)
            else:
                entry.reason = str(hit.get("error") or "not a working Python interpreter")
        elif not os.path.exists(real):
            entry.reason = "does not exist" if os.sep in path else "was not found on PATH"
        else:
            todo.append(entry)
        found.append(entry)
    if todo or background:
        late = _probe_all(todo + background, timeout, budget, cache, len(todo))
        if late:  # still being probed in the background: left out of this answer, found by a later one
            found = [entry for entry in found if entry not in late]
    found.sort(key=_order)
    return Discovery(found, len(todo) + len(background), cache.path)


def _probe_all(todo: list[Found], timeout: float, budget: float | None, cache: ProbeCache, wait: int) -> list[Found]:
    """Probe ``todo`` (at most MAX_PARALLEL at once), filling in each entry and the cache; the entries not answered
    within ``budget`` seconds (none without a budget), whose probes carry on in daemon threads. Only the first
    ``wait`` entries are waited for; the rest are probed in the background from the start."""
    cond = threading.Condition()
    answered: set[int] = set()
    state = {"abandoned": False}
    slots = threading.Semaphore(MAX_PARALLEL)

    def work(index: int, entry: Found) -> None:
        with slots:
            interp, error, keep = _probe_one(entry.path, timeout)
        with cond:
            entry.interpreter = interp
            entry.reason = unusable_reason(interp) if interp is not None else error
            if keep:
                cache.put(entry.realpath, interp, error)
            elif error is not None and "did not answer" in error:
                cache.put_slow(entry.realpath)
            answered.add(index)
            cond.notify_all()
            if state["abandoned"]:
                cache.save()

    threads = [threading.Thread(target=work, args=(i, e), name="gil-tui-probe", daemon=True)
               for i, e in enumerate(todo)]
    deadline = None if budget is None else time.monotonic() + budget
    try:
        for thread in threads:
            thread.start()
        with cond:
            while len(answered & set(range(wait))) < wait:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                cond.wait(left)
            late = [e for i, e in enumerate(todo) if i not in answered]
            state["abandoned"] = bool(late)
            cache.save()
    except BaseException:  # Ctrl-C: end the probes, or they run on to their timeouts
        kill_probes()
        raise
    if late:
        atexit.register(_leave, late, cache, cond)  # whoever leaves before they answer takes them along
    return late


def _leave(late: list[Found], cache: ProbeCache, cond: threading.Condition) -> None:
    """At exit, probes still running end, and are remembered as slow: the next start-up does not wait for them."""
    kill_probes()
    with cond:
        for entry in late:
            if entry.interpreter is None and entry.reason is None:  # never answered
                cache.put_slow(entry.realpath)
        cache.save()


STARTUP_BUDGET = 2.0  # seconds discovery may add to the workbench's start; a probe takes ~0.1 s


def discovered(budget: float | None = STARTUP_BUDGET) -> list[Interpreter]:
    """Every usable interpreter on the machine, for a picker; none if discovery fails. Probes that take longer than
    ``budget`` seconds in all are left out (they finish in the background and are in the cache next time)."""
    try:
        return [f.interpreter for f in discover(budget=budget).usable if f.interpreter is not None]
    except Exception:  # discovery is a convenience: the app works with the interpreters it was given
        return []


def _order(entry: Found) -> tuple[int, tuple[int, ...], bool, str]:
    """Oldest to newest, a free-threaded build after its GIL sibling, the unidentified last."""
    interp = entry.interpreter
    if interp is None:
        return (1, (), False, entry.path)
    return (0, tuple(interp.version_info), interp.free_threaded, entry.path)


def find_interpreter(path: str, timeout: float = PROBE_TIMEOUT, **kwargs: Any) -> Found:
    """One given path, through the cache: the matrix and ``--python`` use this."""
    result = discover([path], include_current=False, search=False, timeout=timeout, **kwargs)
    return result.found[0]
