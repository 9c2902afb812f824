"""Asking an interpreter what it is, in a subprocess, with a timeout.

The probe script runs on any Python from 2.7 up, so an interpreter too old for the lab is
still identified and can be named in the error instead of failing obscurely.
"""

from __future__ import annotations

import errno
import json
import os
import selectors
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any

LAB_MIN_VERSION = (3, 9)
PROBE_TIMEOUT = 10.0
OUTPUT_LIMIT = 64 * 1024  # bytes a probe may write to stdout and to stderr: its answer is under 1 KiB
EXIT_GRACE = 0.5  # seconds the pipes get to close after the probe exited (a daemon it left may hold them open)
TRANSIENT_ERRNOS = frozenset((errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM, errno.EINTR))

PROBE_SOURCE = r"""
import json, platform, sys
try:
    import sysconfig
    free = sysconfig.get_config_var("Py_GIL_DISABLED") == 1
except Exception:
    free = False
gil = getattr(sys, "_is_gil_enabled", None)
sub = None
if sys.version_info >= (3, 12):
    for name in ("concurrent.interpreters", "_interpreters", "_xxsubinterpreters"):
        try:
            __import__(name)
            sub = name
            break
        except ImportError:
            pass
sys.stdout.write(json.dumps({
    "executable": sys.executable,
    "version": platform.python_version(),
    "version_info": list(sys.version_info[:3]),
    "implementation": platform.python_implementation(),
    "free_threaded": bool(free),
    "gil_enabled": bool(gil()) if gil else True,
    "subinterpreters": sub,
}))
"""


class ProbeError(Exception):
    """The interpreter cannot be used; the message says why, for a person. ``transient``: it may answer next time
    (a timeout on a busy machine, "Too many open files"), so the answer must not be remembered."""

    def __init__(self, message: str, transient: bool = False) -> None:
        Exception.__init__(self, message)
        self.transient = transient


@dataclass(frozen=True)
class Interpreter:
    executable: str
    version: str
    version_info: tuple[int, ...]
    implementation: str
    free_threaded: bool
    gil_enabled: bool
    subinterpreters: str | None

    @classmethod
    def from_probe(cls, data: dict[str, Any], executable: str) -> Interpreter:
        """From the probe script's JSON; KeyError, TypeError or ValueError if it is not that."""
        info, sub = data["version_info"], data.get("subinterpreters")
        if (not isinstance(info, list) or len(info) < 2 or not all(type(x) is int for x in info)
                or not isinstance(data["version"], str) or not isinstance(sub, (str, type(None)))):
            raise TypeError("not a probe's answer")
        return cls(
            executable=executable,
            version=str(data["version"]),
            version_info=tuple(int(x) for x in data["version_info"]),
            implementation=str(data["implementation"]),
            free_threaded=bool(data["free_threaded"]),
            gil_enabled=bool(data["gil_enabled"]),
            subinterpreters=data.get("subinterpreters"),
        )

    @property
    def label(self) -> str:
        """"3.13.5t": the full version, tagged t for a free-threaded build."""
        return self.version + ("t" if self.free_threaded else "")

    @property
    def short(self) -> str:
        tag = "t" if self.free_threaded else ""
        return "%d.%d%s" % (self.version_info[0], self.version_info[1], tag)

    @property
    def lab_ok(self) -> bool:
        return self.implementation == "CPython" and tuple(self.version_info[:2]) >= LAB_MIN_VERSION

    def runs(self, mode: str) -> bool:
        """Whether the lab can run ``mode`` here. Only subinterpreters depend on the interpreter: they need the
        module the probe found, the one the lab itself looks for (3.12 or newer, free-threaded builds too)."""
        return mode != "interpreters" or self.subinterpreters is not None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["version_info"] = list(self.version_info)
        return data


def resolve(executable: str) -> str:
    """An absolute path for a name or a path; ProbeError if there is nothing there."""
    if os.sep in executable or (os.altsep and os.altsep in executable):
        path = os.path.abspath(os.path.expanduser(executable))
        if not os.path.exists(path):
            raise ProbeError("interpreter %s does not exist" % executable)
        if not os.access(path, os.X_OK) or os.path.isdir(path):
            raise ProbeError("%s is not an executable interpreter" % executable)
        return path
    found = shutil.which(executable)
    if not found:
        raise ProbeError("interpreter %s was not found on PATH" % executable)
    return os.path.abspath(found)


_running: set[subprocess.Popen[bytes]] = set()  # probes in flight, from any thread: kill_probes() ends them
_running_lock = threading.Lock()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Kill the probe's group, reap it (bounded: a stopped or stuck process is not waited on forever) and close its
    pipes, which a daemon it forked may still hold: nothing here ever reads them to the end."""
    _kill_group(proc)
    try:
        proc.wait(EXIT_GRACE)
    except subprocess.TimeoutExpired:
        pass
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


def _read(proc: subprocess.Popen[bytes], timeout: float) -> tuple[bytes, bytes, str | None]:
    """(stdout, stderr, why it stopped early: None, "timeout" or "too much"), each at most OUTPUT_LIMIT bytes, within
    ``timeout`` seconds whatever the probe does; the probe is ended either way."""
    assert proc.stdout is not None and proc.stderr is not None
    chunks: dict[int, list[bytes]] = {proc.stdout.fileno(): [], proc.stderr.fileno(): []}
    sizes = dict.fromkeys(chunks, 0)
    deadline = time.monotonic() + timeout
    exited_at: float | None = None
    why: str | None = None
    with selectors.DefaultSelector() as sel:
        for pipe in (proc.stdout, proc.stderr):
            sel.register(pipe, selectors.EVENT_READ)
        while sel.get_map():
            now = time.monotonic()
            if exited_at is None and proc.poll() is not None:
                exited_at = now
            if exited_at is not None and now - exited_at > EXIT_GRACE:
                break  # the probe is gone; whoever holds its pipes is not the answer
            if now >= deadline:
                why = "timeout"
                break
            wait = min(deadline - now, 0.1 if exited_at is None else EXIT_GRACE)
            for key, _ in sel.select(wait):
                data = os.read(key.fd, 65536)
                if not data:
                    sel.unregister(key.fileobj)
                    continue
                chunks[key.fd].append(data)
                sizes[key.fd] += len(data)
                if sizes[key.fd] > OUTPUT_LIMIT:
                    why = "too much"
            if why:
                break
    out = b"".join(chunks[proc.stdout.fileno()])[:OUTPUT_LIMIT]
    err = b"".join(chunks[proc.stderr.fileno()])[:OUTPUT_LIMIT]
    if why is None and exited_at is None:
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            why = "timeout"  # both pipes closed, yet the probe lives on
    _end(proc)
    return out, err, why


def kill_probes() -> None:
    """End every probe still running (Ctrl-C while probing must not wait out their timeouts)."""
    with _running_lock:
        for proc in _running:
            _kill_group(proc)


def probe(executable: str, timeout: float = PROBE_TIMEOUT) -> Interpreter:
    """Run the probe under ``executable``. ProbeError if it is missing, broken or not Python."""
    path = resolve(executable)
    try:
        # its own session, so a hanging "interpreter" (a wrapper script, say) is killed with all it started
        proc = subprocess.Popen([path, "-s", "-c", PROBE_SOURCE], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        raise ProbeError("%s cannot be run: %s" % (executable, exc.strerror or exc),
                         transient=exc.errno in TRANSIENT_ERRNOS) from None
    with _running_lock:
        _running.add(proc)
    try:
        out, err, why = _read(proc, timeout)
    except BaseException:  # Ctrl-C while waiting: the probe goes too
        _end(proc)
        raise
    finally:
        with _running_lock:
            _running.discard(proc)
    if why == "timeout":
        raise ProbeError("%s did not answer within %g s" % (executable, timeout), transient=True)
    if why == "too much":
        raise ProbeError("%s is not a working Python interpreter: it wrote more than %d KiB" % (
            executable, OUTPUT_LIMIT // 1024))
    if proc.returncode is not None and proc.returncode < 0 and proc.returncode != -signal.SIGPIPE:
        raise ProbeError("%s was killed by signal %d while probed" % (executable, -proc.returncode), transient=True)
    try:
        data = json.loads(out.decode("utf-8", "replace"))
        return Interpreter.from_probe(data, path)
    except (ValueError, KeyError, TypeError):
        detail = err.decode("utf-8", "replace").strip().splitlines()
        raise ProbeError("%s is not a working Python interpreter%s" % (
            executable, ": " + detail[-1] if detail else "")) from None


def lab_interpreter(executable: str, timeout: float = PROBE_TIMEOUT) -> Interpreter:
    """Probe, then insist the lab can run there."""
    interp = probe(executable, timeout)
    if interp.implementation != "CPython":
        raise ProbeError("%s is %s %s; the lab measures CPython's GIL and needs CPython 3.9 or newer" % (
            executable, interp.implementation, interp.version))
    if not interp.lab_ok:
        raise ProbeError("%s is Python %s; the lab needs Python 3.9 or newer" % (executable, interp.version))
    return interp
