"""``gil-tui run --task``: bad input, each case one clear message, and nothing left running (issue 15).

A real ``gil-tui run`` process each time, on real files. The functions that misbehave at run time write their pid
(and their children's) into a folder given as ``--size``, a string passed to them as it is; the test then checks
that every one of those processes is gone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

pytestmark = pytest.mark.slow

FILES = {
    "good.py": """
        def double(index, size):
            return index * 2
    """,
    "syntax.py": """
        def broken(index, size):
            return (index
    """,
    "only311.py": """
        import tomllib  # new in Python 3.11

        def parse(index, size):
            return tomllib.loads("a = 1")
    """,
    "noargs.py": """
        LIMIT = 3

        def lonely(index):
            return index
    """,
    "misbehave.py": """
        import os
        import time

        def _note(folder, what):
            with open(os.path.join(folder, "%s-%d" % (what, os.getpid())), "w"):
                pass

        def forever(index, size):
            _note(size, "pid")
            while True:
                time.sleep(0.05)

        def spins(index, size):
            _note(size, "pid")
            while True:
                pass

        def forks(index, size):
            child = os.fork()
            if child == 0:
                _note(size, "child")
                time.sleep(600)
                return "the child"
            return "the parent"

        def exits(index, size):
            _note(size, "pid")
            os._exit(3)

        def raises(index, size):
            if index == 1:
                raise KeyError("missing %d" % index)
            return index
    """,
}


def source(name: str) -> str:
    return textwrap.dedent(FILES[name]).lstrip("\n")


def line_of(name: str, text: str) -> int:
    """The line of ``FILES[name]`` holding ``text``."""
    return next(i for i, line in enumerate(source(name).splitlines(), 1) if text in line)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "code"
    folder.mkdir()
    for name in FILES:
        (folder / name).write_text(source(name))
    pids = tmp_path / "pids"
    pids.mkdir()
    return folder, pids


def gil_tui_run(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="250")  # long temporary paths on one line
    return subprocess.run([sys.executable, "-m", "gil_tui", "run", *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, env=env)


def assert_all_gone(pids_folder, at_least: int) -> None:
    """Every process a task noted is gone (or a zombie nobody waits for yet), and there were ``at_least`` of them."""
    pids = [int(name.rsplit("-", 1)[1]) for name in os.listdir(pids_folder)]
    assert len(pids) >= at_least, os.listdir(pids_folder)
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in pids if _running(pid)]
        time.sleep(0.1)
    assert not alive, "left running: %s" % alive


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("task, words", [
    ("missing.py:f", ["no such file:", "missing.py"]),
    ("good.py:nothing", ["good.py has no function 'nothing'", "it has: double"]),
    ("good.py", ["--task must be FILE.py:FUNCTION"]),
    ("good.py:2fast", ["'2fast' is not a Python function name"]),
    ("syntax.py:broken", ["syntax.py has a syntax error at line 2", "never closed"]),
    ("noargs.py:lonely", ["lonely(index) cannot be called as lonely(index, size)"]),
    ("noargs.py:LIMIT", ["LIMIT is a int, not a function"]),
])
def test_input_errors_are_one_line_and_exit_2(files, task, words):
    folder, _ = files
    proc = gil_tui_run("--task", str(folder / task), "-n", "2")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gil-tui run: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_an_import_error_under_one_interpreter_only_names_it_and_runs_nothing(files, pyenv_python):
    folder, _ = files
    old = pyenv_python("3.10")
    proc = gil_tui_run("--task", str(folder / "only311.py:parse"), "-n", "2", "--python",
                       "%s,%s" % (sys.executable, old))
    assert proc.returncode == 2, proc.stderr
    line, = proc.stderr.splitlines()
    assert "only311.py:parse cannot run under Python 3.10" in line and old in line
    assert "ModuleNotFoundError: No module named 'tomllib'" in line and "(line 1)" in line
    assert sys.executable not in line  # the interpreter that can import it is not blamed
    assert proc.stdout == ""


@pytest.mark.parametrize("function", ["forever", "spins"])
def test_a_function_that_never_returns_is_stopped_by_the_timeout_and_nothing_stays(files, function):
    folder, pids = files
    start = time.monotonic()
    proc = gil_tui_run("--task", str(folder / "misbehave.py") + ":" + function, "-n", "2",
                       "-m", "threads,processes", "--size", str(pids), "--timeout", "3")
    assert time.monotonic() - start < 60
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("stopped after 3 s (--timeout)") == 2, proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    assert_all_gone(pids, at_least=3)  # the lab of threads (one pid), and two worker processes


def test_a_function_that_never_returns_is_cancelled_by_ctrl_c_and_nothing_stays(files):
    folder, pids = files
    proc = subprocess.Popen([sys.executable, "-m", "gil_tui", "run", "--task", str(folder / "misbehave.py:forever"),
                             "-n", "2", "-m", "processes", "--size", str(pids)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(os.listdir(pids)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(2)  # SIGINT, as Ctrl-C
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert_all_gone(pids, at_least=2)


@pytest.mark.parametrize("mode", ["sequential", "threads", "processes"])
def test_a_function_that_forks_is_reported_and_its_children_stopped(files, mode):
    folder, pids = files
    start = time.monotonic()
    proc = gil_tui_run("--task", str(folder / "misbehave.py:forks"), "-n", "2", "-m", mode, "--size", str(pids))
    assert time.monotonic() - start < 120  # never waits for the children's 600 s
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "all 2 tasks returned the same, str len 10 'the parent'" in proc.stdout
    assert "task 0 called os.fork(): its child processes were stopped when the run ended" in proc.stdout
    assert_all_gone(pids, at_least=2)


@pytest.mark.parametrize("mode", ["sequential", "threads", "processes"])
def test_a_function_that_calls_os_exit_gets_one_clear_message(files, mode):
    folder, pids = files
    proc = gil_tui_run("--task", str(folder / "misbehave.py:exits"), "-n", "2", "-m", mode, "--size", str(pids))
    assert proc.returncode == 1
    out = " ".join(proc.stdout.split())
    assert "called os._exit(3), which ends the whole process at once" in out, proc.stdout
    where = 'misbehave.py", line %d, in exits os._exit(3)' % line_of("misbehave.py", "os._exit(3)")
    assert where in out  # where, in the user's file
    assert "gil_tui/lab" not in proc.stdout  # the lab's own frames are left out
    assert_all_gone(pids, at_least=1)


def test_each_distinct_error_is_shown_once_with_its_traceback(files):
    folder, _ = files
    proc = gil_tui_run("--task", str(folder / "misbehave.py:raises"), "-n", "3", "-m", "sequential,threads")
    assert proc.returncode == 1
    out = proc.stdout
    assert out.count("KeyError: 'missing 1' - in sequential (task 1); threads (task 1)") == 1, out
    assert out.count("Traceback (most recent call last):") == 1
    assert 'misbehave.py", line %d, in raises' % line_of("misbehave.py", "raise KeyError") in out
    assert "sequential: 2 tasks returned 2 different values" in out
