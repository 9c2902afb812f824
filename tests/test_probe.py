"""Asking real interpreters what they are; refusing the ones the lab cannot use, with the reason."""

from __future__ import annotations

import sys

import pytest

from gil_tui.core.probe import ProbeError, lab_interpreter, probe


@pytest.mark.parametrize("version", ["3.9", "3.10", "3.11", "3.12", "3.13"])
def test_probe_names_the_version_and_the_gil(pyenv_python, version):
    interp = lab_interpreter(pyenv_python(version))
    assert interp.version.startswith(version + ".")
    assert interp.short == version
    assert interp.implementation == "CPython"
    assert (interp.free_threaded, interp.gil_enabled) == (False, True)
    assert (interp.subinterpreters is not None) == (interp.version_info >= (3, 12))


def test_probe_of_a_free_threaded_build(free_threaded_python):
    interp = lab_interpreter(free_threaded_python)
    assert interp.free_threaded and not interp.gil_enabled
    assert interp.short.endswith("t")


def test_probe_identifies_27_and_the_lab_refuses_it(pyenv_python):
    python = pyenv_python("2.7")
    interp = probe(python)
    assert interp.version.startswith("2.7.") and not interp.lab_ok
    with pytest.raises(ProbeError, match=r"is Python 2\.7\.\d+; the lab needs Python 3\.9 or newer"):
        lab_interpreter(python)


def test_probe_finds_a_name_on_path():
    assert probe("python3").executable.startswith("/")


def test_probe_of_this_interpreter_matches_sys():
    interp = probe(sys.executable)
    assert tuple(interp.version_info) == tuple(sys.version_info[:3])
    assert interp.as_dict()["version_info"] == list(sys.version_info[:3])


@pytest.mark.parametrize("script, message", [
    ("#!/bin/sh\necho hello\n", "is not a working Python interpreter"),
    ("#!/bin/sh\necho broken >&2\nexit 3\n", "is not a working Python interpreter: broken"),
])
def test_things_that_are_not_python_are_refused(tmp_path, script, message):
    fake = tmp_path / "python"
    fake.write_text(script)
    fake.chmod(0o755)
    with pytest.raises(ProbeError, match=message):
        probe(str(fake))


def test_a_hanging_interpreter_times_out(tmp_path):
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\nexec sleep 30\n")
    fake.chmod(0o755)
    with pytest.raises(ProbeError, match="did not answer within 0.3 s"):
        probe(str(fake), timeout=0.3)


def test_missing_and_non_executable_paths(tmp_path):
    with pytest.raises(ProbeError, match="does not exist"):
        probe(str(tmp_path / "nope"))
    plain = tmp_path / "plain"
    plain.write_text("")
    with pytest.raises(ProbeError, match="is not an executable interpreter"):
        probe(str(plain))
    with pytest.raises(ProbeError, match="is not an executable interpreter"):
        probe(str(tmp_path))
    with pytest.raises(ProbeError, match="was not found on PATH"):
        probe("no-such-python-anywhere")
