"""Exports from a served session (``gil-tui serve``) stay in the served folder: no ``~``, no ``..``, no other
folder, no symbolic link or FIFO followed, a file already there replaced whole and only when asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from gil_tui.core import export
from gil_tui.core.export_folder import Refused, make_folder, name_inside, write_inside
from gil_tui.core.model import RunResult


@pytest.fixture(scope="module")
def results() -> list[RunResult]:
    """A real race run, as ``gil-tui run --json`` prints it."""
    proc = subprocess.run([sys.executable, "-m", "gil_tui", "run", "-w", "race", "--size", "2000", "-n", "2",
                           "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [RunResult.from_json(json.loads(line)) for line in proc.stdout.splitlines()]


@pytest.fixture
def folder(tmp_path) -> str:
    return make_folder(str(tmp_path / "exports"))


def refusal(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.key


def test_only_a_file_name_in_the_folder(folder, tmp_path, results):
    outside = tmp_path / "outside.json"
    for typed in ("~/x.json", "~", "../outside.json", str(outside), "sub/x.json", "./x.json", "/etc/x.json", ".."):
        assert refusal(lambda typed=typed: write_inside(folder, typed, results)) == "export.served.outside", typed
    assert refusal(lambda: write_inside(folder, "x.txt", results)) == "compare.export.error.ext"
    assert refusal(lambda: write_inside(folder, "  ", results)) == "compare.export.error.empty"
    assert not outside.exists() and os.listdir(folder) == []
    assert name_inside(folder, os.path.join(folder, "a.csv")) == "a.csv"  # the folder's own path is fine


def test_writes_what_export_writes_and_asks_before_replacing(folder, tmp_path, results):
    for name in ("s.json", "s.csv", "s.md"):
        path = write_inside(folder, name, results)
        assert path == os.path.join(folder, name)
        export.write(str(tmp_path / name), results)
        assert open(path, "rb").read() == (tmp_path / name).read_bytes()
    assert refusal(lambda: write_inside(folder, "s.json", results[:1])) == "compare.export.exists"
    write_inside(folder, "s.json", results[:1], overwrite=True)
    assert len(export.load(os.path.join(folder, "s.json"))[0]) == 1
    assert sorted(os.listdir(folder)) == ["s.csv", "s.json", "s.md"]  # no temporary file left


def test_a_symbolic_link_or_a_fifo_under_the_name_is_refused_not_followed(folder, tmp_path, results):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.symlink(victim, os.path.join(folder, "x.md"))
    os.mkfifo(os.path.join(folder, "fifo.json"))
    for name in ("x.md", "fifo.json"):
        started = time.monotonic()
        assert refusal(lambda name=name: write_inside(folder, name, results, overwrite=True)) == \
            "export.served.not_a_file"
        assert time.monotonic() - started < 5
    assert victim.read_text() == "precious\n"
    assert os.path.islink(os.path.join(folder, "x.md"))
    assert sorted(os.listdir(folder)) == ["fifo.json", "x.md"]


def test_the_served_folder_itself_is_never_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "link")
    with pytest.raises(OSError):
        make_folder(str(tmp_path / "link"))
    made = make_folder(str(tmp_path / "new" / "exports"))
    assert os.path.isdir(made) and os.stat(made).st_mode & 0o777 == 0o700
