"""The interpreters a demo or a screenshot uses: this one, and the first free-threaded build found (the contrast)."""

from __future__ import annotations

import sys

from ..core.probe import Interpreter, ProbeError, lab_interpreter


def free_threaded() -> Interpreter | None:
    """The first usable free-threaded interpreter discovery finds (cached probes), or None."""
    from ..core.discovery import discovered

    return next((interp for interp in discovered() if interp.free_threaded), None)


def demo_interpreters(python: str | None = None, contrast: bool = True) -> list[Interpreter]:
    """``python`` (default: this one) first, then a free-threaded build when there is one and ``contrast``.

    ProbeError when ``python`` is not an interpreter the lab can run.
    """
    main = lab_interpreter(python or sys.executable)
    found = free_threaded() if contrast and not main.free_threaded else None
    return [main] + ([found] if found is not None else [])


__all__ = ["ProbeError", "demo_interpreters", "free_threaded"]
