"""Discovery against the real interpreters on this machine: pyenv's, the free-threaded build, links and broken ones."""

from __future__ import annotations

import glob
import json
import os
import stat
import subprocess
import sys

import psutil
import pytest

from gil_tui.cli.interpreters import interpreters_command
from gil_tui.core.discovery import candidates, discover, find_interpreter
from gil_tui.core.model import Choice

PYENV_ROOT = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
PYENV_VERSIONS = sorted(os.path.basename(d) for d in glob.glob(os.path.join(PYENV_ROOT, "versions", "*"))
                        if glob.glob(os.path.join(d, "bin", "python*")))
REAL = os.path.realpath(sys.executable)


def _script(path, body: str) -> str:
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(path)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _version_of(name: str) -> tuple[int, ...]:
    return tuple(int(x) for x in name.split(".")[:3] if x.isdigit())


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    """One cold discovery of the whole machine, with a private cache."""
    cache = str(tmp_path_factory.mktemp("cache") / "probes.json")
    return discover(cache_path=cache), cache


@pytest.mark.parametrize("version", PYENV_VERSIONS or ["none"])
def test_every_pyenv_version_is_listed_and_old_ones_say_why(machine, version):
    if version == "none":
        pytest.skip("no pyenv versions on this machine")
    found, _ = machine
    home = os.path.join(PYENV_ROOT, "versions", version) + os.sep
    entries = [f for f in found.found if f.realpath.startswith(home)]
    assert len(entries) == 1, [f.path for f in entries]  # python, python3, python3.X: one interpreter
    entry = entries[0]
    assert entry.interpreter is not None and entry.interpreter.version == version
    if _version_of(version) < (3, 9):
        assert not entry.usable and "3.9" in (entry.reason or "")
        assert entry.choices() == []
    else:
        assert entry.usable and entry.reason is None
        assert [c.label for c in entry.choices()] == ["%d.%d" % _version_of(version)[:2]]


def test_the_free_threaded_build_offers_the_gil_off_and_on(machine):
    found, _ = machine
    free = [f for f in found.found if f.interpreter and f.interpreter.free_threaded]
    if not free:
        pytest.skip("no free-threaded Python on this machine")
    for entry in free:
        short = entry.interpreter.short
        assert short.endswith("t")
        assert [(c.label, c.gil) for c in entry.choices()] == [
            ("%s (GIL off)" % short, "off"), ("%s (GIL on)" % short, "on")]
    assert all(isinstance(c, Choice) for c in found.choices())


def test_shims_and_config_scripts_are_not_candidates(tmp_path, monkeypatch):
    shims = tmp_path / "shims"
    shims.mkdir()
    _script(shims / "python3", 'exec "%s" "$@"' % REAL)
    plain = tmp_path / "bin"
    plain.mkdir()
    _script(plain / "python3-config", "exit 0")
    real = _script(plain / "python3.99", 'exec "%s" "$@"' % REAL)
    monkeypatch.setenv("PATH", "%s%s%s" % (shims, os.pathsep, plain))
    paths = candidates(include_current=False)
    assert real in paths
    assert not any(p.startswith(str(shims)) or p.endswith("-config") for p in paths)


def test_links_to_one_interpreter_are_one_entry(tmp_path):
    links = []
    for i, name in enumerate(("python3", "python", "python3.x")):
        d = tmp_path / ("d%d" % i)
        d.mkdir()
        os.symlink(sys.executable, d / name)
        links.append(str(d / name))
    try:
        os.link(REAL, tmp_path / "hardlinked")
        links.append(str(tmp_path / "hardlinked"))
    except OSError:
        pass  # another file system: symlinks only
    found = discover(links, cache_path=str(tmp_path / "probes.json"), include_current=False, search=False)
    assert len(found.found) == 1
    entry = found.found[0]
    assert entry.path == links[0] and entry.aliases == links[1:]
    assert entry.realpath == REAL and entry.usable


def test_the_cache_answers_the_second_time_and_notices_a_changed_binary(tmp_path):
    wrapper = _script(tmp_path / "python", 'exec "%s" "$@"' % REAL)  # a real interpreter behind a file we own
    cache = str(tmp_path / "probes.json")
    first = discover([wrapper], cache_path=cache, include_current=False, search=False)
    assert first.probed == 1 and not first.found[0].cached and first.found[0].usable
    with open(cache) as f:
        entries = json.load(f)["entries"]
    assert entries[wrapper]["interpreter"]["version"] == first.found[0].interpreter.version

    second = discover([wrapper], cache_path=cache, include_current=False, search=False)
    assert second.probed == 0 and second.found[0].cached
    assert second.found[0].interpreter == first.found[0].interpreter

    assert discover([wrapper], cache_path=cache, include_current=False, search=False, refresh=True).probed == 1
    st = os.stat(wrapper)
    os.utime(wrapper, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert discover([wrapper], cache_path=cache, include_current=False, search=False).probed == 1


@pytest.mark.slow
def test_broken_and_hanging_interpreters_are_listed_with_a_reason(tmp_path):
    broken = _script(tmp_path / "broken", "echo 'cannot start' >&2; exit 1")
    pidfile = tmp_path / "child.pid"
    hangs = _script(tmp_path / "hangs", "sleep 30 & echo $! > %s; wait" % pidfile)
    missing = str(tmp_path / "missing")
    cache = str(tmp_path / "probes.json")
    found = discover([broken, hangs, missing, "no-such-python-here"], cache_path=cache, include_current=False,
                     search=False, timeout=1.0)
    reasons = {f.path: f.reason for f in found.found}
    assert not any(f.usable for f in found.found)
    assert reasons[broken] == "is not a working Python interpreter: cannot start"
    assert reasons[hangs] == "did not answer within 1 s"
    assert not _alive(int(pidfile.read_text()))  # the hanging probe was killed with what it started
    assert reasons[missing] == "does not exist"
    assert reasons["no-such-python-here"] == "was not found on PATH"
    # a hang may be a busy machine: asked again next time; a broken binary is remembered
    again = discover([broken, hangs], cache_path=cache, include_current=False, search=False, timeout=1.0)
    assert again.probed == 1 and {f.path: f.cached for f in again.found} == {broken: True, hangs: False}


def test_find_interpreter_resolves_a_name_past_pyenv_shims():
    name = "python%d.%d" % sys.version_info[:2]
    entry = find_interpreter(name, use_cache=False)
    assert entry.usable and os.path.isabs(entry.path) and "/shims/" not in entry.path
    assert entry.interpreter is not None and entry.interpreter.version_info[:2] == tuple(sys.version_info[:2])


def test_interpreters_command_json_lines(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hangs = _script(tmp_path / "hangs", "exec sleep 30")
    assert interpreters_command(["--json", "--python", hangs, "--timeout", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"path", "realpath", "aliases", "usable", "reason", "version", "free_threaded", "gil_enabled",
            "subinterpreters", "choices", "cached"} <= set(rows[0])
    assert any(r["usable"] and r["realpath"] == REAL for r in rows)
    assert [r["reason"] for r in rows if r["path"] == hangs] == ["did not answer within 1 s"]
    assert os.path.exists(tmp_path / "gil-tui" / "probes.json")


def test_interpreters_table_fits_80_columns(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "80")
    broken = _script(tmp_path / "broken", "exit 1")
    assert interpreters_command(["--python", broken]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = "\n".join(lines)
    assert "usable by the lab" in text and "is not a working Python interpreter" in text


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["--timeout", "soon"], ["--timeout", "0"], ["--python", ""], ["--bogus"]])
def test_interpreters_bad_input_is_one_line_and_exit_2(argv):
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "interpreters", *argv], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("gil-tui interpreters: error:")
