"""Landlock through its three system calls: file-system allowlists, TCP refused, scopes.

Standalone (standard library only), like confine.py, because it runs inside the
sandbox: the zygote restricts itself once, each runner once more. Needs no
privilege and no namespace (Linux 5.13+, where the kernel enables it); features
come with the ABI version the kernel reports: 1 file system, 2 refer, 3 truncate,
4 TCP bind/connect, 5 device ioctl, 6 abstract unix sockets and signals scoped.
Every call raises OSError where the kernel refuses.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from typing import Any

# The same numbers on every architecture (the generic system call table).
_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH, _RULE_NET_PORT = 1, 2
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1, 2, 4, 8
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 16, 32, 64, 128
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 256, 512, 1024, 2048, 4096
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
NET_BIND_TCP, NET_CONNECT_TCP = 1, 2
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1, 2

READ = READ_FILE | READ_DIR
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # all a file's rule may hold

try:
    _libc: Any = ctypes.CDLL(None, use_errno=True)
except (OSError, TypeError):  # not POSIX (Windows): nothing here can work, and nothing calls it
    _libc = None
if _libc is not None:
    _libc.syscall.restype = ctypes.c_long


def _syscall(number: int, *args: object) -> int:
    result = int(_libc.syscall(ctypes.c_long(number), *args))
    if result < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"landlock: {os.strerror(errno)}")
    return result


def abi() -> int:
    """The kernel's Landlock ABI version; OSError where Landlock is missing or disabled."""
    if not sys.platform.startswith("linux"):  # not platform.system(): its import costs ~2 ms
        raise OSError(38, "landlock: not Linux")
    return _syscall(_CREATE_RULESET, None, ctypes.c_size_t(0),
                    ctypes.c_uint32(_CREATE_RULESET_VERSION))  # fmt: skip


def fs_rights(version: int) -> int:
    """Every file-system right the kernel of ``version`` can handle."""
    rights = (1 << 13) - 1
    if version >= 2:
        rights |= REFER
    if version >= 3:
        rights |= TRUNCATE
    if version >= 5:
        rights |= IOCTL_DEV
    return rights


def enforced(version: int) -> list[str]:
    """What a ruleset of this module enforces at ``version``, in words (for reports)."""
    said = ["file system: read-only allowlist, writes only in the scratch folder"]
    if version >= 4:
        said.append("TCP bind and connect refused")
    if version >= 6:
        said.append("abstract unix sockets and signals scoped to the sandbox")
    return said


class Ruleset:
    """One Landlock layer: what it handles, and the paths it allows; ``enforce`` seals it."""

    def __init__(self, version: int, fs: int, *, net: bool = False, scope: bool = False) -> None:
        self.version = version
        self.fs = fs & fs_rights(version)
        net_bits = NET_BIND_TCP | NET_CONNECT_TCP if net and version >= 4 else 0
        scope_bits = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if scope and version >= 6 else 0
        if version >= 6:
            attr = struct.pack("QQQ", self.fs, net_bits, scope_bits)
        elif version >= 4:
            attr = struct.pack("QQ", self.fs, net_bits)
        else:
            attr = struct.pack("Q", self.fs)
        buffer = ctypes.create_string_buffer(attr, len(attr))
        self.fd = _syscall(_CREATE_RULESET, buffer, ctypes.c_size_t(len(attr)), ctypes.c_uint32(0))

    def allow(self, path: str, rights: int) -> bool:
        """Allow ``rights`` (those this layer handles) beneath ``path``; False if it is missing."""
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            return False
        try:
            if not os.path.isdir(f"/proc/self/fd/{fd}") and not os.path.isdir(path):
                rights &= FILE_RIGHTS
            rights &= self.fs
            if not rights:
                return True
            attr = struct.pack("=Qi", rights, fd)
            buffer = ctypes.create_string_buffer(attr, len(attr))
            _syscall(_ADD_RULE, ctypes.c_int(self.fd), ctypes.c_int(_RULE_PATH_BENEATH), buffer,
                     ctypes.c_uint32(0))  # fmt: skip
            return True
        finally:
            os.close(fd)

    def enforce(self) -> None:
        """Restrict this thread (and every process it starts) for good; no_new_privs first."""
        try:
            if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
                errno = ctypes.get_errno()
                raise OSError(errno, f"no_new_privs: {os.strerror(errno)}")
            _syscall(_RESTRICT_SELF, ctypes.c_int(self.fd), ctypes.c_uint32(0))
        finally:
            os.close(self.fd)


def allow_all_but(ruleset: Ruleset, root: str, hidden: tuple[str, ...], rights: int) -> None:
    """Allow ``rights`` beneath ``root`` except beneath the ``hidden`` folders.

    Landlock can only allow, so a tree with a hidden folder inside is allowed
    entry by entry along the way down to it (a few dozen rules).
    """
    root = os.path.realpath(root)
    inside = [h for h in hidden if h == root or h.startswith(root.rstrip("/") + "/")]
    if root in inside:
        return
    if not inside:
        ruleset.allow(root, rights)
        return
    try:
        entries = os.listdir(root)
    except OSError:
        return
    for name in entries:
        allow_all_but(ruleset, os.path.join(root, name), tuple(inside), rights)


def beneath_but(root: str, hidden: tuple[str, ...]) -> list[str]:
    """The paths whose rules allow everything beneath ``root`` but the ``hidden`` folders (as
    ``allow_all_but`` adds them), listed once by the grader for rules made in each runner."""
    root = os.path.realpath(root)
    return _beneath_real(root, hidden) if os.path.exists(root) else []


def _beneath_real(root: str, hidden: tuple[str, ...]) -> list[str]:
    """``beneath_but`` of a resolved ``root``: an entry listed in it that is no symbolic link
    is its own real path, so only links are resolved again (a grade lists a few hundred)."""
    inside = tuple(h for h in hidden if h == root or h.startswith(root.rstrip("/") + "/"))
    if root in inside:
        return []
    if not inside:
        return [root]
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return []
    found: list[str] = []
    for entry in entries:
        if entry.is_symlink():
            found += beneath_but(entry.path, inside)
        else:
            found += _beneath_real(entry.path, inside)
    return found


def restrict(rules: dict[str, Any]) -> None:
    """A file-system layer for this process from rules the grader listed: ``read`` paths
    read-only, ``devices`` readable and writable, ``write`` paths writable (not executable),
    nothing else at all. For tier 1's process runner, after it mounted its own /tmp."""
    version = int(rules["abi"])
    every = fs_rights(version)
    layer = Ruleset(version, every)
    for path in rules["read"]:
        layer.allow(path, READ)
    for device in rules["devices"]:
        layer.allow(device, READ_FILE | WRITE_FILE)
    for path in rules["write"]:
        layer.allow(path, every & ~EXECUTE)
    layer.enforce()
