# Four chains of processes that fork and let the parent exit at once: at any moment each
# chain is one or two short-lived processes with new pids, so a killer that lists the
# sandbox's processes and then kills them always finds the previous generation. Bounded to
# 20 s, so that an escape cannot outlive the test that shows it. It answers correctly.
import os as _os
import time as _time

_STARTED = []


def _chain(deadline):
    while _time.monotonic() < deadline:
        try:
            if _os.fork():
                _os._exit(0)  # the parent dies, the child carries on with a new pid
        except OSError:
            # The sandbox's process limit: this chain ends here. (Uncaught, the error went
            # up relu's stack in the child, whose harness then answered for the runner:
            # relu(3) "raised BlockingIOError", in 1 of 3 runs on a loaded machine.)
            _os._exit(0)
    _os._exit(0)


def relu(x):
    if not _STARTED:
        _STARTED.append(1)
        deadline = _time.monotonic() + 20
        for _ in range(4):
            if _os.fork() == 0:
                _os.setsid()
                _chain(deadline)
    return np.maximum(0, x)
