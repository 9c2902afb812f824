"""Shared fixtures: the real interpreters on this machine, skipped (never failed) where absent."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import sys

import pytest

from gil_tui.core.probe import Interpreter, ProbeError, probe

PYENV_ROOT = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
FREE_THREADED_NAMES = ("python3.14t", "python3.13t")

_probed: dict[str, Interpreter | None] = {}

# A test suite started in the background by a shell without job control (`cmd &` in a script, nohup) inherits
# SIGINT ignored, and so does every gil-tui it starts: the Ctrl-C tests then saw no Ctrl-C at all (exit 2, or no
# exit). gil-tui is right to keep a background job's Ctrl-C ignored; the tests need it delivered. A handler here is
# reset to the default in every child at exec.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _probe_once(path: str) -> Interpreter | None:
    if path not in _probed:
        try:
            _probed[path] = probe(path)
        except ProbeError:
            _probed[path] = None
    return _probed[path]


def find_python(version: str) -> str | None:
    """An interpreter for ``version`` ("3.9"): pyenv's first, then PATH. None when there is none."""
    major_minor = tuple(int(x) for x in version.split("."))
    if sys.version_info[:2] == major_minor and not _is_free_threaded_self():
        return sys.executable
    candidates = sorted(glob.glob(os.path.join(PYENV_ROOT, "versions", version + ".*", "bin", "python" + version)))
    on_path = shutil.which("python" + version)
    if on_path:
        candidates.append(on_path)
    for path in candidates:
        interp = _probe_once(path)
        if interp and tuple(interp.version_info[:2]) == major_minor and not interp.free_threaded:
            return path
    return None


def find_free_threaded() -> str | None:
    """A free-threaded CPython: on PATH or under ~/.cache/gil-tui/pythons (where CI builds one)."""
    candidates = [shutil.which(name) for name in FREE_THREADED_NAMES]
    cache = os.path.expanduser("~/.cache/gil-tui/pythons")
    for name in FREE_THREADED_NAMES:
        candidates += sorted(glob.glob(os.path.join(cache, "*", "bin", name)))
    for path in candidates:
        if path:
            interp = _probe_once(path)
            if interp and interp.free_threaded:
                return path
    return None


def _is_free_threaded_self() -> bool:
    import sysconfig

    return sysconfig.get_config_var("Py_GIL_DISABLED") == 1


@pytest.fixture(scope="session")
def pyenv_python():
    """``pyenv_python("3.12")`` -> path of that interpreter, or the test is skipped."""

    def get(version: str) -> str:
        path = find_python(version)
        if path is None:
            pytest.skip("no Python %s on this machine" % version)
        return path

    return get


@pytest.fixture(scope="session")
def free_threaded_python() -> str:
    path = find_free_threaded()
    if path is None:
        pytest.skip("no free-threaded Python on this machine")
    return path


@pytest.fixture(scope="session")
def interpreter_of():
    """``interpreter_of(path)`` -> the probed Interpreter for a path found by the fixtures above."""

    def get(path: str) -> Interpreter:
        interp = _probe_once(path)
        assert interp is not None, "%s stopped answering the probe" % path
        return interp

    return get
