"""Ctrl-C at any moment of a class's grading: exit code 130, no traceback, no temp folder
left, no process left, and every report on disk a true one.

Ctrl-C is sent as a terminal sends it: SIGINT to the whole process group (the grader, its
workers, their sandboxes). The moments are events, not times, so a loaded machine changes
nothing: as soon as the command starts (still importing), once its workers exist, and
once the first report is written.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from grader.report import validate

from .conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the workers")
# The `grade` command (its console script imports grader.entry, a module of a few lines,
# and calls main), saying when it is about to load the grader: the "starting" moment is
# the grader's first imports (a Ctrl-C before is Python's own start-up).
STARTED = "loading the grader"
GRADE = [sys.executable, "-c", "import sys; from grader.entry import main; "
         f"print({STARTED!r}, file=sys.stderr, flush=True); main()"]  # fmt: skip


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, "the batch ended before the moment came"
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.01)


def _group_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def _group(group: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                found.append((stat.parent / "cmdline").read_text().replace("\0", " ")[:150])
        except (OSError, IndexError, ValueError):
            continue
    return found


MOMENTS = ["starting", "workers", "first report"]


def _reach(moment: str, process: subprocess.Popen[str], out: Path) -> bool:
    """Wait for the moment; False when it has already passed."""
    if moment == "starting":
        # Frozen, so that what we see is the moment the Ctrl-C lands: a loaded machine may
        # have let the grader start its workers (or finish) since it said it was loading.
        os.killpg(process.pid, signal.SIGSTOP)
        if process.poll() is None and not _children(process.pid):
            return True
        os.killpg(process.pid, signal.SIGCONT)
        return False
    if moment == "workers":
        _wait_for(lambda: len(_children(process.pid)) >= 2, process)
    else:
        _wait_for(lambda: any(out.glob("s*.json")), process)
    return True


@pytest.mark.parametrize("moment", MOMENTS)
def test_ctrl_c_at_any_moment_of_a_batch(moment: str, tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    reference = (ROOT / "solutions" / "forward.py").read_text()
    for k in range(12):
        (subs / f"s{k:02d}.py").write_text(reference)
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    if moment == "starting":
        # Every module compiled from source, as on the first run after an install: a press
        # that lands in compile() had its exception swallowed by CPython, and the grader
        # went on to grade the whole class (exit 0) until the press was noted apart.
        env |= {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path / "pyc")}
    for _ in range(10):
        process = subprocess.Popen([*GRADE, str(subs), "-o", str(out), "--jobs", "2"], cwd=ROOT,
                                   env=env, start_new_session=True, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        assert process.stderr is not None and process.stderr.readline().strip() == STARTED
        if _reach(moment, process, out):
            break
        process.communicate(timeout=300)  # the moment has passed: let it end, try again
        shutil.rmtree(out, ignore_errors=True)
    else:
        pytest.fail("the grader always had workers before the test could stop it")
    os.killpg(process.pid, signal.SIGINT)
    os.killpg(process.pid, signal.SIGCONT)
    _, err = process.communicate(timeout=300)
    assert process.returncode in (130, -signal.SIGINT), err[-2000:]
    assert "Traceback" not in err, err[-6000:].replace("\n", " | ")
    deadline = time.monotonic() + 30
    while not _group_gone(process.pid):
        assert time.monotonic() < deadline, (
            f"processes of the batch outlived it: {_group(process.pid)}"
        )
        time.sleep(0.05)
    assert list(tmp.iterdir()) == []
    for path in out.glob("s*.json"):  # what was written is a finished, true report
        report = json.loads(path.read_text())
        validate(report, "report")
        assert report["status"] == "graded" and report["score"] == 100, path.name
