"""How another interpreter loads the lab straight from its directory, with nothing installed.

The lab becomes the package ``gil_lab`` in that interpreter, so its relative imports work the
same in the lab process, its worker processes and its subinterpreters.
"""

import os
import sys

LAB_DIR = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "gil_lab"

LOADER = r'''
import sys
sys.path[:] = [p for p in sys.path if p not in ("", ".")]

def _gil_lab_load(lab_dir):
    if "gil_lab" in sys.modules:
        return
    import importlib.util
    import os
    spec = importlib.util.spec_from_file_location(
        "gil_lab", os.path.join(lab_dir, "__init__.py"), submodule_search_locations=[lab_dir])
    module = importlib.util.module_from_spec(spec)
    sys.modules["gil_lab"] = module
    spec.loader.exec_module(module)
'''

MAIN = LOADER + r'''
_gil_lab_load(sys.argv[1])
from gil_lab.main import main
sys.exit(main(sys.argv[2:]))
'''


def command(python: str, *args: object) -> "list[str]":
    """The argv that runs ``gil_lab.main.main(args)`` under ``python``."""
    # -s, not -I: -I implies -E, which would ignore PYTHON_GIL, the switch of a free-threaded build.
    return [python, "-s", "-c", MAIN, LAB_DIR] + [str(a) for a in args]


def subinterpreter_source(lab_dir, call):
    """Source that loads the lab in a fresh subinterpreter, then runs ``call`` (a statement)."""
    return LOADER + "\n_gil_lab_load(%r)\n%s\n" % (lab_dir, call)


def this_lab_dir():
    """The lab's directory as the running interpreter loaded it."""
    module = sys.modules.get(PACKAGE) or sys.modules[__name__.rsplit(".", 1)[0]]
    assert module.__file__ is not None
    return os.path.dirname(os.path.abspath(module.__file__))
