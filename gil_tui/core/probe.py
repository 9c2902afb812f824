"""Asking an interpreter what it is, in a subprocess, with a timeout.

The probe script runs on any Python from 2.7 up, so an interpreter too old for the lab is
still identified and can be named in the error instead of failing obscurely.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
from dataclasses import asdict, dataclass
from typing import Any

LAB_MIN_VERSION = (3, 9)
PROBE_TIMEOUT = 10.0

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
    """The interpreter cannot be used; the message says why, for a person."""


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
        raise ProbeError("%s cannot be run: %s" % (executable, exc.strerror or exc)) from None
    with _running_lock:
        _running.add(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        raise ProbeError("%s did not answer within %g s" % (executable, timeout)) from None
    except BaseException:  # Ctrl-C while waiting: the probe goes too
        _kill_group(proc)
        proc.communicate()
        raise
    finally:
        with _running_lock:
            _running.discard(proc)
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
