"""A SelectionList whose boxes say what they are: ``[✓]`` ticked, ``[ ]`` not.

Textual's SelectionList draws every box as the same ``X`` and tells ticked from unticked only by the X's colour,
which a projector, a light theme or a 256-colour terminal washes out. Here a ticked box holds a check mark in the
theme's success colour, bold; an unticked one is an empty pair of brackets in the theme's foreground colour (not
$text-muted: an "auto" colour has no background to contrast with here, and came out white on white in the light
theme). The mark and the brackets are characters, so the difference survives any colour (and ``NO_COLOR``).
Only public API: ``render_line`` (the line API), ``get_option_at_index``, ``selected`` and component classes.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

TICKED = "[✓]"
UNTICKED = "[ ]"
GUTTER = 4  # SelectionList's own box: "▐X▌" and a space


class TickList(SelectionList[T]):
    COMPONENT_CLASSES: ClassVar[set[str]] = SelectionList.COMPONENT_CLASSES | {"tick-list--on", "tick-list--off"}
    DEFAULT_CSS = """
    TickList > .tick-list--on { color: $text-success; text-style: bold; }
    TickList > .tick-list--off { color: $foreground; }
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if len(segments) < GUTTER:
            return line
        under = segments[GUTTER - 1].style or Style()  # the space after the box: the row's own style
        on = option.value in self.selected
        mark = self.get_component_rich_style("tick-list--on" if on else "tick-list--off", partial=True)
        meta = Style(meta={"option": index})  # a click on the box still toggles its row
        box = Segment(TICKED if on else UNTICKED, under + mark + meta)
        return Strip([box, Segment(" ", under), *segments[GUTTER:]], line.cell_length)
