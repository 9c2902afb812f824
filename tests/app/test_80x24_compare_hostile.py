"""``gil-tui compare`` on files made to hurt, in a real terminal (issue 14, items 4 and 12).

- 4: strings from a file are shown, never obeyed: an OSC title or a clear-screen sequence in a mode is printed as
  ``\\x1b]0;...``, the pane's title stays and the table stays on screen; ``[/bold]`` is shown, not read as markup.
- 12: wrong types, a missing key, 100k-deep nesting, a CSV field over 128 KiB, a short CSV row, a machine given as
  a string: one line on stderr and exit 2, or (the machine) the table without it; never a traceback.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import subprocess

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

from gil_tui.core.export import CSV_FIELDS

pytestmark = pytest.mark.slow

RESULT = {
    "schema": 1, "workload": "race", "mode": "threads", "workers": 2, "size": 1000,
    "interpreter": {"executable": "/usr/bin/python3", "version": "3.11.7", "free_threaded": False,
                    "gil_enabled": True},
    "gil": None, "switch_interval": 0.005, "status": "ok", "error": None, "wall_s": 0.2, "cpu_s": 0.2,
    "cores_used": 1.0, "speedup": None, "tasks": [], "counter": {"expected": 2000, "final": 1500, "lost": 500},
    "notes": [], "timeline": None,
}
MACHINE = {"host": "box", "platform": "Linux", "cpus": 2, "machine": "x86_64"}


def export(results: list[dict], machine: object = MACHINE) -> str:
    return json.dumps({"schema": 1, "kind": "gil-tui results", "machine": machine, "results": results})


def changed(**fields: object) -> str:
    result = copy.deepcopy(RESULT)
    result.update(fields)
    return export([result])


def without_lost() -> str:
    result = copy.deepcopy(RESULT)
    del result["counter"]["lost"]  # type: ignore[attr-defined]
    return export([result])


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    writer.writerows(rows)
    return out.getvalue()


GOOD_ROW = ["race", "threads", "2", "1000", "3.11.7", "3.11.7", "False", "True", "", "/usr/bin/python3", "0.005",
            "ok", "", "0.2", "0.2", "1.0", "", "", "", "", "2000", "1500", "500", ""]

HOSTILE = {
    "workers-string.json": changed(workers="2"),
    "wall-string.json": changed(wall_s="0.2"),
    "no-lost.json": without_lost(),
    "deep.json": "[" * 100000 + "]" * 100000,
    "huge-field.csv": csv_text([["r" * (130 * 1024)] + GOOD_ROW[1:]]),
    "short-row.csv": csv_text([GOOD_ROW[:5]]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_one_line_and_exit_2(tmp_path, name):
    good = tmp_path / "good.json"
    good.write_text(export([RESULT]))
    bad = tmp_path / name
    bad.write_text(HOSTILE[name])
    errors = tmp_path / "stderr.txt"
    with Terminal("compare %s %s 2> %s" % (good, bad, errors), keep=True) as term:
        assert term.exit_code(timeout=60) == 2, term.screen()
    said = errors.read_text()
    assert said.count("\n") == 1 and said.startswith("gil-tui compare: error: ") and name in said, said
    assert "Traceback" not in said


def test_a_machine_given_as_a_string_is_left_out(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(export([RESULT]))
    b.write_text(export([RESULT], machine="[/bold]\x1b[2J"))
    errors = tmp_path / "stderr.txt"
    with Terminal("compare %s %s 2> %s" % (a, b, errors), 100, 30, keep=True) as term:
        assert term.exit_code(timeout=60) == 0, term.screen()
        screen = term.screen()
    assert "A: box, Linux, 2 CPUs" in screen and "B:" not in screen, screen
    assert errors.read_text() == ""


def test_strings_from_a_file_are_shown_not_obeyed(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(export([RESULT]))
    hostile = copy.deepcopy(RESULT)
    hostile["mode"] = "\x1b]0;PWNED\x07\x1b[2J"
    markup = copy.deepcopy(RESULT)
    markup["mode"] = "[/bold]"
    markup["interpreter"]["version"] = "[red]3.99[/red]"  # type: ignore[index]
    b.write_text(export([hostile, markup], machine={"host": "\x1b]0;HOST\x07[/bold]", "platform": "Linux",
                                                    "cpus": 2}))
    errors = tmp_path / "stderr.txt"
    with Terminal("compare %s %s 2> %s" % (a, b, errors), 120, 30, keep=True) as term:
        code = term.exit_code(timeout=60)
        screen = term.screen()
        title = subprocess.run(term.tmux + ["display-message", "-p", "-t", "t", "#{pane_title}"],
                               capture_output=True, text=True).stdout
    assert code == 0 and errors.read_text() == "", (screen, errors.read_text())
    assert "PWNED" not in title and "HOST" not in title, title  # the OSC sequences did not retitle the terminal
    assert "A = %s" % a in screen, screen  # the clear-screen sequence did not wipe the table's title
    assert r"\x1b]0;PWNED\x07\x1b[2J" in screen, screen
    assert "[/bold]" in screen and "[red]3.99[/red]" in screen, screen
    assert r"B: \x1b]0;HOST\x07[/bold], Linux, 2 CPUs" in screen, screen
