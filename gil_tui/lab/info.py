"""What the running interpreter is: reported with every result and by the ``probe`` command."""

import platform
import sys


def subinterpreters_module():
    """The module that runs subinterpreters with their own GIL here, or None (3.12+ only)."""
    if sys.version_info < (3, 12):  # older private modules share one GIL: nothing to show
        return None
    for name in ("concurrent.interpreters", "_interpreters", "_xxsubinterpreters"):
        try:
            __import__(name)
        except ImportError:
            continue
        return name
    return None


def interpreter_info():
    import sysconfig

    free_threaded = sysconfig.get_config_var("Py_GIL_DISABLED") == 1
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return {
        "executable": sys.executable,
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "free_threaded": free_threaded,
        "gil_enabled": bool(is_gil_enabled()) if is_gil_enabled else True,
        "subinterpreters": subinterpreters_module(),
    }
