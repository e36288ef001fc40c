"""Kill everything a submission started, including processes that tried to escape.

Three mechanisms, used together where the platform has them:

* the child's own session and process group (``killpg``), everywhere;
* a pids cgroup (Linux, where /sys/fs/cgroup is writable, as for root): caps
  the number of processes and threads, and lists every member however it
  was started, so ``setsid`` and double forks cannot hide;
* the grader as a child subreaper (Linux): orphans of our children are
  re-parented to us, found in /proc and killed until none remain.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

CGROUP_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))


class ProcessGroup:
    """A pids cgroup holding one sandboxed child and all its descendants."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, *, max_processes: int) -> ProcessGroup | None:
        """A new cgroup capped at ``max_processes``, or None where cgroups are not writable."""
        if not sys.platform.startswith("linux"):
            return None
        for root in CGROUP_ROOTS:
            if not (root / "cgroup.procs").exists():
                continue
            path = root / f"forward-grader-{uuid.uuid4().hex[:12]}"
            try:
                path.mkdir()
            except OSError:
                continue
            try:
                (path / "pids.max").write_text(str(max_processes))
                return cls(path)
            except OSError:
                with contextlib.suppress(OSError):
                    path.rmdir()
        return None

    def join(self) -> None:
        """Run in the child before exec: move the calling process into the group."""
        with open(self.path / "cgroup.procs", "w") as handle:
            handle.write(str(os.getpid()))

    def members(self) -> list[int]:
        try:
            return [int(pid) for pid in (self.path / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            return []

    def kill_all(self) -> None:
        """SIGKILL every member until the group is empty (new forks included)."""
        for _ in range(500):
            pids = self.members()
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.001)

    def remove(self) -> None:
        for _ in range(200):
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:  # members still exiting
                time.sleep(0.005)


@functools.cache
def become_subreaper() -> bool:
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


def _reap_orphans(group: int) -> None:
    """Kill the process group's leftovers and every orphan re-parented to us."""
    quiet_rounds = 0
    for _ in range(200):
        try:
            os.killpg(group, signal.SIGKILL)
            alive = True
        except (ProcessLookupError, PermissionError):
            alive = False
        orphans = _adopted_children()
        for pid in orphans:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        quiet_rounds = quiet_rounds + 1 if not orphans and not alive else 0
        if quiet_rounds >= 2:
            return
        time.sleep(0.002)


def kill_tree(proc: subprocess.Popen[bytes], group: ProcessGroup | None) -> None:
    """Kill the child and everything it started; return when all of it is gone."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    if group is not None:
        group.kill_all()
    proc.wait()
    if sys.platform.startswith("linux") and become_subreaper():
        _reap_orphans(proc.pid)
    if group is not None:
        group.remove()
