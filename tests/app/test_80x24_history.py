"""History and help in a real terminal (the INSTALLED gil-tui in tmux) at 80x24, 100x30 and 120x40, English and
Spanish: every History header and every status cell whole on screen, a cancelled run unmistakable, and the help's
last line reachable with the keyboard."""

from __future__ import annotations

import re

import pytest

from gil_tui import i18n
from tests.terminal import Terminal

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (100, 30), (120, 40)]
RACE = "-w race -m threads -n 20 --size 20000 --switch-interval 0.0001 --run"
LOST = re.compile(r"\d{1,3}(?:,\d{3})* \(\d{1,3}\.\d%\)")  # 3,410 (17.1%), as the result pane writes it
SHARE = re.compile(r"(?<![\d(])\d{1,3}\.\d%(?!\))")  # 17.1%: the lost count's share alone, where room is short
SCROLLBAR = "".join(chr(c) for c in range(0x2580, 0x25A0)) + "━╸╺"


def box(screen: str, title: str) -> list[str]:
    """The inside of the pane titled ``title``: its lines between the borders, the title line excluded ([]: none)."""
    lines = screen.splitlines()
    for top, line in enumerate(lines):
        at = line.find("─ %s ─" % title)
        if at < 0:
            continue
        left = line.rfind("╭", 0, at)
        right = line.find("╮", at)
        inside = []
        for below in lines[top + 1:]:
            if below[left:left + 1] == "╰":
                break
            inside.append(below[left + 1:right])
        return inside
    return []


def cells(line: str) -> list[str]:
    """A table line's cells: the table puts two spaces or more between columns, one inside a cell."""
    return [c for c in re.split(r"\s{2,}", line.strip(" " + SCROLLBAR)) if c]


def rows(screen: str, lang: str) -> tuple[list[str], list[list[str]]]:
    """The History table's header cells and its rows' cells, top to bottom."""
    inside = box(screen, i18n.t("app.pane.history", lang)) or [""]
    return cells(inside[0]), [c for c in map(cells, inside[1:]) if c]


def headers(lang: str) -> set[str]:
    return {i18n.t(key, lang) for key in i18n.keys(lang) if key.startswith(("col.", "history.col."))}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_history_shows_every_header_and_status_whole_and_a_cancelled_run_unmistakable(width, height, lang):
    ok, cancelled = i18n.t("status.ok", lang), i18n.t("status.cancelled", lang)
    with Terminal("%s --lang %s" % (RACE, lang), width, height) as term:
        term.wait_for(lambda s: len(rows(s, lang)[1]) == 1, timeout=90)
        # the post's third experiment (ten one-second sleeps one after another), cancelled once it has started
        term.send("3")
        cancel = i18n.t("app.key.cancel", lang)
        term.wait_for(lambda s: cancel in s.splitlines()[-1], timeout=30)  # the footer offers escape Cancel
        term.send("Escape")
        term.wait_for(lambda s: len(rows(s, lang)[1]) == 2, timeout=60)
        screen = term.settle()
        header, (first, second) = rows(screen, lang)
        shown = "%dx%d %s:\n%s" % (width, height, lang, screen)
        assert set(header) <= headers(lang), "a header is cut: %r\n%s" % (header, shown)
        assert header[-1] == i18n.t("col.status", lang), shown
        assert i18n.t("col.lost", lang) in header, shown
        # the run's number (its row for enter and for the result pane's headline) stays: the lost count gives up its
        # digits first (at 100x30 the number had gone)
        assert header[0] == i18n.t("history.col.n", lang), shown
        assert first[-1].endswith(" " + ok) and (LOST.search("  ".join(first)) or SHARE.search("  ".join(first))), shown
        assert second[-1].endswith(" " + cancelled), shown
        assert not re.search(r"\d%", "  ".join(second)), "a cancelled run shows a lost count:\n" + shown
        assert len(first) == len(second) == len(header), shown


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_help_scrolls_to_its_last_line_with_the_keyboard_and_closes(width, height, lang):
    body = i18n.t("app.help.body", lang).splitlines()
    first, last = body[0], body[-1]
    with Terminal("--lang %s" % lang, width, height) as term:
        term.wait_for(re.escape(i18n.t("app.pane.history", lang)), timeout=60)
        term.send("?")
        term.wait_for(re.escape(first), timeout=10)
        term.send("End")
        term.wait_for(re.escape(last), timeout=10)
        term.send("Home")
        term.wait_for(re.escape(first), timeout=10)
        for _ in range(3):
            term.send("PageDown")
        term.wait_for(re.escape(last), timeout=10)
        term.send("PageUp", "PageUp", "PageUp")
        term.wait_for(re.escape(first), timeout=10)
        for _ in range(len(body)):
            term.send("Down")
        term.wait_for(re.escape(last), timeout=10)
        term.send("Escape")
        term.wait_for(lambda s: first not in s and last not in s, timeout=10)
        term.send("?")
        term.wait_for(re.escape(first), timeout=10)
        term.send("?")
        term.wait_for(lambda s: first not in s, timeout=10)
