"""The layers import downwards only: lab < core < ui < cli. Checked on the source, every import statement."""

from __future__ import annotations

import ast
from pathlib import Path

import gil_tui

PACKAGE = Path(gil_tui.__file__).parent


def imported(source: str, package: str) -> set[str]:
    """Every module (or module.name) an import statement in ``source`` names, relative ones made absolute."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            names.add(base)
            names |= {base + "." + alias.name for alias in node.names}
    return names


def offences(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        package = ".".join(path.relative_to(PACKAGE.parent).parts[:-1])
        for name in sorted(imported(path.read_text(encoding="utf-8"), package)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append("%s imports %s" % (path.relative_to(PACKAGE.parent), name))
    return found


def test_core_imports_neither_textual_nor_rich_nor_the_layers_above():
    assert offences("core", ("textual", "rich", "gil_tui.ui", "gil_tui.cli")) == []


def test_ui_does_not_import_the_cli():
    assert offences("ui", ("gil_tui.cli",)) == []


def test_the_checker_sees_relative_imports():
    assert "gil_tui.cli.app.discovered" in imported("from ..cli.app import discovered", "gil_tui.ui")
    assert "gil_tui.core.timeline" in imported("from ...core import timeline", "gil_tui.ui.widgets")
    assert "gil_tui.ui.themes" in imported("from . import themes", "gil_tui.ui")
