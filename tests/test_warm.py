"""Sandboxes kept warm (a notebook kernel's checks, a batch worker) and runners started
ahead: each job still runs in a runner of its own, forked from a clean zygote, that holds
nothing a previous job touched; a kept sandbox that died while idle costs no grade."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from grader import notebook
from grader.grade import grade
from grader.notebook import check
from grader.sandbox import Limits, Sandbox
from grader.sandbox.reaper import descendants
from grader.session import Grader

from .conftest import ROOT, SANDBOXES

REFERENCE = ROOT / "solutions" / "forward.py"

# A relu that passes, and leaves traces of itself everywhere a later job could look: a
# file in /tmp and in /dev/shm, a module-level counter, an environment variable, a process.
LEAVES_TRACES = """
import os
import numpy as np

TRACES = ("/tmp/trace-of-a-previous-check", "/dev/shm/trace-of-a-previous-check")
FOUND = [p for p in TRACES if os.path.exists(p)]
if os.environ.get("TRACE_OF_A_PREVIOUS_CHECK") or getattr(np, "trace_of_a_previous_check", 0):
    FOUND.append("state in the process")
for path in TRACES:
    try:
        open(path, "w").close()
    except OSError:
        pass
os.environ["TRACE_OF_A_PREVIOUS_CHECK"] = "1"
np.trace_of_a_previous_check = 1

def relu(x):
    if FOUND:
        raise RuntimeError(f"a previous check left {FOUND}")
    return np.maximum(0, x)
"""


def _namespace(tmp_path: Path, source: str) -> dict[str, object]:
    path = tmp_path / "kernel_cells.py"
    path.write_text(source)
    return {"__file__": str(path)}


@pytest.fixture
def fresh_kernel():
    """check() as in a new kernel: no warm sandbox before, none left after."""
    saved = dict(notebook._WARM)
    notebook._WARM.clear()
    yield notebook._WARM
    for grader in notebook._WARM.values():
        grader.close()
    notebook._WARM.clear()
    notebook._WARM.update(saved)


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_checks_share_one_sandbox_and_each_runs_in_a_clean_runner(
    sandbox: str, tmp_path: Path, fresh_kernel: dict[str, Grader]
) -> None:
    namespace = _namespace(tmp_path, LEAVES_TRACES)
    zygotes = set()
    for _ in range(3):
        result = check("relu", assignment="forward", namespace=namespace, sandbox=sandbox)
        assert result.passed, str(result)
        box = fresh_kernel[sandbox]._box
        assert box is not None
        zygotes.add(box.proc.pid)
    assert len(zygotes) == 1  # one sandbox per kernel: Python and numpy started once


def test_a_kept_sandbox_that_died_while_idle_costs_no_check(
    tmp_path: Path, fresh_kernel: dict[str, Grader]
) -> None:
    namespace = _namespace(tmp_path, LEAVES_TRACES)
    assert check("relu", assignment="forward", namespace=namespace, sandbox="process").passed
    box = fresh_kernel["process"]._box
    assert box is not None
    os.kill(box.proc.pid, signal.SIGKILL)
    box.proc.wait()
    result = check("relu", assignment="forward", namespace=namespace, sandbox="process")
    assert result.passed, str(result)
    assert fresh_kernel["process"]._box is not box


def _waiting_runner(box: Sandbox) -> int:
    """The pid of the runner the sandbox started ahead (it waits for its job)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        below = descendants(box.proc.pid)
        if below:
            return below[0]
        time.sleep(0.01)
    raise AssertionError("no runner was started ahead")


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_a_runner_is_started_ahead_and_one_killed_while_waiting_costs_nothing(
    sandbox: str,
) -> None:
    box = Sandbox(sandbox, Limits())  # type: ignore[arg-type]
    try:
        box.wait_ready()
        if sandbox == "process":  # under bubblewrap the runner is the zygote's own child
            os.kill(_waiting_runner(box), signal.SIGKILL)
            time.sleep(0.2)
        with Grader(box=box) as grader:
            report = grade(REFERENCE, assignment="forward", grader=grader)
        assert report.status == "graded" and report.score == report.max_score, report.message
    finally:
        box.close()


def test_a_batch_worker_starts_the_next_runner_when_a_submission_is_done() -> None:
    with Grader(sandbox="process") as grader:
        grader.keep_ready = True
        first = grade(REFERENCE, assignment="forward", grader=grader)
        box = grader._box
        assert box is not None and box._next is not None  # started ahead, waiting
        second = grade(REFERENCE, assignment="forward", grader=grader)
        assert grader._box is box
    assert first.score == second.score == first.max_score
    assert box._next is None  # closed with its sandbox
