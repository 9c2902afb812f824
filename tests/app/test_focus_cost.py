"""Moving the focus stays cheap: the lit pane follows the focus, and the footer is rebuilt only when its keys change."""

from __future__ import annotations

from textual.color import Color
from textual.css.stylesheet import Stylesheet

from gil_tui.ui.widgets.footer import KeyFooter

from .conftest import sync


def border_colour(widget) -> Color:
    return widget.styles.border_top[1]


@sync
async def test_the_pane_holding_the_focus_is_lit_and_the_one_it_left_is_not(make_app):
    app = make_app(workload="fib", workers=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        accent = Color.parse(app.get_css_variables()["accent"])
        setup, runpane = app.query_one("#setup"), app.query_one("#runpane")
        assert app.focused is app.query_one("#workload")
        assert border_colour(setup) == accent and border_colour(runpane) != accent
        app.query_one("#lanes").focus()
        await pilot.pause()
        assert border_colour(runpane) == accent and border_colour(setup) != accent
        await pilot.press("d")  # the other theme: the lit pane takes its accent
        await pilot.pause()
        assert border_colour(runpane) == Color.parse(app.get_css_variables()["accent"])


@sync
async def test_a_tab_between_setup_fields_restyles_a_few_nodes_not_the_pane(make_app, monkeypatch):
    app = make_app(workload="fib", workers=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        applied = []
        original = Stylesheet.apply
        monkeypatch.setattr(Stylesheet, "apply", lambda self, node, *a, **k: (applied.append(node),
                                                                             original(self, node, *a, **k))[1])
        keys_before = list(footer.children)
        await pilot.press("tab")  # Workload -> Workers: the same keys in the footer
        await pilot.pause()
        assert app.focused is app.query_one("#workers")
        setup_nodes = len(list(app.query_one("#setup").walk_children(with_self=True)))
        # Textual's :focus-within restyled the whole pane on each move, and the footer rebuilt all its keys
        assert len(applied) < setup_nodes // 2, (len(applied), setup_nodes)
        assert list(footer.children) == keys_before


@sync
async def test_start_up_styles_each_widget_once(make_app, monkeypatch):
    applied = []
    original = Stylesheet.apply
    monkeypatch.setattr(Stylesheet, "apply", lambda self, node, *a, **k: (applied.append(node),
                                                                         original(self, node, *a, **k))[1])
    app = make_app(workload="fib", workers=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        label = app.query_one("#label-workers")  # nothing about it changes after it mounts
        assert applied.count(label) == 1  # Textual styled every node again when the screen first showed
