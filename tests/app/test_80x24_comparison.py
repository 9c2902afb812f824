"""Issue 11, the comparison screen (``c``) at 80x24, end to end: the INSTALLED ``gil-tui`` in tmux.

- A ticked box and an unticked one look different in characters ("[✓]" against "[ ]") and in colour, in the dark
  and the light theme, and space turns one into the other.
- The hint under the lists and the line under the setup are on screen whole, in English and in Spanish.
- The percentage beside a running comparison says what it is: how far the current run has got.
- ``s`` folds the setup to one line and shows it again; with the setup shown, every row of an 8-run comparison
  stays on screen (the lists give up rows first).
"""

from __future__ import annotations

import re

import pytest
from terminal import Terminal

from gil_tui import i18n

pytestmark = pytest.mark.slow

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
MODE_NAMES = ("sequential", "threads", "processes", "asyncio", "interpreters")
TIMEOUT = 120.0  # seconds for a whole comparison of short sleep runs on a loaded machine


Cell = tuple[str, str, bool, str]  # character, foreground, bold, background


def cells(screen: str) -> list[list[Cell]]:
    """``capture-pane -e`` output as rows of cells. tmux carries the attributes from one line to the next and
    writes only the changes, so the capture is read as one stream."""
    state = ("default", False, "default")
    rows = []
    for line in screen.split("\n"):
        row: list[Cell] = []
        position = 0
        for match in SGR.finditer(line):
            row += [(ch, *state) for ch in line[position:match.start()]]
            position = match.end()
            state = _attributes(match.group(1), *state)
        row += [(ch, *state) for ch in line[position:]]
        rows.append(row)
    return rows


def _attributes(params: str, foreground: str, bold: bool, background: str) -> tuple[str, bool, str]:
    codes = re.split("[;:]", params) if params else ["0"]
    i = 0
    while i < len(codes):
        code = int(codes[i] or 0)
        if code == 0:
            foreground, bold, background = "default", False, "default"
        elif code == 1:
            bold = True
        elif code == 22:
            bold = False
        elif code == 39:
            foreground = "default"
        elif code == 49:
            background = "default"
        elif 30 <= code <= 37 or 90 <= code <= 97:
            foreground = str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            background = str(code - 10)
        elif code in (38, 48, 58) and i + 1 < len(codes):
            width = 2 if codes[i + 1] == "5" else 4 if codes[i + 1] == "2" else 0
            colour = ":".join(codes[i + 1:i + 2 + width])
            if code == 38:
                foreground = colour
            elif code == 48:
                background = colour
            i += width
        i += 1
    return foreground, bold, background


def text(row: list[Cell]) -> str:
    return "".join(cell[0] for cell in row)


def mode_boxes(screen: str) -> dict[str, tuple[str, tuple[tuple[str, bool], ...]]]:
    """Each mode in the Modes list: the box before its name, as characters and as (colour, bold) per cell; a
    character drawn in its own background's colour (unreadable) counts as a blank."""
    boxes = {}
    for row in cells(screen):
        line = text(row)
        for name in MODE_NAMES:
            match = re.search(r"│(\S{1,3}|\S \S|\[ \])\s+%s\s+│" % name, line)
            if match:
                start, end = match.start(1), match.end(1)
                shown = "".join(ch if fg != bg else " " for ch, fg, _, bg in row[start:end])
                boxes[name] = (shown, tuple((fg, b) for _, fg, b, _ in row[start:end]))
    return boxes


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_ticked_and_unticked_boxes_look_different_in_both_themes(theme):
    with Terminal("--theme %s" % theme, 80, 24) as term:
        term.wait_for(r"Workload")
        term.send("c")
        term.wait_for(r"Compare interpreters")
        screen = term.settle()
        boxes = mode_boxes(term.screen(colours=True))
        assert set(boxes) >= {"sequential", "threads", "processes"}, screen
        ticked, unticked = boxes["threads"], boxes["processes"]  # the screen opens with sequential and threads
        assert ticked[0] != unticked[0], "%s: a ticked box reads %r, an unticked one %r\n%s" % (
            theme, ticked[0], unticked[0], screen)
        assert "✓" in ticked[0] and "✓" not in unticked[0], (ticked, unticked)
        assert unticked[0] == "[ ]", "%s: an unticked box reads %r" % (theme, unticked[0])  # its brackets legible
        mark = ticked[1][ticked[0].index("✓")]
        assert mark not in set(unticked[1]), "%s: the check mark %r has the colour of the unticked box %r" % (
            theme, mark, unticked[1])
        term.send("Tab", "Tab", "Tab", "Tab", "Down", "Down", "Space")  # to the Modes list, tick processes
        term.wait_for(lambda s: "✓" in mode_boxes(s).get("processes", ("", ()))[0], timeout=10,
                      colours=True)
        assert mode_boxes(term.screen(colours=True))["processes"] == ticked, "ticking processes: not the same box"
        term.send("Up", "Space")  # untick threads
        term.wait_for(lambda s: mode_boxes(s).get("threads", ("", ()))[0] == unticked[0], timeout=10,
                      colours=True)


def words(screen: str) -> str:
    """The screen's text as one line of words, the panes' borders left out."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", screen).split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_hints_are_whole_at_80_columns(lang):
    with Terminal("--lang %s" % lang, 80, 24) as term:
        term.wait_for(i18n.t("app.field.workload", lang))
        term.send("c")
        term.wait_for(i18n.t("compare.title", lang))
        screen = term.settle()
        shown = words(screen)
        for key in ("compare.hint", "compare.idle"):
            whole = " ".join(i18n.t(key, lang).split())
            assert whole in shown, "%s, %s is not whole:\n%s" % (lang, key, screen)
        described = " ".join(i18n.t("app.workload.fib", lang).split()[:3])  # the workload picker in this language
        assert described in shown, "%s: the workload is described in another language:\n%s" % (lang, screen)
        hint = i18n.t("compare.hint", lang).split()[0]
        assert not [line for line in screen.splitlines() if hint in line and "…" in line], screen


PROGRESS = {"en": r"this run: \d+\.\d s, +\d+ % done", "es": r"esta ejecución: \d+\.\d s, +\d+ % hecha"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_percentage_says_it_is_the_current_runs_progress(lang):
    with Terminal("-w sleep -n 2 --size 1.5 --lang %s" % lang, 80, 24) as term:
        term.wait_for(i18n.t("app.field.workload", lang))
        term.send("c")
        term.wait_for(i18n.t("compare.title", lang))
        term.send("r")
        term.wait_for(PROGRESS[lang], timeout=60)
        term.send("Escape")
        term.wait_for(r"Cancelled after|Cancelada tras", timeout=30)


def result_rows(screen: str) -> list[str]:
    """The table's rows under its header line, those of finished runs."""
    lines = screen.splitlines()
    header = next((i for i, line in enumerate(lines) if re.search(r"python\s+mode\s+wall", line)), None)
    if header is None:
        return []
    return [line for line in lines[header + 1:]
            if re.search(r"\b(%s)\b.*\b(ok|error)\b" % "|".join(MODE_NAMES), line)]


def test_s_folds_the_setup_and_never_hides_the_results():
    with Terminal("-w sleep -n 2 --size 0.05", 80, 24) as term:
        term.wait_for(r"Workload")
        term.send("c")
        term.wait_for(r"Compare interpreters")
        term.settle()
        for key in ("Tab", "Tab", "Tab", "Tab", "Down", "Down", "Space", "Down", "Space"):  # + processes, asyncio
            term.send(key)
            term.settle(quiet=0.3)
        term.send("r")
        count = int(re.search(r"Run \d+ of (\d+)", term.wait_for(r"Run \d+ of \d+")).group(1))
        term.wait_for(r"Done: ", timeout=TIMEOUT)
        if count == 4:  # one interpreter ticked at first (no free-threaded build): tick a second one, run again
            term.send("s", "Tab", "Tab", "Tab", "Tab", "Down", "Space", "r")
            count = int(re.search(r"Run \d+ of (\d+)", term.wait_for(r"Run \d+ of \d+")).group(1))
            term.wait_for(r"Done: ", timeout=TIMEOUT)
        assert count == 8, "expected 2 interpreters x 4 modes"
        screen = term.settle()
        assert "Compare interpreters" not in screen, "the setup did not fold for the run at 80x24:\n" + screen
        assert len(result_rows(screen)) == count, screen
        term.send("s")
        screen = term.wait_for(r"Compare interpreters")
        screen = term.settle()
        assert "Workload" in screen and "Interpreters" in screen and "Modes" in screen, screen
        assert len(result_rows(screen)) == count, "with the setup shown, results are off screen:\n" + screen
        term.send("s")
        screen = term.wait_for(lambda s: "Compare interpreters" not in s)
        screen = term.settle()
        assert re.search(r"Setup \(s\)", screen) and len(result_rows(screen)) == count, screen


def test_letters_typed_in_a_number_field_are_the_screen_s_keys():
    """Workers and Size took every key: "3", "l", "r" typed into Workers read "43lr" (not a number) instead of
    switching the language and running. Escape there closes the screen, as the footer says."""
    with Terminal("-w sleep -n 2 --size 0.05 -m sequential", 80, 24) as term:
        term.wait_for(r"Workload")
        term.send("c")
        term.wait_for(r"Compare interpreters")
        term.settle()
        term.send("Tab")  # Workload -> Workers
        term.settle()
        term.send("BSpace")
        term.type("3l")
        screen = term.wait_for(r"Comparar intérpretes")
        assert re.search(r"Tareas\s+3\s", screen), screen
        term.type("r")
        screen = term.wait_for(lambda s: "Listo" in s, timeout=TIMEOUT)
        assert re.search(r"[Tt]areas\s+3\b", screen) and re.search(r"hilos\s+\S+\s+s\s", screen), screen
        term.send("Escape")
        term.wait_for(lambda s: "Comparar intérpretes" not in s and "Configuración" in s)
