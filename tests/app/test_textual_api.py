"""The app and Textual: no private Textual name is shadowed by ours."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.app import App
from textual.dom import DOMNode

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
    assert clashes == []
