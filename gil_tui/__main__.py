from gil_tui.cli import entry

raise SystemExit(entry())
