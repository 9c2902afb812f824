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
    spanish = " ".join(v if isinstance(v, str) else " ".join(v.values()) for v in es.TEXTS.values())
    for term in ("hilos", "procesos", "condición de carrera", "núcleos"):
        assert term in spanish


def test_placeholders():
    assert i18n.placeholders("{lost} of {expected} ({pct:.1f}%)") == {"lost", "expected", "pct"}
    assert i18n.placeholders("no fields, {{braces}}") == set()


def test_column_headers_are_defined_once():
    """gil-tui run's table, gil-tui compare, the history and the comparison screen read the same col.* keys."""
    for area in ("table.", "compare.col.", "app.history.col."):
        assert not [key for key in en.TEXTS if key.startswith(area)], area
    assert i18n.t("col.wall", "es") == "reloj" and i18n.t("col.lost", "es") == "perdidos"
    from gil_tui.cli.compare import heading

    names = ("python", "wall A", "lost B", "spd A")
    assert [heading(name) for name in names] == list(names)  # English: byte-identical to the old literals


@pytest.mark.parametrize("lang, one, two", [
    ("en", "1 worker", "2 workers"),
    ("es", "1 tarea", "2 tareas"),
])
def test_a_plural_entry_picks_its_form_by_count(lang, one, two):
    assert i18n.t("run.workers", lang, count=1) == one
    assert i18n.t("run.workers", lang, count=2) == two
    assert i18n.t("run.workers", lang, count=0) == two.replace("2", "0")
    assert i18n.Message("run.workers", {"count": 1}).render(lang) == one


@pytest.mark.parametrize("lang, one, many", [
    ("en", "Baseline: 1 task took", "Baseline: 3 tasks one after another took"),
    ("es", "Referencia: 1 tarea tardó", "Referencia: 3 tareas, una tras otra, tardaron"),
])
def test_counts_shown_with_a_noun_agree_with_it(lang, one, many):
    from gil_tui.core.explain import explain
    from gil_tui.core.model import RunResult

    def sequential(workers: int) -> RunResult:
        return RunResult.from_json({
            "schema": 1, "status": "ok", "mode": "sequential", "workload": "fib", "workers": workers, "size": 20,
            "wall_s": 1.0, "cpu_s": 1.0, "cores_used": 1.0, "tasks": [], "counter": None,
            "interpreter": {"version": "3.12.1"}})

    assert explain(sequential(1), lang)[0].startswith(one)
    assert explain(sequential(3), lang)[0].startswith(many)
    lost = {"en": ("LOST 1 UPDATE (", "LOST 2 UPDATES ("),
            "es": ("SE PERDIÓ 1 INCREMENTO (", "SE PERDIERON 2 INCREMENTOS (")}
    for n, expected in zip((1, 2), lost[lang]):
        assert i18n.t("app.result.lost", lang, count=n, lost=str(n), pct=0.1).startswith(expected)


def test_problems_checks_plural_entries():
    good = {"one": "{count} task", "other": "{count} tasks"}
    found = i18n.problems({
        "en": {"p.half": good, "p.forms": good, "p.names": good,
               "p.spelled": {"one": "a task", "other": "{count} tasks"}},
        "es": {"p.half": "{count} tareas", "p.forms": {"other": "{count} tareas"},
               "p.names": {"one": "{n} tarea", "other": "{n} tareas"},
               "p.spelled": {"one": "una tarea", "other": "{count} tareas"}},
    })
    assert "p.half: plural in en only" in found
    assert "p.forms: es lacks the plural form 'one'" in found
    assert any(line.startswith("p.names: es (other) has {n}") for line in found)
    assert not [line for line in found if line.startswith("p.spelled")]  # "one" may spell the count out


def test_a_message_renders_later_in_any_language():
    message = i18n.Message("run.why", {"mode": i18n.Message("mode.threads")})
    assert message.render("es") == "Por qué (hilos):"
    assert str(message) == "Why (threads):"
