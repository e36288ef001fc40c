# Shared by the forge_* attacks: finds the runner's result pipe and writes a forged event
# on it from relu; each attack file defines PAYLOAD(ex, case), the line it forges.
import fcntl as _fcntl
import json as _json
import os as _os
import stat as _stat
import sys as _sys


def _result_fds():
    """The pipe the runner writes its results to: a local of a harness frame, else any
    write-only pipe among our fds (stdout and stderr apart)."""
    found = []
    frame = _sys._getframe(1)
    while frame is not None:
        for key, value in frame.f_locals.items():
            if type(value) is int and 2 < value < 1024 and "fd" in key and value not in found:
                found.append(value)
        frame = frame.f_back
    try:
        names = _os.listdir("/proc/self/fd")
    except OSError:
        names = [str(n) for n in range(3, 64)]
    for name in names:
        fd = int(name)
        if fd <= 2 or fd in found:
            continue
        try:
            if (_stat.S_ISFIFO(_os.fstat(fd).st_mode)
                    and _fcntl.fcntl(fd, _fcntl.F_GETFL) & _os.O_ACCMODE == _os.O_WRONLY):
                found.append(fd)
        except OSError:
            pass
    return found


_CALLS = [0]


def _where():
    """(exercise index, case number) of this call: from the harness frames, else counted."""
    frame = _sys._getframe(2)
    while frame is not None:
        names = frame.f_locals
        if type(names.get("index")) is int and type(names.get("number")) is int:
            return names["index"], names["number"]
        frame = frame.f_back
    return 0, _CALLS[0]


def _forge(text):
    data = text.encode("utf-8", "surrogatepass") + b"\n"
    for fd in _result_fds():
        try:
            while data:
                data = data[_os.write(fd, data):]
        except OSError:
            pass


def _call(ex, case, **fields):
    event = {"ev": "call", "ex": ex, "case": case, "status": "returned",
             "value": {"kind": "array", "type": "float", "shape": [], "data": [0.0]},
             "mutated": [], "duration_s": 0.001}
    event.update(fields)
    return event


def relu(x):
    ex, case = _where()
    _CALLS[0] += 1
    if case == 0:
        _forge(PAYLOAD(ex, case))
    return np.maximum(0, x)

