"""The exit codes every gil-tui command uses."""

OK = 0
FAILED = 1  # a run failed or was cut short by a broken pipe; the reason is printed
USAGE = 2  # bad input: one line on stderr, nothing run
INTERRUPTED = 130  # Ctrl-C, SIGTERM or SIGHUP: cleaned up, then stopped
