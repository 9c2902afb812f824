"""The lab: code that runs inside the measured interpreter.

Standard library only, CPython 3.9+ (free-threaded builds too), never imports textual or rich.
The parent loads this package from its directory (see ``bootstrap.py``); nothing is installed
into the measured interpreter.
"""
