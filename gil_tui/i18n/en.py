"""English texts. Keys are shared with es.py; placeholders must match (tests/test_i18n.py)."""

TEXTS = {
    # --- names shown for the lab's modes (the CLI keeps the English names as values) -----------
    "mode.sequential": "sequential",
    "mode.threads": "threads",
    "mode.processes": "processes",
    "mode.asyncio": "asyncio",
    "mode.interpreters": "interpreters",
    "status.ok": "ok",
    "status.error": "error",
    "status.cancelled": "cancelled",

    # --- gil-tui run: live view, table, messages -----------------------------------------------
    "run.task": "task {index}",
    "run.elapsed": "Elapsed {seconds:.1f} s",
    "run.workers": "{workers} workers",
    "run.python": "Python {python}",
    "run.interrupted": "interrupted",
    "run.note": "note: {text}",
    "run.why": "Why ({mode}):",
    "run.failed": "{mode}: {error}",
    "table.workload": "workload",
    "table.switch": "switch",
    "table.mode": "mode",
    "table.python": "python",
    "table.wall": "wall",
    "table.cpu": "CPU",
    "table.cores": "cores",
    "table.speedup": "speedup",
    "table.spread": "spread",
    "table.counter": "counter",
    "table.lost": "lost",

    # --- explanations: chosen by explain.py from the measured numbers --------------------------
    "explain.error": "The run failed: {error}",
    "explain.cancelled": "The run was cancelled; the figures cover only the part that ran.",
    "explain.sequential": "Baseline: {workers} tasks one after another took {wall:.2f} s, keeping {cores:.2f} "
                          "cores busy.",
    "explain.no_baseline": "In {mode} mode the run took {wall:.2f} s on {cores:.2f} cores; add a sequential run to see "
                           "the speedup.",
    "explain.faster": "In {mode} mode the run finished {speedup:.2f}× faster than sequential, with {cores:.2f} cores "
                      "busy on average.",
    "explain.why.await": "Each coroutine awaited its waits, so the event loop ran the others meanwhile: one thread, "
                         "waits overlapping.",
    "explain.why.waiting": "The tasks were mostly waiting ({cpu:.2f} s of CPU in {wall:.2f} s), and a thread "
                           "releases the GIL while it waits, so the waits overlapped.",
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
    "explain.why.gil_turns": "Only {cores:.2f} cores were busy: one thread at a time could hold the GIL, so the "
                             "{workers} threads took turns on one core instead of sharing out the work.",
    "explain.why.gil_contention": "The threads competed for the GIL from {cores:.2f} cores: a thread woken on "
                                  "another core must wait for the GIL to be handed over, and every handover costs "
                                  "time without doing any work.",
    "explain.why.no_free_core": "Only {cores:.2f} cores were busy of the {ncpu} this machine has: other programs "
                                "were using them, so there was no free core to run on.",
    "explain.why.overhead": "{cores:.2f} cores were busy, yet the run was not faster: starting the workers and "
                            "coordinating them cost about as much as running in parallel saved.",
    "explain.share": "Each worker had {mean:.0f}% of a core on average (from {low:.0f}% to {high:.0f}%).",
    "explain.why.noisy": "Yet only {cores:.2f} cores were busy, so the gain cannot come from running in parallel: "
                         "the sequential run was probably slowed down by other programs. Run both again.",
    "explain.share.back_to_back": "Yet only {cores:.2f} cores were busy: each task had the core to itself because "
                                  "they ran nearly one after another, each too short to be interrupted.",
    "explain.share.waiting": "They were mostly waiting, not computing.",
    "explain.share.one_nth": "That is about 1/{workers} of a core ({fair:.0f}%): the {workers} threads shared the "
                             "single core the GIL lets them use.",
    "explain.share.own_core": "Close to a whole core each: they really ran in parallel.",
    "explain.timeline.turns": "The timeline shows them taking turns: while all {workers} were running, only one "
                              "made progress in {one:.0f}% of the {slice_ms:g} ms slices.",
    "explain.timeline.overlap": "The timeline shows them overlapping: all {workers} made progress in the same "
                                "{slice_ms:g} ms slice {all:.0f}% of the time.",
    "explain.timeline.mixed": "On the timeline, {mean:.1f} workers on average made progress in the same slice.",
    "explain.lost": "{lost} of {expected} counter updates were lost ({pct:.1f}%): the counter ended at {final}.",
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
                               "17982 and 18811 of 20000.",
    "explain.lost.plain_modern": "Unexpected on Python {version} with the GIL, where self.count += 1 runs without "
                                 "a thread switch inside it: something else interrupted the update.",
    "explain.lost.switch": "A thread switch landed between reading the counter and writing it back (the call in "
                           "between is where the GIL can change hands): the thread then wrote a stale value over "
                           "the others' updates. The GIL protects the interpreter, not your data. (Switch "
                           "interval: {interval_ms:g} ms.)",
    "explain.counter_odd": "The counter ended at {final}, above the {expected} increments made: the count is off.",
    "explain.exact": "No counter update was lost: {final} of {expected}.",
    "explain.exact.locked": "The lock let one worker at a time through the read-modify-write.",
    "explain.exact.one_at_a_time": "The tasks ran one after another, so no two increments could interleave.",
    "explain.exact.plain_310": "Since Python 3.10 CPython checks for a thread switch only at calls and backward "
                               "jumps, never inside self.count += 1, so with the GIL each increment happened whole "
                               "on Python {version}. The post's readers, on an older Python, saw 17982 and 18811 "
                               "of 20000.",
    "explain.exact.too_short": "Each thread needed at most {task_ms:.2f} ms of CPU, less than the {interval_ms:g} ms "
                               "switch interval, so it finished its increments before being asked to hand over "
                               "the GIL: the threads ran one after another. Python 2's GIL offered a switch every "
                               "100 bytecodes instead; a shorter switch interval shows the race.",
    "explain.exact.lucky": "This time no switch landed inside a read-modify-write, but it is still a race: another "
                           "run, more workers or a shorter switch interval (now {interval_ms:g} ms) can lose "
                           "updates.",
    # --- the seed post's experiments (presets.py) -----------------------------------------------
    "preset.seed-fib.title": "The post's fib: fib(30)…fib(34) one after another, then in 5 threads",
    "preset.seed-race.title": "The post's race: 20 threads × 1000 increments of a shared counter",
    "preset.seed-sleep.title": "The post's sleeps: 10 × sleep(1) one after another, then in threads",
    "preset.incomplete": "Not every run of this experiment finished, so there is nothing to compare yet.",
    "preset.fib.post": "The post: {seq:.2f} s sequential, {thr:.2f} s in 5 threads (threads ÷ sequential = "
                       "{ratio:.2f}).",
    "preset.fib.here": "Here: {seq:.2f} s sequential, {thr:.2f} s in {workers} threads (threads ÷ sequential = "
                       "{ratio:.2f}).",
    "preset.fib.model": "The lab's tasks are all the same size, so it runs {workers} × fib({size}): {share:.0f}% of "
                        "the work of fib(30)…fib(34). Compare the ratios, not the seconds: the machine differs too.",
    "preset.fib.like_post": "As in the post, threads were several times slower than one thread: handing the GIL "
                            "between threads on different cores cost more than the work itself (Python {version}).",
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
    "preset.race.here": "Here, {workload} with a {interval_ms:g} ms switch interval: {final} of {expected} ({lost} "
                        "lost).",
    "preset.race.depends": "Whether updates are lost depends on the interpreter, the code and the switch interval: "
                           "compare the lines above.",
    "preset.race.none_lost": "Nothing was lost here, unlike in the post.",
    "preset.race.why": "{workload}, {interval_ms:g} ms:",
    "preset.sleep.post": "The post: {seq:.2f} s one after another, {thr:.2f} s in threads.",
    "preset.sleep.here": "Here: {seq:.2f} s one after another, {thr:.2f} s in threads.",
    "preset.sleep.like_post": "As in the post: {speedup:.1f}× faster (the post: {post:.1f}×), because a sleeping "
                              "thread does not hold the GIL.",
    "preset.sleep.unlike": "Only {speedup:.1f}× faster, where the post got {post:.1f}×; the reasons follow.",
}
