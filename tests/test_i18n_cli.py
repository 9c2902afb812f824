"""``gil-tui run --lang es``: the table's labels and the explanations under it, in Spanish."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def gil_tui_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", "run", *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, COLUMNS="200"), stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_spanish_table_and_explanations():
    proc = gil_tui_run("-w", "race-locked", "-m", "sequential,threads", "-n", "2", "--size", "2000", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for label in ("modo", "reloj", "núcleos", "aceleración", "contador", "perdidos", "secuencial", "hilos",
                  "2 tareas", "Por qué (hilos):"):
        assert label in out, label
    assert "No se perdió ningún incremento: 4000 de 4000." in out
    assert "El cerrojo dejó pasar a una sola tarea a la vez" in out
    for english in ("wall", "speedup", "workers", "threads", "Why"):
        assert english not in out, english


def test_english_is_the_default_and_explains_under_the_table():
    proc = gil_tui_run("-w", "race-locked", "-m", "threads", "-n", "2", "--size", "2000")
    assert proc.returncode == 0, proc.stderr
    table, _, below = proc.stdout.partition("Why (threads):")
    assert "mode" in table and "speedup" in table
    assert "No counter update was lost: 4,000 of 4,000." in below
    assert "The lock let one worker at a time through the read-modify-write." in below
