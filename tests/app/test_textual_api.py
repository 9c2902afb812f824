"""The app and Textual: no private Textual name shadowed by ours, none used outside ``ui/_textual_hacks.py``."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import textual
from textual.app import App
from textual.dom import DOMNode

import gil_tui
import gil_tui.ui
import gil_tui.ui.widgets
from gil_tui.ui.workbench import Workbench

from .conftest import sync

# set on every DOMNode subclass by Textual itself (DOMNode.__init_subclass__ and the message pump's metaclass)
PER_CLASS = {"_css_type_name", "_css_type_names", "_inherit_bindings", "_inherit_css", "_inherit_component_classes",
             "_merged_bindings", "_reactives", "_computes", "_decorated_handlers"}


class ConnectedDevtools:
    """Enough of textual_dev's client for the logger to call ``App._log`` (as with ``textual console`` attached)."""

    is_connected = True
    verbose = False  # App._log stops at the verbosity check: no textual_dev needed


def test_workbench_keeps_textuals_app_log():
    assert Workbench._log is App._log


@sync
async def test_logging_with_the_console_attached_does_not_raise(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.devtools = ConnectedDevtools()  # type: ignore[assignment]
        try:
            app.log.verbosity(True)("hello")  # was TypeError: Workbench._log took the result dict only
        finally:
            app.devtools = None
        await pilot.pause()
    assert app.return_code in (None, 0)


# the overrides the hacks module makes on purpose, each with its reason there
MEANT = {"gil_tui.ui._textual_hacks.FrugalScreen._on_screen_resume"}


def test_no_class_of_ours_redefines_a_private_textual_name():
    modules = [importlib.import_module("%s.%s" % (pkg.__name__, info.name))
               for pkg in (gil_tui.ui, gil_tui.ui.widgets) for info in pkgutil.iter_modules(pkg.__path__)]
    clashes = []
    for module in modules:
        for name, cls in vars(module).items():
            if not (inspect.isclass(cls) and cls.__module__ == module.__name__ and issubclass(cls, DOMNode)):
                continue
            textual_names: set[str] = set()
            for base in cls.__mro__[1:]:
                if base.__module__.split(".")[0] == "textual":
                    textual_names |= set(vars(base))
            clashes += ["%s.%s.%s" % (module.__name__, name, attr) for attr in vars(cls)
                        if attr.startswith("_") and not attr.startswith("__") and attr in textual_names
                        and attr not in PER_CLASS]
    assert sorted(set(clashes) - MEANT) == []
    assert MEANT <= set(clashes)  # still there: else take it out of MEANT


# --- private Textual API goes through gil_tui/ui/_textual_hacks.py only ----------------------------------------

PACKAGE = Path(gil_tui.__file__).parent
HACKS = PACKAGE / "ui" / "_textual_hacks.py"
KNOWN_PRIVATE = {"__watchers", "_closing", "_filters", "_bindings"}  # the ones the hacks module touches


def textual_private_names() -> set[str]:
    """Every ``self._name`` Textual's own source sets or reads, and the names the hacks module is known to touch."""
    names = set(KNOWN_PRIVATE)
    for path in Path(textual.__file__).parent.rglob("*.py"):
        names |= set(re.findall(r"\bself\.(_[A-Za-z]\w*)", path.read_text(encoding="utf-8")))
    return names


def private_uses(source: str, private: set[str]) -> list[str]:
    """Private Textual imports, and private Textual names this source reads without defining them itself."""
    tree = ast.parse(source)
    own = set()  # names this module defines: its own methods and attributes, whatever Textual calls its own
    other = set()  # modules imported here that are not Textual's (os._exit is no concern of this test)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            other |= {alias.asname or alias.name for alias in node.names if alias.name.split(".")[0] != "textual"}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "textual":
            parts = (node.module or "").split(".") + [alias.name for alias in node.names]
            found += ["import %s" % node.module for part in parts if part.startswith("_")][:1]
        elif isinstance(node, ast.Import):
            found += ["import %s" % alias.name for alias in node.names if alias.name.split(".")[0] == "textual"
                      and any(part.startswith("_") for part in alias.name.split("."))]
        elif isinstance(node, ast.Attribute) and node.attr in private - own \
                and not (isinstance(node.value, ast.Name) and node.value.id in other):
            found.append(ast.unparse(node))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) > 1 \
                and isinstance(node.args[1], ast.Constant) and node.args[1].value in private - own:
            found.append(ast.unparse(node))
    return found


def test_private_textual_api_is_used_only_in_the_hacks_module():
    private = textual_private_names()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path != HACKS:
            found += ["%s: %s" % (path.relative_to(PACKAGE.parent), use)
                      for use in private_uses(path.read_text(encoding="utf-8"), private)]
    assert found == [], "use gil_tui/ui/_textual_hacks.py for these"


def test_the_private_api_check_sees_the_uses_it_replaced():
    private = textual_private_names()
    source = ("from textual.widgets._footer import FooterKey\nimport textual._compositor\n"
              "def f(app, footer, node):\n"
              "    app._bindings.key_to_bindings\n    getattr(app, '_filters', [])\n"
              "    getattr(footer, '__watchers', {})\n    node._closing\n")
    assert sorted(private_uses(source + "import os\nos._exit(0)\n", private)) == [
        "app._bindings", "getattr(app, '_filters', [])", "getattr(footer, '__watchers', {})",
        "import textual._compositor", "import textual.widgets._footer", "node._closing"]
    assert private_uses("class A:\n    def __init__(self):\n        self._rows = {}\n    def f(self):\n"
                        "        self._rows.clear()\n", private) == []  # a private name of our own
    assert private_uses(HACKS.read_text(encoding="utf-8"), private)  # the hacks module does use them
