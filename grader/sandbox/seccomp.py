"""The system calls a student's function never needs, refused by a seccomp filter.

The filter is compiled here, in the grader, by libseccomp (through pyseccomp),
and handed to the sandbox as BPF bytes: the runner installs it after it has set
up its namespaces and before it loads the submission. Refused calls fail with
EPERM, so student code sees an ordinary error rather than a crash.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile
import zlib
from pathlib import Path

# Debugging and other processes' memory; the kernel's keyrings; BPF and perf; mounts,
# namespaces and root changes; modules, reboots, swap, clocks and accounting; passing files.
REFUSED = (
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd",
    "keyctl", "add_key", "request_key",
    "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter",
    "io_uring_register",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "fsopen", "fsmount",
    "fsconfig", "fspick", "move_mount", "open_tree", "mount_setattr",
    "open_by_handle_at", "name_to_handle_at",
    "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load",
    "reboot", "swapon", "swapoff", "syslog", "acct", "quotactl", "settimeofday",
    "clock_settime", "clock_adjtime", "adjtimex", "sethostname", "setdomainname",
    "personality", "lookup_dcookie", "vhangup", "iopl", "ioperm",
    # Sockets: memory queued in one (up to its send buffer, more in a listener's backlog or
    # a datagram queue, after its sender closed) is kernel memory of no process, and a file
    # sent in one (SCM_RIGHTS) is held by no process: the grader's memory watch, where no
    # memory cgroup is, could count neither. A student's function needs no socket.
    "socket", "socketpair", "sendmsg", "sendmmsg",
    # System V IPC: a segment or queue outlives its process (until its IPC namespace ends),
    # memory of no process again; tier 2 has no namespace of its own to hold them at all.
    "shmget", "msgget", "semget",
)  # fmt: skip
# clone() may make threads and processes, never namespaces; clone3 passes its flags in
# memory a filter cannot read, so it reports "not implemented" and libc falls back to clone.
NAMESPACE_FLAGS = 0x7E020000  # CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
# Without namespaces (tier 2) the kernel's shared objects are the machine's: POSIX message
# queues (which Landlock does not see) are refused too (System V IPC and sockets, above).
CONFINED_REFUSED = ("mq_open",)


@functools.cache
def program(*, confined: bool = False) -> bytes:
    """The compiled filter, or empty bytes where libseccomp is not available.

    Compiling imports pyseccomp and asks libseccomp (about 10 ms, before every sandbox
    can start), so the result is kept in the user's cache.
    """
    cached = _cache_file(confined)
    try:
        if cached.is_file() and not cached.is_symlink():
            data = cached.read_bytes()
            if data and len(data) % 8 == 0:
                return data
    except OSError:
        pass
    data = _compile(confined)
    if data:
        _store(cached, data)
    return data


def _cache_file(confined: bool = False) -> Path:
    """Where this machine's compiled filter is kept: named by the rules and the machine.

    The BPF program depends on nothing else (the kernel runs it, not libseccomp).
    """
    # A name, not a check (the bytes are checked as a program when read): crc32 rather than
    # hashlib, whose OpenSSL costs milliseconds before the sandbox can start.
    key = repr((REFUSED, NAMESPACE_FLAGS, os.uname().machine, "v1"))
    if confined:
        key += repr(CONFINED_REFUSED)
    digest = f"{zlib.crc32(key.encode()):08x}-{zlib.adler32(key.encode()):08x}"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "forward-grader" / f"seccomp-{digest}.bpf"


def _store(path: Path, data: bytes) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=path.parent, delete=False)  # noqa: SIM115
        with handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        pass


def _compile(confined: bool) -> bytes:
    """The filter, compiled by libseccomp now."""
    try:
        import pyseccomp as sc

        rules = sc.SyscallFilter(defaction=sc.ALLOW)
        for name in REFUSED + (CONFINED_REFUSED if confined else ()):
            try:
                rules.add_rule(sc.ERRNO(errno.EPERM), name)
            except (ValueError, RuntimeError, OSError):
                continue  # not a system call on this architecture
        for flag in _namespace_bits():
            rules.add_rule(sc.ERRNO(errno.EPERM), "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
        rules.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
        with tempfile.TemporaryFile() as handle:
            rules.export_bpf(handle)
            handle.seek(0)
            return bytes(handle.read())
    except (ImportError, OSError, RuntimeError, ValueError, AttributeError):
        return b""


def _namespace_bits() -> list[int]:
    return [1 << bit for bit in range(32) if NAMESPACE_FLAGS & (1 << bit)]
