"""The tour's steps and their captions (English and Spanish): what runs, and what to look at while it does."""

from __future__ import annotations

from dataclasses import dataclass

from .. import i18n


@dataclass(frozen=True)
class Step:
    key: str  # captions: demo.<key>.title and demo.<key>.look
    preset: int | None = None  # the post's experiment run by this step: 1 fib, 2 the race, 3 sleep
    free_threaded: bool = False  # run the preset on the free-threaded build, GIL off
    timeline: bool = False  # show the timeline tab (once the step's runs are over)


STEPS = (
    Step("intro"),
    Step("fib", preset=1),
    Step("fib_timeline", timeline=True),
    Step("race", preset=2),
    Step("sleep", preset=3),
    Step("free", preset=1, free_threaded=True, timeline=True),
    Step("end"),
)
NO_FREE = Step("no_free")  # in place of "free" when no free-threaded Python was found

# the post's experiments at rehearsal sizes (--quick): seconds instead of half a minute
QUICK_SIZES = {1: 25.0, 2: 1000.0, 3: 0.05}

i18n.register("demo", {
    "en": {
        "header": "Tour · step {n} of {count} · {how}",
        "how.keys": "space or enter: next step · q: quit",
        "how.auto": "next step {seconds:g} s after this one ends · q: quit",
        "how.running": "running…",
        "intro.title": "What the GIL does to threads, in the post's three experiments",
        "intro.look": "Each step runs real Python in a separate lab process and shows it live. Then the same fib on a "
                      "Python without the GIL, when one is installed.",
        "fib.title": "Experiment 1: five fib calls one after another, then in five threads",
        "fib.look": "Watch the lanes: under the GIL the threads take turns, so together they are no faster than "
                    "one after another. The result pane puts the post's 3.23 s and 12.43 s beside ours.",
        "fib_timeline.title": "Who ran when: the timeline of the threads run",
        "fib_timeline.look": "One row per thread, time left to right. Under the GIL one lane at a time is lit: the "
                             "figure under it says in how many slices only one thread made progress.",
        "race.title": "Experiment 2: 20 threads add to one counter without a lock",
        "race.look": "Look at the result pane: the counter ends below the expected value, the updates lost in red. "
                     "The GIL does not make a read-modify-write atomic; a shorter switch interval loses more.",
        "sleep.title": "Experiment 3: ten sleep(1), one after another, then in ten threads",
        "sleep.look": "Sleeping releases the GIL: the threads wait together and finish about ten times sooner. "
                      "Threads help when the work waits (I/O, sleep), not when it computes.",
        "free.title": "The contrast: the same fib threads on {python} with the GIL off",
        "free.look": "No GIL: the lanes move together and the timeline shows them side by side. The speedup in the "
                     "result pane is what the cores give (on a busy machine, less).",
        "no_free.title": "The contrast needs a free-threaded Python (3.13t), and none was found",
        "no_free.look": "gil-tui interpreters lists the Pythons on this machine; python3.13t or newer, built "
                        "free-threaded, runs the same fib without the GIL.",
        "end.title": "End of the tour",
        "end.look": "Everything on screen stays usable: r runs the setup, 1 2 3 the experiments again, t the "
                    "timeline, c compares interpreters, l switches to Spanish, q quits.",
    },
    "es": {
        "header": "Recorrido · paso {n} de {count} · {how}",
        "how.keys": "espacio o intro: siguiente paso · q: salir",
        "how.auto": "siguiente paso {seconds:g} s después de que acabe este · q: salir",
        "how.running": "ejecutando…",
        "intro.title": "Lo que el GIL hace a los hilos, en los tres experimentos del post",
        "intro.look": "Cada paso ejecuta Python real en un proceso de laboratorio aparte y lo muestra en vivo. "
                      "Después, el mismo fib en un Python sin GIL, si hay uno instalado.",
        "fib.title": "Experimento 1: cinco llamadas a fib una tras otra, luego en cinco hilos",
        "fib.look": "Mira los carriles: con el GIL los hilos se turnan, así que juntos no son más rápidos que uno "
                    "tras otro. El panel de resultado pone los 3.23 s y 12.43 s del post junto a los nuestros.",
        "fib_timeline.title": "Quién corrió cuándo: la línea de tiempo de la ejecución con hilos",
        "fib_timeline.look": "Una fila por hilo, el tiempo de izquierda a derecha. Con el GIL se enciende un carril "
                             "a la vez: la cifra de abajo dice en cuántos intervalos avanzó un solo hilo.",
        "race.title": "Experimento 2: 20 hilos suman a un mismo contador sin candado",
        "race.look": "Mira el panel de resultado: el contador acaba por debajo del valor esperado, los incrementos "
                     "perdidos en rojo. El GIL no hace atómico leer-modificar-escribir; un cambio más corto "
                     "pierde más.",
        "sleep.title": "Experimento 3: diez sleep(1), uno tras otro, luego en diez hilos",
        "sleep.look": "Dormir suelta el GIL: los hilos esperan a la vez y acaban unas diez veces antes. Los hilos "
                      "ayudan cuando el trabajo espera (E/S, sleep), no cuando calcula.",
        "free.title": "El contraste: el mismo fib con hilos en {python} con el GIL desactivado",
        "free.look": "Sin GIL: los carriles avanzan juntos y la línea de tiempo los muestra en paralelo. La "
                     "aceleración del panel de resultado es lo que dan los núcleos (en una máquina ocupada, menos).",
        "no_free.title": "El contraste necesita un Python sin GIL (3.13t), y no se encontró ninguno",
        "no_free.look": "gil-tui interpreters lista los Python de esta máquina; python3.13t o posterior, compilado "
                        "sin GIL, ejecuta el mismo fib sin el GIL.",
        "end.title": "Fin del recorrido",
        "end.look": "Todo lo que hay en pantalla sigue funcionando: r ejecuta la configuración, 1 2 3 repiten los "
                    "experimentos, t la línea de tiempo, c compara intérpretes, l cambia a inglés, q sale.",
    },
})
