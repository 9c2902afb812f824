"""What a run leaves when things go wrong around it, in a real terminal (issue 14, items 14, 15, 17).

- 14: a lab someone stopped (SIGSTOP; in processes mode the whole group) still ends, with its board and io files,
  when its gil-tui is killed: the kernel wakes it (PR_SET_PDEATHSIG → SIGCONT) and its orphan check fires.
- 15: when threads cannot start (a pids cgroup of 6 tasks: root ignores ``ulimit -u``), the io tasks that did
  start stop and remove their files.
- 17: SIGKILL of the lab during a processes-mode fib run is an error, its tasks never "cancelled": nobody cancelled.
"""

from __future__ import annotations

import json
import os
import signal
import time

import psutil
import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

from gil_tui.core.runner import board_dir

pytestmark = pytest.mark.slow


def labs_of(parent: psutil.Process) -> list[psutil.Process]:
    labs = []
    for child in parent.children(recursive=True):
        try:
            line = " ".join(child.cmdline()) + " "
        except psutil.Error:  # gone meanwhile
            continue
        if "gil_lab.main" in line and " lab " in line:
            labs.append(child)
    return labs


def wait_until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail("timed out waiting for %s" % what)


def gil_tui_process(term: Terminal) -> psutil.Process | None:
    """gil-tui in the pane, or None while the pane's shell has not started it yet."""
    import subprocess

    pane = int(subprocess.run(term.tmux + ["display-message", "-p", "-t", "t", "#{pane_pid}"],
                              capture_output=True, text=True).stdout)
    try:
        shell = psutil.Process(pane)
        found = [p for p in [shell] + shell.children(recursive=True) if "gil-tui" in " ".join(p.cmdline()[:2])]
    except psutil.Error:
        return None
    return found[0] if found else None


def board_of(lab: psutil.Process) -> str:
    """The lab's board file, from the configuration on its command line (other runs may share /dev/shm)."""
    return json.loads(lab.cmdline()[-1])["board"]


def alive(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize("mode", ["threads", "processes"])
def test_a_stopped_lab_still_ends_when_its_gil_tui_is_killed(tmp_path, mode):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    group = board = None
    with Terminal("-w io --size 100000 -n 2 -m %s --run" % mode, env={"GIL_TUI_SCRATCH_DIR": str(scratch)}) as term:
        try:
            app = wait_until(lambda: gil_tui_process(term), 30, "gil-tui")
            lab = wait_until(lambda: (labs_of(app) or [None])[0], 60, "the lab")
            group = os.getpgid(lab.pid)
            wait_until(lambda: len(os.listdir(scratch)) == 2, 60, "both io tasks writing")
            board = board_of(lab)
            assert os.path.exists(board) and board.startswith(board_dir())
            if mode == "processes":
                os.killpg(group, signal.SIGSTOP)  # the lab and its worker processes
            else:
                lab.send_signal(signal.SIGSTOP)
            wait_until(lambda: lab.status() == psutil.STATUS_STOPPED, 10, "the lab to stop")
            app.kill()
            wait_until(lambda: not alive(lab), 15, "the stopped lab to end")
            wait_until(lambda: not os.listdir(scratch), 10, "the io files to go")
            wait_until(lambda: not os.path.exists(board), 10, "the board to go")
            group = None
        finally:
            if group is not None:  # the fix did not hold: leave nothing behind for the next test
                try:
                    os.killpg(group, signal.SIGKILL)
                except OSError:
                    pass
                if board is not None and os.path.exists(board):
                    os.unlink(board)


@pytest.fixture
def few_tasks(tmp_path):
    """A command prefix that runs gil-tui in a pids cgroup of at most 6 tasks (threads count: gil-tui, the lab and a
    few of its tasks; root ignores RLIMIT_NPROC, not a cgroup). Skipped where no pids cgroup can be made."""
    name = "gil-tui-test-%d" % os.getpid()
    for root, enable in (("/sys/fs/cgroup/pids", None), ("/sys/fs/cgroup", "/sys/fs/cgroup/cgroup.subtree_control")):
        group = os.path.join(root, name)
        try:
            if enable is not None:
                with open(enable, "w") as f:
                    f.write("+pids")
            os.mkdir(group)
            with open(os.path.join(group, "pids.max"), "w") as f:
                f.write("6")
        except OSError:
            try:
                os.rmdir(group)
            except OSError:
                pass
            continue
        wrapper = tmp_path / "in-cgroup.sh"
        wrapper.write_text('echo $$ > %s/cgroup.procs || exit 99\nexec "$@"\n' % group)
        try:
            yield "sh %s" % wrapper
        finally:
            for _ in range(50):  # empty once the command and its lab have gone
                try:
                    os.rmdir(group)
                    break
                except OSError:
                    time.sleep(0.1)
        return
    pytest.skip("no pids cgroup can be made here (needs root and a writable cgroup file system)")


def test_io_files_do_not_leak_when_threads_cannot_start(tmp_path, few_tasks):
    # before the fix the leak was a race (a task between creating its file and its next tick when the lab exited):
    # a few attempts make it show
    for attempt in range(6):
        scratch = tmp_path / ("scratch%d" % attempt)
        scratch.mkdir()
        out = tmp_path / ("out%d.json" % attempt)
        with Terminal("run -w io --size 2000 -n 64 -m threads --json > %s" % out,
                      env={"GIL_TUI_SCRATCH_DIR": str(scratch)}, prefix=few_tasks, keep=True) as term:
            code = term.exit_code(timeout=120)
            screen = term.screen()
        assert code == 1, (attempt, code, screen)
        result = json.loads(out.read_text().splitlines()[-1])
        assert result["status"] == "error" and "can't start new thread" in result["error"], (attempt, result)
        assert os.listdir(scratch) == [], (attempt, os.listdir(scratch))


def _kill_the_lab_of_a_processes_run(out) -> int:
    # fib(36): several seconds a task even when the shared machine is fast (fib(34) was once over within the second
    # this waits, and the run ended "ok" before the kill)
    with Terminal("run -w fib --size 36 -n 2 -m processes --json > %s" % out, keep=True) as term:
        app = wait_until(lambda: gil_tui_process(term), 30, "gil-tui")
        lab = wait_until(lambda: (labs_of(app) or [None])[0], 60, "the lab")
        wait_until(lambda: len(lab.children()) == 2, 30, "both worker processes")
        time.sleep(1.0)  # both tasks well under way
        lab.kill()
        return term.exit_code(timeout=60)


def test_sigkill_of_the_lab_in_a_processes_run_is_an_error_every_time(tmp_path):
    for attempt in range(3):
        out = tmp_path / ("out%d.json" % attempt)
        code = _kill_the_lab_of_a_processes_run(out)
        result = json.loads(out.read_text().splitlines()[-1])
        assert code == 1 and result["status"] == "error", (attempt, result)
        assert "SIGKILL" in result["error"], (attempt, result)
        assert "cancelled" not in [task["state"] for task in result["tasks"]], (attempt, result["tasks"])
