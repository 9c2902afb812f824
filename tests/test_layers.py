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


MUTATORS = {"update", "clear", "append", "extend", "insert", "pop", "remove", "setdefault", "popitem"}


def module_writes(source: str, package: str) -> list[str]:
    """``mod.NAME = …``, ``mod.NAME[k] = …``, ``mod.NAME.update(…)`` and the like, on a gil_tui module imported here."""
    tree = ast.parse(source)
    modules = set()  # names bound here to a module of ours
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.asname or alias.name for alias in node.names if alias.name.startswith("gil_tui.")}
        elif isinstance(node, ast.ImportFrom):
            base = min(imported(ast.unparse(node), package), key=len)  # the module the names come from
            if base.startswith("gil_tui"):
                where = PACKAGE.parent.joinpath(*base.split("."))
                modules |= {alias.asname or alias.name for alias in node.names
                            if (where / alias.name).is_dir() or (where / (alias.name + ".py")).is_file()}

    def on_module(target: ast.AST) -> bool:
        while isinstance(target, (ast.Attribute, ast.Subscript)):
            target = target.value
            if isinstance(target, ast.Name):
                return target.id in modules
        return False

    found = []
    for node in ast.walk(tree):
        targets: list[ast.AST] = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            targets = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            targets = [node.func.value] if isinstance(node.func.value, ast.Attribute) else []
        found += [ast.unparse(t) for t in targets if isinstance(t, (ast.Attribute, ast.Subscript)) and on_module(t)]
    return found


def test_no_module_writes_another_modules_globals():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        package = ".".join(path.relative_to(PACKAGE.parent).parts[:-1])
        found += ["%s: %s" % (path.relative_to(PACKAGE.parent), w)
                  for w in module_writes(path.read_text(encoding="utf-8"), package)]
    assert found == []


def test_the_writes_checker_sees_them():
    source = ("from .widgets import lanes, timeline\nimport os\n"
              "lanes.TRACK, lanes.LABEL = 1, 2\nlanes.STATE_STYLES.update({})\ntimeline.ACTIVE = 3\n"
              "os.environ['X'] = '1'\nx = lanes\nself.y = 1\n")
    assert sorted(module_writes(source, "gil_tui.ui")) == ["lanes.LABEL", "lanes.STATE_STYLES", "lanes.TRACK",
                                                           "timeline.ACTIVE"]
