"""The lab and the runner stay free of the UI: checked in fresh interpreters, through ``sys.modules``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gil_tui.lab import bootstrap

# every module of the lab, the headless core and the texts, found by walking the packages (a new module is covered)
HEADLESS = r"""
import importlib, json, pkgutil, sys
import gil_tui.core, gil_tui.i18n, gil_tui.lab
names = []
for package in (gil_tui.lab, gil_tui.core, gil_tui.i18n):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
print(json.dumps({"imported": names,
                  "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))}))
"""

# Loads the lab the way the parent does, then runs a whole experiment in this bare interpreter.
BARE_LAB = r"""
import json, os, sys, tempfile
_gil_lab_load(LAB_DIR)
from gil_lab.board import Board
from gil_lab.main import run_lab
results = {}
for mode in ("threads", "processes"):
    path = os.path.join(tempfile.mkdtemp(), "board")
    board = Board.create(path, 2, slots=1 << 12)
    cfg = {"board": path, "workload": "race-locked", "mode": mode, "workers": 2, "size": 500,
           "switch_interval": 0.005, "scratch_dir": None}
    results[mode] = run_lab(cfg)
    board.close()
    os.unlink(path)
outside = sorted(name for name, m in list(sys.modules.items())
                 if "site-packages" in (getattr(m, "__file__", None) or ""))
print(json.dumps({"results": results, "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich")),
                  "site": outside, "version": list(sys.version_info[:2]), "no_site": "site" not in sys.modules}))
"""


def test_importing_the_lab_the_core_and_the_texts_loads_neither_textual_nor_rich():
    proc = subprocess.run([sys.executable, "-c", HEADLESS], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"gil_tui.core.model", "gil_tui.core.runner", "gil_tui.core.explain", "gil_tui.lab.main"} <= set(
        out["imported"])
    assert out["ui"] == []


@pytest.mark.slow
def test_the_lab_runs_under_39_with_nothing_installed(pyenv_python):
    python = pyenv_python("3.9")
    source = bootstrap.LOADER + "\nLAB_DIR = %r\n" % bootstrap.LAB_DIR + BARE_LAB
    # -I: no environment, no user site, no script dir; -S: not even the site module, so no site-packages at all
    proc = subprocess.run([python, "-I", "-S", "-c", source], capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(python))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["version"] == [3, 9] and out["no_site"]
    assert out["ui"] == [] and out["site"] == []
    for mode in ("threads", "processes"):
        result = out["results"][mode]
        assert result["status"] == "ok", result["error"]
        assert result["counter"] == {"expected": 1000, "final": 1000, "lost": 0}
