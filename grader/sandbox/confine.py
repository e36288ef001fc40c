"""Kernel-level confinement for the sandbox's processes: namespaces, mounts, ids, capabilities.

Standalone (standard library only), like harness.py, because it runs inside the
sandbox: the harness imports it from the folder it was started from. Linux only;
each step raises OSError where the kernel refuses, and callers decide what that
costs. Nothing here trusts or runs student code: it prepares the process that will.
"""

from __future__ import annotations

import ctypes
import os
import stat
import struct
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_DUMPABLE = 4
SYS_MOUNT_SETATTR, AT_FDCWD, AT_RECURSIVE, MOUNT_ATTR_RDONLY = 442, -100, 0x8000, 1
PR_CAPBSET_DROP, PR_SET_SECCOMP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 24, 22, 38, 47
SECCOMP_MODE_FILTER = 2

try:
    _libc: Any = ctypes.CDLL(None, use_errno=True)
except (OSError, TypeError):  # not POSIX (Windows): nothing here can work, and nothing calls it
    _libc = None


def _check(result: int, what: str) -> None:
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"{what}: {os.strerror(number)}")


def _bytes(text: str | None) -> bytes | None:
    return text.encode() if text is not None else None


def _mount(
    source: str | None, target: str, fstype: str | None, flags: int, data: str | None
) -> None:
    result = _libc.mount(_bytes(source), _bytes(target), _bytes(fstype), ctypes.c_ulong(flags),
                         _bytes(data))  # fmt: skip
    _check(result, f"mount {target}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(ctypes.c_int(flags)), "unshare")


def bind(source: str, target: str) -> None:
    """Bind ``source`` on ``target`` read-only, keeping the flags the kernel locks."""
    _mount(source, target, None, MS_BIND | MS_REC, None)
    # A remount in a user namespace must keep nosuid/nodev/noexec where the original had them.
    locked = os.statvfs(target).f_flag & (MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _mount(None, target, None, MS_BIND | MS_REMOUNT | MS_RDONLY | locked, None)


def tmpfs(target: str, size: int, mode: str, keep: tuple[str, ...] = ()) -> None:
    """A fresh, sized tmpfs on ``target``; the paths in ``keep`` under it stay, read-only."""
    held = [(p, os.open(p, os.O_PATH | os.O_CLOEXEC)) for p in keep if os.path.exists(p)]
    _mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode={mode}")
    for path, fd in held:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            os.makedirs(path, mode=0o755, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))
        bind(f"/proc/self/fd/{fd}", path)
        os.close(fd)


def blocked_ancestor(path: str) -> str | None:
    """The outermost folder on ``path`` that other users cannot traverse, if any."""
    parts = os.path.realpath(path).split("/")[1:]
    for depth in range(1, len(parts)):
        folder = "/" + "/".join(parts[:depth])
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return folder
    return None


def reveal(paths: list[str]) -> None:
    """In a private mount namespace: make ``paths`` reachable for another user, nothing else.

    A folder others cannot enter (a home of mode 0700 holding the Python runtime) is
    covered by an empty tmpfs in which only the needed paths are bound back.
    """
    covered: dict[str, list[str]] = {}
    for path in paths:
        folder = blocked_ancestor(path)
        if folder is not None:
            covered.setdefault(folder, []).append(os.path.realpath(path))
    for folder, inside in covered.items():
        tmpfs(folder, 1 << 20, "0755", keep=tuple(inside))


def read_only_below(path: str) -> None:
    """Every mount at and below ``path`` read-only, in this mount namespace only: files the
    sandbox's uid owns (the grader's cache and code, when it runs as that same user) stay
    unwritable. Mounts made afterwards (the fresh /tmp and /dev/shm) are not affected."""
    attr = struct.pack("QQQQ", MOUNT_ATTR_RDONLY, 0, 0, 0)  # struct mount_attr
    result = _libc.syscall(ctypes.c_long(SYS_MOUNT_SETATTR), ctypes.c_int(AT_FDCWD),
                           _bytes(path), ctypes.c_uint(AT_RECURSIVE), attr,
                           ctypes.c_size_t(len(attr)))  # fmt: skip
    _check(result, f"mount_setattr {path}")


def make_private() -> None:
    """Mounts made from now on stay in this mount namespace."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE, None)


def drop_to(uid: int, gid: int) -> None:
    """Become ``uid``/``gid`` for good: no supplementary groups, no capabilities left."""
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)


def enter_namespaces(tmp_bytes: int, shm_bytes: int, keep: tuple[str, ...]) -> None:
    """New user, mount, IPC and network namespaces with a fresh sized /tmp and /dev/shm.

    Whatever a previous process left in /tmp, /dev/shm, System V or POSIX IPC, or
    abstract sockets lives in namespaces this process no longer sees, and what this
    one leaves dies with its last process.
    """
    uid, gid = os.geteuid(), os.getegid()
    # A non-dumpable process (the zygote is one, and we are its fork) may not write
    # its own uid_map: /proc/self belongs to root then.
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    flags = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET
    if uid != 0:  # root needs no user namespace to mount; anyone else does
        flags |= CLONE_NEWUSER
    unshare(flags)
    if uid != 0:
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"{gid} {gid} 1")
    make_private()
    # No user namespaces below this one, even without a seccomp filter.
    try:
        with open("/proc/sys/user/max_user_namespaces", "w") as handle:
            handle.write("0")
    except OSError:
        pass
    read_only_below("/")
    tmpfs("/tmp", tmp_bytes, "1777", keep=tuple(k for k in keep if k.startswith("/tmp/")))
    if os.path.isdir("/dev/shm"):
        tmpfs("/dev/shm", shm_bytes, "1777")
    os.chdir("/tmp")


def drop_capabilities() -> None:
    """Give up every capability, for good: bounding, ambient, effective, permitted, inheritable."""
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:
            break  # EINVAL: past the last capability this kernel knows
    _libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0)  # PR_CAP_AMBIENT_CLEAR_ALL
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = ctypes.create_string_buffer(24)  # two empty __user_cap_data_struct
    _check(_libc.capset(ctypes.c_char_p(header), data), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load_seccomp(program: bytes) -> None:
    """Install a compiled BPF filter (built by the grader with libseccomp) on this process."""
    if not program or len(program) % 8:
        raise OSError(22, "seccomp: not a BPF program")
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    _check(_libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0), "seccomp")


def let_the_grader_watch() -> None:
    """Make this process (a runner, forked from the non-dumpable zygote) and its children
    dumpable again, so that the grader's memory watch may read their /proc/PID/fd and maps
    (the files they hold). Other processes of the uid cannot use it: the seccomp filter
    refuses ptrace and Landlock scopes it to the sandbox."""
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)


def set_oom_first() -> None:
    """Be the first process the kernel kills when the submission's memory is exhausted."""
    try:
        with open("/proc/self/oom_score_adj", "w") as handle:
            handle.write("1000")
    except OSError:
        pass
