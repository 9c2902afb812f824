"""Textos en español. Mismas claves que en.py y los mismos marcadores (tests/test_i18n.py)."""

from __future__ import annotations

TEXTS: dict[str, str | dict[str, str]] = {
    # --- nombres de los modos del laboratorio (la línea de comandos sigue usando los ingleses) ---
    "mode.sequential": "secuencial",
    "mode.threads": "hilos",
    "mode.processes": "procesos",
    "mode.asyncio": "asyncio",
    "mode.interpreters": "subintérpretes",
    "status.ok": "ok",
    "status.error": "error",
    "status.cancelled": "cancelada",
    "status.running": "en marcha",
    "status.pending": "pendiente",

    # --- gil-tui run: vista en vivo, tabla, mensajes ---------------------------------------------
    "run.task": "tarea {index}",
    "run.elapsed": "Transcurrido {seconds:.1f} s",
    "run.workers": {"one": "{count} tarea", "other": "{count} tareas"},
    "run.python": "Python {python}",
    "run.interrupted": "interrumpido",
    "run.note": "nota: {text}",
    "run.why": "Por qué ({mode}):",
    "run.failed": "{mode}: {error}",
    "run.size": "tamaño {size}",
    "run.switch": "cambio {interval}",
    "run.gil.on": "GIL activado",
    "run.gil.off": "GIL desactivado",
    "run.progress": "Ejecución {n} de {count}",
    "run.left": "faltan unos {seconds:.0f} s",
    "run.left.unknown": "aún no se sabe cuánto falta",
    "run.progress.line": "ejecución {n} de {count} terminada: {what}; {left}",
    "interpreters.title": {"one": "{count} intérprete; el laboratorio puede usar {usable}",
                           "other": "{count} intérpretes; el laboratorio puede usar {usable}"},

    # --- encabezados de columna: tabla de gil-tui run, gil-tui compare, historial y comparación ---
    "col.n": "#",
    "col.workload": "carga",
    "col.switch": "cambio",
    "col.mode": "modo",
    "col.python": "python",
    "col.workers": "n",
    "col.size": "tamaño",
    "col.wall": "reloj",
    "col.cpu": "CPU",
    "col.cores": "núcleos",
    "col.speedup": "aceleración",
    "col.best": "vs mejor",
    "best.note": "vs mejor: aceleración frente a la ejecución secuencial más rápida de cualquier Python aquí "
                 "({python}, {wall:.3f} s).",
    "col.spread": "dispersión",
    "col.counter": "contador",
    "col.lost": "perdidos",
    "col.status": "estado",

    # --- the history's headers: short, so that every column fits the pane at 80 columns ---
    "col.probe": "retraso p50/p99",
    "col.trips": "idas y vueltas/s solo→CPU",
    "history.col.n": "#",
    "history.col.workload": "carga",
    "history.col.mode": "modo",
    "history.col.workers": "n",
    "history.col.size": "tamaño",
    "history.col.switch": "cambio",
    "history.col.python": "py",
    "history.col.wall": "reloj",
    "history.col.speedup": "acel.",
    "history.col.lost": "perdidos",
    "history.col.status": "estado",

    # --- entradas erróneas: UsageError de core/validation.py (la CLI muestra el inglés; la app, su idioma) --------
    "usage.workload": "carga desconocida {value!r} (elige entre {choices})",
    "usage.mode.none": "no se indicó ningún modo (elige entre {choices})",
    "usage.mode.unknown": "modo desconocido {value!r} (elige entre {choices})",
    "usage.mode.python": "el modo {mode} necesita Python 3.12 o posterior; {executable} es Python {version} (elige "
                         "otro con --python)",
    "usage.workers.whole": "las tareas deben ser un número entero de 1 a {max}, no {value!r}",
    "usage.workers.range": "las tareas van de 1 a {max}, no {value}",
    "usage.size.positive": "el tamaño debe ser un número positivo, no {value!r}",
    "usage.size.whole": "el tamaño de {workload} debe ser un número entero ({unit})",
    "usage.size.max": "el tamaño de {workload} es como mucho {upper} {unit}",
    "usage.sizes.whole": "un rango de tamaños ({value}) lleva números enteros; separa otros tamaños con comas",
    "usage.sizes.order": "un rango de tamaños va del menor al mayor, no {value}",
    "usage.sizes.many": "{value} son {count} tamaños, una tarea cada uno: como mucho {max}",
    "usage.sizes.workers": "{value} son {count} tamaños, uno por tarea, pero hay {workers} tareas: pon "
                           "{count} tareas",
    "usage.switch.number": "el intervalo de cambio debe ser un número de segundos, no {value!r}",
    "usage.switch.range": "el intervalo de cambio debe estar entre {low} y {high}, no {value:g} s",
    "usage.gil": "--gil debe ser on u off, no {value!r}",
    "usage.gil.build": "--gil off necesita un intérprete free-threaded (como python3.13t); {executable} es Python "
                       "{version}, compilado con el GIL",

    # --- explicaciones: explain.py las elige según los números medidos ---------------------------
    "explain.error": "La ejecución falló: {error}",
    "explain.cancelled": "La ejecución se canceló; las cifras cubren solo la parte que llegó a correr.",
    "explain.sequential": {
        "one": "Referencia: {count} tarea tardó {wall:.2f} s con {cores:.2f} núcleos ocupados.",
        "other": "Referencia: {count} tareas, una tras otra, tardaron {wall:.2f} s con {cores:.2f} núcleos ocupados.",
    },
    "explain.no_baseline": "En modo {mode} la ejecución tardó {wall:.2f} s con {cores:.2f} núcleos; agrega una "
                           "ejecución secuencial para ver la aceleración.",
    "explain.faster": "En modo {mode} la ejecución terminó {speedup:.2f}× más rápido que la secuencial, con "
                      "{cores:.2f} núcleos ocupados en promedio.",
    "explain.why.await": "Cada corrutina hizo await en sus esperas, así que el bucle de eventos atendía a las "
                         "demás mientras tanto: un solo hilo, con las esperas superpuestas.",
    "explain.why.waiting": "Las tareas pasaron casi todo el tiempo esperando (su propio tiempo de CPU ocupó el "
                           "{share:.0f}% de un núcleo cada una), y una espera suelta el GIL, así que las esperas se "
                           "superpusieron.",
    "explain.why.above_workers": "Pero {workers} tareas a la vez pueden hacerlo a lo sumo {workers}× más rápido: una "
                                 "aceleración de {speedup:.2f}× es ruido (algo más frenó la ejecución secuencial). "
                                 "Repite ambas.",
    "explain.why.above_cores": "Pero el trabajo de CPU gana a lo sumo un × por cada núcleo ocupado, y solo hubo "
                               "{cores:.2f} núcleos ocupados: parte de la aceleración de {speedup:.2f}× es ruido "
                               "(algo frenó la ejecución secuencial). Repite ambas.",
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
    "explain.why.one_worker": "Con una sola tarea no había nada que ejecutar al mismo tiempo.",
    "explain.why.loop_blocked": "{workload} nunca hace await, así que cada corrutina acaparó el bucle de eventos "
                                "hasta terminar: las tareas corrieron una tras otra.",
    "explain.why.gil_turns": "Solo {cores:.2f} núcleos estuvieron ocupados: con el GIL un solo hilo a la vez "
                             "ejecuta bytecode de Python, así que los {workers} hilos se turnaron en lugar de "
                             "repartirse el trabajo.",
    "explain.why.locked": "Un cerrojo puso el trabajo en fila: cada tarea esperó a que las demás soltaran el "
                          "cerrojo del contador, así que solo hubo {cores:.2f} núcleos ocupados.",
    "explain.why.io_handover": "Cada write y cada fsync sueltan el GIL y lo vuelven a tomar: los {workers} hilos "
                               "se pasaron el GIL en cada llamada al sistema, y eso costó casi lo mismo que lo que "
                               "ahorró superponer las esperas.",
    "explain.why.gil_contention": "Los hilos se disputaron el GIL desde {cores:.2f} núcleos: un hilo que despierta "
                                  "en otro núcleo tiene que esperar a que le pasen el GIL, y cada traspaso cuesta "
                                  "tiempo sin avanzar el trabajo.",
    "explain.why.no_free_core": "Solo hubo {cores:.2f} núcleos ocupados, y la máquina tuvo en promedio solo "
                                "{idle:.2f} de sus {ncpu} núcleos libres durante la ejecución: otros programas "
                                "usaban el resto, así que no había un núcleo libre.",
    "explain.why.not_parallel": "Solo hubo {cores:.2f} núcleos ocupados: las tareas no corrieron al mismo tiempo "
                                "(esta ejecución no midió si otros programas usaban los núcleos).",
    "explain.why.not_parallel.idle": "Solo hubo {cores:.2f} núcleos ocupados aunque {idle:.2f} de los {ncpu} "
                                     "núcleos de la máquina quedaron libres: las tareas no corrieron al mismo "
                                     "tiempo, y no fue por falta de un núcleo libre.",
    "explain.why.overhead": "Arrancar y cerrar las tareas llevó {startup_ms:.0f} ms de los {wall:.2f} s: al menos "
                            "lo mismo que lo que ahorró correrlas al mismo tiempo.",
    "explain.why.more_cpu": "Hubo {cores:.2f} núcleos ocupados y aun así no fue más rápido: el mismo trabajo costó "
                            "{ratio:.2f}× el tiempo de CPU de la ejecución secuencial ({cpu:.2f} s frente a "
                            "{base_cpu:.2f} s), así que cada tarea fue más lenta junto a las otras que sola.",
    "explain.why.parallel_slow": "Hubo {cores:.2f} núcleos ocupados y aun así no fue más rápido: las tareas "
                                 "corrieron al mismo tiempo, pero cada una fue más lenta que sola.",
    "explain.why.parallel_slow.startup": "Hubo {cores:.2f} núcleos ocupados y aun así no fue más rápido; arrancar "
                                         "las tareas llevó solo {startup_ms:.1f} ms, así que no fue eso: corrieron "
                                         "al mismo tiempo, pero cada una fue más lenta que sola.",
    "explain.share": "Cada tarea tuvo en promedio el {mean:.0f}% de un núcleo (entre {low:.0f}% y "
                     "{high:.0f}%).",
    "explain.why.noisy": "Pero solo hubo {cores:.2f} núcleos ocupados, así que la ganancia no puede venir del "
                         "paralelismo: seguramente otros programas frenaron la ejecución secuencial. Repite ambas.",
    "explain.share.back_to_back": "Pero solo hubo {cores:.2f} núcleos ocupados: cada tarea tuvo el núcleo para sí "
                                  "porque corrieron casi una tras otra, cada una demasiado corta para ser "
                                  "interrumpida.",
    "explain.share.one_loop": "Pero solo hubo {cores:.2f} núcleos ocupados: las corrutinas corrieron una tras otra "
                              "en el único hilo del bucle de eventos, cada una hasta su await o su final.",
    "explain.share.waiting": "Pasaron la mayor parte del tiempo esperando, no calculando.",
    "explain.share.one_nth": "Es cerca de 1/{workers} de núcleo ({fair:.0f}%): con el GIL un solo hilo a la vez "
                             "ejecuta bytecode de Python, así que los {workers} hilos se repartieron lo que corre "
                             "un solo hilo.",
    "explain.share.below_fair": "Es menos de 1/{workers} de núcleo ({fair:.0f}%), lo que turnarse con el GIL le da "
                                "a cada uno: parte del tiempo ningún hilo estaba corriendo (esperaban que los "
                                "despertaran, o un núcleo).",
    "explain.share.below_fair.busy": "Es menos de 1/{workers} de núcleo ({fair:.0f}%), lo que turnarse con el GIL "
                                     "le da a cada uno: otros programas se llevaron parte del tiempo (solo "
                                     "{idle:.2f} de los {ncpu} núcleos de la máquina quedaron libres).",
    "explain.share.above_fair": "Es más de 1/{workers} de núcleo ({fair:.0f}%), aunque con el GIL un solo hilo a la "
                                "vez ejecuta bytecode: la CPU de más se fue en pasarse el GIL entre hilos, no en el "
                                "trabajo.",
    "explain.share.own_core": "Casi un núcleo entero cada uno: de verdad corrieron en paralelo.",
    "explain.timeline.turns": "La línea de tiempo (avance por franja de {slice_ms:g} ms) muestra cómo se turnan: "
                              "mientras las {workers} tareas estaban corriendo, solo una avanzó en el {one:.0f}% de "
                              "las franjas.",
    "explain.timeline.overlap": "La línea de tiempo (avance por franja de {slice_ms:g} ms) muestra que se "
                                "superponen: las {workers} tareas avanzaron en la misma franja el {all:.0f}% del "
                                "tiempo.",
    "explain.timeline.coarse.switch": "La línea de tiempo registra el avance por franja de {slice_ms:g} ms, no quién "
                                      "tenía el GIL: con un intervalo de cambio de {interval} el GIL cambia de manos "
                                      "dentro de una franja, así que aquí no puede mostrar los turnos.",
    "explain.timeline.coarse.ticks": "La línea de tiempo registra el avance por franja de {slice_ms:g} ms, no quién "
                                     "tenía el GIL: estas tareas avisan de su avance solo {ticks:.2f} veces por "
                                     "franja, así que una franja sin marca no quiere decir que la tarea esperaba, y "
                                     "aquí no puede mostrar los turnos.",
    "explain.gil_changed.on": "El GIL estaba desactivado al empezar la ejecución y activado al terminar: un módulo "
                              "de extensión sin Py_mod_gil lo volvió a activar (PYTHON_GIL=0 lo mantiene "
                              "desactivado).",
    "explain.gil_changed.off": "El GIL estaba activado al empezar la ejecución y desactivado al terminar.",
    "explain.timeline.mixed": "En la línea de tiempo, en promedio {mean:.1f} tareas avanzaron en la misma "
                              "franja.",
    "explain.lost": {
        "one": "Se perdió {lost} de {expected} incrementos del contador ({pct:.1f}%): terminó en {final}.",
        "other": "Se perdieron {lost} de {expected} incrementos del contador ({pct:.1f}%): terminó en {final}.",
    },
    "explain.lost.impossible": "Aquí eso no debería pasar (nada corrió al mismo tiempo, o un cerrojo protegía el "
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
                               "lectores vieron 17\u00a0982 y 18\u00a0811 de 20\u00a0000.",
    "explain.lost.plain_modern": "Inesperado en Python {version} con GIL, donde self.count += 1 se ejecuta sin un "
                                 "cambio de hilo en medio: algo más interrumpió el incremento.",
    "explain.lost.switch_old": "Un cambio de hilo cayó entre la lectura del contador y su escritura (Python "
                               "{version} puede pasar el GIL en casi cualquier instrucción de bytecode): ese hilo "
                               "escribió después un valor viejo encima de los incrementos de los demás. El GIL "
                               "protege al intérprete, no a tus datos. (Intervalo de cambio: {interval}.)",
    "explain.lost.switch": "Un cambio de hilo cayó entre la lectura del contador y su escritura (la llamada de en "
                           "medio es donde el GIL puede cambiar de manos): ese hilo escribió después un valor viejo "
                           "encima de los incrementos de los demás. El GIL protege al intérprete, no a tus datos. "
                           "(Intervalo de cambio: {interval}.)",
    "explain.counter_odd": "El contador terminó en {final}, por encima de los {expected} incrementos hechos: la "
                           "cuenta no cuadra.",
    "explain.exact": "No se perdió ningún incremento: {final} de {expected}.",
    "explain.exact.locked": "El cerrojo dejó pasar a una sola tarea a la vez por la lectura-modificación-escritura.",
    "explain.exact.one_at_a_time": "Las tareas corrieron una tras otra, así que dos incrementos nunca pudieron "
                                   "entrelazarse.",
    "explain.exact.plain_310": "Desde Python 3.10, CPython solo revisa si debe cambiar de hilo en las llamadas y en "
                               "los saltos hacia atrás, nunca dentro de self.count += 1, así que con el GIL cada "
                               "incremento se hizo completo en Python {version}. Es un detalle de la implementación, "
                               "no una garantía: una property, un __iadd__ escrito en Python o free-threading lo "
                               "rompen. Los lectores del post, con un Python más viejo, vieron 17\u00a0982 y "
                               "18\u00a0811 de 20\u00a0000.",
    "explain.exact.too_short": "Cada hilo necesitó a lo sumo {task_ms:.2f} ms de CPU, menos que el intervalo de "
                               "cambio de {interval}, así que terminó sus incrementos antes de que le pidieran "
                               "soltar el GIL: los hilos corrieron uno tras otro. El GIL de Python 2 ofrecía un "
                               "cambio cada 100 instrucciones de bytecode; con un intervalo de cambio más corto se "
                               "ve la condición de carrera.",
    "explain.exact.lucky": "Esta vez ningún cambio de hilo cayó dentro de una lectura-modificación-escritura, pero "
                           "sigue siendo una condición de carrera: otra ejecución, más tareas o un intervalo de "
                           "cambio más corto (ahora {interval}) pueden perder incrementos.",
    # --- los experimentos del post (presets.py) --------------------------------------------------
    "preset.seed-fib.title": "El fib del post: fib(30)…fib(34) uno tras otro y luego en 5 hilos",
    "preset.seed-race.title": "La condición de carrera del post: 20 hilos × 1000 incrementos de un contador "
                              "compartido",
    "preset.seed-sleep.title": "Los sleep del post: 10 × sleep(1) uno tras otro y luego en hilos",
    "preset.convoy.title": "El convoy: una tarea que espera E/S junto a tareas de CPU, en hilos y luego en procesos",
    "preset.convoy.incomplete": "El experimento del convoy no terminó: no hay comparación.",
    "convoy.banner": "{loaded}/s CON TRABAJO DE CPU vs {alone}/s SOLO: {ratio} MENOS IDAS Y VUELTAS",
    "convoy.banner.kept": "{loaded}/s con trabajo de CPU vs {alone}/s solo: se mantienen las idas y vueltas "
                          "({ratio})",
    "convoy.line": "{mode}: {alone} idas y vueltas/s solo → {loaded}/s con trabajo de CPU ({ratio} menos)",
    "explain.convoy.gil": "La tarea de E/S hizo {alone} idas y vueltas/s sola y {loaded}/s junto a {cpu} {mode} "
                          "de CPU: {ratio} menos. Cada respuesta la despierta, pero para seguir debe recuperar el "
                          "GIL de un hilo que calcula fib, que solo lo suelta al acabar el intervalo de cambio "
                          "({interval}): una espera en cada ida y vuelta.",
    "explain.convoy.free": "La tarea de E/S hizo {alone} idas y vueltas/s sola y {loaded}/s junto a {cpu} {mode} "
                           "de CPU ({ratio}): nada la hizo esperar un GIL, solo un núcleo libre.",
    "explain.convoy.cores": "La tarea de E/S y su proceso eco se mantuvieron en el núcleo {core} y las tareas de "
                            "CPU en los demás, en todos los modos: la tarea de E/S tuvo siempre un núcleo para ella "
                            "sola, así que lo que la frenó no fue dónde el sistema puso las tareas ocupadas.",
    "explain.convoy.serial": "En {mode} las tareas corren una tras otra: la tarea de E/S nunca corrió junto al "
                             "trabajo de CPU ({alone} idas y vueltas/s, luego {loaded}/s).",
    "explain.probe.gil": "Un hilo que duerme 1 ms despertó {p50} ms tarde en la mediana y {p99} ms en el "
                         "percentil 99: cada vez tuvo que esperar el GIL, del orden del intervalo de cambio "
                         "({interval}).",
    "explain.probe.free": "Un hilo que duerme 1 ms despertó {p50} ms tarde en la mediana y {p99} ms en el "
                          "percentil 99: solo esperó al planificador del sistema, no a un GIL.",
    "explain.handovers": "La tarea en ejecución cambió {per_s} veces por segundo (un traspaso cada {every}) con un "
                         "intervalo de cambio de {interval}.",
    "explain.handovers.thrash": "Con un intervalo de cambio de {interval} la tarea en ejecución cambió {per_s} veces "
                                "por segundo (cada {every}): cada traspaso despierta a un hilo que espera, a menudo en "
                                "el otro núcleo, así que esta ejecución ocupó {cores:.2f} núcleos en un trabajo que "
                                "hace uno solo.",
    "app.result.probe": "Retraso",
    "app.result.handovers": "Traspasos",
    "app.result.probe.value": "mediana {p50} ms, p99 {p99} ms",
    "app.result.handovers.value": "{per_s}/s con cambio {interval}",
    "app.probe.live": "retraso de quien duerme 1 ms",
    "app.probe.off": "sonda apagada (p la enciende)",
    "app.probe.waiting": "sonda encendida: esperando despertares…",
    "app.probe.toggled.on": "Sonda de respuesta encendida: un hilo que duerme 1 ms acompaña las próximas ejecuciones.",
    "app.probe.toggled.off": "Sonda de respuesta apagada (el experimento del convoy lleva la suya).",
    "app.key.probe": "Sonda",
    "app.key.convoy": "Efecto convoy",
    "app.cmd.probe": "Sonda de respuesta encendida/apagada",
    "app.cmd.convoy": "Ejecutar el experimento del convoy: idas y vueltas junto a trabajo de CPU, hilos y luego "
                      "procesos",
    "preset.incomplete": "No terminaron todas las ejecuciones de este experimento, así que aún no hay nada que "
                         "comparar.",
    "preset.fib.post": "El post: {seq:.2f} s en secuencia, {thr:.2f} s en 5 hilos (hilos ÷ secuencial = "
                       "{ratio:.2f}).",
    "preset.fib.here": "Aquí: {seq:.2f} s en secuencia, {thr:.2f} s en {workers} hilos (hilos ÷ secuencial = "
                       "{ratio:.2f}).",
    "preset.fib.model": "Con un mismo tamaño para todas las tareas corrió {workers} × "
                        "fib({size}): el {share:.0f}% del trabajo de fib(30)…fib(34). Compara las proporciones, no "
                        "los segundos: la máquina también es otra.",
    "preset.fib.exact": "Cada tarea corrió uno de los tamaños del post, {sizes}: el mismo trabajo del post.",
    "preset.fib.sizes": "Un tamaño por tarea: {sizes}. Compara las proporciones, no los segundos: la máquina "
                        "también es otra.",
    "preset.fib.like_post": "Igual que en el post, los hilos fueron varias veces más lentos que un solo hilo: pasar "
                            "el GIL entre hilos de distintos núcleos costó más que el propio trabajo (Python "
                            "{version}).",
    "preset.fib.loaded": "Los hilos fueron {ratio:.1f}× más lentos, pero solo hubo {cores:.2f} núcleos ocupados, y "
                         "pasarse el GIL entre núcleos mantiene ocupados a varios: la máquina estaba ocupada con "
                         "otro trabajo durante la ejecución con hilos (solo {idle:.2f} núcleos libres). Vuelve a "
                         "correrlo.",
    "preset.fib.slow_unexplained": "Los hilos fueron {ratio:.1f}× más lentos, pero solo hubo {cores:.2f} núcleos "
                                   "ocupados, y pasarse el GIL entre núcleos mantiene ocupados a varios: algo más "
                                   "frenó la ejecución con hilos. Vuelve a correrlo.",
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
    "preset.race.here": {
        "one": "Aquí, {workload} con un intervalo de cambio de {interval}: {final} de {expected} ({lost} "
               "perdido).",
        "other": "Aquí, {workload} con un intervalo de cambio de {interval}: {final} de {expected} ({lost} "
                 "perdidos).",
    },
    "preset.race.depends": "Que se pierdan incrementos depende del intérprete, del código y del intervalo de "
                           "cambio: compara las líneas de arriba.",
    "preset.race.none_lost": "Aquí no se perdió nada, a diferencia del post.",
    "preset.race.why": "{workload}, {interval}:",
    "preset.sleep.post": "El post: {seq:.2f} s uno tras otro, {thr:.2f} s en hilos.",
    "preset.sleep.here": "Aquí: {seq:.2f} s uno tras otro, {thr:.2f} s en hilos.",
    "preset.sleep.like_post": "Igual que en el post: {speedup:.1f}× más rápido (el post: {post:.1f}×), porque un "
                              "hilo que duerme no retiene el GIL.",
    "preset.sleep.unlike": "Solo {speedup:.1f}× más rápido, cuando el post logró {post:.1f}×; abajo van los "
                           "motivos.",
    # --- el banco de pruebas (ui/) ---------------------------------------------------------------
    "app.title": "gil-tui · el banco de pruebas del GIL",
    "app.pane.setup": "Configuración",
    "app.pane.run": "Ejecución",
    "app.pane.result": "Resultado",
    "app.pane.history": "Historial",
    "app.tab.lanes": "Carriles",
    "app.tab.timeline": "Línea de tiempo",
    "app.field.task": "Código",
    "app.workload.task": "tu propia función, fichero.py:función, llamada una vez por tarea",
    "app.workload.task.name": "tu código",
    "app.field.workload": "Carga",
    "app.field.workers": "Tareas",
    "app.field.mode": "Modo",
    "app.field.size": "Tamaño",
    "app.field.switch": "Cambio",
    "app.field.python": "Python",
    "app.button.run": "Ejecutar",
    "app.button.cancel": "Cancelar",
    "app.key.run": "Ejecutar",
    "app.key.cancel": "Cancelar",
    "app.key.quit": "Salir",
    "app.key.help": "Ayuda",
    "app.key.close": "Cerrar",
    "app.key.timeline": "Línea de tiempo",
    "app.key.language": "English",
    "app.key.zoom_in": "Acercar",
    "app.key.zoom_out": "Alejar",
    "app.key.preset": "Experimento del post",
    "app.workload.fib": "Fibonacci recursivo en Python puro, fib(n): retiene el GIL",
    "app.workload.sleep": "time.sleep en pasos de 10 ms: suelta el GIL mientras espera",
    "app.workload.race": "contador compartido, leer-llamar-escribir sin cerrojo: puede perder incrementos con el GIL",
    "app.workload.race-plain": "el self.count += n literal del post: exacto con el GIL desde 3.10",
    "app.workload.race-locked": "el contador de la condición de carrera tras un cerrojo: siempre exacto",
    "app.workload.hash": "hashlib.sha256 sobre búferes de 1 MiB: código C que suelta el GIL",
    "app.workload.io": "escrituras de 64 KiB a un archivo, cada una con fsync: E/S bloqueante real",
    "app.workload.convoy": "idas y vueltas de 1 byte con un proceso eco, solo y luego junto a N-1 fib(n)",
    "app.mode.sequential": "las N tareas una tras otra en un solo hilo",
    "app.mode.threads": "un hilo por tarea (threading)",
    "app.mode.processes": "un proceso por tarea; contadores en memoria compartida",
    "app.mode.asyncio": "una corrutina por tarea en un solo bucle de eventos",
    "app.mode.interpreters": "un subintérprete por tarea, cada uno en su propio hilo (3.12+)",
    "app.mode.unavailable.interpreters": "desde 3.12",
    "app.mode.dropped": "sin {modes}: {why}",
    "app.switch.default": "5 ms (por defecto)",
    "app.switch.custom": "otro…",
    "app.idle": "Pulsa r para ejecutar.",
    "app.idle.hint": "1 2 3: los tres experimentos del post · 4: el convoy · p: sonda · c: comparar · e: exportar "
                     "· d: oscuro/claro · l: English · ?: ayuda · ctrl+p: todas las órdenes",
    "app.idle.fix": "Corrige la configuración para ejecutar.",
    "app.elapsed": "Transcurrido {seconds:.1f} s",
    "app.starting": "arrancando el laboratorio…",
    "app.running": {"one": "{workload} · {mode} · {count} tarea · Python {python}",
                    "other": "{workload} · {mode} · {count} tareas · Python {python}"},
    "app.cancelling": "cancelando…",
    # la primera línea del panel de resultado al terminar (el reloj "Transcurrido" se para; Reloj es el de la ejecución)
    "app.done.ok": "Ejecución {n} terminada.",
    "app.done.cancelled": "Ejecución {n} cancelada.",
    "app.done.error": "La ejecución {n} falló.",
    "app.done.again": "Ejecución {n}, de nuevo desde el historial.",
    "app.done.series.one": "Ejecución {first}: reloj {wall:.3f} s.",
    "app.done.series": "Ejecuciones {first}–{last}: reloj {wall:.3f} s en total.",
    "app.done.series.cancelled.one": "La ejecución {first} se canceló a los {wall:.3f} s.",
    "app.done.series.cancelled": "Ejecuciones {first}–{last}, la última cancelada: {wall:.3f} s en total.",
    # el tamaño de una carga: su unidad junto al campo Tamaño, y el tamaño con su unidad al describir una ejecución
    "app.unit.n": "n de fib(n)",
    "app.unit.increments": "incrementos",
    "app.unit.s": "s",
    "app.unit.MiB": "MiB",
    "app.unit.writes": "escrituras",
    "app.size.n": "n={size}",
    "app.size.increments": "{size} incrementos",
    "app.size.s": "{size} s",
    "app.size.MiB": "{size} MiB",
    "app.size.writes": "{size} escrituras",
    "app.switch.note": "{seconds} s = {interval}",
    # la paleta de órdenes (ctrl+p): las acciones del banco de trabajo, con sus teclas
    "app.cmd.key": "tecla {keys}",
    "app.cmd.run": "Ejecutar la configuración",
    "app.cmd.cancel": "Cancelar la ejecución",
    "app.cmd.preset": "Ejecutar el experimento {number} del post ({workload})",
    "app.cmd.timeline": "Ver los carriles o la línea de tiempo",
    "app.cmd.zoom_fit": "Línea de tiempo: toda la ejecución",
    "app.cmd.language": "English: cambiar a inglés",
    "app.cmd.theme": "Tema oscuro o claro",
    "app.cmd.help": "Ayuda: las teclas y qué se mide",
    "app.cpu.label": "CPU de la máquina",  # no la de la ejecución: la de todo programa
    "app.cpu.cores": "{cores:.1f}/{ncpu} núcleos",
    "app.lanes.empty": "Aún no hay ejecuciones: aquí aparece un carril por tarea.",
    "app.lanes.share": "{share:.0f}% núcleo",
    "app.timeline.empty": "Quién corrió cuándo: una fila por tarea, una marca por cada momento en que avanzó.",
    "app.timeline.scale": "una celda = {cell}",
    "app.timeline.fit": "toda la ejecución",
    "app.timeline.keys": "+/- zoom, [ ] desplazar",
    "app.timeline.turns": "un solo carril a la vez en el {one:.0f}% de las franjas activas de {slice}; los {lanes} "
                          "a la vez en el {all:.0f}%",
    "app.timeline.coarse": "avance por franja de {slice}, no turnos del GIL: demasiado grueso para ver los turnos "
                           "aquí",
    "app.timeline.coarse.short": "franjas de {slice}: muy gruesas para ver turnos",
    "app.timeline.few": "hay muy pocas franjas activas para decir quién corrió cuándo",
    "app.timeline.few.short": "muy pocas franjas activas para saberlo",
    "app.timeline.turns.short": "uno a la vez: {one:.0f}% de las franjas de {slice}; los {lanes} juntos: {all:.0f}%",
    "app.timeline.cell": "celda {cell}",
    "app.lane.label": "t{index}",
    "app.result.wall": "Reloj",
    "app.result.cpu": "CPU",
    "app.result.cores": "Núcleos",
    "app.result.speedup": "Aceleración",
    "app.result.speedup.none": "— (ejecuta antes en secuencial)",
    "app.result.speedup.self": "1.00× (la referencia)",
    "app.result.counter": "Contador",
    "app.result.of": "de",
    "app.result.lost": {"one": "SE PERDIÓ {lost} INCREMENTO ({pct:.1f}%)",
                        "other": "SE PERDIERON {lost} INCREMENTOS ({pct:.1f}%)"},
    "app.result.exact": "no se perdió ningún incremento",
    "app.result.status.cancelled": "Cancelada.",
    "app.result.status.error": "La ejecución falló: {error}",
    "app.result.notes": "Nota: {note}",
    "app.result.what": "{workload} · {mode} · {workers} × {size} · Python {python} · cambio {switch}",
    "app.result.why": "Por qué",
    "app.preset.running": "Experimento {number} del post, ejecución {step} de {steps}: {what}",
    "app.preset.done": "Experimento {number}: {title}",
    "app.preset.cancelled": "El experimento {number} del post se canceló tras {done} de {steps} ejecuciones.",
    "app.convoy.running": "Experimento {number}, ejecución {step} de {steps}: {what}",
    "app.convoy.cancelled": "El experimento {number} se canceló tras {done} de {steps} ejecuciones.",
    "app.set.running": "Modo {step} de {steps}: {what}",
    "app.set.cancelled": "Detenido tras {done} de {steps} modos.",
    "app.set.why": "Por qué — {mode}",
    "app.set.col.wall": "reloj",
    "app.set.col.cores": "núcleos",
    "app.set.col.speedup": "acel.",
    "history.key.load": "Cargar en Configuración",
    "app.history.loaded": "La ejecución {n} está de nuevo en Configuración: r la repite.",
    "app.error.running": "Ya hay una ejecución en marcha.",
    "app.error.invalid": "Corrige primero la configuración: {error}",
    "app.python.gil": "{short} GIL {gil}",
    "app.key.theme": "Oscuro/claro",
    "app.help.scroll": "↑ ↓ RePág AvPág Inicio Fin: desplazar",
    "app.help.title": "Teclas",
    "app.help.body": (
            "r        ejecutar la configuración, cada modo por turno\n"
            "escape   cancelar (se detiene en menos de medio segundo)\n"
            "q        salir (antes se detiene la ejecución en curso)\n"
            "tab      siguiente campo o panel; shift+tab el anterior\n"
            "enter    en el historial: ese resultado, y en Configuración\n"
            "t        carriles / línea de tiempo (quién corrió cuándo)\n"
            "+ - 0    línea de tiempo: acercar, alejar, toda\n"
            "[ ]      línea de tiempo: antes / después\n"
            "1 2 3    los experimentos del post: fib, carrera, sleep\n"
            "4        el convoy: idas y vueltas de E/S junto a CPU\n"
            "p        sonda: cuán tarde despierta quien duerme 1 ms\n"
            "c        comparar intérpretes x modos lado a lado\n"
            "e        exportar las ejecuciones de la sesión (.json .csv .md)\n"
            "l        English / español\n"
            "d        tema oscuro / claro\n"
            "?        esta ayuda\n"
            "\n"
            "Cada ejecución ocurre en un proceso de laboratorio aparte,\n"
            "con el intérprete elegido: el banco nunca se mide a sí mismo.\n"
            "Con el GIL los hilos se turnan; los procesos corren de verdad\n"
            "a la vez, y también los hilos de un intérprete free-threaded,\n"
            "pero solo con el GIL desactivado: importar un módulo de\n"
            "extensión compilado sin Py_mod_gil lo vuelve a activar salvo\n"
            "con PYTHON_GIL=0 (el resultado lo dice). La condición de\n"
            "carrera puede perder incrementos cuando un cambio de hilo cae\n"
            "en medio de leer-modificar-escribir.\n"
            "\n"
            "Pulsa escape o ? para cerrar."
    ),
    # --- la pantalla de comparación, el gráfico de aceleración y el diálogo de exportar ----------
    "compare.title": "Comparar intérpretes",
    "compare.field.workload": "Carga",
    "compare.field.workers": "Tareas",
    "compare.field.size": "Tamaño",
    "compare.field.pythons": "Intérpretes",
    "compare.field.modes": "Modos",
    "compare.hint": "espacio marca o desmarca la línea resaltada · tab pasa al campo siguiente",
    "compare.error.pythons": "Marca al menos un intérprete.",
    "compare.error.modes": "Marca al menos un modo.",
    "compare.idle": "Marca intérpretes y modos y pulsa r. Cada intérprete también se ejecuta en secuencia: la "
                    "aceleración se mide respecto a esa ejecución.",
    "compare.progress": "Ejecución {n} de {count}: {python} · {mode} · esta ejecución: {elapsed:.1f} s",
    "compare.progress.done": ", {pct:.0f} % hecha",
    "compare.folded": "Configuración (s): {workload} · tareas {workers} · tamaño {size} · intérpretes {pythons} "
                      "· modos {modes}",
    "compare.cancelling": "cancelando…",
    "compare.done": {"one": "Listo: {count} ejecución en {elapsed:.1f} s.",
                     "other": "Listo: {count} ejecuciones en {elapsed:.1f} s."},
    "compare.cancelled": {"one": "Cancelada tras {done} de {count} ejecución.",
                          "other": "Cancelada tras {done} de {count} ejecuciones."},
    "compare.tab.table": "Tabla",
    "compare.tab.chart": "Gráfico",
    "compare.chart.title": "Aceleración sobre la ejecución secuencial de cada intérprete (│ marca 1×: sin ganancia)",
    "compare.chart.lost.title": "Barras rojas: incrementos del contador perdidos (% de los esperados)",
    "compare.chart.empty": "El gráfico se completa a medida que avanza la comparación.",
    "compare.chart.group.gil": "Con el GIL",
    "compare.chart.group.free": "Free-threaded, sin GIL",
    "compare.chart.lost": "perdidos",
    "compare.chart.failed": "{status}",
    "compare.key.run": "Ejecutar",
    "compare.key.cancel": "Cancelar",
    "compare.key.close": "Cerrar",
    "compare.key.export": "Exportar",
    "compare.key.view": "Tabla/gráfico",
    "compare.key.setup": "Configuración",
    "compare.key.compare": "Comparar",
    "compare.export.title.session": "Exportar las ejecuciones de esta sesión",
    "compare.export.title.comparison": "Exportar la comparación",
    "compare.export.prompt": "Nombre del archivo (.json, .csv o .md; la extensión elige el formato):",
    "compare.export.hint": "intro guarda · escape cierra",
    "compare.export.button": "Guardar",
    "compare.export.error.empty": "Escribe un nombre de archivo.",
    "compare.export.error.ext": "El nombre debe terminar en .json, .csv o .md, no en «{ext}».",
    "compare.export.error.dir": "No existe la carpeta {folder}.",
    "compare.export.error.isdir": "{path} es una carpeta: añade un nombre de archivo.",
    "compare.export.error.write": "No se puede escribir {path}: {reason}",
    "compare.export.error.symlink": "{path} es un enlace simbólico: nunca se sigue; elige otro nombre.",
    "compare.export.error.special": "{path} no es un archivo normal (una FIFO, un dispositivo o un socket); elige otro "
                                    "nombre.",
    "compare.export.exists": "{path} ya existe: enter otra vez lo sobrescribe; o cambia el nombre.",
    "compare.export.done": {"one": "Se guardó {count} resultado en {path}.",
                            "other": "Se guardaron {count} resultados en {path}."},
    "compare.export.nothing": "Todavía no hay nada que exportar: ejecuta algo antes.",
    "export.served.folder": "Servido a un navegador: los archivos van a {folder}",
    "export.served.outside": "Aquí solo un nombre de archivo: en una sesión servida los archivos van a {folder}.",
    "export.served.not_a_file": "{path} no es un archivo normal (un enlace, una carpeta o una tubería): "
                                "elige otro nombre.",
    # --- el recorrido (gil-tui demo) -------------------------------------------------------------
    "demo.header": "Recorrido · paso {n} de {count} · {how}",
    "demo.how.keys": "espacio o intro: siguiente paso · q: salir",
    "demo.how.auto": "siguiente paso {seconds:g} s tras acabar este · q: salir",
    "demo.how.running": "ejecutando…",
    "demo.key.next": "Siguiente",
    "demo.key.space": "espacio",
    "demo.intro.title": "Lo que el GIL hace a los hilos, en los tres experimentos del post",
    "demo.intro.look": "Cada paso ejecuta Python real en un proceso de laboratorio aparte y lo muestra en vivo. "
                       "Después, el mismo fib en un Python sin GIL, si hay uno instalado.",
    "demo.fib.title": "Experimento 1: cinco llamadas a fib una tras otra, luego en cinco hilos",
    "demo.fib.look": "Mira los carriles: con el GIL los hilos se turnan, así que juntos no son más rápidos que uno "
                     "tras otro. El panel de resultado pone los 3.23 s y 12.43 s del post junto a los nuestros.",
    "demo.fib_timeline.title": "Quién corrió cuándo: la línea de tiempo de la ejecución con hilos",
    "demo.fib_timeline.look": "Una fila por hilo, el tiempo de izquierda a derecha. Con el GIL se enciende un carril "
                              "a la vez: la cifra de abajo dice en cuántas franjas avanzó un solo hilo.",
    "demo.race.title": "Experimento 2: 20 hilos suman a un mismo contador sin cerrojo",
    "demo.race.look": "Mira el panel de resultado: el contador acaba por debajo del valor esperado, los incrementos "
                      "perdidos en rojo. El GIL no hace atómico leer-modificar-escribir; un intervalo de cambio más "
                      "corto pierde más.",
    "demo.sleep.title": "Experimento 3: diez sleep(1), uno tras otro, luego en diez hilos",
    "demo.sleep.look": "Dormir suelta el GIL: los hilos esperan a la vez y acaban unas diez veces antes. Los hilos "
                       "ayudan cuando el trabajo espera (E/S, sleep), no cuando calcula.",
    "demo.free.title": "El contraste: el mismo fib con hilos en {python} con el GIL desactivado",
    "demo.free.look": "Sin GIL: los carriles avanzan juntos y la línea de tiempo los muestra en paralelo. La "
                      "aceleración del panel de resultado es lo que dan los núcleos (en una máquina ocupada, menos).",
    "demo.no_free.title": "El contraste necesita un Python sin GIL (3.13t), y no se encontró ninguno",
    "demo.no_free.look": "gil-tui interpreters lista los Python de esta máquina; python3.13t o posterior, compilado "
                         "sin GIL, ejecuta el mismo fib sin el GIL.",
    "demo.end.title": "Fin del recorrido",
    "demo.end.look": "Todo lo que hay en pantalla sigue funcionando: r ejecuta la configuración, 1 2 3 repiten los "
                     "experimentos, t la línea de tiempo, c compara intérpretes, l cambia a inglés, q sale.",

    # --- tu propio código: gil-tui run --task fichero.py:función ------------------------------------
    "usage.task.empty": "indica el fichero y la función: fichero.py:función",
    "usage.task.form": "--task debe ser FICHERO.py:FUNCIÓN, no {value!r}",
    "usage.task.name": "{value!r} no es un nombre de función de Python",
    "usage.task.missing": "no existe el fichero: {path}",
    "usage.task.not_file": "{path} no es un fichero",
    "usage.task.outside": "{path} está fuera de {folder}, la única carpeta de la que puede venir el código "
                          "(--allow-tasks-from)",
    "usage.task.preset": "--task y --preset {preset} no van juntos",
    "usage.task.cannot": "{task} no puede ejecutarse con Python {python} ({executable}): {why}",
    "usage.task.join": "{text}",
    "usage.task.served": "ejecutar tu propio código es solo local: gil-tui serve rechaza --task salvo que "
                         "--allow-tasks-from DIR nombre la carpeta de la que puede venir",
    "usage.task.folder": "--allow-tasks-from {folder}: no existe esa carpeta",
    "usage.timeout": "--timeout debe ser un número positivo de segundos, no {value!r}",
    "run.timeout": "detenida tras {seconds:g} s (--timeout): la ejecución no había terminado",
    "task.exited": "la tarea {index} llamó a os._exit({code}), que termina todo el proceso de golpe: la ejecución "
                   "no tiene resultado (devuelve un valor o lanza una excepción)",
    "task.differs": "{mode} devolvió otros valores que {reference} con Python {python}: {count} de {total} tareas "
                    "(tarea {index}: {got}; {reference}: {expected})",
    "task.returned.title": "Devuelto:",
    "task.returned.same": {"one": "{mode}: la tarea devolvió {value}",
                           "other": "{mode}: las {count} tareas devolvieron lo mismo, {value}"},
    "task.returned.all": "en las {count} ejecuciones, todas las tareas devolvieron lo mismo: {value}",
    "task.returned.differ": "{mode}: {count} tareas devolvieron {distinct} valores distintos (tarea 0: {value})",
    "task.forked": "la tarea {index} llamó a os.fork(): sus procesos hijos se detuvieron al acabar la ejecución",
    "task.tasks": {"one": "tarea {indexes}", "other": "tareas {indexes}"},
    "task.error": "{error} - en {runs}",
    "verdict.title": "Veredicto:",
    "verdict.winner": "{mode} ganó con Python {python}: {wall:.2f} s, {speedup:.2f}× más rápido que una tarea "
                      "tras otra.",
    "verdict.winner.sequential": "Con Python {python}, una tarea tras otra fue lo más rápido ({wall:.2f} s): "
                                 "ningún modo ganó nada.",
    "verdict.winner.none": "Con Python {python} ningún modo fue claramente más rápido que una tarea tras otra (el "
                           "mejor, {mode}: {wall:.2f} s, {speedup:.2f}×).",
    "verdict.winner.nobase": "{mode} fue lo más rápido con Python {python}: {wall:.2f} s.",
    "verdict.loaded": "La máquina estaba ocupada con otro trabajo: con una tarea tras otra, tu función estuvo lista "
                      "para correr pero sin CPU el {runq:.0f} % del tiempo. Los tiempos son peores que en una "
                      "máquina tranquila; el veredicto de abajo mira más allá.",
    "verdict.waits": "Tu función sobre todo espera: con una tarea tras otra mantuvo la CPU ocupada solo el "
                     "{busy:.0f} % del tiempo (E/S, la red, pausas). Esperar libera el GIL, así que los hilos "
                     "solapan las esperas, y son lo más barato de arrancar.",
    "verdict.cpu": "Tu función está limitada por la CPU: con una tarea tras otra mantuvo un núcleo ocupado el "
                   "{busy:.0f} % del tiempo.",
    "verdict.cpu_gil": "Tu función es Python limitado por la CPU: con el GIL solo un hilo ejecuta Python a la vez, "
                       "así que los hilos se turnaron ({speedup:.2f}×, {cores:.1f} hilos listos a la vez). Los "
                       "procesos (o subintérpretes) tienen cada uno su propio GIL y pueden usar todos los núcleos.",
    "verdict.c_code": "Los hilos corrieron en paralelo aunque este Python tiene GIL ({speedup:.2f}×, {cores:.1f} "
                      "hilos listos a la vez): tu función pasa su tiempo en código C que libera el GIL (zlib, hashlib, "
                      "numpy…). Bastan los hilos: ni procesos que arrancar ni datos que copiar.",
    "verdict.free_threaded": "Sin el GIL (una compilación free-threaded), los hilos ejecutaron tu código Python en "
                             "paralelo: {speedup:.2f}×, {cores:.1f} hilos listos a la vez.",
    "verdict.free_threaded.none": "Ni sin el GIL ganaron los hilos ({speedup:.2f}×, {cores:.1f} hilos listos "
                                  "a la vez): las tareas compiten por objetos compartidos, o no había núcleo libre.",
    "verdict.startup": "Arrancar {mode} costó unos {startup:.2f} s de la ejecución, frente a {work:.2f} s de "
                       "trabajo por tarea: da más trabajo a cada tarea (un --size mayor) para que {mode} compense.",
    "verdict.cores": "Esta máquina tiene {ncpu} núcleos: {workers} tareas limitadas por la CPU pueden ir como mucho "
                     "{ncpu}× más rápido que una tras otra.",
    "verdict.unsafe": "No es seguro con {mode}: las mismas tareas devolvieron otra cosa que una tras otra. La "
                      "función comparte estado entre tareas (un dict global, una caché…) sin cerrojo.",
    "verdict.ft.gain": "Los hilos con {ft} tardaron {ft_wall:.2f} s frente a {gil_wall:.2f} s con {gil}: la "
                       "compilación free-threaded los hizo {gain:.2f}× más rápidos.",
    "verdict.ft.none": "Los hilos con {ft} tardaron {ft_wall:.2f} s frente a {gil_wall:.2f} s con {gil}: la "
                       "compilación free-threaded no ganó nada aquí ({gain:.2f}×).",
}
