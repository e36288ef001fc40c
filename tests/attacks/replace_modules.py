# Breaks the module system after defining correct functions.
import builtins
import sys

for name in ("json", "os", "copy", "traceback", "signal", "ctypes", "linecache", "types", "time"):
    sys.modules[name] = None


def _no_import(*args, **kwargs):
    raise ImportError("imports are disabled")


builtins.__import__ = _no_import
