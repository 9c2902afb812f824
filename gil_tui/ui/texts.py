"""Every text the workbench shows, in English and Spanish: the "app" area of ``gil_tui.i18n``.

``text(key, **values)`` reads ``app.<key>`` in the current language (``i18n.set_language``), so a
widget that asks again after a language switch gets the other language. Placeholders are
``str.format`` fields and must match between the two catalogs (tests/app/test_texts.py).
"""

from __future__ import annotations

from .. import i18n

EN: dict[str, str] = {
    "title": "gil-tui · the GIL workbench",
    "pane.setup": "Setup",
    "pane.run": "Run",
    "pane.result": "Result",
    "pane.history": "History",
    "tab.lanes": "Lanes",
    "tab.timeline": "Timeline",
    "field.workload": "Workload",
    "field.workers": "Workers",
    "field.mode": "Mode",
    "field.size": "Size",
    "field.switch": "Switch",
    "field.python": "Python",
    "button.run": "Run",
    "button.cancel": "Cancel",
    "key.run": "Run",
    "key.cancel": "Cancel",
    "key.quit": "Quit",
    "key.help": "Help",
    "key.close": "Close",
    "key.timeline": "Timeline",
    "key.language": "Español",
    "key.zoom_in": "Zoom in",
    "key.zoom_out": "Zoom out",
    "key.preset": "Post's experiment",
    "workload.fib": "recursive pure-Python Fibonacci fib(n): holds the GIL",
    "workload.sleep": "time.sleep in 10 ms steps: releases the GIL while waiting",
    "workload.race": "shared counter, unlocked read-call-write: loses updates under the GIL",
    "workload.race-plain": "the post's literal self.count += n: exact with the GIL on 3.10+",
    "workload.race-locked": "the race counter behind a lock: always exact",
    "workload.hash": "hashlib.sha256 over 1 MiB buffers: C code that releases the GIL",
    "workload.io": "64 KiB file writes, each fsync'd: real blocking I/O",
    "mode.sequential": "the N tasks one after another in one thread",
    "mode.threads": "one thread per task (threading)",
    "mode.processes": "one process per task; counters in shared memory",
    "mode.asyncio": "one coroutine per task on one event loop",
    "mode.interpreters": "one subinterpreter per task, each in its own thread (3.12+)",
    "switch.default": "5 ms (default)",
    "switch.custom": "custom…",
    "idle": "Press r to run.",
    "idle.hint": "1 2 3: the post's three experiments · l: español · ?: help",
    "idle.fix": "Fix the setup to run.",
    "elapsed": "Elapsed {seconds:.1f} s",
    "starting": "starting the lab…",
    "running": "{workload} · {mode} · {workers} workers · Python {python}",
    "cancelling": "cancelling…",
    "cpu.label": "CPU",
    "cpu.cores": "{cores:.1f}/{ncpu} cores",
    "lanes.empty": "No run yet: one lane per worker appears here.",
    "lanes.share": "{share:.0f}% core",
    "timeline.empty": "Who ran when: one row per worker, a mark for each moment it made progress.",
    "timeline.scale": "one cell = {cell}",
    "timeline.fit": "whole run",
    "timeline.keys": "+/- zoom, [ ] pan",
    "timeline.turns": "one lane at a time in {one:.0f}% of active slices; all {lanes} at once in {all:.0f}%",
    "timeline.few": "too few active slices yet to say who ran when",
    "timeline.turns.short": "one at a time in {one:.0f}% of slices, all {lanes} in {all:.0f}%",
    "timeline.cell": "cell {cell}",
    "lane.label": "w{index}",
    "result.wall": "Wall",
    "result.cpu": "CPU",
    "result.cores": "Cores",
    "result.speedup": "Speedup",
    "result.speedup.none": "— (run sequential first)",
    "result.speedup.self": "1.00× (the baseline)",
    "result.counter": "Counter",
    "result.of": "of",
    "result.lost": "LOST {lost} UPDATES ({pct:.1f}%)",
    "result.exact": "no update lost",
    "result.status.cancelled": "Cancelled.",
    "result.status.error": "The run failed: {error}",
    "result.notes": "Note: {note}",
    "result.what": "{workload} · {mode} · {workers} × size {size} · Python {python} · switch {switch}",
    "result.why": "Why",
    "preset.running": "The post's experiment {number}, run {step} of {steps}: {what}",
    "preset.done": "Experiment {number}: {title}",
    "preset.cancelled": "The post's experiment {number} was cancelled after {done} of {steps} runs.",
    "history.col.n": "#",
    "history.col.workload": "workload",
    "history.col.mode": "mode",
    "history.col.workers": "n",
    "history.col.size": "size",
    "history.col.python": "python",
    "history.col.wall": "wall",
    "history.col.speedup": "speedup",
    "history.col.lost": "lost",
    "history.col.status": "status",
    "error.running": "A run is already going.",
    "error.invalid": "Fix the setup first: {error}",
    "error.workers": "workers must be from 1 to {max}, not {value}",
    "error.size.whole": "size for {workload} must be a whole number from 1 to {upper} ({unit}), not {value}",
    "error.size.number": "size for {workload} must be a number above 0, at most {upper} ({unit}), not {value}",
    "error.switch": "switch interval must be between {low:g} and {high:g} seconds, not {value}",
    "error.python.gil": "GIL off needs a free-threaded build; Python {version} has the GIL",
    "python.gil": "{short} GIL {gil}",
    "key.theme": "Dark/light",
    "help.title": "Keys",
    "help.body": (
        "r        run with the setup on the left\n"
        "escape   cancel the run (stops within half a second)\n"
        "q        quit (a run in progress is stopped first)\n"
        "tab      next field or pane; shift+tab the previous one\n"
        "enter    on a history row: show that result again\n"
        "t        lanes / timeline (who ran when)\n"
        "+ - 0    timeline: zoom in, out, whole run\n"
        "[ ]      timeline: earlier / later\n"
        "1 2 3    the post's experiments: fib, the race, sleep\n"
        "c        compare interpreters x modes side by side\n"
        "e        export this session's runs (.json .csv .md)\n"
        "l        English / español\n"
        "d        dark / light theme\n"
        "?        this help\n"
        "\n"
        "Each run happens in a separate lab process under the chosen\n"
        "Python, so the workbench never measures itself. Threads under\n"
        "the GIL take turns; processes, and threads on a free-threaded\n"
        "build, really run at once. The race workloads lose updates\n"
        "when a thread switch lands inside read-modify-write.\n"
        "\n"
        "Press escape or ? to close."
    ),
}

ES: dict[str, str] = {
    "title": "gil-tui · el banco de pruebas del GIL",
    "pane.setup": "Configuración",
    "pane.run": "Ejecución",
    "pane.result": "Resultado",
    "pane.history": "Historial",
    "tab.lanes": "Carriles",
    "tab.timeline": "Línea de tiempo",
    "field.workload": "Carga",
    "field.workers": "Tareas",
    "field.mode": "Modo",
    "field.size": "Tamaño",
    "field.switch": "Cambio",
    "field.python": "Python",
    "button.run": "Ejecutar",
    "button.cancel": "Cancelar",
    "key.run": "Ejecutar",
    "key.cancel": "Cancelar",
    "key.quit": "Salir",
    "key.help": "Ayuda",
    "key.close": "Cerrar",
    "key.timeline": "Línea de tiempo",
    "key.language": "English",
    "key.zoom_in": "Acercar",
    "key.zoom_out": "Alejar",
    "key.preset": "Experimento del post",
    "workload.fib": "Fibonacci recursivo en Python puro, fib(n): retiene el GIL",
    "workload.sleep": "time.sleep en pasos de 10 ms: suelta el GIL mientras espera",
    "workload.race": "contador compartido, leer-llamar-escribir sin cerrojo: pierde incrementos con el GIL",
    "workload.race-plain": "el self.count += n literal del post: exacto con el GIL desde 3.10",
    "workload.race-locked": "el contador de la condición de carrera tras un cerrojo: siempre exacto",
    "workload.hash": "hashlib.sha256 sobre búferes de 1 MiB: código C que suelta el GIL",
    "workload.io": "escrituras de 64 KiB a un archivo, cada una con fsync: E/S bloqueante real",
    "mode.sequential": "las N tareas una tras otra en un solo hilo",
    "mode.threads": "un hilo por tarea (threading)",
    "mode.processes": "un proceso por tarea; contadores en memoria compartida",
    "mode.asyncio": "una corrutina por tarea en un solo bucle de eventos",
    "mode.interpreters": "un subintérprete por tarea, cada uno en su propio hilo (3.12+)",
    "switch.default": "5 ms (por defecto)",
    "switch.custom": "otro…",
    "idle": "Pulsa r para ejecutar.",
    "idle.hint": "1 2 3: los tres experimentos del post · l: English · ?: ayuda",
    "idle.fix": "Corrige la configuración para ejecutar.",
    "elapsed": "Transcurrido {seconds:.1f} s",
    "starting": "arrancando el laboratorio…",
    "running": "{workload} · {mode} · {workers} tareas · Python {python}",
    "cancelling": "cancelando…",
    "cpu.label": "CPU",
    "cpu.cores": "{cores:.1f}/{ncpu} núcleos",
    "lanes.empty": "Aún no hay ejecuciones: aquí aparece un carril por tarea.",
    "lanes.share": "{share:.0f}% núcleo",
    "timeline.empty": "Quién corrió cuándo: una fila por tarea, una marca por cada momento en que avanzó.",
    "timeline.scale": "una celda = {cell}",
    "timeline.fit": "toda la ejecución",
    "timeline.keys": "+/- zoom, [ ] desplazar",
    "timeline.turns": "un solo carril a la vez en el {one:.0f}% de los intervalos activos; los {lanes} a la vez en "
                      "el {all:.0f}%",
    "timeline.few": "todavía hay muy pocos intervalos activos para decir quién corrió cuándo",
    "timeline.turns.short": "uno a la vez: {one:.0f}% de los intervalos; los {lanes} juntos: {all:.0f}%",
    "timeline.cell": "celda {cell}",
    "lane.label": "t{index}",
    "result.wall": "Reloj",
    "result.cpu": "CPU",
    "result.cores": "Núcleos",
    "result.speedup": "Aceleración",
    "result.speedup.none": "— (ejecuta antes en secuencial)",
    "result.speedup.self": "1.00× (la referencia)",
    "result.counter": "Contador",
    "result.of": "de",
    "result.lost": "SE PERDIERON {lost} INCREMENTOS ({pct:.1f}%)",
    "result.exact": "no se perdió ningún incremento",
    "result.status.cancelled": "Cancelada.",
    "result.status.error": "La ejecución falló: {error}",
    "result.notes": "Nota: {note}",
    "result.what": "{workload} · {mode} · {workers} × tamaño {size} · Python {python} · cambio {switch}",
    "result.why": "Por qué",
    "preset.running": "Experimento {number} del post, ejecución {step} de {steps}: {what}",
    "preset.done": "Experimento {number}: {title}",
    "preset.cancelled": "El experimento {number} del post se canceló tras {done} de {steps} ejecuciones.",
    "history.col.n": "#",
    "history.col.workload": "carga",
    "history.col.mode": "modo",
    "history.col.workers": "n",
    "history.col.size": "tamaño",
    "history.col.python": "python",
    "history.col.wall": "reloj",
    "history.col.speedup": "aceleración",
    "history.col.lost": "perdidos",
    "history.col.status": "estado",
    "error.running": "Ya hay una ejecución en marcha.",
    "error.invalid": "Corrige primero la configuración: {error}",
    "error.workers": "las tareas van de 1 a {max}, no {value}",
    "error.size.whole": "el tamaño de {workload} debe ser un número entero de 1 a {upper} ({unit}), no {value}",
    "error.size.number": "el tamaño de {workload} debe ser un número mayor que 0 y como mucho {upper} ({unit}), "
                         "no {value}",
    "error.switch": "el intervalo de cambio debe estar entre {low:g} y {high:g} segundos, no {value}",
    "error.python.gil": "sin GIL hace falta un intérprete free-threaded; Python {version} tiene el GIL",
    "python.gil": "{short} GIL {gil}",
    "key.theme": "Oscuro/claro",
    "help.title": "Teclas",
    "help.body": (
        "r        ejecutar con la configuración de la izquierda\n"
        "escape   cancelar (se detiene en menos de medio segundo)\n"
        "q        salir (antes se detiene la ejecución en curso)\n"
        "tab      siguiente campo o panel; shift+tab el anterior\n"
        "enter    en el historial: volver a ver ese resultado\n"
        "t        carriles / línea de tiempo (quién corrió cuándo)\n"
        "+ - 0    línea de tiempo: acercar, alejar, toda\n"
        "[ ]      línea de tiempo: antes / después\n"
        "1 2 3    los experimentos del post: fib, carrera, sleep\n"
        "c        comparar intérpretes x modos lado a lado\n"
        "e        exportar las ejecuciones de la sesión (.json .csv .md)\n"
        "l        English / español\n"
        "d        tema oscuro / claro\n"
        "?        esta ayuda\n"
        "\n"
        "Cada ejecución ocurre en un proceso de laboratorio aparte,\n"
        "con el intérprete elegido: el banco nunca se mide a sí mismo.\n"
        "Con el GIL los hilos se turnan; los procesos, y los hilos de\n"
        "un intérprete free-threaded, corren de verdad a la vez. La\n"
        "condición de carrera pierde incrementos cuando un cambio de\n"
        "hilo cae en medio de leer-modificar-escribir.\n"
        "\n"
        "Pulsa escape o ? para cerrar."
    ),
}

i18n.register("app", {"en": EN, "es": ES})


def text(key: str, **values: object) -> str:
    """The text for ``key`` in the current language, formatted with ``values``."""
    return i18n.t("app." + key, **values)
