"""Start the harness in an isolated child process, and make sure everything it started dies.

Two kinds of sandbox:

* ``bwrap``: bubblewrap with every namespace unshared (no network, own PID
  namespace), a read-only view of the Python runtime, numpy, the harness and
  the submission, and small private tmpfs for ``/tmp`` and the working folder.
  Killing bubblewrap kills the whole PID namespace.
* ``process``: a plain child in its own session with resource limits; on Linux
  the grader becomes a child subreaper so that processes which escape with
  ``setsid`` or a double fork are re-parented to it and killed.

Both apply the same resource limits inside the harness.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy

from .errors import SandboxUnavailable

SandboxKind = Literal["auto", "bwrap", "process"]
HARNESS = Path(__file__).with_name("harness.py")
INSIDE = Path("/sandbox")


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission; the defaults live here and only here."""

    call_timeout: float = 2.0
    load_timeout: float = 10.0
    memory_bytes: int = 1 << 30
    file_bytes: int = 8 << 20
    extra_processes: int = 64
    output_bytes: int = 4096
    result_bytes: int = 64 << 20
    max_values: int = 1_000_000

    def for_harness(self, cpu_seconds: int) -> dict[str, int | None]:
        return {
            "memory_bytes": self.memory_bytes,
            "file_bytes": self.file_bytes,
            "cpu_seconds": cpu_seconds,
            "processes": _process_cap(self.extra_processes),
            "core_bytes": 0,
        }


def _process_cap(extra: int) -> int | None:
    """RLIMIT_NPROC counts all of a user's processes: allow what runs now plus ``extra``."""
    if not sys.platform.startswith("linux") or os.getuid() == 0:
        return None  # root ignores RLIMIT_NPROC; the PID namespace bounds bwrap instead
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                continue
    return count + extra


@functools.cache
def bwrap_works() -> bool:
    """Whether bubblewrap is installed and can create its namespaces here."""
    if not sys.platform.startswith("linux") or shutil.which("bwrap") is None:
        return False
    probe = ["bwrap", "--unshare-all", "--die-with-parent", *_system_binds(), "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def resolve(kind: SandboxKind) -> Literal["bwrap", "process"]:
    """Turn ``auto`` into the strongest sandbox available; refuse an unavailable one."""
    if kind == "process":
        return "process"
    if bwrap_works():
        return "bwrap"
    if kind == "bwrap":
        raise SandboxUnavailable(
            "bubblewrap is not usable here (install the 'bubblewrap' package, "
            "or use --sandbox process)"
        )
    return "process"


def _system_binds() -> list[str]:
    """Read-only binds of the system folders a dynamically linked Python needs."""
    args: list[str] = []
    for name in ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/alternatives"):
        path = Path(name)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            args += ["--ro-bind", name, name]
    return args


def _numpy_dirs() -> list[Path]:
    package = Path(numpy.__file__).resolve().parent
    libs = package.with_name("numpy.libs")
    return [package, libs] if libs.is_dir() else [package]


def _site_dirs() -> list[str]:
    """Every site-packages folder: hidden inside bwrap, where solutions could be installed."""
    dirs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    for base in {sys.prefix, sys.base_prefix}:
        dirs.add(sysconfig.get_paths(vars={"base": base, "platbase": base})["purelib"])
    return sorted(d for d in dirs if Path(d).is_dir())


def _child_env(workdir: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        # One thread each: a student's matrix product must not start a thread pool per fork.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):  # some CPUs need these for numpy
        if key in os.environ:
            env[key] = os.environ[key]
    return env


class Child:
    """A running harness: its pipes, and the means to kill all it started."""

    def __init__(
        self, kind: Literal["bwrap", "process"], submission: Path, job: dict[str, Any]
    ) -> None:
        self.kind = kind
        self._tmp = tempfile.TemporaryDirectory(prefix="grader-")
        read_fd, write_fd = os.pipe()
        python = os.path.realpath(sys.executable)
        if kind == "bwrap":
            command, cwd, env = self._bwrap_command(python, submission), None, _child_env("/tmp")
            submission_path = str(INSIDE / "submission" / submission.name)
            libdir = str(INSIDE / "lib")
        else:
            _become_subreaper()
            work = Path(self._tmp.name) / "work"
            work.mkdir()
            libdir = self._process_libdir()
            command = [python, "-I", "-S", "-B", "-u", str(HARNESS)]
            cwd, env = str(work), _child_env(str(work))
            submission_path = str(submission)
        command += [str(write_fd), libdir]
        self.job = json.dumps({**job, "submission": submission_path}).encode()
        try:
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(write_fd,),
                start_new_session=True,
                cwd=cwd,
                env=env,
            )
        except OSError as exc:
            os.close(read_fd)
            os.close(write_fd)
            self._tmp.cleanup()
            raise SandboxUnavailable(f"cannot start the sandbox: {exc}") from None
        os.close(write_fd)
        self.results = read_fd
        self.started = time.monotonic()

    def _process_libdir(self) -> str:
        """A folder holding only numpy (by symlink), so site-packages stays off sys.path."""
        libdir = Path(self._tmp.name) / "lib"
        libdir.mkdir()
        for path in _numpy_dirs():
            (libdir / path.name).symlink_to(path)
        return str(libdir)

    def _bwrap_command(self, python: str, submission: Path) -> list[str]:
        args = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session"]
        args += _system_binds()
        for prefix in sorted({os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}):
            if not prefix.startswith("/usr/"):
                args += ["--ro-bind", prefix, prefix]
        # Hide every site-packages: the reference solutions may be installed there.
        for site in _site_dirs():
            args += ["--tmpfs", os.path.realpath(site)]
        for path in _numpy_dirs():
            args += ["--ro-bind", str(path), str(INSIDE / "lib" / path.name)]
        args += [
            "--ro-bind", str(HARNESS), str(INSIDE / "harness.py"),
            "--ro-bind", str(submission), str(INSIDE / "submission" / submission.name),
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", str(16 << 20), "--tmpfs", "/tmp",
            "--chdir", "/tmp",
            "--", python, "-I", "-S", "-B", "-u", str(INSIDE / "harness.py"),
        ]  # fmt: skip
        return args

    def kill(self) -> None:
        """Kill the child's whole tree, wait for it, and remove its files."""
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()
        if self.kind == "process":
            _kill_escaped(self.proc.pid)
        try:
            os.close(self.results)
        except OSError:
            pass
        self._tmp.cleanup()


@functools.cache
def _become_subreaper() -> bool:
    """Adopt orphans of our children (Linux), so escaped processes can still be killed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(36, 1, 0, 0, 0) == 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _adopted_children() -> list[int]:
    """Our children that live in another session: processes the submission started."""
    me, session = os.getpid(), os.getsid(0)
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and int(fields[3]) != session:
            found.append(int(entry.name))
    return found


def _kill_escaped(group: int) -> None:
    """Kill the group's leftovers and every orphan re-parented to us, until none remain."""
    if not sys.platform.startswith("linux"):
        return
    quiet_rounds = 0
    for _ in range(200):
        try:
            os.killpg(group, signal.SIGKILL)
            alive = True
        except (ProcessLookupError, PermissionError):
            alive = False
        orphans = _adopted_children()
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if not orphans and not alive:
            quiet_rounds += 1
            if quiet_rounds >= 2:
                return
        else:
            quiet_rounds = 0
        time.sleep(0.002)
