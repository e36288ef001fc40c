"""Tier 2, no namespaces: Landlock, seccomp, a uid of its own, limits, and the grader's cleanup.

For containers with Docker's default profile and kernels that refuse user
namespaces. The zygote starts as a plain child; started as root, the grader hands
it a uid of its own first (``enter_child``: supplementary groups dropped). The
zygote then restricts itself with Landlock (harness.py, landlock.py): read-only
the Python runtime (every site-packages hidden), the allowed packages and the
harness; writable only the sandbox's work folder; TCP refused (ABI 4+); abstract
unix sockets and signals scoped (ABI 6+). Each runner adds a layer of its own in
which only a fresh scratch folder is writable, sets no_new_privs and installs the
seccomp filter, with System V IPC, POSIX message queues and every socket but
unix ones refused too. Resource limits bound each process, RLIMIT_NPROC the uid's
processes, a memory cgroup all of them where one can be made (else the grader's
memory watch, box.py).

After each job the grader (never code next to the student's) kills every process
the job left, removes its scratch folder and, as root, every System V IPC object
and every file in the shared temporary folders that the sandbox uid owns.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import shutil
import signal
import stat
import sys
import time
from pathlib import Path

from . import confine, landlock
from .paths import python_paths
from .reaper import ProcessGroup, descendants
from .users import SandboxUser

SHARED_TMP = ("/tmp", "/var/tmp", "/dev/shm", "/dev/mqueue", "/run/lock")


@functools.cache
def probe() -> tuple[int, str | None]:
    """The Landlock ABI and, where this tier cannot start here, why (checked once a run)."""
    if not sys.platform.startswith("linux"):
        return 0, "landlock: not Linux"
    try:
        version = landlock.abi()
    except OSError as exc:
        return 0, f"landlock unavailable ({exc.strerror or exc})"
    from . import seccomp  # the filter is part of this tier's promise

    if not seccomp.program(confined=True):
        return version, "seccomp filter unavailable (pyseccomp or libseccomp missing)"
    return version, None


def runtime_paths() -> list[str]:
    """What Python needs to read after it started: the standard library and system libraries."""
    python = python_paths()
    paths = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/etc/ld.so.cache", "/etc/localtime",
             "/etc/alternatives", sys.base_prefix, python["stdlib"],
             python["platstdlib"]]  # fmt: skip
    return [p for p in dict.fromkeys(paths) if os.path.exists(p)]


def unreachable(paths: list[str]) -> str | None:
    """The first folder on the way to ``paths`` that another uid cannot enter, if any."""
    if not os.stat("/").st_mode & stat.S_IXOTH:
        return "/ itself is closed to other users (mode 0700: run 'chmod o+x /' in the image)"
    for path in paths:
        if os.path.exists(path):
            folder = confine.blocked_ancestor(path)
            if folder is not None:
                return f"{path} lies in {folder}, which other users cannot enter"
    return None


def prepare(tmp: Path, user: SandboxUser | None) -> Path:
    """The sandbox's work folder (scratch folders go inside), owned by the sandbox's uid."""
    work = tmp / "work"
    work.mkdir(mode=0o700)
    if user is not None:
        os.chmod(tmp, 0o711)  # the uid may pass through, not list
        os.chown(work, user.uid, user.gid)
    return work


def new_scratch(work: Path, number: int, user: SandboxUser | None) -> Path:
    scratch = work / f"s{number}"
    scratch.mkdir(mode=0o700)
    if user is not None:
        os.chown(scratch, user.uid, user.gid)
    return scratch


def enter_child(group: ProcessGroup | None, user: SandboxUser | None) -> None:
    """In the zygote's first process, before exec: join the cgroups, leave root behind."""
    if group is not None:
        group.join()
    if user is not None:
        confine.drop_to(user.uid, user.gid)


def zygote_config(work: Path, libdir: str, harness_files: list[Path], hidden: list[str],
                  packages: list[Path]) -> dict[str, object]:  # fmt: skip
    """What the zygote may read and write, for its own Landlock layer (harness.py)."""
    version, _ = probe()
    return {
        "abi": version,
        "read": [*runtime_paths(), libdir, *map(str, packages), *map(str, harness_files)],
        "hidden": sorted({os.path.realpath(h) for h in hidden}),
        "devices": ["/dev/null", "/dev/zero", "/dev/urandom", "/dev/random"],
        "write": str(work),
    }


def runner_allowlist(libdir: str, harness_files: list[Path], hidden: list[str],
                     packages: list[Path]) -> dict[str, object] | None:  # fmt: skip
    """Tier 1's process runner, where the kernel has Landlock: what it may read (as tier 2's
    zygote: the runtime without site-packages, the packages, the harness, /proc) and write
    (its own /tmp and /dev/shm), listed here once; None where Landlock is missing."""
    version, problem = probe()
    if problem is not None:
        return None
    secret = tuple(sorted({os.path.realpath(h) for h in hidden}))
    read = [*runtime_paths(), libdir, *map(str, packages), *map(str, harness_files)]
    paths = [p for root in read for p in landlock.beneath_but(root, secret)]
    return {
        "abi": version,
        "read": [*dict.fromkeys(paths), "/proc"],
        "devices": ["/dev/null", "/dev/zero", "/dev/urandom", "/dev/random"],
        "write": ["/tmp", "/dev/shm"],
    }


def _processes_of(uid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
    return found


def kill_leftovers(zygote: int, user: SandboxUser | None) -> None:
    """Kill every process of the sandbox but the zygote: all of its uid, or all below it."""
    for _ in range(200):
        pids = _processes_of(user.uid) if user is not None else descendants(zygote)
        pids = [p for p in pids if p != zygote]
        if not pids:
            return
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.002)


def remove_tree(path: Path) -> None:
    """Remove a folder the student may have made unreadable or unwritable."""

    def retry(function: object, name: str, _exc: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), 0o700)
            if os.path.isdir(name) and not os.path.islink(name):
                os.chmod(name, 0o700)
                shutil.rmtree(name, ignore_errors=True)
            else:
                os.unlink(name)

    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)
        shutil.rmtree(path, onerror=retry)


_IPC_RMID = 0
_IPC_KINDS = (("shm", "shmctl"), ("msg", "msgctl"), ("sem", "semctl"))


def remove_ipc_of(uid: int) -> None:
    """Remove every System V IPC object ``uid`` owns (root only; the filter refuses new ones)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for kind, call in _IPC_KINDS:
        try:
            lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            # key id perms ... uid gid cuid cgid ...: the owner is the 'uid' column.
            column = {"shm": 7, "msg": 7, "sem": 4}[kind]
            with contextlib.suppress(ValueError, IndexError):
                if int(fields[column]) == uid or int(fields[column + 2]) == uid:
                    if kind == "sem":
                        getattr(libc, call)(int(fields[1]), 0, _IPC_RMID)
                    else:
                        getattr(libc, call)(int(fields[1]), _IPC_RMID, None)


def remove_files_of(uid: int) -> None:
    """Remove what ``uid`` left in the machine's shared temporary folders (root only)."""
    for folder in SHARED_TMP:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if info.st_uid != uid:
                    continue
                if stat.S_ISDIR(info.st_mode):
                    remove_tree(Path(entry.path))
                else:
                    os.unlink(entry.path)


def clean_after(zygote: int, user: SandboxUser | None, scratch: Path | None) -> None:
    """After a job: nothing of it may reach the next one."""
    kill_leftovers(zygote, user)
    if scratch is not None:
        remove_tree(scratch)
    if user is not None:
        remove_ipc_of(user.uid)
        remove_files_of(user.uid)
