"""Every text exists in English and Spanish, with the same placeholders."""

import pytest

from gil_tui import i18n
from gil_tui.i18n import en, es


def test_no_missing_translation_and_no_placeholder_mismatch():
    assert i18n.problems() == []
    assert set(en.TEXTS) == set(es.TEXTS)


def test_problems_reports_a_missing_key_and_a_wrong_placeholder():
    found = i18n.problems({"en": {"probe.a": "{n} done", "probe.b": "hello"}, "es": {"probe.a": "{m} hechos"}})
    assert "probe.b: missing in es" in found
    assert any(line.startswith("probe.a: es has {m}") for line in found)


def test_t_formats_in_the_chosen_language_and_falls_back():
    assert i18n.t("run.elapsed", "en", seconds=3.44) == "Elapsed 3.4 s"
    assert i18n.t("run.elapsed", "es", seconds=3.44) == "Transcurrido 3.4 s"
    assert i18n.t("no.such.key", "es") == "no.such.key"


def test_the_catalogs_are_plain_data_in_one_layout():
    for catalog in (en.TEXTS, es.TEXTS):
        assert isinstance(catalog, dict)
        for key, template in catalog.items():
            assert "." in key and key == key.strip(), key
            assert isinstance(template, str) or set(template) == {"one", "other"}, key
    for area in ("app.", "compare.", "demo.", "col.", "explain.", "run."):
        assert any(key.startswith(area) for key in en.TEXTS), area


def test_set_language_changes_the_default_and_rejects_unknown():
    try:
        i18n.set_language("es")
        assert i18n.t("mode.threads") == "hilos"
        assert i18n.get_language() == "es"
    finally:
        i18n.set_language("en")
    assert i18n.t("mode.threads") == "threads"
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")


def test_spanish_uses_the_posts_terms():
    spanish = " ".join(es.TEXTS.values())
    for term in ("hilos", "procesos", "condición de carrera", "núcleos"):
        assert term in spanish


def test_placeholders():
    assert i18n.placeholders("{lost} of {expected} ({pct:.1f}%)") == {"lost", "expected", "pct"}
    assert i18n.placeholders("no fields, {{braces}}") == set()


def test_column_headers_are_defined_once():
    """gil-tui run's table, gil-tui compare, the history and the comparison screen read the same col.* keys."""
    for area in ("table.", "compare.col.", "app.history.col."):
        assert not [key for key in en.TEXTS if key.startswith(area)], area
    assert i18n.t("col.wall", "es") == "tiempo" and i18n.t("col.lost", "es") == "perdidas"
    from gil_tui.cli.compare import heading

    names = ("python", "wall A", "lost B", "spd A")
    assert [heading(name) for name in names] == list(names)  # English: byte-identical to the old literals
