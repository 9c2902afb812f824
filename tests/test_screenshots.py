"""``gil-tui screenshots``: every SVG is written from real runs, is valid SVG and shows what its name says."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from gil_tui.ui.demo_pythons import free_threaded
from gil_tui.ui.screenshots import NAMES, side_by_side, svg_size

SVG = "{http://www.w3.org/2000/svg}"
EXPECTED = {
    "idle": ["Setup", "Workload", "History", "Press r to run"],
    "fib-threads-running": ["Elapsed", "fib", "Cancel"],
    "race-lost-updates": ["LOST", "UPDATES", "sequential", "threads"],
    "fib-sequential-vs-threads": ["sequential", "threads", "speedup", "1.00×"],
    "timeline-gil-vs-free-threaded": ["the GIL", "GIL off", "one cell ="],
    "comparison": ["Compare interpreters", "sequential", "threads", "speedup", "Done"],
    "spanish": ["Configuración", "SE PERDIERON", "secuencial"],
    "idle-80x24": ["Setup", "Workload", "History", "Press r to run"],
    "race-80x24": ["LOST", "UPDATES", "sequential", "threads"],
    "timeline-80x24": ["w0", "w3", "cell"],
    "spanish-80x24": ["Configuración", "SE PERDIERON", "secuencial"],
    "convoy-80x24": ["ROUND TRIPS", "ALONE", "convoy"],
}


def shown_text(path) -> str:
    """The text a reader sees in a Textual SVG screenshot (its ``<text>`` elements), spaces normalised."""
    root = ET.parse(path).getroot()  # raises on anything that is not well-formed XML
    assert root.tag == SVG + "svg"
    return "".join(e.text or "" for e in root.iter(SVG + "text")).replace("\xa0", " ")


@pytest.mark.slow
def test_every_screenshot_is_written_from_real_runs(tmp_path):
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, "-m", "gil_tui", "screenshots", "--out", str(out), "--quick"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    free = free_threaded() is not None
    expected = [n for n in NAMES if free or n != "timeline-gil-vs-free-threaded"]
    assert sorted(p.name for p in out.iterdir()) == sorted(n + ".svg" for n in expected)
    if not free:
        assert "skipped timeline-gil-vs-free-threaded.svg: no free-threaded Python found" in done.stdout
    for name in expected:
        text = shown_text(out / (name + ".svg"))
        missing = [word for word in EXPECTED[name] if word not in text]
        assert not missing, "%s.svg lacks %s" % (name, missing)
    assert "Press r to run" not in shown_text(out / "fib-threads-running.svg")


@pytest.mark.slow
def test_bad_arguments_are_one_line_and_exit_2(tmp_path):
    for argv in (["--only", "nope"], ["--python", str(tmp_path / "missing-python")]):
        done = subprocess.run([sys.executable, "-m", "gil_tui", "screenshots", "--out", str(tmp_path), *argv],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "error" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_side_by_side_nests_both_screenshots():
    left = '<svg viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg"><text>L</text></svg>'
    right = '<svg viewBox="0 0 80 60" xmlns="http://www.w3.org/2000/svg"><text>R</text></svg>'
    both = side_by_side(left, right, "pair")
    root = ET.fromstring(both)
    assert svg_size(both) == (180, 60)
    inner = root.findall(SVG + "svg")
    assert [(e.get("x"), e.get("width")) for e in inner] == [("0", "100"), ("100", "80")]
    assert root.find(SVG + "title").text == "pair"
    assert [e.text for e in root.iter(SVG + "text")] == ["L", "R"]
