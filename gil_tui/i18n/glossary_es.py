"""The Spanish glossary: one Spanish term per idea, on every screen (es.py follows it; tests/test_glossary_es.py
checks that no value of es.py uses a word listed here as one to avoid).

Each entry: the English idea, the one Spanish term for it, and the words (regular expressions, matched whole and
case-insensitively) that must not stand for it. "intervalo" is kept for the switch interval ("intervalo de
cambio"), so the timeline's time slices are "franjas"; a worker is a "tarea" everywhere, as the Workers field says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    english: str
    spanish: str
    avoid: tuple[str, ...]  # patterns, matched as whole words, ignoring case


GLOSSARY: tuple[Term, ...] = (
    Term("worker, task (one of the N run at once)", "tarea", (r"trabajador(?:es|a|as)?",)),
    Term("thread", "hilo", (r"hebras?",)),
    Term("lock", "cerrojo", (r"lock", r"locks", r"candados?", r"bloqueos?")),
    Term("switch interval", "intervalo de cambio", (r"intervalos? de conmutaci[oó]n",)),
    Term("time slice (a timeline cell)", "franja",
         (r"intervalos?(?! de cambio)(?! del? cambio)",)),  # "intervalo" only ever for the switch interval
    Term("counter update (an increment of the race counter)", "incremento", (r"actualizaci[oó]n(?:es)?",)),
    Term("lost (updates)", "perdidos (incrementos perdidos)", (r"perdidas?",)),
    Term("run (one measurement)", "ejecución", (r"corridas?",)),
    Term("setup (the pane and the comparison's fields)", "configuración", (r"ajustes",)),
    Term("threads (the mode)", "hilos", (r"modo threads",)),
    Term("speedup", "aceleración", (r"speedup",)),
    # "tiempo" cannot be listed as a word to avoid (it is time in general: "al mismo tiempo", "línea de tiempo");
    # WALL_KEYS names the labels that must say "reloj"
    Term("wall (a run's wall-clock time, as a label or a column)", "reloj", ()),
)
WALL_KEYS = re.compile(r"(?:^|\.)(?:col|result)\.wall$")  # every label of a run's wall: "reloj" (or "Reloj")

# words that claim a run is not over, kept out of the texts shown for finished runs (keys by prefix)
NOT_YET = (r"todav[ií]a",)
FINISHED_KEYS = ("app.timeline.", "app.result.", "explain.", "compare.done", "compare.cancelled", "compare.chart.",
                 "preset.fib.", "preset.race.", "preset.sleep.")
