"""``gil-tui serve`` and your own code (issue 15): ``--task`` is refused unless ``--allow-tasks-from DIR`` is given,
and then only for a file inside DIR. Each refusal is one line, exit 2, before anything listens."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("textual_serve")

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")
TASK = os.path.join(EXAMPLES, "echo.py") + ":round_trips"


def serve(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gil_tui", "serve", "--port", "1", *argv], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("argv, words", [
    (["--task", TASK], ["running your own code is local only", "--allow-tasks-from DIR"]),
    (["--task=" + TASK], ["running your own code is local only"]),
    (["--allow-tasks-from", "/usr", "--task", TASK], ["is outside /usr, the only folder tasks may come from"]),
    (["--allow-tasks-from", "/no/such/folder", "--task", TASK], ["--allow-tasks-from /no/such/folder: there is no "
                                                                 "such folder"]),
    (["--allow-tasks-from", EXAMPLES, "--task", os.path.join(EXAMPLES, "nope.py:f")], ["no such file:"]),
])
def test_serve_refuses_a_task_in_one_line(argv, words):
    proc = serve(*argv)
    assert proc.returncode == 2, proc.stderr
    line, = proc.stderr.splitlines()
    assert line.startswith("gil-tui serve: error: ")
    for word in words:
        assert word in line
