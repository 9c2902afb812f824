"""The command line: ``gil-tui`` opens the workbench; ``gil-tui run`` measures without a UI."""

from __future__ import annotations

import sys

from . import exit_codes
from .parser import build_app_parser, build_run_parser


def sturdy_streams() -> None:
    """Standard streams a command can always write to: a closed one (``>&-``) becomes /dev/null, and text the
    stream's encoding cannot hold (``PYTHONIOENCODING=latin-1`` and a "—") is written as "?" rather than raising."""
    import io
    import os

    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:  # closed: hold its number with /dev/null, so no file opened later becomes "stdout"
            os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "r" if fd == 0 else "w", encoding="utf-8"))
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("run", "compare", "interpreters"):
        sturdy_streams()
    if args and args[0] == "run":
        from .run import run_command

        return run_command(build_run_parser().parse_args(args[1:]))
    if args and args[0] == "compare":
        from .compare import compare_command

        return compare_command(args[1:])
    if args and args[0] == "interpreters":
        from .interpreters import interpreters_command

        return interpreters_command(args[1:])
    if args and args[0] in ("demo", "serve", "screenshots"):
        return _classroom(args[0], args[1:])
    parsed = build_app_parser().parse_args(args)
    if parsed.theme:
        import os

        from ..ui.themes import THEME_ENV

        os.environ[THEME_ENV] = parsed.theme  # the workbench reads it (and a served app's children inherit it)
    from .app import app_command

    return app_command(parsed)


def _classroom(command: str, argv: list[str]) -> int:
    """``gil-tui demo``, ``gil-tui serve`` and ``gil-tui screenshots`` (issue 6)."""
    if command == "demo":
        from .demo import demo_command

        return demo_command(argv)
    if command == "serve":
        from .serve import serve_command

        return serve_command(argv)
    from .screenshots import screenshots_command

    return screenshots_command(argv)


def entry() -> int:
    """The console script: main(), quiet when the reader of stdout goes away (``| head``)."""
    try:
        return main()
    except KeyboardInterrupt:  # Ctrl-C before a run started (probing interpreters, say): no traceback
        sys.stderr.write("gil-tui: interrupted\n")
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exit_codes.FAILED


if __name__ == "__main__":
    sys.exit(entry())
