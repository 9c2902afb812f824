"""The command line: ``gil-tui`` and its subcommands, one module each; ``main.entry`` is the console script."""
