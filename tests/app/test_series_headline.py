"""The result pane's first line after a series of runs (the post's experiments 1-4, a set of modes): their rows in
History and their walls added up; one run is not a range, and a series whose last run was cancelled says so."""

from __future__ import annotations

import pytest

from gil_tui import i18n
from gil_tui.ui.workbench import series_headline
from tests.app.fixed_results import result


def cancelled(wall: float):
    return result("sequential", wall, wall, workload="sleep", size=1).replace(status="cancelled")


def ok(wall: float):
    return result("sequential", wall, wall, workload="sleep", size=1)


@pytest.mark.parametrize("lang, one, many", [
    ("en", "Run 2: wall 1.000 s.", "Runs 4–5: wall 3.500 s in all."),
    ("es", "Ejecución 2: reloj 1.000 s.", "Ejecuciones 4–5: reloj 3.500 s en total."),
])
def test_a_finished_series(lang, one, many):
    i18n.set_language(lang)
    assert series_headline([ok(1.0)], 2) == one
    assert series_headline([ok(1.0), ok(2.5)], 5) == many


@pytest.mark.parametrize("lang, one, many", [
    ("en", "Run 2 was cancelled after 3.017 s.", "Runs 4–5, the last cancelled: 4.017 s in all."),
    ("es", "La ejecución 2 se canceló a los 3.017 s.", "Ejecuciones 4–5, la última cancelada: 4.017 s en total."),
])
def test_a_series_cancelled_says_so(lang, one, many):
    """Cancelling the post's experiment 3 in its first run read "Runs 2–2: wall 3.017 s in all." (issue 11's audit)."""
    i18n.set_language(lang)
    assert series_headline([cancelled(3.017)], 2) == one
    assert series_headline([ok(1.0), cancelled(3.017)], 5) == many
