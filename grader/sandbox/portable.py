"""Tier 3, portable: a plain child process per job, with the grader's timeouts and nothing more.

For a student grading their own work on Windows, macOS or any Linux where neither tier
1 nor tier 2 can start: a student needs no protection from their own code. A fresh
``python harness.py`` per job (no fork, no zygote), the job on stdin, arguments as
data, results on a pipe; the grader kills the process (and its process group where
there is one) when a deadline passes or the job ends. It confines nothing: the code
can read and write what the user can, use the network and see other processes. The
student kit falls back to it quietly; the instructor's ``grade`` uses it only when
asked for by name (``--sandbox portable``).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from typing import Any

from .box import HARNESS, Run, Sandbox, _child_env, _write_all
from .limits import Limits
from .paths import package_dirs


class PortableSandbox(Sandbox):
    """The interface of box.Sandbox (``Sandbox("portable", ...)`` makes one), a process per job."""

    def __init__(self, kind: Any, limits: Limits, packages: tuple[str, ...] = ()) -> None:
        self.kind, self.limits = "portable", limits
        self.packages = tuple(dict.fromkeys(("numpy", *packages)))
        self.user = None
        self._tmp = tempfile.TemporaryDirectory(prefix="grader-")
        self._harness = HARNESS
        # The folders that hold the allowed packages: nothing here hides the rest of them.
        self._libdir = os.pathsep.join(dict.fromkeys(str(p.parent) for p in
                                                     package_dirs(self.packages)))  # fmt: skip
        self._workdir = self._tmp.name
        self._env = _child_env(self._workdir)
        self.control, self._theirs = socket.socketpair()
        self.control.setblocking(False)
        self.broken = False
        self._buffer = b""
        self._proc: subprocess.Popen[bytes] | None = None
        self._waiter: threading.Thread | None = None
        self._lock = threading.Lock()

    def command(self, result_fd: int) -> list[str]:
        python = os.path.realpath(sys.executable)
        config = json.dumps({"portable": True})
        return [python, "-I", "-S", "-B", "-u", str(self._harness), str(result_fd),
                self._libdir, config]  # fmt: skip

    def wait_ready(self) -> None:
        return None

    def start(self, job: dict[str, Any]) -> Run:
        results_r, results_w = os.pipe()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        posix = os.name == "posix"
        try:
            self._proc = subprocess.Popen(
                self.command(results_w), stdin=subprocess.PIPE, stdout=out_w, stderr=err_w,
                pass_fds=(results_w,) if posix else (), start_new_session=posix,
                cwd=self._workdir, env=self._env,
            )  # fmt: skip
        except OSError:
            self.broken = True
            for fd in (results_r, out_r, err_r):
                os.close(fd)
            raise
        finally:
            for fd in (results_w, out_w, err_w):
                os.close(fd)
        assert self._proc.stdin is not None
        data = json.dumps(job).encode()
        stdin = os.dup(self._proc.stdin.fileno())
        self._proc.stdin.close()
        threading.Thread(target=_write_all, args=(stdin, data), daemon=True).start()
        self._waiter = threading.Thread(target=self._wait, args=(self._proc,), daemon=True)
        self._waiter.start()
        return Run(results_r, out_r, err_r)

    def _wait(self, proc: subprocess.Popen[bytes]) -> None:
        """Tell the reader how the runner ended, as the zygote would."""
        code = proc.wait()
        status = (-code & 0x7F) if code < 0 else (code << 8)  # a wait status
        with self._lock, contextlib.suppress(OSError):
            self._theirs.sendall((json.dumps({"ev": "exit", "status": status}) + "\n").encode())

    def messages(self) -> list[dict[str, Any]]:
        try:
            while True:
                chunk = self.control.recv(4096)
                if not chunk:
                    break
                self._buffer += chunk
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.broken = True
        *lines, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def harness_limits(self, cpu_seconds: int) -> dict[str, int | None]:
        return self.limits.for_harness(cpu_seconds)

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            proc.kill()
        proc.wait()

    def clean(self) -> bool:
        self._kill()
        if self._waiter is not None:
            self._waiter.join()  # its "exit" must not be read as the next job's
            self._waiter = None
        self.messages()  # the runner's exit, said already
        self._buffer = b""
        return True

    def end(self) -> None:
        """No zygote: each job's process is gone when its run ends."""

    def close(self) -> None:
        self._kill()
        for end in (self.control, self._theirs):
            with contextlib.suppress(OSError):
                end.close()
        self._tmp.cleanup()
