"""The workbench's texts: every key in English and Spanish, and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

from gil_tui import i18n
from gil_tui.ui import texts

SOURCES = [Path(texts.__file__).parent, Path(texts.__file__).parent.parent / "widgets"]
CALL = re.compile(r"""\btext\(\s*["']([a-z0-9_.\-]+)["']""")


def test_every_app_text_exists_in_both_languages_with_the_same_placeholders():
    assert set(texts.EN) == set(texts.ES)
    assert i18n.problems() == []
    assert i18n.t("app.field.workers", "es") == "Tareas"


def test_every_key_the_code_reads_is_in_the_catalog():
    used = set()
    for folder in SOURCES:
        for path in folder.glob("*.py"):
            used |= set(CALL.findall(path.read_text(encoding="utf-8")))
    assert used, "no text() calls found: the pattern is stale"
    dynamic = {"field.", "workload.", "mode.", "history.col.", "key."}  # keys built as prefix + name
    missing = sorted(key for key in used if key not in texts.EN and key not in dynamic)
    assert missing == []


def test_the_spanish_is_spanish():
    spanish = " ".join(texts.ES.values())
    for term in ("hilos", "procesos", "condición de carrera", "núcleos", "intérprete"):
        assert term in spanish
    same = [key for key in texts.EN if texts.EN[key] == texts.ES[key] and any(c.isalpha() for c in texts.EN[key])]
    names = {"field.python", "cpu.label", "result.cpu", "python.gil", "history.col.python", "history.col.workers"}
    assert set(same) <= names, same  # names that read the same in both


def test_every_workload_and_mode_has_a_description_in_both_languages():
    from gil_tui.lab.catalog import MODES, WORKLOADS

    for name in list(WORKLOADS):
        assert "workload." + name in texts.EN and "workload." + name in texts.ES
    for name in list(MODES):
        assert "mode." + name in texts.EN and "mode." + name in texts.ES
