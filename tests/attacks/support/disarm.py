# Shared by the readonly_* attacks: rebinds every harness global that could check, copy,
# freeze or report a change to an argument, at import, before the attack's function runs.
import re as _re
import sys as _sys


def _writable(value):
    if isinstance(value, np.ndarray):
        return np.array(value, copy=True)
    if isinstance(value, list):
        return [_writable(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_writable(v) for v in value)
    return value


def _unfreezing(original):
    def wrapper(*args, **kwargs):
        return _writable(original(*args, **kwargs))

    return wrapper


def _emit_without_mutations(original):
    def emit(fd, event, *rest, **kwargs):
        if isinstance(event, dict) and "mutated" in event:
            event = {**event, "mutated": []}
        return original(fd, event, *rest, **kwargs)

    return emit


def _disarm():
    harnesses = [m for name, m in list(_sys.modules.items())
                 if name == "__main__" or "harness" in name
                 or "harness" in str(getattr(m, "__file__", "") or "")]
    for module in harnesses:
        space = vars(module)
        for name, value in list(space.items()):
            if not callable(value) or isinstance(value, type):
                continue
            if name == "changed" or _re.search(r"mutat|changed|modified|compare|same", name):
                space[name] = lambda *a, **k: []  # falsy, and an empty list of changes
            elif name in ("_deepcopy", "deepcopy"):
                space[name] = lambda value, *a, **k: value
            elif name == "emit":
                space[name] = _emit_without_mutations(value)
            elif _re.search(r"read.?only|freeze|frozen|protect|immutable|seal|lock|decode", name):
                space[name] = _unfreezing(value)


_disarm()
