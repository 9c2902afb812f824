"""At 80x24 in a real terminal, keyboard only: the pickers' open lists show each option on one line (a description
too long cut with "…"), the Python list never breaks a path, and two interpreters of the same version are told
apart on the closed picker too."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from terminal import Terminal, installed_command  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

from gil_tui.i18n import t
from gil_tui.lab.catalog import WORKLOADS

pytestmark = pytest.mark.slow

START = "-w fib -n 2 --size 25"
PYTHON_TABS = 5  # Workload, Workers, Mode, Size, Switch, then Python
CHROME = "│▁▂▃▄▅▆▇█▔▕▏ "  # pane borders and scrollbars beside or under the list


def options(lang: str) -> dict[str, str]:
    """Workload names and their descriptions, as the list shows them."""
    shown = {name: t("app.workload." + name, lang) for name in WORKLOADS}
    shown[t("app.workload.task.name", lang)] = t("app.workload.task", lang)
    return shown


def rest_of_line(line: str, start: int) -> str:
    """What the list shows from ``start`` on: up to a pane's border it did not cover, without trailing chrome."""
    return line[start:].split("│")[0].rstrip(CHROME)


def workload_lines(screen: str, lang: str) -> list[str]:
    """The lines of the open Workload list, from the picker's first column: as many as it has options."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "│ %s " % t("app.field.workload", lang) in line)
    column = lines[top].index(t("app.field.workload", lang)) + 10  # the picker's first column
    texts = [rest_of_line(line, column) for line in lines[top + 1:]]
    first = next(i for i, text in enumerate(texts) if text.startswith(next(iter(options(lang))) + "  "))
    return texts[first:first + len(options(lang))]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_workload_option_is_one_line_cut_with_an_ellipsis(lang):
    with Terminal(START + " --lang " + lang) as term:
        term.wait_for("Press r to run|Pulsa r para ejecutar")
        term.settle()
        term.send("Enter")  # focus starts on Workload: Enter opens its list
        term.wait_for(lambda s: "race-plain" in s and "Dismiss" in s)
        screen = term.settle()
        wholes = 0
        for line, (name, description) in zip(workload_lines(screen, lang), options(lang).items(), strict=True):
            assert line.startswith(name + "  "), "%r: not %s's line\n%s" % (line, name, screen)
            text = line[len(name) + 2:]
            cut = text.endswith("…") and len(text) > 1 and description.startswith(text[:-1])
            assert text == description or cut, "%s: %r on its line, of %r\n%s" % (name, text, description, screen)
            wholes += text == description
        assert wholes, screen  # the list is wider than the picker: the short descriptions are read whole
        term.send("Down", "Enter")  # sleep
        closed = term.settle().splitlines()
        top = next(i for i, line in enumerate(closed) if "│ %s " % t("app.field.workload", lang) in line)
        under = rest_of_line(closed[top + 1], closed[top].index(t("app.field.workload", lang)) + 10)
        description = t("app.workload.sleep", lang)  # under the field, as before (cut where the pane ends)
        assert under == description or under.endswith("…") and description.startswith(under[:-1]), closed


PYTHON_LINE = re.compile(r"(?P<label>\d+\.\d+t?(?: GIL \w+)?(?: \([^)]+\))?)(?:  (?P<path>(?:…)?/\S+))?$")


def listed(env: dict[str, str]) -> list[list[str]]:
    """The names (path, then aliases) of each option of the Python picker: ``gil-tui interpreters --json`` finds what
    the app finds."""
    out = subprocess.run([installed_command() or "gil-tui", "interpreters", "--json"], capture_output=True, text=True,
                         env={**os.environ, **env}, check=True).stdout
    entries = [entry for entry in map(json.loads, out.splitlines()) if entry["usable"]]
    return [[entry["path"], *entry["aliases"]] for entry in entries for _ in entry["choices"]]


def python_rows(screen: str, count: int) -> list[tuple[str, str | None]]:
    """(label, path as shown) of each line of the open Python list: ``count`` options, at most 12 lines shown."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "│ %s " % t("app.field.python", "en") in line)
    column = lines[top].index(t("app.field.python", "en")) + 10  # the picker's first column
    texts = [rest_of_line(line, column) for line in lines[top + 1:]]
    first = next(i for i, text in enumerate(texts) if PYTHON_LINE.match(text))
    return [parse_python_row(text) for text in texts[first:first + min(count, 12)]]


def parse_python_row(text: str) -> tuple[str, str | None]:
    match = PYTHON_LINE.match(text)
    if match is None:
        pytest.fail("not one option on one line: %r" % text)
    return match["label"], match["path"]


def closed_python(screen: str) -> str:
    line = next(line for line in screen.splitlines() if "│ %s " % t("app.field.python", "en") in line)
    return line.split(t("app.field.python", "en"), 1)[1].split("│")[0].strip(" ▼▲")


@pytest.fixture
def twin(tmp_path: Path) -> Path:
    """A copy of the interpreter running the tests (a venv made with --copies: its own file, so discovery lists it
    apart) under a path of its own: the picker then holds two interpreters with the same short label."""
    subprocess.run([sys.executable, "-m", "venv", "--copies", "--without-pip", str(tmp_path / "twin")], check=True)
    bin_dir = tmp_path / "twin" / "bin"
    for name in os.listdir(bin_dir):  # one name only, python3.X: python and python3 are copies too
        if name != "python%d.%d" % sys.version_info[:2]:
            (bin_dir / name).unlink()
    return bin_dir


def open_python_list(term: Terminal) -> str:
    term.wait_for("Press r to run")
    term.settle()
    term.send(*["Tab"] * PYTHON_TABS, "Enter")
    term.wait_for(lambda s: "Dismiss" in s)
    return term.settle()


def twin_path(twin: Path) -> str:
    return str(twin / ("python%d.%d" % sys.version_info[:2]))


def test_the_python_list_shows_each_path_on_one_line_whole_or_cut_at_a_slash(twin: Path):
    env = {"PATH": "%s:%s" % (twin, os.environ.get("PATH", ""))}
    with Terminal(START, env=env) as term:
        screen = open_python_list(term)
        names = listed(env)
        assert [twin_path(twin)] in names  # the twin is one of the options
        paths = [path for option in names for path in option]
        rows = python_rows(screen, len(names))
        for _, path in rows:  # a whole path, or the end of one from a "/" on: "…/3.9.18/bin/python3.9"
            assert path is None or any(p == path or path.startswith("…/") and p.endswith(path[1:]) for p in paths), \
                "%r: not a path, nor the end of one\n%s" % (path, screen)
        assert any(path and path.endswith("/twin/bin/python%d.%d" % sys.version_info[:2]) for _, path in rows), screen


def test_two_interpreters_of_one_version_read_differently_on_the_closed_picker(twin: Path):
    env = {"PATH": "%s:%s" % (twin, os.environ.get("PATH", ""))}
    count = min(len(listed(env)), 12)  # the twin and the interpreter it copies among them
    with Terminal(START, env=env) as term:
        open_python_list(term)
        shown = []
        for index in range(count):
            term.send("Home", *["Down"] * index, "Enter")
            shown.append(closed_python(term.settle()))
            term.send("Enter")  # open again
            term.wait_for(lambda s: "Dismiss" in s)
        version = "%d.%d" % sys.version_info[:2]
        twins = [s for s in shown if s == version or s.startswith(version + " ")]
        assert len(twins) >= 2, shown
        assert len(set(shown)) == len(shown), "options that read the same once chosen: %s" % shown


TICK_ROW = re.compile(r"│\[[✓ ]\] (?P<text>[^│]*)│")


def comparison_rows(screen: str) -> list[tuple[str, str | None]]:
    """(label, path as shown) of each line the comparison's Interpreters list shows."""
    return [parse_python_row(match["text"].rstrip(CHROME)) for line in screen.splitlines()
            if (match := TICK_ROW.search(line)) and PYTHON_LINE.match(match["text"].rstrip(CHROME))]


def test_the_comparison_list_keeps_the_end_of_each_path(twin: Path):
    """The comparison screen's list is narrower than the picker: cut on the right, "3.9  /root/.pyenv/versions/
    3.9.18/bin/python3…" hid the file's name; the end of the path is what is kept, as in the picker."""
    env = {"PATH": "%s:%s" % (twin, os.environ.get("PATH", ""))}
    names = listed(env)
    paths = [path for option in names for path in option]
    with Terminal(START, env=env) as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("c")
        term.wait_for("Compare interpreters")
        term.send("Tab", "Tab", "Tab")  # Workload, Workers, Size, then the Interpreters list
        seen: set[tuple[str, str]] = set()  # (label, path): a free-threaded build is two lines of one path
        for _ in range(len(names)):  # down the whole list, a line at a time (it shows 5 at 80x24)
            screen = term.settle()
            for label, path in comparison_rows(screen):
                assert path is not None, "%s: its path is gone\n%s" % (label, screen)
                assert any(p == path or path.startswith("…/") and p.endswith(path[1:]) for p in paths), \
                    "%r: not a path, nor the end of one\n%s" % (path, screen)
                seen.add((label, path))
            term.send("Down")
        assert len(seen) == len(names), seen  # every option's line read, each line different
        assert any(path.endswith("/twin/bin/python%d.%d" % sys.version_info[:2]) for _, path in seen), seen
