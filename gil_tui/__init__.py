"""gil-tui: see, live and measured, what CPython's Global Interpreter Lock does to threads."""

__version__ = "0.1.0"
