"""Every option of ``gil-tui`` and ``gil-tui run`` fed bad values: one line on stderr, exit 2, nothing started.

The table runs in-process through ``cli.main`` (a subprocess per row would cost half a second each); a few rows
run again through the real command to prove there is no traceback outside pytest either.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import psutil
import pytest

from gil_tui.cli import main as cli

NOT_PYTHON = "#!/bin/sh\necho hello\n"


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """Unreadable and unusable paths, made for real."""
    root = tmp_path_factory.mktemp("bad")
    locked = root / "python-locked"
    locked.write_text("#!/bin/sh\nexec %s \"$@\"\n" % sys.executable)
    locked.chmod(0)  # mode 000: neither readable nor executable
    text = root / "not-python"
    text.write_text(NOT_PYTHON)
    text.chmod(0o755)
    plain = root / "plain-file"
    plain.write_text("x")
    directory = root / "a-directory"
    directory.mkdir()
    (root / "out.json").mkdir()  # an --output that is a directory with a good extension
    return {
        "locked": str(locked), "text": str(text), "plain": str(plain), "dir": str(directory),
        "missing": str(root / "missing" / "python"),
        "out_missing_dir": str(root / "no-such-dir" / "out.json"),
        "out_is_dir": str(root / "out.json"),
        "out_bad_ext": str(root / "out.txt"),
        "out_no_ext": str(root / "out"),
    }


HUGE = str(10 ** 18)
# (option, value): values every command refuses for that option
COMMON = [
    ("-w", ""), ("-w", "fibonacci"), ("-w", "FIB"), ("-w", "0"), ("-w", "-1"),
    ("-m", ""), ("-m", ","), ("-m", "thread"), ("-m", "threads,nope"), ("-m", "0"),
    ("-n", ""), ("-n", "0"), ("-n", "-1"), ("-n", str(10 ** 6)), ("-n", "four"), ("-n", "2.5"), ("-n", "1e3"),
    ("-n", "65"),
    ("--size", "0"), ("--size", "-1"), ("--size", HUGE), ("--size", "big"), ("--size", "nan"), ("--size", "inf"),
    ("--size", "-inf"), ("--size", "33.5"),
    ("--switch-interval", ""), ("--switch-interval", "0"), ("--switch-interval", "-0.005"),
    ("--switch-interval", HUGE), ("--switch-interval", "fast"), ("--switch-interval", "nan"),
    ("--switch-interval", "inf"),
    ("--gil", ""), ("--gil", "maybe"), ("--gil", "0"), ("--gil", "off"),  # off: this is a GIL build
    ("--lang", ""), ("--lang", "fr"),
    ("--python", ""), ("--python", "no-such-python-anywhere"), ("--python", "{missing}"), ("--python", "{locked}"),
    ("--python", "{dir}"), ("--python", "{text}"), ("--python", "{plain}"),
]
RUN_ONLY = [
    ("--repeat", ""), ("--repeat", "0"), ("--repeat", "-1"), ("--repeat", str(10 ** 6)), ("--repeat", "twice"),
    ("--output", "{out_missing_dir}"), ("--output", "{out_is_dir}"), ("--output", "{out_bad_ext}"),
    ("--output", "{out_no_ext}"), ("--output", ""),
    ("--preset", ""), ("--preset", "seed-nope"), ("--preset", "seed-fib -m threads"),
]
OTHER = [  # a missing value, an unknown option, an option of the other command
    ["-w"], ["--workers"], ["--bogus"], ["--size=1", "--size"], ["extra-word"],
]


def run_main(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse's own errors go through Parser.error -> sys.exit(2)
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def lab_children() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "lab" in child.cmdline():
                found.append(child)
        except psutil.Error:
            pass
    return found


def assert_refused(argv: list[str], capsys) -> None:
    code, out, err = run_main(argv, capsys)
    lines = err.splitlines()
    assert code == 2, (argv, code, err)
    assert len(lines) == 1 and "error" in lines[0], (argv, err)
    assert "Traceback" not in err and out == "", (argv, out)
    # any run prints a JSON line (or the workbench draws): an empty stdout and no lab child say none started;
    # /dev/shm is shared with other test sessions, so its board files cannot tell whose they are
    assert lab_children() == []


def expand(value: str, paths: dict) -> str:
    return value.format(**paths) if value.startswith("{") else value


@pytest.mark.parametrize("option, value", COMMON + RUN_ONLY, ids=lambda v: repr(v))
def test_gil_tui_run_refuses(option, value, paths, capsys):
    argv = ["run", "-w", "fib", "--size", "15", "-n", "1", "-m", "sequential", "--json"]
    value = expand(value, paths)
    if option == "--preset":
        argv = ["run", "--size", "15", "--json"]
        argv += [option] + value.split() if value else [option, value]
    else:
        argv += [option, value]
    assert_refused(argv, capsys)


@pytest.mark.timeout(30)  # a value taken as good would open the workbench in-process and wait for keys
@pytest.mark.parametrize("option, value", COMMON, ids=lambda v: repr(v))
def test_gil_tui_app_refuses(option, value, paths, capsys):
    # with --run a valid command line would open the workbench and start at once: none of these may get there
    assert_refused(["--run", option, expand(value, paths)], capsys)


@pytest.mark.parametrize("argv", OTHER, ids=repr)
@pytest.mark.parametrize("command", [["run"], []], ids=["run", "app"])
def test_malformed_command_lines(command, argv, capsys):
    assert_refused(command + argv, capsys)


def test_app_refuses_run_only_options(capsys):  # several modes are a set the workbench runs in turn (issue 12)
    assert_refused(["--repeat", "2"], capsys)
    assert_refused(["--output", "x.json"], capsys)
    assert_refused(["run", "--run"], capsys)


def test_a_locked_python_is_really_unreadable(paths):
    assert stat.S_IMODE(os.stat(paths["locked"]).st_mode) == 0
    if os.geteuid() == 0:  # root reads it anyway, but cannot execute a file with no x bit
        assert not os.access(paths["locked"], os.X_OK)


@pytest.mark.parametrize("argv", [
    ["run", "-n", str(10 ** 6)],
    ["run", "--size", HUGE, "-w", "sleep"],
    ["run", "--output", "/no/such/dir/out.json", "--size", "15"],
    ["-w", "nope"],
], ids=repr)
def test_the_real_command_says_one_line(argv):
    proc = subprocess.run([sys.executable, "-m", "gil_tui", *argv], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("check, value, english", [
    ("workload", "nope",
     "unknown workload 'nope' (choose from fib, sleep, race, race-plain, race-locked, hash, io, convoy)"),
    ("modes", ",", "no mode given (choose from sequential, threads, processes, asyncio, interpreters)"),
    ("modes", "threads,nope",
     "unknown mode 'nope' (choose from sequential, threads, processes, asyncio, interpreters)"),
    ("workers", "four", "workers must be a whole number from 1 to 64, not 'four'"),
    ("workers", "65", "workers must be from 1 to 64, not 65"),
    ("switch_interval", "fast", "switch interval must be a number of seconds, not 'fast'"),
    ("switch_interval", "2", "switch interval must be between 1 µs and 1 s, not 2 s"),
    ("gil", "maybe", "--gil must be on or off, not 'maybe'"),
])
def test_usage_errors_carry_a_key_and_say_the_same_english(check, value, english):
    from gil_tui.core import validation
    from gil_tui.i18n import Message

    with pytest.raises(validation.UsageError) as caught:
        getattr(validation, check)(value)
    assert str(caught.value) == english  # what the CLI prints, byte for byte as before
    assert isinstance(caught.value.message, Message) and caught.value.message.key.startswith("usage.")
    assert caught.value.render("es") != english


@pytest.mark.parametrize("workload, size", [("fib", "abc"), ("fib", "0"), ("sleep", "nan"), ("fib", "2.5"),
                                            ("fib", "41"), ("sleep", "61")])
def test_size_errors_say_the_labs_english_by_key(workload, size):
    from gil_tui.core import validation
    from gil_tui.lab.catalog import check_size

    with pytest.raises(ValueError) as lab:
        check_size(workload, size)
    with pytest.raises(validation.UsageError) as core:
        validation.size(workload, size)
    assert str(core.value) == str(lab.value)
    assert core.value.message.key == "usage.size." + lab.value.reason


@pytest.mark.timeout(30)  # taken as good, it would open the workbench in-process and start the run
def test_the_workbench_refuses_a_mode_the_python_cannot_run(pyenv_python, capsys):
    code, out, err = run_main(["--run", "-m", "sequential,interpreters", "-w", "fib", "-n", "2", "--size", "25",
                               "--python", pyenv_python("3.11")], capsys)
    assert code == 2 and out == "" and lab_children() == []
    assert err.startswith("gil-tui: error: mode interpreters needs Python 3.12 or newer; ")
    assert len(err.splitlines()) == 1 and "is Python 3.11." in err


def test_the_workbench_takes_interpreters_on_a_python_that_runs_them(pyenv_python):
    from gil_tui.cli.app import preset_from_args
    from gil_tui.cli.parser import build_app_parser

    args = build_app_parser().parse_args(["-m", "interpreters", "--python", pyenv_python("3.12")])
    _, preset = preset_from_args(args)
    assert preset.mode == "interpreters"
