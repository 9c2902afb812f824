"""Issue 11, item 5: ``gil-tui demo`` at 80x24 tells its whole story in a real terminal.

The installed command in tmux (``--auto 1 --quick``): every step's caption is on screen whole, the timeline step shows
one lane per worker of the fib run (w0…w4), the setup pane shows the race's values while the race step runs, and the
footer's next-step key speaks the tour's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from terminal import Terminal

from gil_tui import i18n
from gil_tui.core.presets import PRESETS
from gil_tui.ui.demo_steps import NO_FREE, STEPS
from gil_tui.ui.widgets.timeline import SHADES

STEPS_SHOWN = len(STEPS)  # with or without a free-threaded Python: NO_FREE takes the place of "free"
MARK = "@@"  # a placeholder's place in a text, turned into a pattern
TIMEOUT = 90.0  # seconds for a step's runs on a loaded machine


def words(text: str) -> str:
    return " ".join(text.split())


def caption(screen: str) -> str:
    """The caption bar: the lines above the first pane's top border, as one line of words."""
    lines = []
    for line in screen.splitlines():
        if line.lstrip().startswith("╭"):
            break
        lines.append(line)
    return words("\n".join(lines))


def whole(step_key: str, shown: str) -> bool:
    """The step's title and what to look at, every word, in order, in the caption bar."""
    title = r"\S+".join(re.escape(part) for part in words(i18n.t("demo.%s.title" % step_key, python=MARK)).split(MARK))
    return re.search(title, shown) is not None and words(i18n.t("demo.%s.look" % step_key)) in shown


def header(n: int) -> str:
    return re.escape(i18n.t("demo.header", n=n, count=STEPS_SHOWN, how=MARK).split(MARK)[0])


def during(term: Terminal, n: int, test: Callable[[str], bool], timeout: float = 10.0) -> str:
    """The screen once ``test`` holds, or the last one before step ``n`` gave way to the next."""
    return term.wait_for(lambda s: re.search(header(n), s) is None or test(s), timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_demo_at_80x24_shows_each_caption_whole_the_timeline_lanes_and_what_runs(lang):
    i18n.set_language(lang)
    fib, race = PRESETS["seed-fib"], PRESETS["seed-race"]
    try:
        with Terminal("demo --auto 1 --quick --lang %s" % lang, 80, 24) as term:
            for n, step in enumerate(STEPS, start=1):
                keys = (step.key,) if not step.free_threaded else (step.key, NO_FREE.key)
                term.wait_for(header(n), timeout=TIMEOUT)
                screen = during(term, n, lambda s, keys=keys: any(whole(k, caption(s)) for k in keys))
                assert any(whole(k, caption(screen)) for k in keys), \
                    "step %d (%s): its caption was never on screen whole\n%s" % (n, step.key, screen)
                footer = screen.splitlines()[-1]
                assert i18n.t("demo.key.next") in footer, footer
                if lang == "es":
                    assert "Next step" not in footer and "space" not in footer, footer
                if step.timeline and not step.free_threaded:
                    screen = during(term, n, lambda s: not missing_lanes(s, fib.workers))
                    missing = missing_lanes(screen, fib.workers)
                    assert not missing, "the timeline step does not show lanes %s\n%s" % (missing, screen)
                if step.key == "race":
                    screen = during(term, n, lambda s: setup_shows(s, "race", race.workers), timeout=TIMEOUT)
                    assert setup_shows(screen, "race", race.workers), \
                        "the setup pane does not show the race that runs\n%s" % screen
    finally:
        i18n.set_language("en")


def missing_lanes(screen: str, workers: int) -> list[str]:
    """The lanes (w0, w1…: a label, then who ran when in shades) not on screen."""
    labels = [i18n.t("app.lane.label", index=i) for i in range(workers)]
    return [label for label in labels if not re.search(r"│\s*%s\s+[^│]*[%s]" % (label, SHADES[1:]), screen)]


def setup_shows(screen: str, workload: str, workers: int) -> bool:
    """The setup pane (the left half of the top panes) reads this workload (or its -plain twin) and worker count."""
    left = [line[:40] for line in screen.splitlines()]
    field = re.escape(i18n.t("app.field.workload"))
    count = re.escape(i18n.t("app.field.workers"))
    return (any(re.search(r"│ %s\s+%s(-plain)?\s" % (field, workload), line) for line in left)
            and any(re.search(r"│ %s\s+%d\s" % (count, workers), line) for line in left))
