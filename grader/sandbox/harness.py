"""The child side of grading: runs inside the sandbox, next to the student's code.

This file is executed as a script (``python -I -S -B -u harness.py CONTROL_FD LIBDIR CONFIG``)
and must stay standalone: standard library, numpy and confine.py (next to it) only, nothing
else from the grader package, so that the sandbox can expose these two files and nothing else.

It starts as a zygote: numpy imported, no student code, waiting for commands
on a socket. For each job the grader sends it pipes; the zygote forks a
runner that first confines itself (fresh user, mount, IPC and network namespaces
with its own sized /tmp and /dev/shm, no capabilities, a seccomp filter), then reads
the job (with the submission's source) on stdin, loads the submission and calls the
student's functions on each case, writing one JSON line per call to the result pipe.
Arguments are read-only memory: a function that writes into its input fails at the
write, so no check of ours has to run next to student code. It never sees an expected
value: judging happens in the grader, which trusts nothing written here beyond
well-formed numbers.
"""

from __future__ import annotations

import _thread
import base64
import builtins
import ctypes
import json
import linecache
import mmap
import os
import select
import signal
import socket
import sys
import time
import traceback
import types
from typing import Any

# The interpreter runs with -I -S, so site-packages is not on the path: the
# grader passes a folder that holds numpy and nothing else of its own.
if len(sys.argv) > 2:
    sys.path.insert(0, sys.argv[2])
# confine.py and landlock.py lie next to this file; -I keeps this folder off the path: add it.
sys.path.append(os.path.dirname(os.path.abspath(__file__)))

import numpy as np

# Linux and POSIX only; the portable tier (tier 3: Windows, macOS) runs without them.
try:
    import fcntl
except ImportError:
    fcntl = None  # type: ignore[assignment]
try:
    import resource
except ImportError:
    resource = None  # type: ignore[assignment]
try:
    import confine
    import landlock
except (ImportError, OSError, TypeError, AttributeError):
    confine = landlock = None

CONFIG: dict[str, Any] = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}

# Keep private references: student code may monkeypatch numpy, json or builtins
# at import time, and the harness must still encode results faithfully.
_asarray = np.asarray
_ndarray = np.ndarray
_float64 = np.float64
_int64 = np.int64
_dumps = json.dumps
_write = os.write
_fork = getattr(os, "fork", None)
_waitpid = os.waitpid
_kill = os.kill
_listdir = os.listdir
_exit = os._exit
_perf_counter = time.perf_counter
_sleep = time.sleep
_current_frames = sys._current_frames
_get_ident = _thread.get_ident
try:
    _set_async_exc: Any = ctypes.pythonapi.PyThreadState_SetAsyncExc
except (AttributeError, OSError):
    _set_async_exc = None
_extract_tb = traceback.extract_tb
_BaseException = BaseException
_NotImplementedError = NotImplementedError
_BUILTINS = dict(builtins.__dict__)


def restore_builtins() -> None:
    """Undo a submission's patches of builtins (isinstance, float...), which json relies on."""
    builtins.__dict__.update(_BUILTINS)


MAX_TEXT = 2000


def emit(fd: int, event: dict[str, Any]) -> None:
    """Write one event as a JSON line; a partial write is retried."""
    data = (_dumps(event) + "\n").encode()
    while data:
        data = data[_write(fd, data) :]


def _refuse(self: Any, *args: Any, **kwargs: Any) -> Any:
    raise TypeError("this argument is read-only: functions must not modify their inputs "
                    "(make a copy first, e.g. list(weights))")  # fmt: skip


class ArgumentList(list):  # type: ignore[type-arg]
    """A list argument the student's function may read but not change.

    Every way of reading or copying it works (iteration, slicing, ``list()``,
    ``np.array``, ``copy.copy``, ``copy.deepcopy``, pickling): a copy is a plain,
    writable list. Only writes to this one fail.
    """

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __copy__(self) -> list[Any]:
        return list(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Any]:
        import copy

        return [copy.deepcopy(item, memo) for item in self]

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (list, (list(self),))


# A student's error message names the type as their own code sees it run: "'list' object
# has no attribute 'shape'", not the name of our wrapper.
ArgumentList.__name__ = ArgumentList.__qualname__ = "list"


class ArgumentDict(dict):  # type: ignore[type-arg]
    """A dict argument the student's function may read but not change; copies are plain dicts."""

    __setitem__ = __delitem__ = __ior__ = _refuse
    update = pop = popitem = clear = setdefault = _refuse

    def __copy__(self) -> dict[Any, Any]:
        return dict(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[Any, Any]:
        import copy

        return {copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()}

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (dict, (dict(self),))


ArgumentDict.__name__ = ArgumentDict.__qualname__ = "dict"


def _readonly_memory(data: bytes) -> Any:
    """``data`` in memory that cannot be made writable again, even with mprotect.

    A sealed memfd mapped shared and read-only: numpy refuses to set WRITEABLE on
    it, and the kernel refuses PROT_WRITE on the mapping. Where memfd seals are not
    available, a bytes object (numpy still refuses the flag).
    """
    if not data:
        return data
    if fcntl is None:
        return data
    try:
        fd = os.memfd_create("arguments", os.MFD_ALLOW_SEALING | os.MFD_CLOEXEC)
    except (AttributeError, OSError):
        return data
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        seals = fcntl.F_SEAL_WRITE | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SEAL
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, seals)
        return mmap.mmap(fd, len(data), mmap.MAP_SHARED, mmap.PROT_READ)
    finally:
        os.close(fd)


class Arguments:
    """Every array of a job, decoded once into read-only memory; fresh lists per call."""

    def __init__(self, calls: list[list[dict[str, Any]]]) -> None:
        self._chunks: list[bytes] = []
        self._size = 0
        self.calls = [[self._plan(a) for a in call] for call in calls]
        self._memory = _readonly_memory(b"".join(self._chunks))

    def _plan(self, value: dict[str, Any]) -> Any:
        tag = value["t"]
        if tag == "array":
            dtype = {"float64": _float64, "int64": _int64, "bool": np.bool_}[value["dtype"]]
            data = _asarray(value["data"], dtype=dtype).tobytes()
            count = len(data) // np.dtype(dtype).itemsize
            placed = ("array", dtype, self._size, count, tuple(value["shape"]))
            pad = -len(data) % 64  # keep every array aligned
            self._chunks += [data, bytes(pad)]
            self._size += len(data) + pad
            return placed
        if tag in ("list", "tuple"):
            return (tag, [self._plan(item) for item in value["items"]])
        if tag == "dict":
            return ("dict", [(k, self._plan(v)) for k, v in value["items"]])
        return ("value", _scalar(value))

    def args(self, number: int) -> list[Any]:
        return [self._build(a) for a in self.calls[number]]

    def _build(self, planned: Any) -> Any:
        kind = planned[0]
        if kind == "array":
            _, dtype, offset, count, shape = planned
            if count == 0:
                array = _asarray([], dtype=dtype)
                array.flags.writeable = False
                return array.reshape(shape)
            flat = np.frombuffer(self._memory, dtype=dtype, count=count, offset=offset)
            return flat.reshape(shape)
        if kind == "list":
            return ArgumentList(self._build(item) for item in planned[1])
        if kind == "tuple":
            return tuple(self._build(item) for item in planned[1])
        if kind == "dict":
            return ArgumentDict((k, self._build(v)) for k, v in planned[1])
        return planned[1]


def _scalar(value: dict[str, Any]) -> Any:
    tag = value["t"]
    if tag == "none":
        return None
    if tag == "int":
        return int(value["v"])
    if tag == "float":
        return float(value["v"])
    if tag == "bool":
        return bool(value["v"])
    if tag == "str":
        return str(value["v"])
    raise ValueError(f"unknown tag {tag!r}")


def confine_runner(libdir: str) -> None:
    """Before any student code: own namespaces, sized /tmp and /dev/shm, no privileges, seccomp.

    Where the grader requires it (bubblewrap, or a grader started as root) a failure
    here ends the runner before the submission is read; elsewhere it is best effort.
    """
    confine.set_oom_first()
    try:
        keep = (libdir, *CONFIG.get("keep", ()))
        confine.enter_namespaces(CONFIG["tmp_bytes"], CONFIG["shm_bytes"], keep=keep)
        if CONFIG.get("allowlist"):  # Landlock: nothing readable but the runtime (confined.py)
            landlock.restrict(CONFIG["allowlist"])
        confine.drop_capabilities()
        program = base64.b64decode(CONFIG.get("seccomp", ""))
        if program:
            confine.load_seccomp(program)
    except (OSError, KeyError, ValueError) as exc:
        if CONFIG.get("required", False):
            os.write(2, f"the sandbox could not confine the runner: {exc}\n".encode())
            _exit(72)


def landlock_zygote() -> None:
    """Tier 2: the zygote's own Landlock layer, before any command (see confined.py).

    Read-only: the runtime (site-packages hidden), the packages, the harness, /proc;
    read-write: the null devices and the work folder; nothing executable; no TCP;
    abstract sockets and signals scoped to the sandbox.
    """
    rules = CONFIG["landlock"]
    version = int(rules["abi"])
    every = landlock.fs_rights(version)
    layer = landlock.Ruleset(version, every, net=True, scope=True)
    hidden = tuple(rules["hidden"])
    for path in rules["read"]:
        landlock.allow_all_but(layer, path, hidden, landlock.READ)
    layer.allow("/proc", landlock.READ)
    for device in rules["devices"]:
        layer.allow(device, landlock.READ_FILE | landlock.WRITE_FILE)
    layer.allow(rules["write"], every & ~landlock.EXECUTE)
    layer.enforce()


def confine_landlocked(scratch: str) -> None:
    """Tier 2, in a runner: only ``scratch`` writable, scoped, no_new_privs, seccomp."""
    confine.set_oom_first()
    confine.let_the_grader_watch()
    try:
        os.chdir(scratch)
        os.environ.update(HOME=scratch, TMPDIR=scratch)
        version = int(CONFIG["landlock"]["abi"])
        writes = landlock.fs_rights(version) & ~(landlock.READ | landlock.EXECUTE)
        layer = landlock.Ruleset(version, writes, scope=True)
        layer.allow(scratch, writes)
        layer.enforce()
        confine.drop_capabilities()
        confine.load_seccomp(base64.b64decode(CONFIG["seccomp"]))
    except (OSError, KeyError, ValueError) as exc:
        os.write(2, f"the sandbox could not confine the runner: {exc}\n".encode())
        _exit(72)


def clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + " ..."


def student_frames(exc: BaseException, filename: str) -> list[str]:
    """The traceback lines that belong to the student's file, grader frames removed."""
    lines = []
    for frame in _extract_tb(exc.__traceback__):
        if frame.filename == filename:
            code = (frame.line or "").strip()
            lines.append(f'File "{filename}", line {frame.lineno}, in {frame.name}: {code}')
    return lines[-20:]


def describe(exc: BaseException) -> str:
    try:
        text = str(exc)
    except _BaseException:
        text = "<unprintable>"
    name = type(exc).__name__
    return clip(f"{name}: {text}" if text else name)


MAX_DEPTH = 8
MAX_ITEMS = 10_000


def encode_result(result: Any, max_values: int, depth: int = 0) -> dict[str, Any]:
    """Encode a returned value as plain data: numbers, text, and tuples, lists, dicts of them.

    Numbers and anything numpy can read as a rectangular float array become an
    "array"; other tuples and lists become a "seq", str-keyed dicts a "map".
    Everything else is "other", with its type's name.
    """
    type_name = clip(type(result).__name__)
    if result is None:
        return {"kind": "none", "type": "NoneType"}
    if isinstance(result, (bool, np.bool_)):
        return {"kind": "bool", "type": type_name, "v": bool(result)}
    if isinstance(result, str):
        return {"kind": "str", "type": type_name, "text": clip(result)}
    if depth >= MAX_DEPTH:
        return {"kind": "other", "type": type_name, "reason": "nested too deeply"}
    if isinstance(result, dict):
        return encode_map(result, max_values, depth)
    if isinstance(result, (bytes, set, frozenset)):
        return {"kind": "other", "type": type_name}
    try:
        array = _asarray(result, dtype=_float64)
    except _BaseException as exc:
        if isinstance(result, (list, tuple)):
            return encode_seq(result, max_values, depth)
        return {"kind": "other", "type": type_name, "reason": describe(exc)}
    shape = [int(n) for n in array.shape]
    if array.size > max_values:
        return {"kind": "too_large", "type": type_name, "shape": shape}
    return {"kind": "array", "type": type_name, "shape": shape, "data": array.ravel().tolist()}


def encode_seq(items: Any, max_values: int, depth: int) -> dict[str, Any]:
    """A tuple or list that is not one array: each item on its own."""
    type_name = clip(type(items).__name__)
    if len(items) > MAX_ITEMS:
        return {"kind": "other", "type": type_name, "reason": f"more than {MAX_ITEMS} items"}
    encoded = [encode_result(item, max_values, depth + 1) for item in items]
    return {"kind": "seq", "type": type_name, "items": encoded}


def encode_map(mapping: dict[Any, Any], max_values: int, depth: int) -> dict[str, Any]:
    """A dict with string keys: its keys, and each value on its own."""
    type_name = clip(type(mapping).__name__)
    if len(mapping) > MAX_ITEMS or not all(isinstance(k, str) for k in mapping):
        return {"kind": "other", "type": type_name, "reason": "keys must be strings"}
    keys = [clip(k) for k in mapping]
    items = [encode_result(v, max_values, depth + 1) for v in mapping.values()]
    return {"kind": "map", "type": type_name, "keys": keys, "items": items}


class _Parked(BaseException):
    """Raised into a thread a call left behind: it sleeps for good while being made (before
    any ``except`` or ``finally`` of the student's can run), holding neither GIL nor CPU."""

    def __init__(self, *args: Any) -> None:
        while True:
            _sleep(3600)


def park_leftover_threads() -> None:
    """Stop every Python thread but this one, so that a thread one call (or the import) left
    spinning cannot take the time of the next call, whose 2 s are measured by the wall clock.

    Only the submission's own calls gain from this (a leftover thread can only slow its own
    process), so it may run next to student code. Parked threads make the runner recycle
    at the end of the exercise (footprint_grew), as any leftover thread does.
    """
    if _set_async_exc is None:
        return
    me = _get_ident()
    for ident in _current_frames():
        if ident != me:
            _set_async_exc(ctypes.c_ulong(ident), ctypes.py_object(_Parked))


def changed(before: list[Any], after: Any) -> bool:
    """Whether a list argument lost, gained or swapped an item (arrays are read-only memory)."""
    return len(before) != len(after) or any(b is not a for b, a in zip(before, after, strict=False))


def run_exercise(
    fd: int, index: int, function: Any, calls: Arguments, filename: str, max_values: int
) -> None:
    """Call the student's function on each case and emit one event per call."""
    for number in range(len(calls.calls)):
        args = calls.args(number)
        lists = {k: list(a) for k, a in enumerate(args) if isinstance(a, list)}
        event: dict[str, Any] = {"ev": "call", "ex": index, "case": number}
        start = _perf_counter()
        try:
            result = function(*args)
        except _NotImplementedError as exc:
            event.update(status="not_implemented", error=describe(exc))
        except _BaseException as exc:  # SystemExit, RecursionError and MemoryError too
            event.update(
                status="raised", error=describe(exc), traceback=student_frames(exc, filename)
            )
        else:
            try:
                event.update(status="returned", value=encode_result(result, max_values))
            except _BaseException as exc:
                event.update(status="raised", error=describe(exc), traceback=[])
        restore_builtins()
        event["duration_s"] = _perf_counter() - start
        park_leftover_threads()
        event["mutated"] = [k for k, items in lists.items() if changed(items, args[k])]
        emit(fd, event)


def footprint() -> tuple[int, int]:
    """This process's thread count and resident memory (kB), where /proc has them."""
    try:
        threads = len(_listdir("/proc/self/task"))
        with open("/proc/self/status") as handle:
            rss = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
    except (OSError, StopIteration, ValueError):
        return threading_count(), 0
    return threads, rss


def threading_count() -> int:
    import threading

    return threading.active_count()


def footprint_grew(before: tuple[int, int], after: tuple[int, int]) -> bool:
    return after[0] > before[0] or after[1] > before[1] + 256 * 1024


def become_subreaper() -> None:
    """Adopt the orphans of exercise processes (Linux), so they can be killed between exercises."""
    try:
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError, TypeError):
        pass


def kill_children() -> None:
    """Kill every remaining child (orphans included) so the next exercise starts clean."""
    for _ in range(100):
        children = []
        try:
            for task in _listdir("/proc/self/task"):
                with open(f"/proc/self/task/{task}/children") as handle:
                    children += [int(pid) for pid in handle.read().split()]
        except OSError:
            return
        if not children:
            return
        for pid in children:
            try:
                _kill(pid, signal.SIGKILL)
                _waitpid(pid, 0)
            except OSError:
                pass


def set_limits(limits: dict[str, int | None]) -> None:
    """Apply the resource limits the grader asked for, where the platform has them."""
    for name, key in (
        ("RLIMIT_AS", "memory_bytes"),
        ("RLIMIT_FSIZE", "file_bytes"),
        ("RLIMIT_CPU", "cpu_seconds"),
        ("RLIMIT_NPROC", "processes"),
        ("RLIMIT_CORE", "core_bytes"),
        ("RLIMIT_NOFILE", "open_files"),
    ):
        value = limits.get(key)
        if value is None or resource is None or not hasattr(resource, name):
            continue
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (ValueError, OSError):
            pass


def load_error(kind: str, line: int | None, message: str, lines: list[str]) -> dict[str, Any]:
    return {"ev": "load_error", "kind": kind, "line": line, "message": message, "traceback": lines}


def load_submission(text: str, filename: str) -> tuple[Any, dict[str, Any] | None]:
    """Compile and execute the submission as a module; return it or a load-error event."""
    try:
        code = compile(text, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        source_line = (getattr(exc, "text", None) or "").rstrip()
        message = clip(f"{type(exc).__name__}: {getattr(exc, 'msg', str(exc))}")
        lines = [clip(source_line)] if source_line else []
        return None, load_error("syntax", getattr(exc, "lineno", None), message, lines)
    # Let tracebacks show the student's own lines even though the file is not on sys.path.
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    module = types.ModuleType("submission")
    module.__file__ = filename
    sys.modules["submission"] = module
    try:
        exec(code, module.__dict__)
    except _BaseException as exc:
        linenos = [f.lineno for f in _extract_tb(exc.__traceback__) if f.filename == filename]
        frames = student_frames(exc, filename)
        return None, load_error("import", linenos[-1] if linenos else None, describe(exc), frames)
    return module, None


def check_zygote(zygote: int) -> None:
    """Exit at once if the zygote is dead or dying: the submission killed it.

    A kill is queued before kill() returns, so this check at each boundary
    ensures nothing is reported for a step that began after the kill. No zygote (0): the
    portable tier, where this process is the runner itself.
    """
    if not zygote:
        return
    try:
        alive = os.getppid() == zygote
        with open(f"/proc/{zygote}/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if ":" in line)
        state = fields.get("State", "").split()
        pending = int(fields.get("SigPnd", "0"), 16) | int(fields.get("ShdPnd", "0"), 16)
        alive = alive and bool(state) and state[0] not in ("Z", "X") and not pending & (1 << 8)
    except (OSError, ValueError):
        alive = os.getppid() == zygote  # no /proc: the parent test is all there is
    if not alive:
        _exit(71)


def run_job(fd: int, zygote: int) -> None:
    """In a fresh runner process: read the job on stdin, load the submission, run it, exit."""
    job = json.loads(sys.stdin.buffer.read())
    # Nothing more comes on stdin; student code gets /dev/null there.
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    exercises = [
        (entry["index"], entry["function"], Arguments(entry["calls"])) for entry in job["exercises"]
    ]
    set_limits(job["limits"])
    become_subreaper()
    filename = job["filename"]
    module, error = load_submission(job["source"], filename)
    if error is not None:
        emit(fd, error)
        _exit(0)
    restore_builtins()
    park_leftover_threads()
    check_zygote(zygote)
    missing = [name for _, name, _ in exercises if not callable(getattr(module, name, None))]
    # A name rebound to a value at module level (f = f(3)) is not the same as no function.
    bound = {n: clip(type(getattr(module, n)).__name__) for n in missing if hasattr(module, n)}
    emit(fd, {"ev": "loaded", "missing": missing, "bound": bound})
    baseline = footprint()
    for index, name, calls in exercises:
        if name in missing:
            continue
        run_exercise(fd, index, getattr(module, name), calls, filename, job["max_values"])
        kill_children()  # processes the exercise left behind must not starve the next one
        # Exercises share this process (a fork each costs milliseconds); one that left a
        # thread running or memory held makes the grader start a fresh runner instead.
        recycle = footprint_grew(baseline, footprint())
        check_zygote(zygote)
        emit(fd, {"ev": "exercise_end", "ex": index, "status": 0, "recycle": recycle})
        if recycle:
            _exit(0)
    emit(fd, {"ev": "done"})
    # os._exit: a stuck non-daemon thread or an atexit hook must not hold us here.
    _exit(0)


def start_runner(
    fds: list[int], control: socket.socket, private: tuple[int, ...], scratch: str = ""
) -> int:
    """Fork a runner wired to the grader's pipes: job on stdin, results on fds[1]."""
    zygote_pid = os.getpid()
    assert _fork is not None  # the zygote runs where fork does; the portable tier never forks
    pid: int = _fork()
    if pid:
        return pid
    try:
        # If the zygote dies (a submission may kill it), the runner dies with it, at once,
        # so that what it does next is not mistaken for the next exercise's behaviour.
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != zygote_pid:
            _exit(70)
        control.close()  # student code must never reach the zygote's command channel
        for fd in private:
            os.close(fd)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        job_fd, result_fd, out_fd, err_fd = fds
        for source, target in ((job_fd, 0), (out_fd, 1), (err_fd, 2)):
            os.dup2(source, target)
        for stale in (job_fd, out_fd, err_fd):
            os.close(stale)
        if CONFIG.get("landlock"):
            confine_landlocked(scratch)
        elif CONFIG:
            confine_runner(sys.argv[2] if len(sys.argv) > 2 else "")
        run_job(result_fd, zygote_pid)
    finally:
        _exit(70)
    return 0


def wipe(folder: str) -> None:
    """Empty the working folder between submissions."""
    for entry in os.scandir(folder):
        try:
            if entry.is_dir(follow_symlinks=False):
                # Imported here: shutil brings bz2, lzma and more, and the zygote is ready
                # sooner without them (only a job that left a folder needs it).
                import shutil

                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


def zygote(control_fd: int) -> None:
    """Serve the grader: fork one runner per job, report its exit, clean up on demand.

    No student code ever runs in this process. It is not dumpable, so student
    processes (same user) cannot read or write its memory, and it is a child
    subreaper, so everything a runner starts comes back to it to be killed.
    """
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0
    except (OSError, AttributeError):
        pass
    become_subreaper()
    control = socket.socket(fileno=control_fd)
    if CONFIG.get("landlock"):
        try:
            landlock_zygote()
        except (OSError, KeyError, ValueError) as exc:
            os.write(2, f"landlock refused the zygote's rules: {exc}\n".encode())
            _exit(72)

    def reply(message: dict[str, Any]) -> None:
        control.sendall((_dumps(message) + "\n").encode())

    workdir = os.getcwd()
    runner = last = 0
    # A runner's exit wakes select at once, through this pipe.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    reply({"ev": "ready"})

    while True:
        if runner:
            try:
                pid, status = _waitpid(runner, os.WNOHANG)
            except ChildProcessError:
                pid, status = runner, 0
            if pid:
                reply({"ev": "exit", "status": status})
                runner = 0
        readable, _, _ = select.select([control.fileno(), wake_r], [], [], 0.5 if runner else None)
        if wake_r in readable:
            os.read(wake_r, 512)
        if control.fileno() not in readable:
            continue
        message, fds, _, _ = socket.recv_fds(control, 4096, 4)
        if not message:
            _exit(0)  # the grader is gone
        command = json.loads(message.decode().splitlines()[0])
        if command["cmd"] == "run" and len(fds) == 4 and not runner:
            scratch = str(command.get("scratch", ""))
            runner = last = start_runner(fds, control, (wake_r, wake_w), scratch)
            reply({"ev": "started"})
        elif command["cmd"] == "clean":
            if last:
                try:
                    _kill(-last, signal.SIGKILL)  # the runner's session, where /proc is missing
                except OSError:
                    pass
            kill_children()
            runner = 0
            wipe(workdir)
            reply({"ev": "clean"})
        for fd in fds:
            os.close(fd)


def portable(result_fd: int) -> None:
    """Tier 3: this process is the runner, started fresh by the grader for one job.

    No fork, no namespaces, no filter: only the grader's timeouts and whatever limits
    the platform has. The job comes on stdin, results go to ``result_fd``.
    """
    run_job(result_fd, 0)


if __name__ == "__main__":
    if CONFIG.get("portable"):
        portable(int(sys.argv[1]))
    else:
        zygote(int(sys.argv[1]))
