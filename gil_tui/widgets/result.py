"""The result pane: the live elapsed time, then wall, CPU, cores, speedup and the counter of a run."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from ..app.texts import text


def python_label(interp: dict, gil: str | None = None) -> str:
    short = ".".join(interp["version"].split(".")[:2]) + ("t" if interp.get("free_threaded") else "")
    if interp.get("free_threaded"):
        short += " GIL " + ("on" if interp.get("gil_enabled") else "off")
    return short


def size_label(size: float) -> str:
    return "%g" % size


def lost_pct(counter: dict) -> float:
    return 100.0 * counter["lost"] / counter["expected"] if counter["expected"] else 0.0


def describe(result: dict) -> str:
    return text("result.what", workload=result["workload"], mode=result["mode"], workers=result["workers"],
                size=size_label(result["size"]), python=python_label(result["interpreter"]))


def details(result: dict) -> RenderableType:
    """The numbers of a finished run, most important first: status, counter, times, speedup; then notes."""
    parts: list[RenderableType] = []
    status = result["status"]
    if status == "cancelled":
        parts.append(Text(text("result.status.cancelled"), style="bold yellow"))
    elif status != "ok":
        parts.append(Text(text("result.status.error", result.get("error") or "?"), style="bold red"))

    def num(value, pattern: str) -> str:
        return "—" if value is None else pattern % value

    counter = result.get("counter")
    if counter:
        style = "bold red" if counter["lost"] > 0 else "bold green"
        parts.append(Text.assemble((text("result.counter") + " ", "grey70"), ("{:,}".format(counter["final"]), style),
                                   " %s %s" % (text("result.of"), "{:,}".format(counter["expected"]))))
    parts.append(Text.assemble(
        (text("result.wall") + " ", "grey70"), num(result.get("wall_s"), "%.3f s"),
        ("  " + text("result.cpu") + " ", "grey70"), num(result.get("cpu_s"), "%.3f s"),
        ("  " + text("result.cores") + " ", "grey70"), num(result.get("cores_used"), "%.2f")))
    if result["mode"] == "sequential" and status == "ok":
        speedup = text("result.speedup.self")
    elif result.get("speedup") is None:
        speedup = text("result.speedup.none")
    else:
        speedup = "%.2f×" % result["speedup"]
    parts.append(Text.assemble((text("result.speedup") + " ", "grey70"), (speedup, "bold")))
    parts.append(Text(describe(result), style="grey70"))
    for note in result.get("notes") or []:
        parts.append(Text(text("result.notes", note), style="italic grey70"))
    return Group(*parts)


def banner(result: dict | None) -> str:
    counter = (result or {}).get("counter")
    if not counter or counter["lost"] <= 0:
        return ""
    return text("result.lost", lost="{:,}".format(counter["lost"]), pct=lost_pct(counter))


class ResultPane(VerticalScroll):
    """Elapsed time while a run goes; the measurements when it ends."""

    DEFAULT_CSS = """
    ResultPane #elapsed { text-style: bold; height: 1; }
    ResultPane #banner { display: none; background: $error; color: $text; text-style: bold; padding: 0 1; }
    ResultPane #banner.-lost { display: block; }
    ResultPane #banner.-exact { display: block; background: $success-darken-2; }
    """

    elapsed: reactive[float | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Static(text("idle"), id="elapsed")
        yield Static("", id="banner")
        yield Static("", id="details")

    def watch_elapsed(self, old: float | None, new: float | None) -> None:
        # only the one-decimal text reaches the screen, so the pane repaints at most ten times a second
        if new is not None and (old is None or "%.1f" % old != "%.1f" % new):
            # one fixed-height line: a repaint, never a layout pass
            self.query_one("#elapsed", Static).update(text("elapsed", new), layout=False)

    def show_idle(self, ready: bool) -> None:
        if self.elapsed is None:
            self.query_one("#elapsed", Static).update(text("idle") if ready else text("idle.fix"))

    def show_start(self, what: str) -> None:
        self.elapsed = None
        self.elapsed = 0.0
        self._set_banner("", "")
        self.query_one("#details", Static).update(Text(what + "\n" + text("starting"), style="grey70"))

    def show_running(self, what: str) -> None:
        self.query_one("#details", Static).update(Text(what, style="grey70"))

    def show_cancelling(self) -> None:
        self.query_one("#details", Static).update(Text(text("cancelling"), style="bold yellow"))

    def show_result(self, result: dict, elapsed: float | None) -> None:
        self.elapsed = None
        if elapsed is None:
            elapsed = result.get("wall_s") or 0.0
        self.elapsed = elapsed
        counter = result.get("counter")
        if counter and counter["lost"] > 0:
            self._set_banner(banner(result), "-lost")
        elif counter and result["status"] == "ok":
            self._set_banner(text("result.exact"), "-exact")
        else:
            self._set_banner("", "")
        self.query_one("#details", Static).update(details(result))
        self.scroll_home(animate=False)

    def _set_banner(self, message: str, cls: str) -> None:
        widget = self.query_one("#banner", Static)
        widget.update(message)
        widget.set_class(cls == "-lost", "-lost")
        widget.set_class(cls == "-exact", "-exact")
