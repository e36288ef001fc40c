"""Student code cannot make namespaces, trace processes or touch keyrings: the runner's
seccomp filter refuses those calls (EPERM), in both sandboxes, after the runner made its
own namespaces. The compiled filter is cached, and a stale cache file is not trusted."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from grader.execute import Calls, run
from grader.sandbox import Limits, Sandbox, seccomp

from .conftest import SANDBOXES

PROBE = """
import ctypes, errno, os
libc = ctypes.CDLL(None, use_errno=True)

def tried(call):
    ctypes.set_errno(0)
    return call() == 0 or ctypes.get_errno()

def probe():
    return {
        "unshare": tried(lambda: libc.unshare(0x10000000)),   # a user namespace
        "ptrace": tried(lambda: libc.ptrace(16, os.getppid(), 0, 0)),  # PTRACE_ATTACH
        "keyctl": tried(lambda: libc.syscall(250, 0, 0, 0, 0, 0)),    # keyctl (x86_64)
        "mount": tried(lambda: libc.mount(b"none", b"/tmp", b"tmpfs", 0, None)),
    }
"""


@pytest.mark.skipif(not seccomp.program(), reason="libseccomp is not available here")
@pytest.mark.parametrize("kind", SANDBOXES)
def test_the_calls_a_student_never_needs_are_refused(kind: str) -> None:
    box = Sandbox(kind, Limits())
    execution, box = run(source=PROBE, filename="x.py", batches=[Calls("probe", [()])],
                         sandbox=box, limits=Limits())  # fmt: skip
    box.close()
    outcome = execution.outcomes[(0, 0)]
    assert outcome.status == "returned" and outcome.value is not None, outcome.error
    results = dict(zip(outcome.value.keys, outcome.value.items, strict=True))
    for name, item in results.items():
        assert item.values is not None and int(item.values) == errno.EPERM, name


def test_a_cache_file_that_is_not_a_program_is_recompiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    seccomp.program.cache_clear()
    cached = seccomp._cache_file()
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"not a BPF program")  # 17 bytes: not whole instructions
    try:
        program = seccomp.program()
    finally:
        seccomp.program.cache_clear()
    assert program and len(program) % 8 == 0 and cached.read_bytes() == program
