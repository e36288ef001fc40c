"""Start the harness in an isolated child process, and make sure everything it started dies.

Two kinds of sandbox:

* ``bwrap``: bubblewrap with every namespace unshared (no network, own PID
  namespace), a read-only view of the Python runtime, numpy and the harness.
  Killing bubblewrap kills the whole PID namespace.
* ``process``: a plain child in its own session with resource limits; on Linux
  the grader becomes a child subreaper so that processes which escape with
  ``setsid`` or a double fork are re-parented to it and killed.

In both, each runner (one per submission, or more when an exercise breaks one)
confines itself before it reads the submission (see confine.py): new user,
mount, IPC and network namespaces with its own sized ``/tmp`` and ``/dev/shm``,
no capabilities, a seccomp filter. Started as root, the grader runs the sandbox
as a uid of its own (users.py), in a private mount namespace where only the
paths the sandbox needs are reachable. Cgroups bound processes and memory.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import confine, seccomp
from .errors import SandboxUnavailable
from .reaper import ProcessGroup, become_subreaper, kill_tree
from .users import SandboxUser

SandboxKind = Literal["auto", "bwrap", "process"]
HARNESS = Path(__file__).with_name("harness.py")
CONFINE = Path(__file__).with_name("confine.py")
INSIDE = Path("/sandbox")


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission; the defaults live here and only here."""

    call_timeout: float = 2.0
    load_timeout: float = 10.0
    total_timeout: float = 60.0  # the whole submission, whatever happens
    memory_bytes: int = 1 << 30  # each process (RLIMIT_AS), and all of them (memory cgroup)
    file_bytes: int = 8 << 20
    tmp_bytes: int = 16 << 20  # the runner's own /tmp
    shm_bytes: int = 16 << 20  # the runner's own /dev/shm
    open_files: int = 256
    max_processes: int = 32  # processes and threads of one submission, where cgroups allow
    extra_processes: int = 64  # otherwise RLIMIT_NPROC: the user's current count plus this
    output_bytes: int = 4096
    result_bytes: int = 64 << 20
    max_values: int = 1_000_000

    def for_harness(self, cpu_seconds: int, *, own_uid: bool = False) -> dict[str, int | None]:
        return {
            "memory_bytes": self.memory_bytes,
            "file_bytes": self.file_bytes,
            "cpu_seconds": cpu_seconds,
            # A uid of the sandbox's own counts only the sandbox's processes.
            "processes": self.max_processes if own_uid else _process_cap(self.extra_processes),
            "max_processes": self.max_processes,
            "core_bytes": 0,
            "open_files": self.open_files,
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
    probe = [*_bwrap_base(), "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def bwrap_installed() -> bool:
    return sys.platform.startswith("linux") and shutil.which("bwrap") is not None


def resolve(kind: SandboxKind) -> Literal["bwrap", "process"]:
    """The sandbox to try first: ``auto`` means bubblewrap where it is installed.

    Whether it works here is learnt when it starts (``Sandbox.ready``), which
    costs nothing on the fast path; ``open_sandbox`` falls back for ``auto``.
    """
    if kind == "process":
        return "process"
    if kind == "bwrap" and not bwrap_installed():
        raise SandboxUnavailable(_NO_BWRAP)
    return "bwrap" if bwrap_installed() else "process"


_NO_BWRAP = (
    "bubblewrap is not usable here (install the 'bubblewrap' package, or use --sandbox process)"
)


def _bwrap_base() -> list[str]:
    """Namespaces and binds shared by every bubblewrap run.

    A user namespace as "nobody" with no capabilities: even when the grader runs
    as root, the child cannot mount, create devices or make further namespaces.
    """
    # No --disable-userns: each runner makes its own namespaces below this one, then
    # forbids any further one (a seccomp filter, and max_user_namespaces set to 0).
    return [
        shutil.which("bwrap") or "bwrap", "--unshare-all", "--unshare-user",
        "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL",
        "--die-with-parent", "--new-session", *_system_binds(),
    ]  # fmt: skip


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


@functools.cache
def package_dirs(packages: tuple[str, ...]) -> list[Path]:
    """Where the packages students may import live: each package's folder (or module file)
    and its bundled libraries (``NAME.libs``). numpy always; found without importing
    anything, since the sandbox starts before the grader's heavy imports."""
    found: list[Path] = []
    for name in dict.fromkeys(("numpy", *packages)):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin in (None, "built-in", "frozen"):
            raise SandboxUnavailable(f"the package {name!r} the assignment allows is not installed")
        origin = Path(spec.origin).resolve()
        path = origin.parent if origin.name == "__init__.py" else origin
        libs = path.with_name(f"{name}.libs")
        found += [path, libs] if libs.is_dir() else [path]
    return found


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


@dataclass
class Run:
    """One job's pipes, as the grader reads them."""

    results: int
    stdout: int
    stderr: int

    def close(self) -> None:
        for fd in (self.results, self.stdout, self.stderr):
            with contextlib.suppress(OSError):
                os.close(fd)


class Sandbox:
    """A zygote in its sandbox: numpy imported, no student code, one runner per job.

    Starting Python and importing numpy is paid once per Sandbox; each job is a
    fresh fork with its own pipes, and ``clean()`` kills everything the job
    started and empties the working folder before the next one. If the zygote
    does not answer, the whole sandbox is torn down instead.
    """

    def __init__(
        self, kind: Literal["bwrap", "process"], limits: Limits, packages: tuple[str, ...] = ()
    ) -> None:
        self.kind, self.limits = kind, limits
        self.packages = tuple(dict.fromkeys(("numpy", *packages)))
        self._tmp = tempfile.TemporaryDirectory(prefix="grader-")
        self.user = SandboxUser.allocate()  # None unless root on Linux
        ours, theirs = socket.socketpair()
        python = os.path.realpath(sys.executable)
        # What the sandbox's own uid must be able to reach (when root hands over to it).
        needed = [str(p) for p in package_dirs(self.packages)] + [sys.base_prefix, sys.prefix]
        if kind == "bwrap":
            command, cwd, env = self._bwrap_command(python), None, _child_env("/tmp")
            libdir = str(INSIDE / "lib")
            needed += [str(HARNESS), str(CONFINE)]
        else:
            become_subreaper()
            work = Path(self._tmp.name) / "work"
            work.mkdir()
            libdir = self._process_libdir()
            command = [python, "-I", "-S", "-B", "-u", str(HARNESS)]
            cwd, env = str(work), _child_env(str(work))
            needed += [str(HARNESS.parent), libdir, str(work)]
        # The runner's own /tmp hides whatever lies under /tmp: what it needs is bound back.
        keep = [os.path.realpath(p) for p in needed if os.path.realpath(p).startswith("/tmp/")]
        if kind == "bwrap":
            keep = []  # bubblewrap mounts it all outside /tmp (under /sandbox, or /usr)
        config = self._runner_config() | {"keep": keep}
        command += [str(theirs.fileno()), libdir, json.dumps(config)]
        self.group = ProcessGroup.create(
            max_processes=limits.max_processes, memory_bytes=limits.memory_bytes + (64 << 20)
        )
        try:
            self._log = open(Path(self._tmp.name) / "zygote.log", "w+b")  # noqa: SIM115
            self.proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                pass_fds=(theirs.fileno(),),
                start_new_session=True,
                preexec_fn=functools.partial(_enter_child, self.group, self.user, needed),
                cwd=cwd,
                env=env,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            ours.close()
            self._tmp.cleanup()
            if self.group:
                self.group.remove()
            if self.user:
                self.user.release()
            raise SandboxUnavailable(f"cannot start the sandbox: {exc}") from None
        finally:
            theirs.close()
        self.control = ours
        self.control.setblocking(False)
        self._buffer = b""
        self.broken = False
        self._ready = False

    def wait_ready(self) -> None:
        """Block until the zygote has started; SandboxUnavailable if it could not."""
        if self._ready:
            return
        try:
            self.control.setblocking(True)
            self.control.settimeout(self.limits.load_timeout + 5)
            while not self._ready:
                self._ready = any(m.get("ev") == "ready" for m in self._drain_blocking())
        except (OSError, ValueError):
            self._log.seek(0)
            said = self._log.read(2000).decode(errors="replace").strip().splitlines()
            detail = f": {said[0]}" if said else ""
            raise SandboxUnavailable(f"the {self.kind} sandbox did not start{detail}") from None
        finally:
            self.control.setblocking(False)

    def _runner_config(self) -> dict[str, Any]:
        """How each runner confines itself; required where the grader can promise it."""
        return {
            "tmp_bytes": self.limits.tmp_bytes,
            "shm_bytes": self.limits.shm_bytes,
            "seccomp": base64.b64encode(seccomp.program()).decode(),
            "required": self.kind == "bwrap" or self.user is not None,
        }

    def harness_limits(self, cpu_seconds: int) -> dict[str, int | None]:
        return self.limits.for_harness(cpu_seconds, own_uid=self.user is not None)

    def _process_libdir(self) -> str:
        """A folder of symlinks to the allowed packages: site-packages stays off sys.path."""
        libdir = Path(self._tmp.name) / "lib"
        libdir.mkdir()
        for path in package_dirs(self.packages):
            (libdir / path.name).symlink_to(path)
        return str(libdir)

    def _bwrap_command(self, python: str) -> list[str]:
        args = _bwrap_base()
        for prefix in sorted({os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}):
            if not prefix.startswith("/usr/"):
                args += ["--ro-bind", prefix, prefix]
        # Hide every site-packages: the reference solutions may be installed there.
        for site in _site_dirs():
            args += ["--tmpfs", os.path.realpath(site)]
        for path in package_dirs(self.packages):
            args += ["--ro-bind", str(path), str(INSIDE / "lib" / path.name)]
        args += [
            "--ro-bind", str(HARNESS), str(INSIDE / "harness.py"),
            "--ro-bind", str(CONFINE), str(INSIDE / "confine.py"),
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", str(16 << 20), "--tmpfs", "/tmp",
            "--chdir", "/tmp",
            "--", python, "-I", "-S", "-B", "-u", str(INSIDE / "harness.py"),
        ]  # fmt: skip
        return args

    def start(self, job: dict[str, Any]) -> Run:
        """Fork a runner for ``job``; the job is written to it as it starts reading."""
        self.wait_ready()
        job_r, job_w = os.pipe()
        results_r, results_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        theirs = [job_r, results_w, out_w, err_w]
        try:
            self.control.setblocking(True)
            self.control.settimeout(self.limits.load_timeout)
            socket.send_fds(self.control, [b'{"cmd": "run"}\n'], theirs)
        except OSError:
            self.broken = True
        finally:
            for fd in theirs:
                os.close(fd)
            self.control.setblocking(False)
        run = Run(results_r, out_r, err_r)
        data = json.dumps(job).encode()
        # Written from a thread: the job may be larger than a pipe, and the runner reads it
        # while the grader goes on to read the runner's answers.
        writer = threading.Thread(target=_write_all, args=(job_w, data), daemon=True)
        writer.start()
        return run

    def messages(self) -> list[dict[str, Any]]:
        """Whatever the zygote said since last asked (``exit`` when the runner ended)."""
        try:
            while True:
                chunk = self.control.recv(4096)
                if not chunk:
                    self.broken = True
                    break
                self._buffer += chunk
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.broken = True
        *lines, self._buffer = self._buffer.split(b"\n")
        found = []
        for line in lines:
            try:
                found.append(json.loads(line))
            except ValueError:
                self.broken = True
        return found

    def clean(self) -> bool:
        """Kill everything the last job started; False (and broken) if the zygote failed."""
        if self.broken or self.proc.poll() is not None:
            self.broken = True
            return False
        try:
            self.control.setblocking(True)
            self.control.settimeout(2.0)
            self.control.sendall(b'{"cmd": "clean"}\n')
            deadline = time.monotonic() + 2.0
            while time.monotonic() < deadline:
                if any(m.get("ev") == "clean" for m in self._drain_blocking()):
                    return True
        except OSError:
            pass
        finally:
            self.control.setblocking(False)
        self.broken = True
        return False

    def _drain_blocking(self) -> list[dict[str, Any]]:
        chunk = self.control.recv(4096)
        if not chunk:
            raise OSError("the zygote closed its socket")
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def close(self) -> None:
        """Kill the zygote, every process in the sandbox, and remove its files."""
        with contextlib.suppress(OSError):
            self.control.close()
        kill_tree(self.proc, self.group)
        self._log.close()
        self._tmp.cleanup()
        if self.user:
            self.user.release()


def _enter_child(group: ProcessGroup | None, user: SandboxUser | None, needed: list[str]) -> None:
    """In the sandbox's first process, before exec: join the cgroups, leave root behind.

    As root: a private mount namespace in which only ``needed`` is reachable
    through folders other users cannot enter, then the sandbox's own uid.
    """
    if group is not None:
        group.join()
    if user is not None:
        confine.unshare(confine.CLONE_NEWNS)
        confine.make_private()
        confine.reveal(needed)
        confine.drop_to(user.uid, user.gid)


def _write_all(fd: int, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        pass  # the runner died before reading its job; the grader will see that
    finally:
        os.close(fd)
