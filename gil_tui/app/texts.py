"""Every text the workbench shows, by key, in English: one place for the translations to start from."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
    "field.switch": "Switch s",
    "field.python": "Python",
    "button.run": "Run",
    "button.cancel": "Cancel",
    "key.run": "Run",
    "key.cancel": "Cancel",
    "key.quit": "Quit",
    "key.help": "Help",
    "key.close": "Close",
    "key.timeline": "Timeline",
    "idle": "Press r to run.",
    "idle.fix": "Fix the setup to run.",
    "elapsed": "Elapsed %.1f s",
    "starting": "starting the lab…",
    "running": "%(workload)s · %(mode)s · %(workers)d workers · Python %(python)s",
    "cancelling": "cancelling…",
    "lanes.empty": "No run yet: one lane per worker appears here.",
    "timeline.empty": "Who ran when: one row per worker, a mark for each moment it made progress.",
    "timeline.scale": "one cell = %s",
    "lane.label": "w%d",
    "result.wall": "Wall",
    "result.cpu": "CPU",
    "result.cores": "Cores",
    "result.speedup": "Speedup",
    "result.speedup.none": "— (run sequential first)",
    "result.speedup.self": "1.00× (the baseline)",
    "result.counter": "Counter",
    "result.of": "of",
    "result.lost": "LOST %(lost)s UPDATES (%(pct).1f %%)",
    "result.exact": "no update lost",
    "result.status.cancelled": "Cancelled.",
    "result.status.error": "The run failed: %s",
    "result.notes": "Note: %s",
    "result.what": "%(workload)s · %(mode)s · %(workers)d × size %(size)s · Python %(python)s",
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
    "error.invalid": "Fix the setup first: %s",
    "error.python.gil": "GIL off needs a free-threaded build",
    "python.gil": "%(short)s GIL %(gil)s",
    "python.label": "%(short)s  %(path)s",
    "help.title": "Keys",
    "help.body": (
        "r        run with the setup on the left\n"
        "escape   cancel the run (stops within half a second)\n"
        "q        quit (a run in progress is stopped first)\n"
        "tab      next field or pane; shift+tab the previous one\n"
        "enter    on a history row: show that result again\n"
        "t        lanes / timeline (who ran when)\n"
        "?        this help\n"
        "\n"
        "Each run happens in a separate lab process under the chosen Python, so the\n"
        "workbench never measures itself. Threads under the GIL take turns; processes,\n"
        "and threads on a free-threaded build, really run at once. The race workloads\n"
        "show lost updates when a thread switch lands inside read-modify-write.\n"
        "\n"
        "Press escape or ? to close."
    ),
}


def text(key: str, *args: object, **kwargs: object) -> str:
    """The text for ``key``, formatted with positional or named values when given."""
    template = TEXTS[key]
    if args:
        return template % (args if len(args) > 1 else args[0])
    if kwargs:
        return template % kwargs
    return template
