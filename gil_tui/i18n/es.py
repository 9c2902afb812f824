"""Textos en español. Mismas claves que en.py y los mismos marcadores (tests/test_i18n.py)."""

TEXTS = {
    # --- nombres de los modos del laboratorio (la línea de comandos sigue usando los ingleses) --
    "mode.sequential": "secuencial",
    "mode.threads": "hilos",
    "mode.processes": "procesos",
    "mode.asyncio": "asyncio",
    "mode.interpreters": "subintérpretes",
    "status.ok": "ok",
    "status.error": "error",
    "status.cancelled": "cancelada",

    # --- gil-tui run: vista en vivo, tabla, mensajes -------------------------------------------
    "run.task": "tarea {index}",
    "run.elapsed": "Transcurrido {seconds:.1f} s",
    "run.workers": "{workers} trabajadores",
    "run.python": "Python {python}",
    "run.interrupted": "interrumpido",
    "run.note": "nota: {text}",
    "run.why": "Por qué ({mode}):",
    "run.failed": "{mode}: {error}",
    "table.workload": "carga",
    "table.switch": "cambio",
    "table.mode": "modo",
    "table.python": "python",
    "table.wall": "tiempo",
    "table.cpu": "CPU",
    "table.cores": "núcleos",
    "table.speedup": "aceleración",
    "table.spread": "dispersión",
    "table.counter": "contador",
    "table.lost": "perdidas",

    # --- explicaciones: explain.py las elige según los números medidos -------------------------
    "explain.error": "La ejecución falló: {error}",
    "explain.cancelled": "La ejecución se canceló; las cifras cubren solo la parte que llegó a correr.",
    "explain.sequential": "Referencia: {workers} tareas, una tras otra, tardaron {wall:.2f} s con {cores:.2f} "
                          "núcleos ocupados.",
    "explain.no_baseline": "En modo {mode} la ejecución tardó {wall:.2f} s con {cores:.2f} núcleos; agrega una "
                           "ejecución secuencial para ver la aceleración.",
    "explain.faster": "En modo {mode} la ejecución terminó {speedup:.2f}× más rápido que la secuencial, con "
                      "{cores:.2f} núcleos ocupados en promedio.",
    "explain.why.await": "Cada corrutina hizo await en sus esperas, así que el bucle de eventos atendía a las "
                         "demás mientras tanto: un solo hilo, con las esperas superpuestas.",
    "explain.why.waiting": "Las tareas pasaron casi todo el tiempo esperando ({cpu:.2f} s de CPU en {wall:.2f} s), "
                           "y un hilo suelta el GIL mientras espera, así que las esperas se superpusieron.",
    "explain.why.processes": "Cada proceso tiene su propio intérprete y su propio GIL, así que calcularon en "
                             "paralelo sobre {cores:.2f} núcleos.",
    "explain.why.interpreters": "Cada subintérprete tiene su propio GIL, así que calcularon en paralelo sobre "
                                "{cores:.2f} núcleos.",
    "explain.why.c_code": "El código en C de hashlib suelta el GIL mientras calcula el hash de un búfer grande, "
                          "así que varios hilos trabajaron a la vez sobre {cores:.2f} núcleos.",
    "explain.why.no_gil": "Aquí Python {version} corrió sin GIL (una compilación free-threaded), así que los hilos "
                          "ejecutaron código Python al mismo tiempo sobre {cores:.2f} núcleos.",
    "explain.same": "En modo {mode} la ejecución tardó más o menos lo mismo que la secuencial (aceleración "
                    "{speedup:.2f}×).",
    "explain.slower": "En modo {mode} la ejecución fue {slowdown:.2f}× más lenta que la secuencial (aceleración "
                      "{speedup:.2f}×).",
    "explain.why.one_worker": "Con un solo trabajador no había nada que ejecutar al mismo tiempo.",
    "explain.why.loop_blocked": "{workload} nunca hace await, así que cada corrutina acaparó el bucle de eventos "
                                "hasta terminar: las tareas corrieron una tras otra.",
    "explain.why.gil_turns": "Solo {cores:.2f} núcleos estuvieron ocupados: un solo hilo a la vez puede tener el "
                             "GIL, así que los {workers} hilos se turnaron en un núcleo en lugar de repartirse el "
                             "trabajo.",
    "explain.why.gil_contention": "Los hilos se disputaron el GIL desde {cores:.2f} núcleos: un hilo que despierta "
                                  "en otro núcleo tiene que esperar a que le pasen el GIL, y cada traspaso cuesta "
                                  "tiempo sin avanzar el trabajo.",
    "explain.why.no_free_core": "Solo {cores:.2f} de los {ncpu} núcleos de esta máquina estuvieron ocupados: otros "
                                "programas los estaban usando, así que no había un núcleo libre.",
    "explain.why.overhead": "Hubo {cores:.2f} núcleos ocupados y aun así no fue más rápido: arrancar y coordinar a "
                            "los trabajadores costó casi lo mismo que lo que ahorró el paralelismo.",
    "explain.share": "Cada trabajador tuvo en promedio el {mean:.0f}% de un núcleo (entre {low:.0f}% y "
                     "{high:.0f}%).",
    "explain.why.noisy": "Pero solo hubo {cores:.2f} núcleos ocupados, así que la ganancia no puede venir del "
                         "paralelismo: seguramente otros programas frenaron la ejecución secuencial. Repite ambas.",
    "explain.share.back_to_back": "Pero solo hubo {cores:.2f} núcleos ocupados: cada tarea tuvo el núcleo para sí "
                                  "porque corrieron casi una tras otra, cada una demasiado corta para ser "
                                  "interrumpida.",
    "explain.share.waiting": "Pasaron la mayor parte del tiempo esperando, no calculando.",
    "explain.share.one_nth": "Es cerca de 1/{workers} de núcleo ({fair:.0f}%): los {workers} hilos se repartieron "
                             "el único núcleo que el GIL les deja usar.",
    "explain.share.own_core": "Casi un núcleo entero cada uno: de verdad corrieron en paralelo.",
    "explain.timeline.turns": "La línea de tiempo muestra cómo se turnan: mientras los {workers} estaban "
                              "corriendo, solo uno avanzó en el {one:.0f}% de las franjas de {slice_ms:g} ms.",
    "explain.timeline.overlap": "La línea de tiempo muestra que se superponen: los {workers} avanzaron en la misma "
                                "franja de {slice_ms:g} ms el {all:.0f}% del tiempo.",
    "explain.timeline.mixed": "En la línea de tiempo, en promedio {mean:.1f} trabajadores avanzaron en la misma "
                              "franja.",
    "explain.lost": "Se perdieron {lost} de {expected} incrementos del contador ({pct:.1f}%): terminó en {final}.",
    "explain.lost.impossible": "Aquí eso no debería pasar (nada corrió al mismo tiempo, o un lock protegía el "
                               "contador): por favor, repórtalo.",
    "explain.lost.processes": "Los procesos corrieron al mismo tiempo sobre un contador en memoria compartida, y "
                              "ningún GIL abarca varios procesos: dos leyeron el mismo valor, ambos escribieron ese "
                              "valor más uno, y un incremento desapareció.",
    "explain.lost.interpreters": "Cada subintérprete tiene su propio GIL, así que actualizaron el contador "
                                 "compartido al mismo tiempo: dos leyeron el mismo valor, ambos escribieron ese valor "
                                 "más uno, y un incremento desapareció.",
    "explain.lost.no_gil": "Sin GIL los hilos de verdad corrieron al mismo tiempo: dos leyeron el mismo valor, ambos "
                           "escribieron ese valor más uno, y un incremento desapareció.",
    "explain.lost.old_switch": "Python {version} puede cambiar de hilo a mitad de self.count += 1, entre leer count "
                               "y volver a escribirlo: es la condición de carrera que describe el post, cuyos "
                               "lectores vieron 17982 y 18811 de 20000.",
    "explain.lost.plain_modern": "Inesperado en Python {version} con GIL, donde self.count += 1 se ejecuta sin un "
                                 "cambio de hilo en medio: algo más interrumpió la actualización.",
    "explain.lost.switch": "Un cambio de hilo cayó entre la lectura del contador y su escritura (la llamada de en "
                           "medio es donde el GIL puede cambiar de manos): ese hilo escribió después un valor viejo "
                           "encima de los incrementos de los demás. El GIL protege al intérprete, no a tus datos. "
                           "(Intervalo de cambio: {interval_ms:g} ms.)",
    "explain.counter_odd": "El contador terminó en {final}, por encima de los {expected} incrementos hechos: la "
                           "cuenta no cuadra.",
    "explain.exact": "No se perdió ningún incremento: {final} de {expected}.",
    "explain.exact.locked": "El lock dejó pasar a un solo trabajador a la vez por la lectura-modificación-escritura.",
    "explain.exact.one_at_a_time": "Las tareas corrieron una tras otra, así que dos incrementos nunca pudieron "
                                   "entrelazarse.",
    "explain.exact.plain_310": "Desde Python 3.10, CPython solo revisa si debe cambiar de hilo en las llamadas y en "
                               "los saltos hacia atrás, nunca dentro de self.count += 1, así que con el GIL cada "
                               "incremento se hizo completo en Python {version}. Los lectores del post, con un Python "
                               "más viejo, vieron 17982 y 18811 de 20000.",
    "explain.exact.too_short": "Cada hilo necesitó a lo sumo {task_ms:.2f} ms de CPU, menos que el intervalo de "
                               "cambio de {interval_ms:g} ms, así que terminó sus incrementos antes de que le pidieran "
                               "soltar el GIL: los hilos corrieron uno tras otro. El GIL de Python 2 ofrecía un "
                               "cambio cada 100 instrucciones de bytecode; con un intervalo más corto se ve la "
                               "condición de carrera.",
    "explain.exact.lucky": "Esta vez ningún cambio de hilo cayó dentro de una lectura-modificación-escritura, pero "
                           "sigue siendo una condición de carrera: otra ejecución, más trabajadores o un intervalo de "
                           "cambio más corto (ahora {interval_ms:g} ms) pueden perder incrementos.",
    # --- los experimentos del post (presets.py) -------------------------------------------------
    "preset.seed-fib.title": "El fib del post: fib(30)…fib(34) uno tras otro y luego en 5 hilos",
    "preset.seed-race.title": "La condición de carrera del post: 20 hilos × 1000 incrementos de un contador "
                              "compartido",
    "preset.seed-sleep.title": "Los sleep del post: 10 × sleep(1) uno tras otro y luego en hilos",
    "preset.incomplete": "No terminaron todas las ejecuciones de este experimento, así que aún no hay nada que "
                         "comparar.",
    "preset.fib.post": "El post: {seq:.2f} s en secuencia, {thr:.2f} s en 5 hilos (hilos ÷ secuencial = "
                       "{ratio:.2f}).",
    "preset.fib.here": "Aquí: {seq:.2f} s en secuencia, {thr:.2f} s en {workers} hilos (hilos ÷ secuencial = "
                       "{ratio:.2f}).",
    "preset.fib.model": "Las tareas del laboratorio son todas del mismo tamaño, así que corre {workers} × "
                        "fib({size}): el {share:.0f}% del trabajo de fib(30)…fib(34). Compara las proporciones, no "
                        "los segundos: la máquina también es otra.",
    "preset.fib.like_post": "Igual que en el post, los hilos fueron varias veces más lentos que un solo hilo: pasar "
                            "el GIL entre hilos de distintos núcleos costó más que el propio trabajo (Python "
                            "{version}).",
    "preset.fib.new_gil": "No es la lentitud de {post:.1f}× del post: el GIL se reescribió en Python 3.2, y ahora un "
                          "hilo que espera lo pide una vez por intervalo de cambio en lugar de que todos se lo "
                          "disputen cada 100 instrucciones de bytecode. En Python {version} los hilos cuestan más o "
                          "menos lo mismo que correr uno tras otro, pero siguen sin ayudar.",
    "preset.fib.parallel": "A diferencia del post, los hilos fueron más rápidos: aquí Python {version} los ejecutó "
                           "en paralelo.",
    "preset.fib.noisy": "Los hilos salieron más rápidos, pero con solo {cores:.2f} núcleos ocupados eso no puede ser "
                        "paralelismo: algo más frenó la ejecución secuencial. Vuelve a correrlo.",
    "preset.fib.no_gil_not_faster": "Aquí Python {version} corrió sin GIL, y aun así los hilos no fueron más rápidos "
                                    "({cores:.2f} núcleos ocupados); abajo van los motivos.",
    "preset.race.post": "El post: el contador terminó en {first} y {second} de {expected}.",
    "preset.race.here": "Aquí, {workload} con un intervalo de cambio de {interval_ms:g} ms: {final} de {expected} "
                        "({lost} perdidos).",
    "preset.race.depends": "Que se pierdan incrementos depende del intérprete, del código y del intervalo de "
                           "cambio: compara las líneas de arriba.",
    "preset.race.none_lost": "Aquí no se perdió nada, a diferencia del post.",
    "preset.race.why": "{workload}, {interval_ms:g} ms:",
    "preset.sleep.post": "El post: {seq:.2f} s uno tras otro, {thr:.2f} s en hilos.",
    "preset.sleep.here": "Aquí: {seq:.2f} s uno tras otro, {thr:.2f} s en hilos.",
    "preset.sleep.like_post": "Igual que en el post: {speedup:.1f}× más rápido (el post: {post:.1f}×), porque un "
                              "hilo que duerme no retiene el GIL.",
    "preset.sleep.unlike": "Solo {speedup:.1f}× más rápido, cuando el post logró {post:.1f}×; abajo van los "
                           "motivos.",
}
