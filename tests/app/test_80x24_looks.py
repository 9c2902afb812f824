"""Looks, end to end: the INSTALLED ``gil-tui`` in tmux, read off the screen with its colours (issue 11, items 2, 6, 7).

- The lanes and the timeline draw on the theme's background, in the dark and the light theme: every cell inside the
  Run pane has the background of the pane's own border and padding, never the terminal's default one.
- The focused field stands out from the pane and from the other fields, in the dark and the light theme, by a
  contrast a projector keeps (WCAG ratio >= 1.5; the old focus, a 5 % tint, read 1.39 in tmux's 256 colours), and
  Tab and shift+Tab move it.
- After ``l`` the buttons read "Ejecutar" and "Cancelar" whole; the result pane keeps each label beside its value
  ("Wall 0.043 s  CPU …", "Counter 198,345 of 400,000"), in both languages at 80x24, 100x30 and 120x40; the
  timeline's summary is whole in Spanish at 120x40.
"""

from __future__ import annotations

import re

import pytest
from rich.color import Color as RichColor
from terminal import Terminal

pytestmark = pytest.mark.slow

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
DEFAULT = "default"


def cells(screen: str) -> list[list[tuple[str, str]]]:
    """``capture-pane -e`` output as rows of (character, background). tmux carries the attributes on from one
    line to the next and writes only the changes, so the whole capture is read as one stream."""
    background = DEFAULT
    rows: list[list[tuple[str, str]]] = []
    for line in screen.split("\n"):
        row: list[tuple[str, str]] = []
        position = 0
        for match in SGR.finditer(line):
            row += [(ch, background) for ch in line[position:match.start()]]
            position = match.end()
            background = _background(match.group(1), background)
        row += [(ch, background) for ch in line[position:]]
        rows.append(row)
    return rows


def _background(params: str, background: str) -> str:
    codes = re.split("[;:]", params) if params else ["0"]
    i = 0
    while i < len(codes):
        code = int(codes[i] or 0)
        if code in (0, 49):
            background = DEFAULT
        elif code == 48 and i + 1 < len(codes):
            if codes[i + 1] == "5":
                background, i = "256:" + codes[i + 2], i + 2
            elif codes[i + 1] == "2":
                background, i = "rgb:" + ":".join(codes[i + 2:i + 5]), i + 4
        elif 40 <= code <= 47 or 100 <= code <= 107:
            background = str(code)
        elif code in (38, 58) and i + 1 < len(codes):  # a foreground (or underline) colour: skip its arguments
            i += 2 if codes[i + 1] == "5" else 4 if codes[i + 1] == "2" else 0
        i += 1
    return background


def run_pane(rows: list[list[tuple[str, str]]], title: str) -> list[list[tuple[str, str]]]:
    """The rows of the pane whose border title is ``title``, from its top border to its bottom one, cut to the
    pane's columns (its borders included)."""
    for top, row in enumerate(rows):
        text = "".join(ch for ch, _ in row)
        at = text.find("─ %s " % title)
        if at > 0:
            left = text.rfind("╭", 0, at)
            right = text.find("╮", at)
            for bottom in range(top + 1, len(rows)):
                if "".join(ch for ch, _ in rows[bottom])[left:left + 1] == "╰":
                    return [r[left:right + 1] for r in rows[top:bottom + 1]]
    raise AssertionError("no pane titled %r on the screen" % title)


def assert_pane_on_theme_background(screen: str, title: str, what: str) -> None:
    pane = run_pane(cells(screen), title)
    border = pane[1][0][1]  # the left border's background: the theme's, as Textual paints it
    assert border != DEFAULT, "%s: the pane's border is on the default background" % what
    for y, row in enumerate(pane[1:-1], start=1):
        off = [(x, ch) for x, (ch, bg) in enumerate(row) if bg != border]
        assert not off, "%s: row %d of %r has cells off the theme's background %s: %r\n%s" % (
            what, y, title, border, off[:8], "".join(ch for ch, _ in row))


def test_lanes_and_timeline_draw_on_the_themes_background_in_both_themes():
    with Terminal("-w fib -m threads -n 4 --size 24", 80, 24) as term:
        idle = term.wait_for("No run yet", colours=True)
        assert_pane_on_theme_background(idle, "Run", "dark, no run yet")
        term.send("r")
        term.wait_for(r"Speedup", timeout=60)
        term.settle()
        screen = term.screen(colours=True)
        assert_pane_on_theme_background(screen, "Run", "dark, lanes of a finished run")
        term.send("t")
        term.wait_for(r"one at a time|one lane at a time|too few")
        term.settle()
        assert_pane_on_theme_background(term.screen(colours=True), "Run", "dark, timeline")
        term.send("d")
        term.settle()
        assert_pane_on_theme_background(term.screen(colours=True), "Run", "light, timeline")
        term.send("t")
        term.wait_for(r"[wt]0 ━")
        term.settle()
        assert_pane_on_theme_background(term.screen(colours=True), "Run", "light, lanes")


def rgb(background: str) -> tuple[int, int, int]:
    """A background as ``cells`` reads it, in red, green and blue: xterm's 256 colours (Rich's palette) or a true
    colour."""
    kind, _, value = background.partition(":")
    assert kind in ("256", "rgb"), "not a colour this test can weigh: %r" % background
    spec = "color(%s)" % value if kind == "256" else "rgb(%s)" % value.replace(":", ",")
    red, green, blue = RichColor.parse(spec).get_truecolor()
    return red, green, blue


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two backgrounds: 1 for the same, 21 for black on white."""
    def luminance(background: str) -> float:
        linear = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
                  for c in rgb(background)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def field(screen: str, label: str) -> tuple[str, str]:
    """(background of the pane beside the label, background of the field's first cell) on Setup's ``label`` row."""
    for row in cells(screen):
        text = "".join(ch for ch, _ in row)
        at = text.find("│ %s " % label)
        if at >= 0:
            return row[at + 1][1], row[at + 12][1]  # the label takes 10 columns after the border and its space
    raise AssertionError("no %r row in Setup:\n%s" % (label, screen))


def assert_focused(screen: str, focused: str, others: list[str], where: str) -> None:
    pane, lit = field(screen, focused)
    assert contrast(lit, pane) >= 1.5, "%s: %s's background %s is too close to the pane's %s (%.2f)" % (
        where, focused, lit, pane, contrast(lit, pane))
    for other in others:
        _, plain = field(screen, other)
        assert contrast(lit, plain) >= 1.5, "%s: focused %s (%s) and %s (%s) look alike (%.2f)" % (
            where, focused, lit, other, plain, contrast(lit, plain))


def test_the_focused_field_stands_out_in_both_themes():
    steps = [  # (keys, the field that then has the focus, fields that have not, what this is)
        ((), "Workload", ["Workers", "Python"], "dark, at start"),
        (("Tab",), "Workers", ["Workload", "Python"], "dark, after Tab"),
        (("d",), "Workers", ["Workload", "Python"], "light"),
        (("BTab",), "Workload", ["Workers", "Python"], "light, after shift+Tab"),
    ]
    with Terminal("-w fib -n 2 --size 25", 80, 24) as term:
        term.wait_for("Press r to run")
        for keys, focused, others, where in steps:
            term.send(*keys)
            term.settle()
            assert_focused(term.screen(colours=True), focused, others, where)


def result_pane_text(screen: str, title: str) -> str:
    pane = run_pane(cells(screen), title)
    return "\n".join("".join(ch for ch, _ in row)[1:-1] for row in pane[1:-1])


LABELS = {
    "en": ("Result", [r"Wall \d+\.\d{3} s", r"CPU \d+\.\d{3} s", r"Cores \d+\.\d\d",
                      r"Counter [\d,]+ of [\d,]+", r"Speedup \S"]),
    "es": ("Resultado", [r"Reloj \d+\.\d{3} s", r"CPU \d+\.\d{3} s", r"Núcleos \d+\.\d\d",
                         r"Contador [\d\u00a0]+ de [\d\u00a0]+", r"Aceleración \S"]),
}


def assert_labels_beside_values(screen: str, language: str, where: str) -> None:
    title, patterns = LABELS[language]
    text = result_pane_text(screen, title)
    for pattern in patterns:
        assert re.search(pattern, text), "%s, %s: %r is not on one line in the result pane:\n%s" % (
            where, language, pattern, text)
    assert not re.search(r"\d(CPU|Cores|Núcleos|of|de)\b", text), "%s: a label runs into a value:\n%s" % (where, text)


@pytest.mark.parametrize("width,height", [(80, 24), (100, 30), (120, 40)])
def test_buttons_and_result_labels_are_whole_in_both_languages(width, height):
    with Terminal("-w race -m threads -n 4 --size 20000 --run", width, height) as term:
        term.wait_for(r"Speedup", timeout=60)
        screen = term.settle()
        assert re.search(r"\bRun\b", screen) and re.search(r"\bCancel\b", screen), screen
        assert_labels_beside_values(screen, "en", "%dx%d" % (width, height))
        term.send("l")
        term.wait_for(r"Aceleración")
        screen = term.settle()
        assert "Ejecutar" in screen and "Cancelar" in screen, "buttons cut after l:\n" + screen
        assert_labels_beside_values(screen, "es", "%dx%d" % (width, height))
        term.send("l")
        term.wait_for(r"Speedup")
        screen = term.settle()
        assert re.search(r"\bRun\b", screen) and re.search(r"\bCancel\b", screen), screen
        assert_labels_beside_values(screen, "en", "%dx%d, back in English" % (width, height))


def test_spanish_timeline_summary_is_whole_at_120x40():
    with Terminal("-w fib -m threads -n 4 --size 27 --lang es --run", 120, 40) as term:
        term.wait_for(r"Aceleración", timeout=60)
        term.send("t")
        term.wait_for(r"a la vez|juntos|pocas franjas")
        screen = term.settle()
        # the Run pane is the right column: the result pane on the left may say "a la vez" too
        run_pane = [line.split("││")[-1] for line in screen.splitlines()]
        summary = [line for line in run_pane if re.search(r"a la vez|juntos|pocas franjas", line)]
        assert summary, screen
        for line in summary:
            inside = line.rstrip().rstrip("│").rstrip()
            assert re.search(r"(\d+%|cuándo|saberlo)$", inside), "the timeline summary is cut: %r" % line
        scale = [line for line in screen.splitlines() if "una celda" in line]
        assert scale and all(re.search(r"(desplazar|ejecución|ms|s)\s*│", line) for line in scale), screen
