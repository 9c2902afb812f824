"""A picker's option naming a file: a short label, then the path, shortened from its left to the width it is shown at.

"3.9  /root/.pyenv/versions/3.9.18/bin/python3.9" is longer than a picker at 80 columns: wrapped, it broke the path
mid-word over two lines; cut on the right, two interpreters with the same label ("3.11 /work/venv/bin/python3",
"3.11 /usr/bin/python3.11") looked the same. The end of a path is what tells them apart, so that is what is kept:
"3.9  …/3.9.18/bin/python3.9", whole directory names only, always on one line, in the open list and the closed
picker alike.
"""

from __future__ import annotations

from typing import TypeVar

from rich.cells import cell_len
from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets.selection_list import Selection

T = TypeVar("T")

GAP = "  "
ELLIPSIS = "…"


def shorten_path(path: str, width: int) -> str:
    """``path`` within ``width`` cells, its leading directories given up first: "…/3.9.18/bin/python3.9". Whole
    names only: when not even "…/name" fits, "" (the caller shows the label alone)."""
    if cell_len(path) <= width:
        return path
    parts = path.split("/")
    for start in range(1, len(parts)):
        shortened = ELLIPSIS + "/" + "/".join(parts[start:])
        if cell_len(shortened) <= width:
            return shortened
    return ""


class PathPrompt(Text):
    """A Rich Text (the Select searches its plain text: "label  path"), drawn by Textual through ``visualize``
    (Textual's public Visual protocol) as one line that fits: the label, then as much of the path's end as fits."""

    def __init__(self, label: str, path: str, label_style: str | RichStyle = "bold") -> None:
        super().__init__()
        self.append(label, label_style)
        self.append(GAP)
        self.append(path, "dim")
        self.label, self.path, self.label_style = label, path, label_style

    def visualize(self) -> Visual:
        return ShortenedPath(self)


class ShortenedPath(Visual):
    """A PathPrompt laid out for the width it gets, one line at every width."""

    def __init__(self, prompt: PathPrompt) -> None:
        self.prompt = prompt

    def content(self, width: int) -> Content:
        prompt = self.prompt
        path = shorten_path(prompt.path, width - cell_len(prompt.label) - len(GAP))
        parts: list[str | tuple[str, str]] = [(prompt.label, str(prompt.label_style))]
        if path:
            parts += [GAP, (path, "dim")]
        return Content.assemble(*parts).truncate(width, ellipsis=True)  # a label wider than the picker

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return cell_len(self.prompt.plain)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return cell_len(self.prompt.label)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class PathSelection(Selection[T]):
    """A SelectionList line that keeps its PathPrompt: Selection turns any prompt into plain Content (which a
    SelectionList then cuts on the right), so the prompt the list draws is given back here, unconverted."""

    def __init__(self, prompt: PathPrompt, value: T, initial_state: bool = False) -> None:
        super().__init__(prompt, value, initial_state)
        self._path_prompt = prompt

    @property
    def prompt(self) -> PathPrompt:
        return self._path_prompt
