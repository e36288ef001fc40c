"""The process sandbox's zygote forked from a single grade (sandbox/forked.py): numpy is
imported once per grade, and the forked zygote holds nothing the grader had that an
exec'd one would not: no seed (command line, environment, memory), no course module,
no file descriptor, no import hook of the grader's."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.errors import SandboxUnavailable
from grader.grade import grade
from grader.sandbox import Limits, Sandbox, bwrap_works, namespaces
from grader.session import Grader

from .conftest import ROOT

SEED = "8642097531"
assert str(int("2031bf17b", 16)) == SEED  # as the spy below builds it

# A passing relu that reports what its process can see of the grader that started it.
SPY = """
import gc, os, sys
import numpy as np

def _text(path):
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("latin-1")
    except OSError as exc:
        return ""

SEED = str(int("2031bf17b", 16))  # built at run time: the submission's text never holds it
seen = {
    "cmdline": SEED in _text("/proc/self/cmdline"),
    "environ": SEED in _text("/proc/self/environ"),
    "zygote_cmdline": SEED in _text(f"/proc/{os.getppid()}/cmdline"),
    "zygote_environ": SEED in _text(f"/proc/{os.getppid()}/environ"),
    "os_environ": any(SEED in k + v for k, v in os.environ.items()),
    "argv": any(SEED in a for a in sys.argv + sys.orig_argv),
    "objects": any(
        SEED in repr(o)[:100000] for o in gc.get_objects()
        if isinstance(o, (list, tuple, dict)) and o is not sys.modules and o is not globals()
    ),
    "modules": sorted(
        m for m in sys.modules
        if m.split(".")[0] not in sys.stdlib_module_names
        and m.split(".")[0] not in ("numpy", "confine", "landlock", "submission", "__main__")
    ),
    "grader_on_path": [p for p in sys.path if "site-packages" in p],
    "hooks": [repr(f) for f in sys.meta_path if "Editable" in repr(f) or "distutils" in repr(f)],
    "numpy_file": np.__file__,
}
print("SPY " + __import__("json").dumps(seen))

def relu(x):
    return np.maximum(0, x)
"""


def _graded(tmp_path: Path, sandbox: str) -> dict[str, object]:
    (tmp_path / "forward.py").write_text(SPY)
    report = tmp_path / "r.json"
    env = {**os.environ, "GRADER_SEED": SEED}
    done = subprocess.run(
        [sys.executable, "-m", "grader", str(tmp_path / "forward.py"), "--assignment",
         "forward", "--sandbox", sandbox, "--seed", SEED, "-o", str(report)],
        capture_output=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    graded = json.loads(report.read_text())
    assert graded["seed"] == int(SEED) and graded["sandbox"] == sandbox
    line = next(x for x in graded["stdout"].splitlines() if x.startswith("SPY "))
    seen: dict[str, object] = json.loads(line[4:])
    return seen


def test_a_single_grade_in_the_process_sandbox_imports_numpy_once(tmp_path: Path) -> None:
    seen = _graded(tmp_path, "process")
    # The student's numpy is the module the grader imported before it forked the zygote,
    # not a second import from the sandbox's package folder (the exec'd zygote's).
    assert "/tmp/" not in str(seen["numpy_file"]) and "grader-" not in str(seen["numpy_file"])


def test_the_forked_zygote_holds_no_seed_module_or_hook_of_the_grader(tmp_path: Path) -> None:
    seen = _graded(tmp_path, "process")
    leaks = {k: v for k, v in seen.items() if k != "numpy_file" and v}
    assert leaks == {}


def test_the_forked_zygote_inherits_no_file_descriptor(tmp_path: Path) -> None:
    """Files the grader had open (here: the test's) are closed in the zygote: it keeps
    /dev/null, its log, its control socket and the pipe it makes itself."""
    kept = open(tmp_path / "grader-secret.txt", "w")  # noqa: SIM115 - open on purpose
    readable, writable = os.pipe()
    box = Sandbox("process", Limits(), fork=True)
    try:
        box.wait_ready()
        # The runner started ahead gets its 4 pipes through the zygote, which closes them
        # once it has forked the runner: list the zygote's descriptors after that.
        deadline = time.monotonic() + 10
        while True:
            fds = {}
            for fd in os.listdir(f"/proc/{box.proc.pid}/fd"):
                with contextlib.suppress(OSError):
                    fds[int(fd)] = os.readlink(f"/proc/{box.proc.pid}/fd/{fd}")
            assert not any("grader-secret" in target for target in fds.values()), fds
            if len(fds) <= 6 or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        assert fds[0] == "/dev/null" and fds[1] == fds[2] and fds[1].endswith("zygote.log")
        others = [t for fd, t in fds.items() if fd > 2]
        sockets = [t for t in others if t.startswith("socket:")]
        pipes = [t for t in others if t.startswith("pipe:")]
        assert len(sockets) == 1 and len(pipes) == 2 and len(others) == 3, fds  # wake pipe
        mine = {os.readlink(f"/proc/self/fd/{fd}") for fd in (readable, writable)}
        assert not mine & set(pipes)
    finally:
        box.close()
        kept.close()
        os.close(readable)
        os.close(writable)


def test_bubblewrap_and_other_callers_still_exec_their_zygote() -> None:
    box = Sandbox("process", Limits())  # fork is only for a caller that asks (launch.py)
    try:
        box.wait_ready()
        with open(f"/proc/{box.proc.pid}/cmdline", "rb") as handle:
            assert b"harness.py" in handle.read()
        assert not box.forked
    finally:
        box.close()


@pytest.mark.skipif(not bwrap_works(), reason="bubblewrap cannot start here")
def test_bubblewrap_started_without_waiting_is_the_same_sandbox(tmp_path: Path) -> None:
    kept = open(tmp_path / "grader-secret.txt", "w")  # noqa: SIM115 - open on purpose
    box = Sandbox("bwrap", Limits(), fork=True)
    try:
        box.wait_ready()
        assert not box.forked
        targets = [os.readlink(f"/proc/{box.proc.pid}/fd/{fd}")
                   for fd in os.listdir(f"/proc/{box.proc.pid}/fd")]  # fmt: skip
        assert not any("grader-secret" in t for t in targets), targets
        with Grader(box=box) as grader:
            report = grade(ROOT / "solutions" / "forward.py", assignment="forward", grader=grader)
        assert report.sandbox == "bwrap" and report.score == report.max_score
    finally:
        box.close()
        kept.close()


def test_a_sandbox_started_without_waiting_that_cannot_exec_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(namespaces, "bwrap_command", lambda *_: ["/nonexistent/bwrap"])
    box = Sandbox("bwrap", Limits(), fork=True)
    try:
        with pytest.raises(SandboxUnavailable, match="did not start: cannot start the sandbox"):
            box.wait_ready()
    finally:
        box.close()
