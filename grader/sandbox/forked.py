"""A zygote forked from the grader itself: numpy imported once per grade, not twice.

The ``process`` sandbox's zygote is an ordinary child that confines nothing itself (each
runner makes its own namespaces, drops every capability and loads the seccomp filter
before it reads its job; confine.py). Started with ``python -I -S harness.py`` it costs a
second interpreter and a second numpy import; forked from a grader that has just
imported numpy, and nothing else of the course, it costs a fork. ``launch.py`` does this
for a single grade, BEFORE anything secret exists in the grader: no assignment, reference
solution, case, expected value or cache key has been loaded yet. What the process does
hold is made what the exec'd zygote would have:

* its own session and cgroups, and (as root) its own uid in a private mount namespace
  that reveals only what it needs (``namespaces.enter_child``, as before exec);
* file descriptors: /dev/null on 0, the zygote's log on 1 and 2, its control socket, and
  nothing else the grader had open;
* environment: only the sandbox's (``box._child_env``); the original argument and
  environment strings (the seed may be in either) are zeroed in memory, so
  /proc/self/cmdline and /proc/self/environ show nothing;
* Python: ``sys.argv`` is the harness's; ``sys.path`` the standard library and the
  sandbox's package folder only; import hooks installed by site-packages (editable
  installs) and every module but the standard library's and numpy's are dropped;
  stdout and stderr unbuffered, no bytecode written (``-u -B``);
* then harness.py runs as ``__main__``, exactly as the exec'd zygote runs it, and the
  process never returns into the grader's code (``os._exit``).

bubblewrap cannot wrap a process that already exists, so this is the ``process`` and
``landlock`` sandboxes' start only; ``bwrap`` still execs its zygote (README, Performance).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.machinery
import io
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

from ..interrupt import STOPS as _STOPS


class ForkedZygote(subprocess.Popen[bytes]):
    """The zygote's process as the grader drives it: ``pid``, ``poll()``, ``wait()``.

    A Popen whose child was made by ``os.fork`` rather than by Popen itself, so that the
    reaper and the memory watch treat both starts alike.
    """

    def __init__(self, pid: int) -> None:  # Popen's own __init__ would start a process
        self.pid = pid
        self.args = ["<zygote forked from the grader>"]
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.encoding = self.errors = None
        self.text_mode = False
        self._waitpid_lock = threading.Lock()
        self._sigint_wait_secs = 0.25
        self._child_created = True
        self._input = None
        self._communication_started = False
        self._closed_child_pipe_fds = True


def fork_zygote(
    argv: list[str],
    control: int,
    log: int,
    cwd: str,
    env: dict[str, str],
    enter: Callable[[], None],
) -> ForkedZygote:
    """Fork the zygote: the child becomes ``python harness.py *argv[1:]`` in place."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()  # nothing buffered here may be written twice
    pid = os.fork()
    if pid:
        return ForkedZygote(pid)
    try:  # pragma: no cover - the child
        _become_zygote(argv, control, log, cwd, env, enter)
    except BaseException as exc:  # the child must never return into the grader
        with contextlib.suppress(Exception):
            os.write(2, f"the forked zygote could not start: {exc!r}\n".encode())
    os._exit(72)


def spawn(
    command: list[str],
    control: int,
    log: int,
    cwd: str | None,
    env: dict[str, str],
    enter: Callable[[], None],
) -> ForkedZygote:
    """Start ``command`` as ``subprocess.Popen`` would (its own session, /dev/null, the
    log, the control socket, ``enter`` before exec), but without waiting for the exec:
    the caller goes on at once (``Sandbox.wait_ready`` learns whether it started; a child
    that cannot exec says why in the log and exits 72). For bubblewrap, which cannot
    wrap a forked zygote: its start then overlaps the grader's imports entirely."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    pid = os.fork()
    if pid:
        return ForkedZygote(pid)
    try:  # pragma: no cover - the child
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.closerange(3, control)
        os.closerange(control + 1, _max_fd())
        os.set_inheritable(control, True)
        # As Popen's restore_signals; and the stop signals a batch worker ignores.
        for number in (signal.SIGPIPE, signal.SIGXFSZ, *_STOPS):
            signal.signal(number, signal.SIG_DFL)
        if cwd is not None:
            os.chdir(cwd)
        enter()
        os.execve(command[0], command, env)
    except BaseException as exc:
        with contextlib.suppress(Exception):
            os.write(2, f"cannot start the sandbox: {exc}\n".encode())
    os._exit(72)


def _become_zygote(
    argv: list[str],
    control: int,
    log: int,
    cwd: str,
    env: dict[str, str],
    enter: Callable[[], None],
) -> None:  # pragma: no cover - runs in the child
    os.setsid()
    for number in _STOPS:  # not the grader's handlers, nor a batch worker's SIG_IGN
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # Descriptors: /dev/null, the log, the control socket; nothing else of the grader's.
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.closerange(3, control)
    os.closerange(control + 1, _max_fd())
    enter()  # cgroups; as root: a private mount namespace and the sandbox's own uid
    _scrub_environment(env)
    os.chdir(cwd)
    sys.argv = list(argv)
    sys.orig_argv = [sys.executable, "-I", "-S", "-B", "-u", *argv]
    _isolate_imports()
    sys.dont_write_bytecode = True
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                 encoding="utf-8")  # fmt: skip
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                  write_through=True)  # fmt: skip
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)  # fmt: skip
    import runpy

    runpy.run_path(argv[0], run_name="__main__")
    os._exit(0)


def _max_fd() -> int:
    try:
        return max(int(fd) for fd in os.listdir("/proc/self/fd")) + 1
    except (OSError, ValueError):
        return os.sysconf("SC_OPEN_MAX")


def _scrub_environment(env: dict[str, str]) -> None:
    """Only the sandbox's environment, and the original strings zeroed in memory."""
    import posix

    os.environ.clear()  # unsetenv: the C environment no longer points at the old strings
    posix.environ.clear()  # the copy Python took at start-up
    os.environ.update(env)
    try:
        with open("/proc/self/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        # Fields 48-51 (arg_start, arg_end, env_start, env_end); the list starts at field 3.
        arg_start, arg_end, env_start, env_end = (int(f) for f in fields[45:49])
    except (OSError, ValueError, IndexError):
        raise OSError("cannot find the command line in memory") from None
    for start, end in ((arg_start, arg_end), (env_start, env_end)):
        if 0 < start < end:
            ctypes.memset(start, 0, end - start)


_STANDARD_FINDERS = (
    importlib.machinery.BuiltinImporter,
    importlib.machinery.FrozenImporter,
    importlib.machinery.PathFinder,
)


def _isolate_imports() -> None:
    """The standard library and numpy, as ``python -I -S`` with the sandbox's folder has."""
    base = os.path.realpath(sys.base_prefix)
    sys.path[:] = [
        p for p in sys.path
        if p and os.path.realpath(p).startswith(base + os.sep)
        and "site-packages" not in p and "dist-packages" not in p
    ]  # fmt: skip
    sys.meta_path[:] = [f for f in sys.meta_path if f in _STANDARD_FINDERS]
    sys.path_hooks[:] = [h for h in sys.path_hooks if "Editable" not in repr(h)]
    sys.path_importer_cache.clear()
    keep = set(sys.stdlib_module_names) | {"numpy", "__main__"}
    for name in list(sys.modules):
        if name.split(".", 1)[0] not in keep:
            del sys.modules[name]
