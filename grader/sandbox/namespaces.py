"""Tier 1, namespaces: bubblewrap, or each runner's own user, mount, IPC and network namespaces.

Where the kernel lets a process make namespaces (Linux with unprivileged user
namespaces, or root with CAP_SYS_ADMIN), the sandbox is either bubblewrap with
every namespace unshared around the zygote (``bwrap``), or a plain child whose
runners each make their own namespaces (``process``; see confine.enter_namespaces).
Started as root, the sandbox also runs in a private mount namespace as a uid of
its own (``enter_child``).
"""

from __future__ import annotations

import errno
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from . import confine
from .paths import INSIDE, package_dirs, python_paths
from .reaper import ProcessGroup
from .users import SandboxUser


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


def site_dirs() -> list[str]:
    """Every site-packages folder: hidden inside bwrap, where solutions could be installed."""
    paths = python_paths()
    dirs = {paths["purelib"], paths["platlib"]}
    for base in {sys.prefix, sys.base_prefix}:
        dirs.add(sysconfig.get_paths(vars={"base": base, "platbase": base})["purelib"])
    return sorted(d for d in dirs if Path(d).is_dir())


def enter_child(group: ProcessGroup | None, user: SandboxUser | None, needed: list[str]) -> None:
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


def bwrap_command(python: str, packages: tuple[str, ...], files: list[Path]) -> list[str]:
    """The bubblewrap command line that starts the zygote."""
    args = _bwrap_base()
    for prefix in sorted({os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}):
        if not prefix.startswith("/usr/"):
            args += ["--ro-bind", prefix, prefix]
    # Hide every site-packages: the reference solutions may be installed there.
    for site in site_dirs():
        args += ["--tmpfs", os.path.realpath(site)]
    for path in package_dirs(packages):
        args += ["--ro-bind", str(path), str(INSIDE / "lib" / path.name)]
    for file in files:  # the harness and the modules it imports
        args += ["--ro-bind", str(file), str(INSIDE / file.name)]
        args += _compiled(file)
    args += [
        "--proc", "/proc",
        "--dev", "/dev",
        "--size", str(16 << 20), "--tmpfs", "/tmp",
        "--chdir", "/tmp",
        "--", python, "-I", "-S", "-B", "-u", "-c", HARNESS_MAIN,
    ]  # fmt: skip
    return args


# The harness runs as __main__ from its compiled form, as an imported module would: a
# script named on the command line is compiled from source at every start (about 10 ms of
# the zygote's start, and confine.py and landlock.py without their .pyc two more).
# sys.argv[0] becomes the harness's path (alter_sys), the rest is the command line's.
HARNESS_MAIN = (
    f"import runpy, sys; harness = {str(INSIDE / 'harness.py')!r}; "
    f"sys.path.append({str(INSIDE)!r}); "
    "runpy.run_module('harness', run_name='__main__', alter_sys=True)"
)


def _compiled(file: Path) -> list[str]:
    """Binds of ``file``'s cached bytecode beside it inside (the same code: Python uses it
    only while it records the source's size and modification time), if there is one."""
    cached = Path(importlib.util.cache_from_source(str(file)))
    if not cached.is_file() or cached.is_symlink():
        return []
    return ["--ro-bind", str(cached), str(INSIDE / "__pycache__" / cached.name)]


@functools.cache
def probe() -> str | None:
    """Why runners cannot make their namespaces here, or None when they can (checked once).

    A forked child tries the runner's own unshare and reports the kernel's answer.
    """
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return "namespaces refused (not Linux)"
    flags = confine.CLONE_NEWNS | confine.CLONE_NEWIPC | confine.CLONE_NEWNET
    if os.geteuid() != 0:
        flags |= confine.CLONE_NEWUSER
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            confine.unshare(flags)
        except OSError as exc:
            code = exc.errno or 1
        os.write(write, bytes([min(code, 255)]))
        os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.close(read)
    os.waitpid(pid, 0)
    if answer == b"\0":
        return None
    number = answer[0] if answer else 0
    name = errno.errorcode.get(number, str(number))
    return f"namespaces refused (unshare: {name})"
