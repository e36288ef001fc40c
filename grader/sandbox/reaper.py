"""Kill everything a submission started, including processes that tried to escape.

Three mechanisms, used together where the platform has them:

* the child's own session and process group (``killpg``), everywhere;
* a pids cgroup (Linux, where /sys/fs/cgroup is writable, as for root): caps
  the number of processes and threads, and lists every member however it
  was started, so ``setsid`` and double forks cannot hide; with it a memory
  cgroup bounds the memory of all the sandbox's processes together, tmpfs
  pages included (cgroup v1 or v2, whichever the machine has);
* the grader as a child subreaper (Linux): orphans of our children are
  re-parented to us, found in /proc and killed until none remain.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import leftovers

CGROUP = Path("/sys/fs/cgroup")


def _make(path: Path, settings: dict[str, str]) -> Path | None:
    """A new cgroup folder with ``settings`` written, or None (and nothing left) if refused."""
    try:
        path.mkdir()
    except OSError:
        return None
    try:
        for name, value in settings.items():
            (path / name).write_text(value)
        return path
    except OSError:
        with contextlib.suppress(OSError):
            path.rmdir()
        return None


def _v2_controllers() -> set[str]:
    try:
        return set((CGROUP / "cgroup.subtree_control").read_text().split())
    except OSError:
        return set()


class ProcessGroup:
    """The cgroups holding one sandboxed child and all its descendants: pids, and memory."""

    def __init__(self, path: Path, memory: Path | None = None) -> None:
        self.path, self.memory = path, memory

    @classmethod
    def create(cls, *, max_processes: int, memory_bytes: int | None = None) -> ProcessGroup | None:
        """Cgroups capped at ``max_processes`` (and ``memory_bytes``); None where not writable."""
        if not sys.platform.startswith("linux"):
            return None
        leftovers.sweep_cgroups(CGROUP)
        # Named after this process: once it is gone, an empty group is a leftover.
        name = f"forward-grader-{os.getpid()}-{os.urandom(4).hex()}"
        pids = {"pids.max": str(max_processes)}
        if (CGROUP / "cgroup.controllers").exists():  # cgroup v2: one folder, both limits
            controllers = _v2_controllers()
            if "pids" not in controllers:
                return None
            if memory_bytes and "memory" in controllers:
                pids |= {"memory.max": str(memory_bytes), "memory.swap.max": "0"}
            path = _make(CGROUP / name, pids)
            return cls(path, path if path and "memory.max" in pids else None) if path else None
        path = _make(CGROUP / "pids" / name, pids)  # cgroup v1: one folder per controller
        if path is None:
            return None
        memory = None
        if memory_bytes and (CGROUP / "memory" / "cgroup.procs").exists():
            limits = {"memory.limit_in_bytes": str(memory_bytes)}
            if (CGROUP / "memory" / "memory.memsw.limit_in_bytes").exists():
                limits["memory.memsw.limit_in_bytes"] = str(memory_bytes)
            memory = _make(CGROUP / "memory" / name, limits)
        return cls(path, memory)

    def join(self) -> None:
        """Run in the child before exec: move the calling process into the groups."""
        for folder in {self.path, self.memory} - {None}:
            assert folder is not None
            with open(folder / "cgroup.procs", "w") as handle:
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
        for folder in {self.path, self.memory} - {None}:
            assert folder is not None
            for _ in range(200):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:  # members still exiting
                    time.sleep(0.005)


@functools.cache
def become_subreaper() -> bool:
    """Adopt orphans of our children (Linux), so escaped processes can still be killed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(_libc().prctl(36, 1, 0, 0, 0) == 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def die_with_parent(parent: int) -> None:
    """In a forked worker: killed when ``parent`` dies (Linux), however it dies. A worker
    whose parent was killed outright waits for work forever, its sandbox with it."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        _libc().prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _adopted_children() -> list[int]:
    """Our children that live in another session: processes the submission started."""
    me, session = os.getpid(), os.getsid(0)
    found = []
    for pid in _own_children() if _children_listed() else _every_process():
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me and int(fields[3]) != session:
            found.append(pid)
    return found


@functools.cache
def _children_listed() -> bool:
    """Whether the kernel lists each thread's children (/proc/PID/task/TID/children)."""
    return os.path.exists(f"/proc/self/task/{os.getpid()}/children")


def _own_children() -> list[int]:
    """This process's children, orphans re-parented to it included, as the kernel lists
    them per thread: a few reads, where scanning /proc reads every process of the machine."""
    found = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            continue  # a thread that just ended
    return found


def _every_process() -> list[int]:
    return [int(entry.name) for entry in os.scandir("/proc") if entry.name.isdigit()]


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


def descendants(root: int) -> list[int]:
    """Every process below ``root``, through /proc/PID/task/TID/children."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    children = [int(c) for c in handle.read().split()]
            except (OSError, ValueError):
                continue
            found += children
            todo += children
    return found


def _private_memory(pid: int) -> int:
    """The memory ``pid`` holds on its own: its proportional share of anonymous and shared
    memory pages (pages a fork shares are counted once across the processes sharing them).

    Where smaps_rollup is closed (another uid, without CAP_SYS_PTRACE, as in a container)
    the resident anonymous and shared memory from status, which counts a page that forks
    still share once per process: an overestimate, never an underestimate.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            fields = dict(line.split(":", 1) for line in handle if ":" in line)
        kib = int(fields["Pss_Anon"].split()[0]) + int(fields["Pss_Shmem"].split()[0])
        return kib * 1024
    except (OSError, KeyError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/status") as handle:
            fields = dict(line.split(":", 1) for line in handle if ":" in line)
        kib = int(fields["RssAnon"].split()[0]) + int(fields["RssShmem"].split()[0])
        return kib * 1024
    except (OSError, KeyError, ValueError, IndexError):
        return 0


MAX_ENTRIES = 4096


def _usage(folder: Path, limit: int, seen: set[tuple[int, int]] | None = None) -> int:
    """The bytes the files below ``folder`` take (each file once, hard links too); past
    MAX_ENTRIES entries, more than ``limit``. A folder the student closed to its owner (the
    grader's uid, when it is the sandbox's) is opened again to be counted."""
    seen = set() if seen is None else seen
    total, entries, todo, reopened = 0, 0, [str(folder)], set()
    while todo:
        path = todo.pop()
        try:
            found = list(os.scandir(path))
        except PermissionError:
            if path in reopened or not _reopen(path):
                return limit + 1  # a folder the watch cannot read: not a hiding place
            reopened.add(path)
            todo.append(path)
            continue
        except OSError:
            continue
        for entry in found:
            entries += 1
            if entries > MAX_ENTRIES:
                return limit + 1
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_blocks * 512
            if stat.S_ISDIR(info.st_mode):
                todo.append(entry.path)
    return total


def _reopen(path: str) -> bool:
    """Give a folder of ours its owner's rights back (once); False if it is not ours."""
    try:
        info = os.stat(path, follow_symlinks=False)
        if info.st_uid != os.geteuid() or info.st_mode & 0o700 == 0o700:
            return False
        os.chmod(path, info.st_mode | 0o700, follow_symlinks=False)
        return True
    except (OSError, NotImplementedError):
        return False


# What a process can keep alive that no folder lists: a file unlinked while open or mapped,
# a memfd, shared anonymous memory. Found through /proc/PID/fd and /proc/PID/maps.
_DELETED = " (deleted)\n"


@functools.cache
def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


@contextlib.contextmanager
def _as_owner_of(pid: int) -> Iterator[None]:
    """As root without CAP_SYS_PTRACE (a container), /proc/PID/fd and maps of another uid are
    closed: this thread takes that uid as its file-system uid (per thread, Linux) meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    try:
        info = os.stat(str(pid), dir_fd=_proc())
    except OSError:
        yield
        return
    if info.st_uid == 0:
        yield
        return
    libc = _libc()
    libc.setfsgid(info.st_gid)
    libc.setfsuid(info.st_uid)
    try:
        yield
    finally:
        libc.setfsuid(0)
        libc.setfsgid(0)


@functools.cache
def _proc() -> int:
    """/proc, opened once: paths below it are looked up from here, so that a thread with
    another file-system uid (``_as_owner_of``) needs no right on ``/`` (root's supplementary
    groups stay, and an image's ``/`` may be closed to its group)."""
    return os.open("/proc", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


def _held_by_fds(pid: int, held: dict[tuple[int, int], int]) -> None:
    """Regular files ``pid`` holds open that no folder lists (unlinked, or memfds)."""
    try:
        folder = os.open(f"{pid}/fd", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC, dir_fd=_proc())
    except OSError:
        return
    try:
        fds = os.listdir(folder)
    except OSError:
        fds = []
    finally:
        os.close(folder)
    for fd in fds:
        try:
            info = os.stat(f"{pid}/fd/{fd}", dir_fd=_proc())
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 0:
            held[(info.st_dev, info.st_ino)] = info.st_blocks * 512


def _held_by_maps(pid: int, held: dict[tuple[int, int], int], file_limit: int) -> None:
    """Unlinked files ``pid`` maps (memfds, shared anonymous memory, files unlinked after
    mmap) that no open descriptor showed: their size through /proc/PID/map_files where it
    opens (CAP_SYS_ADMIN), else an upper bound: the mapping, and at least the file-size
    limit (a mapping may show a part of a file that cannot be larger)."""
    try:
        fd = os.open(f"{pid}/maps", os.O_RDONLY | os.O_CLOEXEC, dir_fd=_proc())
        with open(fd) as handle:
            lines = [line for line in handle if line.endswith(_DELETED)]
    except OSError:
        return
    mapped: dict[tuple[int, int], tuple[int, str]] = {}
    for line in lines:
        fields = line.split(maxsplit=5)
        try:
            start, end = (int(x, 16) for x in fields[0].split("-"))
            major, minor = (int(x, 16) for x in fields[3].split(":"))
            key = (os.makedev(major, minor), int(fields[4]))
        except (ValueError, IndexError):
            continue
        if key[1] == 0 or key in held:
            continue
        length, first = mapped.get(key, (0, fields[0]))
        mapped[key] = (length + end - start, first)
    for key, (length, addresses) in mapped.items():
        try:
            size = os.stat(f"{pid}/map_files/{addresses}", dir_fd=_proc()).st_blocks * 512
        except OSError:
            size = max(length, file_limit)
        held[key] = size


def held_files(pids: list[int], file_limit: int) -> dict[tuple[int, int], int]:
    """Every file the processes ``pids`` keep alive that no folder lists, and its bytes.

    Files passed between them over unix sockets are held by a descriptor at each end (the
    seccomp filter refuses sendmsg, so none can wait in a socket, held by no process).
    """
    held: dict[tuple[int, int], int] = {}
    for pid in pids:
        with _as_owner_of(pid):
            _held_by_fds(pid, held)
    for pid in pids:
        with _as_owner_of(pid):
            _held_by_maps(pid, held, file_limit)
    return held


class MemoryWatch:
    """Where no memory cgroup can be made (a normal user, most containers): the grader itself
    bounds the memory of all the sandbox's processes together.

    A thread of the grader (out of the student's reach) adds up, every ``interval`` seconds,
    the memory of every process below the sandbox's zygote; past ``limit`` it kills them all
    but the zygote, which reports the runner killed, as the kernel's OOM killer would.
    """

    def __init__(
        self,
        root: int,
        limit: int,
        interval: float = 0.02,
        folder: Callable[[], Path | None] = lambda: None,
        folder_limit: int = 0,
        file_limit: int = 8 << 20,
    ) -> None:
        self.root, self.limit, self.interval = root, limit, interval
        self.file_limit = file_limit  # RLIMIT_FSIZE: no file of the sandbox is larger
        # Tier 2's scratch folder lies on the machine's disk or tmpfs: bounded here too.
        self.folder, self.folder_limit = folder, folder_limit
        self.kills = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-watch", daemon=True)
        self._thread.start()

    def zygote(self) -> int | None:
        """The zygote: ``root`` itself, or (under bubblewrap) the first harness below it. (A
        zygote forked from the grader has no command line: it wiped it; forked.py.)"""
        if self._is_harness(self.root) or not self._is_bwrap(self.root):
            return self.root
        for pid in descendants(self.root):
            if self._is_harness(pid):
                return pid
        return None

    @staticmethod
    def _is_bwrap(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                return os.path.basename(handle.read().split(b"\0")[0]) == b"bwrap"
        except OSError:
            return False

    @staticmethod
    def _is_harness(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                return b"harness.py" in handle.read()
        except OSError:
            return False

    def _run(self) -> None:
        zygote = None
        while not self._stop.wait(self.interval):
            zygote = zygote or self.zygote()
            if zygote is None:
                continue
            below = descendants(zygote)
            if not below:
                continue
            if self.over([zygote, *below]):
                self.kills += 1
                for pid in below:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)

    def over(self, pids: list[int]) -> bool:
        """Whether ``pids`` together hold more than the limits: their own memory and every
        file they keep alive that no folder lists (memfds, unlinked files, shared memory)
        against the memory limit; the scratch folder and the unlinked files on its file
        system against the folder's limit (tier 2's scratch lies on the machine's disk)."""
        memory = sum(_private_memory(pid) for pid in pids)
        held = held_files(pids, self.file_limit)
        folder = self.folder()
        disk = 0
        if folder is not None:
            with contextlib.suppress(OSError):
                device = os.stat(folder).st_dev
                seen = {key for key in held if key[0] == device}
                disk = _usage(folder, self.folder_limit, seen)
                disk += sum(size for key, size in held.items() if key[0] == device)
                held = {key: size for key, size in held.items() if key[0] != device}
        memory += sum(held.values())
        return memory > self.limit or (folder is not None and disk > self.folder_limit)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
