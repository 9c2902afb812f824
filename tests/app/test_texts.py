"""The workbench's texts (``app.*``, ``compare.*``, ``demo.*`` in gil_tui.i18n): every key in English and Spanish,
and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

from gil_tui import i18n, ui
from gil_tui.i18n import en, es

SOURCES = [Path(ui.__file__).parent, Path(ui.__file__).parent / "widgets", Path(ui.__file__).parent.parent / "cli",
           Path(ui.__file__).parent.parent / "core"]
CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.\-]+)["']""")
EN = {key[4:]: text for key, text in en.TEXTS.items() if key.startswith("app.")}
ES = {key[4:]: text for key, text in es.TEXTS.items() if key.startswith("app.")}


def test_every_app_text_exists_in_both_languages_with_the_same_placeholders():
    assert set(EN) == set(ES)
    assert i18n.problems() == []
    assert i18n.t("app.field.workers", "es") == "Tareas"


def test_every_key_the_code_reads_is_in_the_catalog():
    used = set()
    for folder in SOURCES:
        for path in folder.glob("*.py"):
            used |= set(CALL.findall(path.read_text(encoding="utf-8")))
    assert used, "no t() calls found: the pattern is stale"
    missing = sorted(key for key in used if key not in en.TEXTS and not key.endswith("."))  # "." ends a prefix
    assert missing == []


def test_the_spanish_is_spanish():
    spanish = " ".join(v if isinstance(v, str) else " ".join(v.values()) for v in ES.values())
    for term in ("hilos", "procesos", "condición de carrera", "núcleos", "intérprete"):
        assert term in spanish
    same = [key for key in EN if EN[key] == ES[key] and any(c.isalpha() for c in EN[key])]
    names = {"field.python", "cpu.label", "result.cpu", "python.gil",
             "unit.s", "unit.MiB", "size.n", "size.s", "size.MiB", "switch.note"}  # units and symbols
    assert set(same) <= names, same  # names that read the same in both


def test_every_workload_and_mode_has_a_description_in_both_languages():
    from gil_tui.lab.catalog import MODES, WORKLOADS

    for name in list(WORKLOADS):
        assert "workload." + name in EN and "workload." + name in ES
    for name in list(MODES):
        assert "mode." + name in EN and "mode." + name in ES
