"""The Spanish catalog keeps to its glossary (gil_tui/i18n/glossary_es.py): one term per idea on every screen."""

from __future__ import annotations

import re

from gil_tui import i18n
from gil_tui.i18n import es
from gil_tui.i18n.glossary_es import FINISHED_KEYS, GLOSSARY, NOT_YET, WALL_KEYS

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def values(catalog: dict[str, str | dict[str, str]]) -> list[tuple[str, str]]:
    """(key, text) for every text, each plural form on its own, its placeholders ({speedup:.2f}) left out: they are
    names in the code, not words the reader sees."""
    found = []
    for key, template in catalog.items():
        forms = template.values() if isinstance(template, dict) else [template]
        found += [(key, PLACEHOLDER.sub(" ", form)) for form in forms]
    return found


def whole(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % pattern, re.IGNORECASE)


def misuses(catalog: dict[str, str | dict[str, str]]) -> list[str]:
    found = []
    for term in GLOSSARY:
        for pattern in term.avoid:
            for key, text in values(catalog):
                for match in whole(pattern).finditer(text):
                    found.append("%s: %r stands for %r; the glossary says %r" % (
                        key, match.group(0), term.english, term.spanish))
    return found


def test_every_spanish_text_uses_the_glossary_terms():
    assert misuses(es.TEXTS) == []


def test_the_glossary_catches_the_synonyms_it_lists():
    # the words the Spanish texts used before the glossary, each caught
    old = {"a": "Con un solo trabajador no había nada", "b": "El lock dejó pasar", "c": "sin candado",
           "d": "en el 40% de los intervalos activos", "e": "perdidas", "f": "actualizaciones del contador",
           "g": "s Ajustes", "h": {"one": "{count} trabajador", "other": "{count} trabajadores"}}
    assert len(misuses(old)) == 9  # type: ignore[arg-type]
    fine = {"a": "el intervalo de cambio debe ser un número", "b": "un cerrojo protegía el contador",
            "c": "race-locked", "d": "los incrementos perdidos", "e": "E/S bloqueante", "f": "pérdida"}
    assert misuses(fine) == []  # type: ignore[arg-type]


def test_texts_for_finished_runs_do_not_say_not_yet():
    for key, text in values(es.TEXTS):
        if key.startswith(FINISHED_KEYS):
            for pattern in NOT_YET:
                assert not whole(pattern).search(text), (key, text)


def test_the_mode_names_are_the_ones_history_shows():
    assert i18n.t("mode.threads", "es") == "hilos"
    assert all(term.spanish for term in GLOSSARY)


def test_every_label_of_a_run_s_wall_says_reloj():
    """History said "tiempo" where the result pane said "Reloj" (issue 11's audit): one word for the wall."""
    labels = {key: text for key, text in es.TEXTS.items() if WALL_KEYS.search(key)}
    assert len(labels) >= 4, labels  # History's, the run table's, the result pane's, the series table's
    assert {str(text).lower() for text in labels.values()} == {"reloj"}, labels
