"""English texts. Keys are shared with es.py; placeholders must match (tests/test_i18n.py)."""

from __future__ import annotations

TEXTS: dict[str, str | dict[str, str]] = {
    # --- names shown for the lab's modes (the CLI keeps the English names as values) -------------
    "mode.sequential": "sequential",
    "mode.threads": "threads",
    "mode.processes": "processes",
    "mode.asyncio": "asyncio",
    "mode.interpreters": "interpreters",
    "status.ok": "ok",
    "status.error": "error",
    "status.cancelled": "cancelled",
    "status.running": "running",
    "status.pending": "pending",

    # --- gil-tui run: live view, table, messages -------------------------------------------------
    "run.task": "task {index}",
    "run.elapsed": "Elapsed {seconds:.1f} s",
    "run.workers": {"one": "{count} worker", "other": "{count} workers"},
    "run.python": "Python {python}",
    "run.interrupted": "interrupted",
    "run.note": "note: {text}",
    "run.why": "Why ({mode}):",
    "run.failed": "{mode}: {error}",
    "run.size": "size {size}",
    "run.switch": "switch {interval}",
    "run.gil.on": "GIL on",
    "run.gil.off": "GIL off",
    "run.progress": "Run {n} of {count}",
    "run.left": "about {seconds:.0f} s left",
    "run.left.unknown": "time left not known yet",
    "run.progress.line": "run {n} of {count} done: {what}; {left}",
    "interpreters.title": {"one": "{count} interpreter, {usable} usable by the lab",
                           "other": "{count} interpreters, {usable} usable by the lab"},

    # --- column headers: gil-tui run's table, gil-tui compare, the history and the comparison table ---
    "col.n": "#",
    "col.workload": "workload",
    "col.switch": "switch",
    "col.mode": "mode",
    "col.python": "python",
    "col.workers": "n",
    "col.size": "size",
    "col.wall": "wall",
    "col.cpu": "CPU",
    "col.cores": "cores",
    "col.speedup": "speedup",
    "col.best": "vs best",
    "best.note": "vs best: speedup against the fastest sequential run of any Python here ({python}, {wall:.3f} s).",
    "col.spread": "spread",
    "col.counter": "counter",
    "col.lost": "lost",
    "col.status": "status",

    # --- the history's headers: short, so that every column fits the pane at 80 columns ---
    "col.probe": "late p50/p99",
    "col.trips": "trips/s alone→CPU",
    "history.col.n": "#",
    "history.col.workload": "workload",
    "history.col.mode": "mode",
    "history.col.workers": "n",
    "history.col.size": "size",
    "history.col.switch": "switch",
    "history.col.python": "py",
    "history.col.wall": "wall",
    "history.col.speedup": "speedup",
    "history.col.lost": "lost",
    "history.col.status": "status",

    # --- bad input: core/validation.py's UsageError (the CLI prints the English; the app, its language) ----------
    "usage.workload": "unknown workload {value!r} (choose from {choices})",
    "usage.mode.none": "no mode given (choose from {choices})",
    "usage.mode.unknown": "unknown mode {value!r} (choose from {choices})",
    "usage.mode.python": "mode {mode} needs Python 3.12 or newer; {executable} is Python {version} (choose another "
                         "with --python)",
    "usage.workers.whole": "workers must be a whole number from 1 to {max}, not {value!r}",
    "usage.workers.range": "workers must be from 1 to {max}, not {value}",
    "usage.size.positive": "size must be a positive number, not {value!r}",
    "usage.size.whole": "size for {workload} must be a whole number ({unit})",
    "usage.size.max": "size for {workload} is at most {upper} {unit}",
    "usage.sizes.whole": "a range of sizes ({value}) takes whole numbers; list other sizes with commas",
    "usage.sizes.order": "a range of sizes goes from the smaller to the larger, not {value}",
    "usage.sizes.many": "{value} is {count} sizes, one task each: at most {max}",
    "usage.sizes.workers": "{value} is {count} sizes, one per task, but there are {workers} workers: set "
                           "workers to {count}",
    "usage.switch.number": "switch interval must be a number of seconds, not {value!r}",
    "usage.switch.range": "switch interval must be between {low} and {high}, not {value:g} s",
    "usage.gil": "--gil must be on or off, not {value!r}",
    "usage.gil.build": "--gil off needs a free-threaded build (such as python3.13t); {executable} is Python {version}, "
                       "built with the GIL",

    # --- explanations: chosen by explain.py from the measured numbers ----------------------------
    "explain.error": "The run failed: {error}",
    "explain.cancelled": "The run was cancelled; the figures cover only the part that ran.",
    "explain.sequential": {
        "one": "Baseline: {count} task took {wall:.2f} s, keeping {cores:.2f} cores busy.",
        "other": "Baseline: {count} tasks one after another took {wall:.2f} s, keeping {cores:.2f} cores busy.",
    },
    "explain.no_baseline": "In {mode} mode the run took {wall:.2f} s on {cores:.2f} cores; add a sequential run to see "
                           "the speedup.",
    "explain.faster": "In {mode} mode the run finished {speedup:.2f}× faster than sequential, with {cores:.2f} cores "
                      "busy on average.",
    "explain.why.await": "Each coroutine awaited its waits, so the event loop ran the others meanwhile: one thread, "
                         "waits overlapping.",
    "explain.why.waiting": "The tasks were mostly waiting (their own CPU time kept {share:.0f}% of a core busy "
                           "each), and a wait releases the GIL, so the waits overlapped.",
    "explain.why.above_workers": "But {workers} workers at once can make it at most {workers}× faster: a speedup of "
                                 "{speedup:.2f}× is noise (the sequential run was slowed down by something else). "
                                 "Run both again.",
    "explain.why.above_cores": "But CPU-bound work gains at most one × per busy core, and only {cores:.2f} cores "
                               "were busy: part of the {speedup:.2f}× is noise (the sequential run was slowed down). "
                               "Run both again.",
    "explain.why.processes": "Each process has its own interpreter and its own GIL, so they computed in parallel "
                             "on {cores:.2f} cores.",
    "explain.why.interpreters": "Each subinterpreter has its own GIL, so they computed in parallel on {cores:.2f} "
                                "cores.",
    "explain.why.c_code": "hashlib's C code releases the GIL while it hashes a large buffer, so several threads "
                          "hashed at once on {cores:.2f} cores.",
    "explain.why.no_gil": "Python {version} ran without the GIL here (a free-threaded build), so the threads ran "
                          "Python code at the same time on {cores:.2f} cores.",
    "explain.same": "In {mode} mode the run took about as long as sequential (speedup {speedup:.2f}×).",
    "explain.slower": "In {mode} mode the run was {slowdown:.2f}× slower than sequential (speedup {speedup:.2f}×).",
    "explain.why.one_worker": "With a single worker there was nothing to run at the same time.",
    "explain.why.loop_blocked": "{workload} never awaits, so each coroutine kept the event loop until it "
                                "finished: the tasks ran one after another.",
    "explain.why.gil_turns": "Only {cores:.2f} cores were busy: under the GIL one thread at a time runs Python "
                             "bytecode, so the {workers} threads took turns instead of sharing out the work.",
    "explain.why.locked": "A lock serialised the work: each worker waited for the others to release the lock "
                          "around the counter, so only {cores:.2f} cores were busy.",
    "explain.why.io_handover": "Every write and fsync releases the GIL and takes it back: the {workers} threads "
                               "handed the GIL over at every system call, and that cost about as much as "
                               "overlapping the waits saved.",
    "explain.why.gil_contention": "The threads competed for the GIL from {cores:.2f} cores: a thread woken on "
                                  "another core must wait for the GIL to be handed over, and every handover costs "
                                  "time without doing any work.",
    "explain.why.no_free_core": "Only {cores:.2f} cores were busy, and the machine had only {idle:.2f} of its "
                                "{ncpu} cores idle on average during the run: other programs were using the rest, "
                                "so there was no free core to run on.",
    "explain.why.not_parallel": "Only {cores:.2f} cores were busy: the workers did not run at the same time (this "
                                "run did not measure whether other programs were using the cores).",
    "explain.why.not_parallel.idle": "Only {cores:.2f} cores were busy although {idle:.2f} of the machine's {ncpu} "
                                     "cores stayed idle: the workers did not run at the same time, and it was not "
                                     "for lack of a free core.",
    "explain.why.overhead": "Starting the workers and winding them down took {startup_ms:.0f} ms of the "
                            "{wall:.2f} s: at least as much as running them at the same time saved.",
    "explain.why.more_cpu": "{cores:.2f} cores were busy, yet the run was not faster: the same work took "
                            "{ratio:.2f}× the CPU time of the sequential run ({cpu:.2f} s against {base_cpu:.2f} s), "
                            "so each worker ran slower side by side than alone.",
    "explain.why.parallel_slow": "{cores:.2f} cores were busy, yet the run was not faster: the workers ran at the "
                                 "same time but each went slower than alone.",
    "explain.why.parallel_slow.startup": "{cores:.2f} cores were busy, yet the run was not faster; starting the "
                                         "workers took only {startup_ms:.1f} ms, so that was not the cause: the "
                                         "workers ran at the same time but each went slower than alone.",
    "explain.share": "Each worker had {mean:.0f}% of a core on average (from {low:.0f}% to {high:.0f}%).",
    "explain.why.noisy": "Yet only {cores:.2f} cores were busy, so the gain cannot come from running in parallel: "
                         "the sequential run was probably slowed down by other programs. Run both again.",
    "explain.share.back_to_back": "Yet only {cores:.2f} cores were busy: each task had the core to itself because "
                                  "they ran nearly one after another, each too short to be interrupted.",
    "explain.share.one_loop": "Yet only {cores:.2f} cores were busy: the coroutines ran one after another on the "
                              "event loop's one thread, each keeping it until it awaited or finished.",
    "explain.share.waiting": "They were mostly waiting, not computing.",
    "explain.share.one_nth": "That is about 1/{workers} of a core ({fair:.0f}%): under the GIL one thread at a "
                             "time runs Python bytecode, so the {workers} threads shared one thread's worth of "
                             "running.",
    "explain.share.below_fair": "That is less than 1/{workers} of a core ({fair:.0f}%), the share taking turns "
                                "under the GIL gives each: part of the time no thread was running at all (waiting "
                                "to be woken, or for a core).",
    "explain.share.below_fair.busy": "That is less than 1/{workers} of a core ({fair:.0f}%), the share taking turns "
                                     "under the GIL gives each: other programs took part of the time too (only "
                                     "{idle:.2f} of the machine's {ncpu} cores were idle).",
    "explain.share.above_fair": "That is more than 1/{workers} of a core ({fair:.0f}%), though under the GIL only "
                                "one thread at a time runs bytecode: the extra CPU went on handing the GIL over "
                                "between threads, not on the work.",
    "explain.share.own_core": "Close to a whole core each: they really ran in parallel.",
    "explain.timeline.turns": "The timeline (progress per {slice_ms:g} ms slice) shows them taking turns: while "
                              "all {workers} were running, only one made progress in {one:.0f}% of the slices.",
    "explain.timeline.overlap": "The timeline (progress per {slice_ms:g} ms slice) shows them overlapping: all "
                                "{workers} made progress in the same slice {all:.0f}% of the time.",
    "explain.timeline.coarse.switch": "The timeline records progress per {slice_ms:g} ms slice, not who held the "
                                      "GIL: with a {interval} switch interval the GIL changes hands within a slice, "
                                      "so it cannot show turn-taking here.",
    "explain.timeline.coarse.ticks": "The timeline records progress per {slice_ms:g} ms slice, not who held the "
                                     "GIL: these tasks report progress only {ticks:.2f} times a slice, so a slice "
                                     "without a mark does not mean a task was waiting, and it cannot show "
                                     "turn-taking here.",
    "explain.gil_changed.on": "The GIL was off when the run started and on when it ended: an extension module "
                              "without Py_mod_gil re-enabled it (PYTHON_GIL=0 keeps it off).",
    "explain.gil_changed.off": "The GIL was on when the run started and off when it ended.",
    "explain.timeline.mixed": "On the timeline, {mean:.1f} workers on average made progress in the same slice.",
    "explain.lost": {
        "one": "{lost} of {expected} counter updates was lost ({pct:.1f}%): the counter ended at {final}.",
        "other": "{lost} of {expected} counter updates were lost ({pct:.1f}%): the counter ended at {final}.",
    },
    "explain.lost.impossible": "That should be impossible here (nothing ran at the same time, or a lock guarded "
                               "the counter): please report it.",
    "explain.lost.processes": "The processes ran at the same time on a counter in shared memory, and no GIL spans "
                              "processes: two read the same value, both wrote it back plus one, and one update "
                              "vanished.",
    "explain.lost.interpreters": "Each subinterpreter has its own GIL, so they updated the shared counter at the "
                                 "same time: two read the same value, both wrote it back plus one, and one update "
                                 "vanished.",
    "explain.lost.no_gil": "Without the GIL the threads really ran at the same time: two read the same value, both "
                           "wrote it back plus one, and one update vanished.",
    "explain.lost.old_switch": "Python {version} can switch threads in the middle of self.count += 1, between "
                               "reading count and writing it back: the race the post describes, whose readers saw "
                               "17,982 and 18,811 of 20,000.",
    "explain.lost.plain_modern": "Unexpected on Python {version} with the GIL, where self.count += 1 runs without "
                                 "a thread switch inside it: something else interrupted the update.",
    "explain.lost.switch_old": "A thread switch landed between reading the counter and writing it back (Python "
                               "{version} can hand the GIL over at almost any bytecode): the thread then wrote a "
                               "stale value over the others' updates. The GIL protects the interpreter, not your "
                               "data. (Switch interval: {interval}.)",
    "explain.lost.switch": "A thread switch landed between reading the counter and writing it back (the call in "
                           "between is where the GIL can change hands): the thread then wrote a stale value over "
                           "the others' updates. The GIL protects the interpreter, not your data. (Switch "
                           "interval: {interval}.)",
    "explain.counter_odd": "The counter ended at {final}, above the {expected} increments made: the count is off.",
    "explain.exact": "No counter update was lost: {final} of {expected}.",
    "explain.exact.locked": "The lock let one worker at a time through the read-modify-write.",
    "explain.exact.one_at_a_time": "The tasks ran one after another, so no two increments could interleave.",
    "explain.exact.plain_310": "Since Python 3.10 CPython checks for a thread switch only at calls and backward "
                               "jumps, never inside self.count += 1, so with the GIL each increment happened whole "
                               "on Python {version}. That is an implementation detail, not a guarantee: a property, "
                               "a Python __iadd__ or free-threading breaks it. The post's readers, on an older "
                               "Python, saw 17,982 and 18,811 of 20,000.",
    "explain.exact.too_short": "Each thread needed at most {task_ms:.2f} ms of CPU, less than the {interval} "
                               "switch interval, so it finished its increments before being asked to hand over "
                               "the GIL: the threads ran one after another. Python 2's GIL offered a switch every "
                               "100 bytecodes instead; a shorter switch interval shows the race.",
    "explain.exact.lucky": "This time no switch landed inside a read-modify-write, but it is still a race: another "
                           "run, more workers or a shorter switch interval (now {interval}) can lose "
                           "updates.",
    # --- the seed post's experiments (presets.py) ------------------------------------------------
    "preset.seed-fib.title": "The post's fib: fib(30)…fib(34) one after another, then in 5 threads",
    "preset.seed-race.title": "The post's race: 20 threads × 1000 increments of a shared counter",
    "preset.seed-sleep.title": "The post's sleeps: 10 × sleep(1) one after another, then in threads",
    "preset.convoy.title": "The convoy: a task that waits on I/O beside CPU-bound tasks, in threads, then processes",
    "preset.convoy.incomplete": "The convoy experiment did not finish: no comparison.",
    "convoy.banner": "{loaded}/s WITH CPU WORK vs {alone}/s ALONE: {ratio} FEWER ROUND TRIPS",
    "convoy.banner.kept": "{loaded}/s with CPU work vs {alone}/s alone: round trips kept ({ratio})",
    "convoy.line": "{mode}: {alone} round trips/s alone → {loaded}/s with CPU work ({ratio} fewer)",
    "explain.convoy.gil": "The I/O task made {alone} round trips/s alone and {loaded}/s beside {cpu} CPU-bound "
                          "{mode}: {ratio} fewer. Each reply wakes it, but to run it must take the GIL back from a "
                          "thread computing fib, which lets go only when the switch interval ({interval}) is over: "
                          "a wait at every round trip.",
    "explain.convoy.free": "The I/O task made {alone} round trips/s alone and {loaded}/s beside {cpu} CPU-bound "
                           "{mode} ({ratio}): nothing made it wait for a GIL, only for a free core.",
    "explain.convoy.cores": "The I/O task and its echo peer were held on core {core} and the CPU tasks on the "
                            "others, in every mode: the I/O task always had a core to itself, so what slowed it was "
                            "not where the kernel put the busy tasks.",
    "explain.convoy.serial": "In {mode} the tasks run one after another: the I/O task never ran beside the CPU "
                             "work ({alone} round trips/s, then {loaded}/s).",
    "explain.probe.gil": "A thread that sleeps 1 ms woke {p50} ms late at the median and {p99} ms at the 99th "
                         "percentile: each time it had to wait for the GIL, on the order of the switch interval "
                         "({interval}).",
    "explain.probe.free": "A thread that sleeps 1 ms woke {p50} ms late at the median and {p99} ms at the 99th "
                          "percentile: it waited for the OS scheduler only, not for a GIL.",
    "explain.handovers": "The running task changed {per_s} times a second (one hand-over every {every}) at a "
                         "switch interval of {interval}.",
    "explain.handovers.thrash": "At a switch interval of {interval} the running task changed {per_s} times a second "
                                "(every {every}): each hand-over wakes a waiting thread, often on the other core, so "
                                "this run kept {cores:.2f} cores busy for work that one core does.",
    "app.result.probe": "Woke late",
    "app.result.handovers": "Hand-overs",
    "app.result.probe.value": "p50 {p50} ms  p99 {p99} ms",
    "app.result.handovers.value": "{per_s}/s at switch {interval}",
    "app.probe.live": "1 ms sleeper late by",
    "app.probe.off": "probe off (p turns it on)",
    "app.probe.waiting": "probe on: waiting for wake-ups…",
    "app.probe.toggled.on": "Responsiveness probe on: a 1 ms sleeper rides along the next runs.",
    "app.probe.toggled.off": "Responsiveness probe off (the convoy experiment keeps its own).",
    "app.key.probe": "Probe",
    "app.key.convoy": "Convoy",
    "app.cmd.probe": "Responsiveness probe on/off",
    "app.cmd.convoy": "Run the convoy experiment: round trips beside CPU work, threads then processes",
    "preset.incomplete": "Not every run of this experiment finished, so there is nothing to compare yet.",
    "preset.fib.post": "The post: {seq:.2f} s sequential, {thr:.2f} s in 5 threads (threads ÷ sequential = "
                       "{ratio:.2f}).",
    "preset.fib.here": "Here: {seq:.2f} s sequential, {thr:.2f} s in {workers} threads (threads ÷ sequential = "
                       "{ratio:.2f}).",
    "preset.fib.model": "With one size for every task it ran {workers} × fib({size}): {share:.0f}% of "
                        "the work of fib(30)…fib(34). Compare the ratios, not the seconds: the machine differs too.",
    "preset.fib.exact": "Each task ran one of the post's sizes, {sizes}: the post's own work.",
    "preset.fib.sizes": "One size per task: {sizes}. Compare the ratios, not the seconds: the machine differs too.",
    "preset.fib.like_post": "As in the post, threads were several times slower than one thread: handing the GIL "
                            "between threads on different cores cost more than the work itself (Python {version}).",
    "preset.fib.loaded": "Threads were {ratio:.1f}× slower, but only {cores:.2f} cores were busy, and GIL hand-over "
                         "between cores keeps several busy: the machine was busy with other work during the "
                         "threads run (only {idle:.2f} cores idle). Run it again.",
    "preset.fib.slow_unexplained": "Threads were {ratio:.1f}× slower, but only {cores:.2f} cores were busy, and GIL "
                                   "hand-over between cores keeps several busy: something else slowed the threads "
                                   "run down. Run it again.",
    "preset.fib.new_gil": "Not the post's {post:.1f}× slowdown: the GIL was rewritten in Python 3.2, and a waiting "
                          "thread now asks for it once per switch interval instead of every thread fighting for it "
                          "every 100 bytecodes. On Python {version} threads cost about as much as running one after "
                          "another, but they still do not help.",
    "preset.fib.parallel": "Unlike the post, threads were faster: Python {version} ran them in parallel here.",
    "preset.fib.noisy": "Threads came out faster, but with only {cores:.2f} cores busy that cannot be parallelism: "
                        "the sequential run was slowed down by something else. Run it again.",
    "preset.fib.no_gil_not_faster": "Python {version} ran without the GIL here, yet threads were not faster "
                                    "({cores:.2f} cores busy); the reasons follow.",
    "preset.race.post": "The post: the counter ended at {first} and {second} of {expected}.",
    "preset.race.here": {
        "one": "Here, {workload} with a {interval} switch interval: {final} of {expected} ({lost} lost).",
        "other": "Here, {workload} with a {interval} switch interval: {final} of {expected} ({lost} lost).",
    },
    "preset.race.depends": "Whether updates are lost depends on the interpreter, the code and the switch interval: "
                           "compare the lines above.",
    "preset.race.none_lost": "Nothing was lost here, unlike in the post.",
    "preset.race.why": "{workload}, {interval}:",
    "preset.sleep.post": "The post: {seq:.2f} s one after another, {thr:.2f} s in threads.",
    "preset.sleep.here": "Here: {seq:.2f} s one after another, {thr:.2f} s in threads.",
    "preset.sleep.like_post": "As in the post: {speedup:.1f}× faster (the post: {post:.1f}×), because a sleeping "
                              "thread does not hold the GIL.",
    "preset.sleep.unlike": "Only {speedup:.1f}× faster, where the post got {post:.1f}×; the reasons follow.",
    # --- the workbench (ui/) ---------------------------------------------------------------------
    "app.title": "gil-tui · the GIL workbench",
    "app.pane.setup": "Setup",
    "app.pane.run": "Run",
    "app.pane.result": "Result",
    "app.pane.history": "History",
    "app.tab.lanes": "Lanes",
    "app.tab.timeline": "Timeline",
    "app.field.task": "Code",
    "app.workload.task": "your own function, file.py:function, called once per task",
    "app.workload.task.name": "your code",
    "app.field.workload": "Workload",
    "app.field.workers": "Workers",
    "app.field.mode": "Mode",
    "app.field.size": "Size",
    "app.field.switch": "Switch",
    "app.field.python": "Python",
    "app.button.run": "Run",
    "app.button.cancel": "Cancel",
    "app.key.run": "Run",
    "app.key.cancel": "Cancel",
    "app.key.quit": "Quit",
    "app.key.help": "Help",
    "app.key.close": "Close",
    "app.key.timeline": "Timeline",
    "app.key.language": "Español",
    "app.key.zoom_in": "Zoom in",
    "app.key.zoom_out": "Zoom out",
    "app.key.preset": "Post's experiment",
    "app.workload.fib": "recursive pure-Python Fibonacci fib(n): holds the GIL",
    "app.workload.sleep": "time.sleep in 10 ms steps: releases the GIL while waiting",
    "app.workload.race": "shared counter, unlocked read-call-write: can lose updates under the GIL",
    "app.workload.race-plain": "the post's literal self.count += n: exact with the GIL on 3.10+",
    "app.workload.race-locked": "the race counter behind a lock: always exact",
    "app.workload.hash": "hashlib.sha256 over 1 MiB buffers: C code that releases the GIL",
    "app.workload.io": "64 KiB file writes, each fsync'd: real blocking I/O",
    "app.workload.convoy": "1-byte round trips to an echo process, alone, then beside N-1 fib(n)",
    "app.mode.sequential": "the N tasks one after another in one thread",
    "app.mode.threads": "one thread per task (threading)",
    "app.mode.processes": "one process per task; counters in shared memory",
    "app.mode.asyncio": "one coroutine per task on one event loop",
    "app.mode.interpreters": "one subinterpreter per task, each in its own thread (3.12+)",
    "app.mode.unavailable.interpreters": "needs 3.12+",
    "app.mode.dropped": "{modes} unticked: {why}",
    "app.switch.default": "5 ms (default)",
    "app.switch.custom": "custom…",
    "app.idle": "Press r to run.",
    "app.idle.hint": "1 2 3: the post's three experiments · 4: the convoy · p: probe · c: compare · e: export "
                     "· d: dark/light · l: español · ?: help · ctrl+p: every command",
    "app.idle.fix": "Fix the setup to run.",
    "app.elapsed": "Elapsed {seconds:.1f} s",
    "app.starting": "starting the lab…",
    "app.running": {"one": "{workload} · {mode} · {count} worker · Python {python}",
                    "other": "{workload} · {mode} · {count} workers · Python {python}"},
    "app.cancelling": "cancelling…",
    # the result pane's first line once a run is over (the live "Elapsed" clock stops; Wall is the run's time)
    "app.done.ok": "Run {n} finished.",
    "app.done.cancelled": "Run {n} cancelled.",
    "app.done.error": "Run {n} failed.",
    "app.done.again": "Run {n}, shown again from History.",
    "app.done.series.one": "Run {first}: wall {wall:.3f} s.",
    "app.done.series": "Runs {first}–{last}: wall {wall:.3f} s in all.",
    "app.done.series.cancelled.one": "Run {first} was cancelled after {wall:.3f} s.",
    "app.done.series.cancelled": "Runs {first}–{last}, the last cancelled: {wall:.3f} s in all.",
    # a workload's size: its unit beside the Size field, and the size with its unit in a run's description
    "app.unit.n": "n of fib(n)",
    "app.unit.increments": "increments",
    "app.unit.s": "s",
    "app.unit.MiB": "MiB",
    "app.unit.writes": "writes",
    "app.size.n": "n={size}",
    "app.size.increments": "{size} increments",
    "app.size.s": "{size} s",
    "app.size.MiB": "{size} MiB",
    "app.size.writes": "{size} writes",
    "app.switch.note": "{seconds} s = {interval}",
    # the command palette (ctrl+p): the workbench's own actions, with their keys
    "app.cmd.key": "key {keys}",
    "app.cmd.run": "Run the setup",
    "app.cmd.cancel": "Cancel the run",
    "app.cmd.preset": "Run the post's experiment {number} ({workload})",
    "app.cmd.timeline": "Show the lanes or the timeline",
    "app.cmd.zoom_fit": "Timeline: the whole run",
    "app.cmd.language": "Español: switch to Spanish",
    "app.cmd.theme": "Dark or light theme",
    "app.cmd.help": "Help: the keys and what is measured",
    "app.cpu.label": "CPU, whole machine",  # not the run's: every program's
    "app.cpu.cores": "{cores:.1f}/{ncpu} cores",
    "app.lanes.empty": "No run yet: one lane per worker appears here.",
    "app.lanes.share": "{share:.0f}% core",
    "app.timeline.empty": "Who ran when: one row per worker, a mark for each moment it made progress.",
    "app.timeline.scale": "one cell = {cell}",
    "app.timeline.fit": "whole run",
    "app.timeline.keys": "+/- zoom, [ ] pan",
    "app.timeline.turns": "one lane at a time in {one:.0f}% of active {slice} slices; all {lanes} at once in "
                          "{all:.0f}%",
    "app.timeline.coarse": "progress per {slice} slice, not GIL turns: too coarse to show turn-taking here",
    "app.timeline.coarse.short": "{slice} slices: too coarse for turns",
    "app.timeline.few": "too few active slices to say who ran when",
    "app.timeline.few.short": "too few active slices to tell",
    "app.timeline.turns.short": "one at a time in {one:.0f}% of {slice} slices, all {lanes} in {all:.0f}%",
    "app.timeline.cell": "cell {cell}",
    "app.lane.label": "w{index}",
    "app.result.wall": "Wall",
    "app.result.cpu": "CPU",
    "app.result.cores": "Cores",
    "app.result.speedup": "Speedup",
    "app.result.speedup.none": "— (run sequential first)",
    "app.result.speedup.self": "1.00× (the baseline)",
    "app.result.counter": "Counter",
    "app.result.of": "of",
    "app.result.lost": {"one": "LOST {lost} UPDATE ({pct:.1f}%)", "other": "LOST {lost} UPDATES ({pct:.1f}%)"},
    "app.result.exact": "no update lost",
    "app.result.status.cancelled": "Cancelled.",
    "app.result.status.error": "The run failed: {error}",
    "app.result.notes": "Note: {note}",
    "app.result.what": "{workload} · {mode} · {workers} × {size} · Python {python} · switch {switch}",
    "app.result.why": "Why",
    "app.preset.running": "The post's experiment {number}, run {step} of {steps}: {what}",
    "app.preset.done": "Experiment {number}: {title}",
    "app.preset.cancelled": "The post's experiment {number} was cancelled after {done} of {steps} runs.",
    "app.convoy.running": "Experiment {number}, run {step} of {steps}: {what}",
    "app.convoy.cancelled": "Experiment {number} was cancelled after {done} of {steps} runs.",
    "app.set.running": "Mode {step} of {steps}: {what}",
    "app.set.cancelled": "Stopped after {done} of {steps} modes.",
    "app.set.why": "Why — {mode}",
    "app.set.col.wall": "wall",
    "app.set.col.cores": "cores",
    "app.set.col.speedup": "speedup",
    "history.key.load": "Load into Setup",
    "app.history.loaded": "Run {n} is back in Setup: r runs it again.",
    "app.error.running": "A run is already going.",
    "app.error.invalid": "Fix the setup first: {error}",
    "app.python.gil": "{short} GIL {gil}",
    "app.key.theme": "Dark/light",
    "app.help.scroll": "↑ ↓ PgUp PgDn Home End: scroll",
    "app.help.title": "Keys",
    "app.help.body": (
            "r        run the setup on the left, each mode in turn\n"
            "escape   cancel the run (stops within half a second)\n"
            "q        quit (a run in progress is stopped first)\n"
            "tab      next field or pane; shift+tab the previous one\n"
            "enter    on a history row: that result again, in Setup too\n"
            "t        lanes / timeline (who ran when)\n"
            "+ - 0    timeline: zoom in, out, whole run\n"
            "[ ]      timeline: earlier / later\n"
            "1 2 3    the post's experiments: fib, the race, sleep\n"
            "4        the convoy: I/O round trips beside CPU work\n"
            "p        probe: how late a 1 ms sleeper wakes (on/off)\n"
            "c        compare interpreters x modes side by side\n"
            "e        export this session's runs (.json .csv .md)\n"
            "l        English / español\n"
            "d        dark / light theme\n"
            "?        this help\n"
            "\n"
            "Each run happens in a separate lab process under the chosen\n"
            "Python, so the workbench never measures itself. Threads under\n"
            "the GIL take turns; processes really run at once, and so do\n"
            "threads on a free-threaded build, but only with the GIL off:\n"
            "importing an extension module built without Py_mod_gil turns\n"
            "it back on unless PYTHON_GIL=0 (the result says so). The race\n"
            "workloads can lose updates when a thread switch lands inside\n"
            "read-modify-write.\n"
            "\n"
            "Press escape or ? to close."
    ),
    # --- the comparison screen, the speedup chart and the export dialog --------------------------
    "compare.title": "Compare interpreters",
    "compare.field.workload": "Workload",
    "compare.field.workers": "Workers",
    "compare.field.size": "Size",
    "compare.field.pythons": "Interpreters",
    "compare.field.modes": "Modes",
    "compare.hint": "space ticks or unticks the highlighted line · tab moves to the next field",
    "compare.error.pythons": "Tick at least one interpreter.",
    "compare.error.modes": "Tick at least one mode.",
    "compare.idle": "Tick interpreters and modes, then press r. Each interpreter also runs sequential: speedups are "
                    "measured against it.",
    "compare.progress": "Run {n} of {count}: {python} · {mode} · this run: {elapsed:.1f} s",
    "compare.progress.done": ", {pct:.0f} % done",
    "compare.folded": "Setup (s): {workload} · workers {workers} · size {size} · interpreters {pythons} · modes "
                      "{modes}",
    "compare.cancelling": "cancelling…",
    "compare.done": {"one": "Done: {count} run in {elapsed:.1f} s.", "other": "Done: {count} runs in {elapsed:.1f} s."},
    "compare.cancelled": {"one": "Cancelled after {done} of {count} run.",
                          "other": "Cancelled after {done} of {count} runs."},
    "compare.tab.table": "Table",
    "compare.tab.chart": "Chart",
    "compare.chart.title": "Speedup over each interpreter's own sequential run (│ marks 1×: no gain)",
    "compare.chart.lost.title": "Red bars: counter updates lost (% of expected)",
    "compare.chart.empty": "The chart fills in as the comparison runs.",
    "compare.chart.group.gil": "With the GIL",
    "compare.chart.group.free": "Free-threaded, GIL off",
    "compare.chart.lost": "lost",
    "compare.chart.failed": "{status}",
    "compare.key.run": "Run",
    "compare.key.cancel": "Cancel",
    "compare.key.close": "Close",
    "compare.key.export": "Export",
    "compare.key.view": "Table/chart",
    "compare.key.setup": "Setup",
    "compare.key.compare": "Compare",
    "compare.export.title.session": "Export this session's runs",
    "compare.export.title.comparison": "Export the comparison",
    "compare.export.prompt": "File name (.json, .csv or .md; the extension picks the format):",
    "compare.export.hint": "enter writes · escape closes",
    "compare.export.button": "Write",
    "compare.export.error.empty": "Type a file name.",
    "compare.export.error.ext": "The name must end in .json, .csv or .md, not “{ext}”.",
    "compare.export.error.dir": "There is no folder {folder}.",
    "compare.export.error.isdir": "{path} is a folder: add a file name.",
    "compare.export.error.write": "Cannot write {path}: {reason}",
    "compare.export.error.symlink": "{path} is a symbolic link: it is never followed; choose another name.",
    "compare.export.error.special": "{path} is not a regular file (a FIFO, a device or a socket); choose another name.",
    "compare.export.exists": "{path} is already there: enter again writes over it; or change the name.",
    "compare.export.done": {"one": "Wrote {count} result to {path}.", "other": "Wrote {count} results to {path}."},
    "compare.export.nothing": "Nothing to export yet: run something first.",
    "export.served.folder": "Served to a browser: files go in {folder}",
    "export.served.outside": "Only a file name here: in a served session files go in {folder}.",
    "export.served.not_a_file": "{path} is not a regular file (a link, a folder or a pipe): choose another name.",
    # --- the tour (gil-tui demo) -----------------------------------------------------------------
    "demo.header": "Tour · step {n} of {count} · {how}",
    "demo.how.keys": "space or enter: next step · q: quit",
    "demo.how.auto": "next step {seconds:g} s after this one ends · q: quit",
    "demo.how.running": "running…",
    "demo.key.next": "Next step",  # the footer's space key
    "demo.key.space": "space",  # how the footer names the space bar
    "demo.intro.title": "What the GIL does to threads, in the post's three experiments",
    "demo.intro.look": "Each step runs real Python in a separate lab process and shows it live. Then the same fib on a "
                       "Python without the GIL, when one is installed.",
    "demo.fib.title": "Experiment 1: five fib calls one after another, then in five threads",
    "demo.fib.look": "Watch the lanes: under the GIL the threads take turns, so together they are no faster than "
                     "one after another. The result pane puts the post's 3.23 s and 12.43 s beside ours.",
    "demo.fib_timeline.title": "Who ran when: the timeline of the threads run",
    "demo.fib_timeline.look": "One row per thread, time left to right. Under the GIL one lane at a time is lit: the "
                              "figure under it says in how many slices only one thread made progress.",
    "demo.race.title": "Experiment 2: 20 threads add to one counter without a lock",
    "demo.race.look": "Look at the result pane: the counter ends below the expected value, the updates lost in red. "
                      "The GIL does not make a read-modify-write atomic; a shorter switch interval loses more.",
    "demo.sleep.title": "Experiment 3: ten sleep(1), one after another, then in ten threads",
    "demo.sleep.look": "Sleeping releases the GIL: the threads wait together and finish about ten times sooner. "
                       "Threads help when the work waits (I/O, sleep), not when it computes.",
    "demo.free.title": "The contrast: the same fib threads on {python} with the GIL off",
    "demo.free.look": "No GIL: the lanes move together and the timeline shows them side by side. The speedup in the "
                      "result pane is what the cores give (on a busy machine, less).",
    "demo.no_free.title": "The contrast needs a free-threaded Python (3.13t), and none was found",
    "demo.no_free.look": "gil-tui interpreters lists the Pythons on this machine; python3.13t or newer, built "
                         "free-threaded, runs the same fib without the GIL.",
    "demo.end.title": "End of the tour",
    "demo.end.look": "Everything on screen stays usable: r runs the setup, 1 2 3 the experiments again, t the "
                     "timeline, c compares interpreters, l switches to Spanish, q quits.",

    # --- your own code: gil-tui run --task file.py:function ---------------------------------------
    "usage.task.empty": "give the file and the function: file.py:function",
    "usage.task.form": "--task must be FILE.py:FUNCTION, not {value!r}",
    "usage.task.name": "{value!r} is not a Python function name",
    "usage.task.missing": "no such file: {path}",
    "usage.task.not_file": "{path} is not a file",
    "usage.task.outside": "{path} is outside {folder}, the only folder tasks may come from (--allow-tasks-from)",
    "usage.task.preset": "--task and --preset {preset} do not go together",
    "usage.task.cannot": "{task} cannot run under Python {python} ({executable}): {why}",
    "usage.task.join": "{text}",
    "usage.task.served": "running your own code is local only: gil-tui serve refuses --task unless "
                         "--allow-tasks-from DIR names the folder it may come from",
    "usage.task.folder": "--allow-tasks-from {folder}: there is no such folder",
    "usage.timeout": "--timeout must be a positive number of seconds, not {value!r}",
    "run.timeout": "stopped after {seconds:g} s (--timeout): the run had not finished",
    "task.exited": "task {index} called os._exit({code}), which ends the whole process at once: the run has no "
                   "result (return or raise instead)",
    "task.differs": "{mode} returned other values than {reference} on Python {python}: {count} of {total} tasks "
                    "(task {index}: {got}; {reference}: {expected})",
    "task.returned.title": "Returned:",
    "task.returned.same": {"one": "{mode}: the task returned {value}",
                           "other": "{mode}: all {count} tasks returned the same, {value}"},
    "task.returned.all": "in all {count} runs, every task returned the same: {value}",
    "task.returned.differ": "{mode}: {count} tasks returned {distinct} different values (task 0: {value})",
    "task.forked": "task {index} called os.fork(): its child processes were stopped when the run ended",
    "task.tasks": {"one": "task {indexes}", "other": "tasks {indexes}"},
    "task.error": "{error} - in {runs}",
    "verdict.title": "Verdict:",
    "verdict.winner": "{mode} won on Python {python}: {wall:.2f} s, {speedup:.2f}× as fast as one task after "
                      "another.",
    "verdict.winner.sequential": "On Python {python}, one task after another was fastest ({wall:.2f} s): no mode "
                                 "gained anything.",
    "verdict.winner.none": "On Python {python} no mode was clearly faster than one task after another (the best, "
                           "{mode}: {wall:.2f} s, {speedup:.2f}×).",
    "verdict.winner.nobase": "{mode} was fastest on Python {python}: {wall:.2f} s.",
    "verdict.loaded": "The machine was busy with other work: one task after another, your function was ready to run "
                      "but had no CPU {runq:.0f} % of the time. The times are slower than on a quiet machine; the "
                      "verdict below looks past that.",
    "verdict.waits": "Your function mostly waits: run one task after another it kept the CPU busy only {busy:.0f} % "
                     "of the time (I/O, the network, sleeps). Waiting releases the GIL, so threads overlap the "
                     "waits, and they are the cheapest to start.",
    "verdict.cpu": "Your function is CPU-bound: run one task after another it kept a core busy {busy:.0f} % of the "
                   "time.",
    "verdict.cpu_gil": "Your function is CPU-bound Python: under the GIL only one thread runs Python at a time, so "
                       "threads took turns ({speedup:.2f}×, {cores:.1f} threads ready to run at once). Processes "
                       "(or subinterpreters) each have a GIL of their own and can use every core.",
    "verdict.c_code": "Threads ran in parallel although this Python has a GIL ({speedup:.2f}×, {cores:.1f} threads "
                      "ready to run at once): your function spends its time in C code that releases the GIL "
                      "(zlib, hashlib, numpy…). Threads are enough: no processes to start, nothing to copy.",
    "verdict.free_threaded": "Without the GIL (a free-threaded build), threads ran your Python code in parallel: "
                             "{speedup:.2f}×, {cores:.1f} threads ready to run at once.",
    "verdict.free_threaded.none": "Even without the GIL, threads did not gain ({speedup:.2f}×, {cores:.1f} threads "
                                  "ready to run at once): the tasks contend for shared objects, or no core was free.",
    "verdict.startup": "Starting {mode} cost about {startup:.2f} s of the run, against {work:.2f} s of work per "
                       "task: give each task more work (a larger --size) for {mode} to pay off.",
    "verdict.cores": "This machine has {ncpu} cores: {workers} CPU-bound tasks can go at most {ncpu}× as fast as "
                     "one after another.",
    "verdict.unsafe": "Not safe under {mode}: the same tasks returned something else than one after another. The "
                      "function shares state between tasks (a global dict, a cache…) without a lock.",
    "verdict.ft.gain": "Threads on {ft} took {ft_wall:.2f} s against {gil_wall:.2f} s on {gil}: the free-threaded "
                       "build made them {gain:.2f}× as fast.",
    "verdict.ft.none": "Threads on {ft} took {ft_wall:.2f} s against {gil_wall:.2f} s on {gil}: the free-threaded "
                       "build gained nothing here ({gain:.2f}×).",
}
