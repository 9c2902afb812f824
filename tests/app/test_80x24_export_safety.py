"""Exports that never lose data, in a real terminal (issue 14, items 5, 6, 7).

- 5: ``--output`` on a full disk fails with one line and leaves the old file whole (a temporary file beside it, then
  a rename); a symbolic link is never written through.
- 6: ``--output`` is written whatever happens to stdout: ``| head -1``, an encoding that cannot print "—", a closed
  stdout.
- 7: the export dialog refuses a FIFO (and a link) at once, with the UI still answering, and writes off the UI thread.
"""

from __future__ import annotations

import json
import os
import subprocess
import uuid

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

from gil_tui.core import export

pytestmark = pytest.mark.slow

RUN = "run -w sleep --size 0.2 -n 2 -m threads"
OLD = {"schema": 1, "kind": "gil-tui results", "machine": {"host": "old"}, "results": [{
    "schema": 1, "workload": "sleep", "mode": "threads", "workers": 1, "size": 1, "gil": None,
    "interpreter": {"executable": "/usr/bin/python3", "version": "3.11.7", "free_threaded": False,
                    "gil_enabled": True},
    "switch_interval": 0.005, "status": "ok", "error": None, "wall_s": 1.0, "cpu_s": 0.01, "cores_used": 0.01,
    "speedup": None, "tasks": [], "counter": None, "notes": [], "timeline": None}]}


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB tmpfs (we run as root here and in CI); skipped where mounting is not allowed."""
    where = tmp_path / "disk"
    where.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root?)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(folder) -> None:
    """Fill the file system to the last byte."""
    fd = os.open(os.path.join(folder, "filler"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * block)
            except OSError:
                pass
    finally:
        os.close(fd)


def test_a_full_disk_leaves_the_old_export_whole(small_disk, tmp_path):
    old = small_disk / "runs.json"
    old.write_text(json.dumps(OLD))
    fill(small_disk)
    errors = tmp_path / "stderr.txt"
    with Terminal("%s --output %s 2> %s" % (RUN, old, errors), keep=True) as term:
        assert term.exit_code(timeout=90) == 1, term.screen()
    said = errors.read_text()
    assert "cannot write %s: No space left on device" % old in said and "Traceback" not in said, said
    assert json.loads(old.read_text()) == OLD  # the old file, whole
    assert sorted(os.listdir(small_disk)) == ["filler", "runs.json"]  # no temporary file left behind


def test_a_symbolic_link_is_never_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "x.md"
    link.symlink_to(victim)
    errors = tmp_path / "stderr.txt"
    with Terminal("%s --output %s 2> %s" % (RUN, link, errors), keep=True) as term:
        assert term.exit_code(timeout=90) == 2, term.screen()
    assert "symbolic link" in errors.read_text(), errors.read_text()
    assert victim.read_text() == "precious\n" and link.is_symlink()


@pytest.mark.parametrize("trouble", ["gone", "latin-1", "closed"])
def test_output_is_written_whatever_happens_to_stdout(tmp_path, trouble):
    out = tmp_path / "runs.json"
    errors = tmp_path / "stderr.txt"
    if trouble == "gone":  # the reader went away before the results (| head -1 after its line, here at once)
        args, env, codes = "%s --output %s 2> %s | true" % (RUN, out, errors), {}, (0, 1)  # the status is true's
    elif trouble == "latin-1":  # "—" and "×" cannot be printed
        args, env, codes = "%s --output %s 2> %s" % (RUN, out, errors), {"PYTHONIOENCODING": "latin-1"}, (0,)
    else:  # no stdout at all
        args, env, codes = "%s --json --output %s 2> %s >&-" % (RUN, out, errors), {}, (0,)
    with Terminal(args, env=env, keep=True) as term:
        code = term.exit_code(timeout=90)
        screen = term.screen()
    assert code in codes, (code, screen, errors.read_text())
    assert "Traceback" not in errors.read_text() + screen, errors.read_text() + screen
    results, _ = export.load(str(out))
    assert [r.mode for r in results] == ["threads"] and results[0].ok


def _finished_app(term: Terminal) -> None:
    term.wait_for("Press r to run", timeout=60)
    term.settle()
    term.send("r")
    term.wait_for(r"Speedup", timeout=90)
    term.settle()


def test_the_export_dialog_refuses_a_fifo_and_a_link_and_stays_responsive(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    link = tmp_path / "x.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    short = "/tmp/gil-tui-%s" % uuid.uuid4().hex[:6]  # short paths: the message fits the dialog at 80 columns
    os.symlink(tmp_path, short)
    try:
        with Terminal("-w sleep --size 0.2 -n 1 -m sequential") as term:
            _finished_app(term)
            term.send("e")
            term.wait_for("File name")
            term.send("C-u")
            term.type(short + "/fifo.json")
            term.send("Enter")
            screen = term.wait_for("not a regular file", timeout=10)
            assert "File name" in screen
            term.send("C-u")
            term.type(short + "/x.md")
            term.send("Enter")
            term.wait_for("symbolic link", timeout=10)
            term.send("Enter")  # a second enter does not write through it either
            term.wait_for("symbolic link", timeout=10)
            term.send("C-u")
            term.type(short + "/ok.csv")
            term.send("Enter")
            term.wait_for("Wrote 1 result", timeout=15)
            term.send("q")
            term.wait_gone(15)
    finally:
        os.unlink(short)
    assert not (tmp_path / "elsewhere.md").exists()
    assert os.path.exists(fifo) and not os.path.isfile(fifo)
    assert len(export.load(str(tmp_path / "ok.csv"))[0]) == 1
