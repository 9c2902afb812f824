from gil_tui.cli.main import entry

raise SystemExit(entry())
