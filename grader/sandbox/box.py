"""The grader's side of a sandbox: start the zygote in its tier, drive it, kill what it started.

The zygote (harness.py: numpy imported, no student code) is started once per
Sandbox in the tier chosen by choose.py; each job is a runner forked from it
with its own pipes, and ``clean()`` kills everything the job started and empties
the working folder before the next one. The tiers differ only in how the zygote
is started and how each runner confines itself:

* tier 1, namespaces.py: ``bwrap`` (bubblewrap around the zygote) or ``process``
  (each runner makes its own user, mount, IPC and network namespaces);
* tier 2, confined.py: ``landlock`` (a uid of its own, Landlock layers on the zygote
  and each runner, seccomp; the grader removes what each job left);
* tier 3, portable.py: ``portable`` (no zygote: a fresh process per job, no confinement).

Every tier: a plain child in its own session with resource limits; the grader is a
child subreaper, so processes that escape with ``setsid`` or a double fork are
re-parented to it and killed; cgroups bound processes and memory where writable, and
elsewhere the grader's memory watch (reaper.MemoryWatch) bounds memory.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import interrupt
from ..errors import SandboxUnavailable
from . import forked, leftovers, namespaces, seccomp
from .choose import Tier
from .limits import Limits
from .paths import INSIDE, package_dirs
from .reaper import MemoryWatch, ProcessGroup, become_subreaper, kill_tree
from .users import SandboxUser

HARNESS = Path(__file__).with_name("harness.py")
CONFINE = Path(__file__).with_name("confine.py")
LANDLOCK = Path(__file__).with_name("landlock.py")


def _confined() -> ModuleType:
    """Tier 2's module (Landlock), imported only by the sandboxes that use it: bubblewrap's
    start, the first thing a single grade does, does without it."""
    from . import confined

    return confined


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


# The sandboxes this process started and has not closed. Whatever way the process leaves
# (a stop signal on the way from one owner to the next, an error before the command took
# the sandbox), they are closed as it exits: their processes killed, cgroups and folders
# removed. Forked children (a zygote, a batch worker) inherit the table but own none of it.
_open: dict[int, Sandbox] = {}


@atexit.register
def _close_all() -> None:
    for box in list(_open.values()):
        if box._owner == os.getpid():
            box.close()


class Sandbox:
    """A zygote in its sandbox: numpy imported, no student code, one runner per job.

    Starting Python and importing numpy is paid once per Sandbox; each job is a
    fresh fork with its own pipes, and ``clean()`` kills everything the job
    started and empties the working folder before the next one. If the zygote
    does not answer, the whole sandbox is torn down instead.
    """

    def __new__(
        cls, kind: Tier, limits: Limits, packages: tuple[str, ...] = (), **options: bool
    ) -> Sandbox:
        """``Sandbox("portable", ...)`` is a PortableSandbox (tier 3, portable.py)."""
        if kind == "portable" and cls is Sandbox:
            from .portable import PortableSandbox

            return super().__new__(PortableSandbox)
        return super().__new__(cls)

    def __init__(
        self, kind: Tier, limits: Limits, packages: tuple[str, ...] = (), *, fork: bool = False
    ) -> None:
        """``fork``: for a caller that runs no thread, has imported numpy and holds nothing
        secret yet (launch.py, for a single grade). The zygote of the ``process`` and
        ``landlock`` sandboxes (neither wraps its zygote) is then forked from this process
        rather than started as a new interpreter, and bubblewrap is started without
        waiting for its exec (forked.py).

        A stop signal (Ctrl-C, SIGTERM) while the sandbox starts waits until it has
        started, and then closes it: in the middle, it left a cgroup or a folder behind."""
        with interrupt.deferred() as stopped:
            self._start(kind, limits, packages, fork)
            self._owner = os.getpid()
            _open[id(self)] = self
        if stopped:
            self.close()
            interrupt.act_on(stopped)

    def _start(self, kind: Tier, limits: Limits, packages: tuple[str, ...], fork: bool) -> None:
        self.kind, self.limits = kind, limits
        self.forked = fork and kind in ("process", "landlock")
        quick = fork and kind == "bwrap"
        self.packages = tuple(dict.fromkeys(("numpy", *packages)))
        refused = _confined().probe()[1] if kind == "landlock" else None
        if kind == "process":
            refused = namespaces.probe()
        if refused is not None:
            raise SandboxUnavailable(f"cannot start the sandbox: {refused}")
        leftovers.sweep_folders()
        self._tmp = tempfile.TemporaryDirectory(prefix=leftovers.FOLDER)
        self.user = SandboxUser.allocate()  # None unless root on Linux
        self._scratch: Path | None = None
        self._jobs = 0
        self.group = ProcessGroup.create(
            max_processes=limits.max_processes, memory_bytes=limits.memory_bytes + (64 << 20)
        )
        ours, theirs = socket.socketpair()
        python = os.path.realpath(sys.executable)
        # What the sandbox's own uid must be able to reach (when root hands over to it).
        needed = [str(p) for p in package_dirs(self.packages)] + [sys.base_prefix, sys.prefix]
        if kind == "bwrap":
            command, cwd, env = (
                namespaces.bwrap_command(python, self.packages, [HARNESS, CONFINE, LANDLOCK]),
                None,
                _child_env("/tmp"),
            )
            libdir = str(INSIDE / "lib")
            needed += [str(HARNESS), str(CONFINE), str(LANDLOCK)]
        elif kind == "landlock":
            become_subreaper()
            self._work = _confined().prepare(Path(self._tmp.name), self.user)
            libdir = self._process_libdir()
            command = [python, "-I", "-S", "-B", "-u", str(HARNESS)]
            cwd, env = str(self._work), _child_env(str(self._work))
            wanted = [*needed, str(HARNESS), python]
            problem = _confined().unreachable(wanted) if self.user else None
            if problem:
                ours.close()
                theirs.close()
                self._release()
                raise SandboxUnavailable(f"cannot start the sandbox as its own user: {problem}")
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
        if kind == "process":  # the grader's files unreadable here too, where Landlock is
            config["allowlist"] = _confined().runner_allowlist(
                libdir, [HARNESS, CONFINE, LANDLOCK], namespaces.site_dirs(),
                package_dirs(self.packages))  # fmt: skip
        if kind == "landlock":
            files = [HARNESS, CONFINE, LANDLOCK]
            hidden = namespaces.site_dirs()
            rules = _confined().zygote_config(self._work, libdir, files, hidden,
                                           package_dirs(self.packages))  # fmt: skip
            program = base64.b64encode(seccomp.program(confined=True)).decode()
            config = {"landlock": rules, "required": True, "seccomp": program}
            enter = functools.partial(_confined().enter_child, self.group, self.user)
        else:
            enter = functools.partial(namespaces.enter_child, self.group, self.user,
                                      needed)  # fmt: skip
        command += [str(theirs.fileno()), libdir, json.dumps(config)]
        try:
            self._log = open(Path(self._tmp.name) / leftovers.LOG, "w+b")  # noqa: SIM115
            leftovers.hold(self._log.fileno())  # the folder is ours while any of us lives
            self.proc: subprocess.Popen[bytes]
            if self.forked:
                self.proc = forked.fork_zygote(command[5:], theirs.fileno(), self._log.fileno(),
                                               cwd or "/", env, enter)  # fmt: skip
            elif quick:
                self.proc = forked.spawn(command, theirs.fileno(), self._log.fileno(), cwd, env,
                                         enter)  # fmt: skip
            else:
                self.proc = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=self._log,
                    stderr=self._log,
                    pass_fds=(theirs.fileno(),),
                    start_new_session=True,
                    preexec_fn=enter,
                    cwd=cwd,
                    env=env,
                )
        except (OSError, subprocess.SubprocessError) as exc:
            ours.close()
            self._release()
            raise SandboxUnavailable(f"cannot start the sandbox: {exc}") from None
        finally:
            theirs.close()
        self.control = ours
        self.control.setblocking(False)
        self.watch = None
        if self.group is None or self.group.memory is None or kind == "landlock":
            self.watch = MemoryWatch(
                self.proc.pid, limits.memory_bytes + (64 << 20),
                folder=lambda: self._scratch, folder_limit=limits.tmp_bytes,
            )  # fmt: skip
        self._buffer = b""
        self.broken = False
        self._ready = False
        self._next: tuple[Run, int] | None = None
        self.prestart()  # the first runner confines itself while the grader loads the job

    def _release(self) -> None:
        """Give back what a sandbox that did not start had taken."""
        self._tmp.cleanup()
        if self.group:
            self.group.remove()
        if self.user:
            self.user.release()

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
            # Runner namespaces are this tier's promise: a runner that cannot make them ends.
            "required": True,
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

    def prestart(self) -> None:
        """Fork the next job's runner now: it makes its namespaces, drops its privileges and
        loads its filter (all before it reads anything) while the grader prepares the job.

        It is forked from the zygote as it is now, so call this only when the sandbox is
        clean (just started, or after ``clean()``): it then holds nothing of any submission.
        """
        if self._next is None and not self.broken and self.kind != "portable":
            self._next = self._launch()

    def _launch(self) -> tuple[Run, int]:
        """Ask the zygote for a runner wired to new pipes; the job's write end is returned."""
        job_r, job_w = os.pipe()
        results_r, results_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        theirs = [job_r, results_w, out_w, err_w]
        try:
            self.control.setblocking(True)
            self.control.settimeout(self.limits.load_timeout)
            command = {"cmd": "run"}
            if self.kind == "landlock":
                self._jobs += 1
                self._scratch = _confined().new_scratch(self._work, self._jobs, self.user)
                command["scratch"] = str(self._scratch)
            socket.send_fds(self.control, [(json.dumps(command) + "\n").encode()], theirs)
        except OSError:
            self.broken = True
        finally:
            for fd in theirs:
                os.close(fd)
            self.control.setblocking(False)
        return Run(results_r, out_r, err_r), job_w

    def alive(self) -> bool:
        """Whether the zygote still serves (a kept sandbox may lose it while idle)."""
        if self.kind == "portable":
            return not self.broken  # no zygote: a process per job
        return not self.broken and self.proc.poll() is None

    def start(self, job: dict[str, Any]) -> Run:
        """The runner for ``job`` (the one started ahead, else a new one); the job is
        written to it as it starts reading."""
        self.wait_ready()
        # What the zygote said since the last job is stale now; an exit in it is the runner
        # started ahead ending without a job (killed while it waited): not this job's.
        if any(m.get("ev") == "exit" for m in self.messages()) and self._next is not None:
            self._next[0].close()
            os.close(self._next[1])
            self._next = None
        run, job_w = self._next or self._launch()
        self._next = None
        data = memoryview(json.dumps(job).encode())
        # What the pipe holds is written now (a job usually fits); the rest from a thread:
        # the runner reads it while the grader goes on to read the runner's answers.
        os.set_blocking(job_w, False)
        try:
            data = data[os.write(job_w, data) :]
        except BlockingIOError:
            pass
        except OSError:
            data = data[:0]  # the runner is gone; reading its results will say so
        if not data:
            os.close(job_w)
            return run
        os.set_blocking(job_w, True)
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
                    return self._clean_tier()
        except OSError:
            pass
        finally:
            self.control.setblocking(False)
        self.broken = True
        return False

    def _clean_tier(self) -> bool:
        """Tier 2: the grader itself removes what the job left (processes, files, IPC)."""
        if self.kind == "landlock":
            _confined().clean_after(self.proc.pid, self.user, self._scratch)
            self._scratch = None
        return True

    def _drain_blocking(self) -> list[dict[str, Any]]:
        chunk = self.control.recv(4096)
        if not chunk:
            raise OSError("the zygote closed its socket")
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def end(self) -> None:
        """No job will follow: kill the zygote's process group now, without waiting; their
        exit overlaps what the grader still does, and ``close`` waits for all of it."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def close(self) -> None:
        """Kill the zygote, every process in the sandbox, and remove its files (all of it:
        a stop signal meanwhile waits until it is done)."""
        with interrupt.deferred() as stopped:
            self._close()
        interrupt.act_on(stopped)

    def _close(self) -> None:
        _open.pop(id(self), None)
        if self._next is not None:  # a runner started ahead that got no job: EOF, it ends
            run, job_w = self._next
            self._next = None
            run.close()
            with contextlib.suppress(OSError):
                os.close(job_w)
        with contextlib.suppress(OSError):
            self.control.close()
        if self.watch is not None:
            self.watch.stop()
        kill_tree(self.proc, self.group)
        if self.kind == "landlock":
            _confined().clean_after(self.proc.pid, self.user, None)
        self._log.close()
        self._tmp.cleanup()
        if self.user:
            self.user.release()


def _write_all(fd: int, data: bytes | memoryview) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        pass  # the runner died before reading its job; the grader will see that
    finally:
        os.close(fd)
