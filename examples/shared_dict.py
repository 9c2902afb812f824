"""Not safe under threads: a module-level dict used as a scratch total, updated with a read-modify-write.

    gil-tui run --task examples/shared_dict.py:total -m sequential,threads,processes -n 4

Each task adds up the same numbers, so every task should return the same total. One after another, or in
processes (each has its own dict), they do. In threads they share the dict: one task resets or overwrites the
total another is building, between its read and its write, and the totals come out wrong - with the GIL too.

Expected verdict: "threads returned other values than sequential": not safe under threads.
"""

DEFAULT_COUNT = 300000

_scratch = {}  # shared by every thread of the process: the bug


def _add(a, b):
    return a + b


def total(index, size, tick=None):
    """Task ``index``: the sum of 0..size-1, built up in the shared dict."""
    count = int(size) if size else DEFAULT_COUNT
    step = max(1, count // 50)
    if tick:
        tick(0, total=50)
    _scratch["total"] = 0
    for i in range(count):
        _scratch["total"] = _add(_scratch["total"], i)  # read, call, write: another thread can run in between
        if tick and (i + 1) % step == 0:
            tick()
    return _scratch["total"]
