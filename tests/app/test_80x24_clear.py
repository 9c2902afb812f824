"""At 80x24 in a real terminal, keyboard only: what confused a new user (issue 11, "Confusing today").

- One clock: ``Elapsed`` while a run goes; after it, a line saying which run this is and only the measured ``Wall``
  (never ``Elapsed 0.0 s`` for a result from History; a series gives its total).
- The CPU meter says it is the whole machine's, in both languages.
- Units: Size shows its workload's unit, a run says its size with it, counts carry the language's thousands
  separators, the custom switch field says it takes seconds and what that is as the presets say it.
- Export asks before writing over a file, and reports the absolute path.
- The command palette (ctrl+p) finds the workbench's own actions; the idle hint points to it and to c e d.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile

import pytest
from terminal import Terminal  # tests/terminal.py (tests/ is on sys.path: rootdir conftest)

pytestmark = pytest.mark.slow

NBSP = "\u00a0"  # Spanish groups thousands with a no-break space


def result_pane(screen: str) -> str:
    """The Result pane's text at 80x24 (beside Setup on the top rows): what is right of Setup's border."""
    lines = []
    for line in screen.splitlines():
        if line.count("│") >= 4:  # │ setup │ │ result │
            lines.append(line.split("│")[3].strip())
    return "\n".join(lines)


def test_one_clock_while_running_then_the_measured_wall_only():
    with Terminal("-w sleep -m sequential -n 2 --size 1") as term:
        term.wait_for("Press r to run")
        term.settle()
        term.send("r")
        screen = term.wait_for(r"Elapsed \d+\.\d s", timeout=30)
        assert "Wall" not in result_pane(screen), screen
        term.wait_for(r"Speedup", timeout=60)
        pane = result_pane(term.settle())
        assert "Elapsed" not in pane and re.search(r"Wall \d+\.\d{3} s", pane), pane  # one clock at a time
        assert "Run 1 finished." in pane, pane
        # the result again from History: which run, and no clock at 0.0
        term.send("BTab")  # from Workload back to History, the last pane
        term.send("Enter")
        screen = term.wait_for(r"Run 1, shown again from History\.")
        pane = result_pane(screen)
        assert "Elapsed" not in pane and re.search(r"Wall \d+\.\d{3} s", pane), pane
        # the post's race (key 2), a series of runs: its total, not the last run's clock
        term.send("2")
        screen = term.wait_for(r"Runs 2–(\d+): wall \d+\.\d{3} s in all\.", timeout=120)
        assert "Elapsed" not in result_pane(term.settle()), screen
        # in Spanish the headline is longer than the pane is wide: it wraps, whole
        term.send("l")
        pane = " ".join(result_pane(term.settle()).split())
        assert re.search(r"Ejecuciones 2–\d+: reloj \d+\.\d{3} s en total\.", pane), pane


def test_the_cpu_meter_says_it_is_the_whole_machine():
    with Terminal("-w sleep -m sequential -n 4 --size 1 --run") as term:
        screen = term.wait_for(r"Elapsed \d", timeout=30)
        screen = term.wait_for(r"CPU, whole machine .*\d+\.\d/\d+ cores", timeout=30)
        term.send("l")
        screen = term.wait_for(r"CPU de la máquina .*\d+\.\d/\d+ núcleos", timeout=30)
        assert "Transcurrido" in screen, screen


def test_units_and_one_number_style():
    with Terminal("-w race -m threads -n 4 --size 20000 --switch-interval 0.00005 --run") as term:
        screen = term.wait_for(r"Speedup", timeout=60)
        screen = term.settle()
        assert re.search(r"Size\s+20000\s+increments", screen), screen
        # the custom interval is typed in seconds: the field says so, and what that is as the presets say it
        assert re.search(r"0\.00005\s+s\s*│", screen) and "0.00005 s = 50 µs" in screen, screen
        pane = " ".join(result_pane(screen).split())
        assert "4 × 20,000 increments" in pane and "switch 50 µs" in pane, pane
        assert re.search(r"Counter [\d,]+ of 80,000", pane), pane
        assert "20,000/20,000" in screen, screen  # the lanes count as the rest
        term.send("l")
        screen = term.wait_for("Aceleración")
        screen = term.settle()
        assert re.search(r"Tamaño\s+20000\s+incrementos", screen), screen
        pane = result_pane(screen).replace("\n", " ")  # keeps the no-break spaces
        assert re.search("Contador [\\d%s]+ de 80%s000" % (NBSP, NBSP), pane), pane
        assert "20{0}000/20{0}000".format(NBSP) in screen, screen


def test_fib_size_has_its_unit():
    with Terminal("-w fib -m threads -n 2 --size 20") as term:
        screen = term.wait_for("Press r to run")
        assert re.search(r"Size\s+20\s+n of fib\(n\)", term.settle()), screen


def test_export_asks_before_writing_over_a_file_and_says_where():
    folder = tempfile.mkdtemp(prefix="gx", dir="/tmp")  # short: the notice shows the whole path on one line
    try:
        target = os.path.join(folder, "out.json")
        with open(target, "w") as f:
            f.write("keep")
        relative = os.path.relpath(target, os.getcwd())  # the app runs in the test's directory
        with Terminal("-w race -m threads -n 2 --size 2000 --run") as term:
            term.wait_for(r"Speedup", timeout=60)
            term.settle()
            term.send("e")
            term.wait_for("File name")
            term.send("C-u")
            term.send(relative)
            term.send("Enter")
            screen = term.wait_for("already there")
            assert target in screen, screen  # the absolute path, even for a name typed relative
            with open(target) as f:
                assert f.read() == "keep", "written over without asking"
            term.send("Enter")  # the second enter on the same name writes over it
            screen = term.wait_for(r"Wrote 1 result to")
            assert target in screen, screen
            with open(target) as f:
                assert '"kind": "gil-tui results"' in f.read()
            # a new name writes at once, and is reported absolute too
            term.send("e")
            term.wait_for("File name")
            term.send("C-u")
            term.send(os.path.relpath(os.path.join(folder, "new.csv"), os.getcwd()))
            term.send("Enter")
            screen = term.wait_for(re.escape(os.path.join(folder, "new.csv")))
            assert os.path.exists(os.path.join(folder, "new.csv"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_command_palette_finds_the_workbench_actions():
    with Terminal("-w race -m threads -n 2 --size 2000") as term:
        screen = term.wait_for("Press r to run")
        assert "ctrl+p: every command" in result_pane(term.settle()), screen  # the idle hint points to the palette
        term.send("C-p")
        term.type("run")
        screen = term.wait_for("Run the setup")
        assert "Run the post's experiment 2 (race)" in screen and "key r" in screen, screen
        term.send("Enter")
        term.wait_for(r"Speedup", timeout=60)
        term.settle()
        term.send("C-p")
        term.type("export")
        term.wait_for("Export this session's runs")
        term.send("Enter")
        term.wait_for("File name")
        term.send("Escape")
        term.settle()
        term.send("l")
        term.wait_for("Aceleración")
        term.settle()
        term.send("C-p")
        term.type("compar")
        screen = term.wait_for("Comparar intérpretes")
        assert "tecla c" in screen, screen
