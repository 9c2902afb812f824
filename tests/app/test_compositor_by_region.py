"""The workbench's compositor draws each changed region on its own (``_textual_hacks.CompositorByRegion``): what it
sends the terminal must be exactly what Textual's own compositor sends, and it must render fewer widgets."""

from __future__ import annotations

import re

import pytest
from textual._compositor import Compositor
from textual.geometry import Region

from gil_tui.ui._textual_hacks import CompositorByRegion

from .conftest import sync

# a cursor move followed by nothing to write: Textual's sends one for a chop that starts where a span ends
IDLE_MOVE = re.compile(r"\x1b\[\d+;\d+H(?=\x1b\[\d+;\d+H|\n|$)")


def update_text(app, compositor: Compositor, regions: set[Region], kind: type[Compositor]) -> str:
    """The bytes a partial update of ``regions`` sends, drawn by ``kind``'s code on the screen's own layout, less
    the cursor moves that write nothing."""
    own = compositor.__class__
    compositor.__class__ = kind  # same state, the other class's methods
    try:
        compositor._dirty_regions.clear()
        compositor._dirty_regions.update(regions)
        update = compositor.render_partial_update()
    finally:
        compositor.__class__ = own
    assert update is not None
    return IDLE_MOVE.sub("", update.render_segments(app.console))


def region_of(app, selector: str) -> Region:
    return app.query_one(selector).region


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@sync
async def test_the_terminal_gets_what_textual_would_send(make_app, size):
    app = make_app(workload="fib", workers=4)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        assert isinstance(compositor, CompositorByRegion)
        elapsed, lanes, footer = region_of(app, "#result"), region_of(app, "#lanes"), region_of(app, "KeyFooter")
        one_line = Region(elapsed.x + 3, elapsed.y + 1, 9, 1)  # part of a widget, not on its edges
        cases = [
            {one_line, lanes},
            {one_line, lanes, footer},
            {elapsed, lanes, region_of(app, "#workers")},
            {lanes, Region(lanes.x, lanes.y + 1, lanes.width // 2, 2)},  # overlapping regions
            {region_of(app, "#" + name) for name in ("workload", "workers", "size", "mode", "python", "history",
                                                      "lanes", "result")},  # more than it draws apart
        ]
        for regions in cases:
            ours = update_text(app, compositor, regions, CompositorByRegion)
            textuals = update_text(app, compositor, regions, Compositor)
            assert ours == textuals, regions


@sync
async def test_a_change_far_from_the_setup_pane_does_not_render_it(make_app, monkeypatch):
    app = make_app(workload="fib", workers=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        rendered = []
        setup_widgets = set(app.query_one("#setup").walk_children(with_self=True))
        footer = app.query_one("KeyFooter")
        for widget in setup_widgets | {footer}:
            def render_lines(crop, widget=widget, original=widget.render_lines):
                rendered.append(widget)
                return original(crop)

            monkeypatch.setattr(widget, "render_lines", render_lines)
        regions = {region_of(app, "#result"), region_of(app, "#lanes")}
        update_text(app, compositor, regions, Compositor)
        assert rendered  # Textual's one rectangle holds the setup pane and the footer's clip
        rendered.clear()
        update_text(app, compositor, regions, CompositorByRegion)
        assert rendered == []
