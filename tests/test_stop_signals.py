"""Stopped from outside, the way machines stop programs: SIGTERM (``docker stop``,
Gradescope's time limit, ``timeout``, a cancelled CI job), SIGHUP (the terminal closed), or
SIGKILL (after the grace period, or the OOM killer).

The first two stop a grade as Ctrl-C does: exit 128 + the signal, no traceback, no
process, temporary folder or cgroup left, every report on disk a true one. They used to
kill the grader outright, and its batch workers waited for work forever. SIGKILL cannot
be handled: what matters then is that nothing keeps running, and that the next grade
removes the cgroups the dead one left.

Signals go to the grader's process alone (as ``docker stop`` and ``timeout`` send them)
unless said otherwise; the test's grader has its own session, so nothing else is hit.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from grader.report import validate
from grader.sandbox.reaper import become_subreaper

from .conftest import ROOT
from .submissions import with_replaced
from .test_interrupt import GRADE, STARTED, _children, _group, _wait_for

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc and cgroups")

CGROUPS = [Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup/memory")]


def groups_of(pids: set[int]) -> list[str]:
    """The sandbox cgroups made by these processes that still exist (named after them)."""
    found = []
    for root in CGROUPS:
        try:
            names = os.listdir(root)
        except OSError:
            continue
        for name in names:
            made_by = re.fullmatch(r"forward-grader-([0-9]+)-[0-9a-f]+", name)
            if made_by and int(made_by[1]) in pids:
                found.append(str(root / name))
    return found


def as_from_a_terminal() -> None:
    """The stop signals as a program run from a terminal has them, however this test was
    started (under nohup, or as a script's background job, they arrive ignored)."""
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)


def start(
    args: list[str], tmp_path: Path, preexec_fn: Callable[[], None] = as_from_a_terminal
) -> subprocess.Popen[str]:
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    process = subprocess.Popen([*GRADE, *args], cwd=tmp_path, env=env, start_new_session=True,
                               text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=preexec_fn)  # fmt: skip
    assert process.stderr is not None and process.stderr.readline().strip() == STARTED
    return process


def living(group: int) -> bool:
    """Whether a process of ``group`` is alive. Zombies do not count: a process killed
    outright leaves its children to the nearest subreaper, which may be this test's
    process (the grader, imported here by other tests, makes it one): those are reaped."""
    found = False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, parent, pgrp = fields[0], int(fields[1]), int(fields[2])
        if pgrp != group:
            continue
        if state != "Z":
            found = True
        elif parent == os.getpid():
            with contextlib.suppress(ChildProcessError):
                os.waitpid(int(stat.parent.name), os.WNOHANG)
    return found


def gone(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while living(process.pid):
        assert time.monotonic() < deadline, f"outlived the grader: {_group(process.pid)}"
        time.sleep(0.05)


def watch_pids(process: subprocess.Popen[str], seen: set[int]) -> None:
    """Note the grader and its children (the batch workers make the sandboxes' cgroups)."""
    seen.add(process.pid)
    seen.update(_children(process.pid))


def all_gone(process: subprocess.Popen[str], tmp_path: Path, seen: set[int]) -> None:
    """No process of the grader's session, no temporary folder, no cgroup of theirs."""
    gone(process)
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == []
    assert groups_of(seen) == []


def a_class(tmp_path: Path, count: int = 12) -> Path:
    subs = tmp_path / "subs"
    subs.mkdir()
    reference = (ROOT / "solutions" / "forward.py").read_text()
    for k in range(count):
        (subs / f"s{k:02d}.py").write_text(reference)
    return subs


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("moment", ["workers", "first report"])
def test_a_batch_stopped_by_a_signal_stops_cleanly(
    number: signal.Signals, moment: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = start([str(a_class(tmp_path)), "-o", str(out), "--jobs", "2"], tmp_path)
    seen: set[int] = set()

    def reached() -> bool:
        watch_pids(process, seen)
        if moment == "workers":
            return len(_children(process.pid)) >= 2
        return any(out.glob("s*.json"))

    _wait_for(reached, process)
    process.send_signal(number)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 128 + number, err[-2000:]
    assert "Traceback" not in err, err[-6000:].replace("\n", " | ")
    assert f"stopped by {number.name}:" in err
    all_gone(process, tmp_path, seen)
    for path in out.glob("s*.json"):  # what was written is a finished, true report
        report = json.loads(path.read_text())
        validate(report, "report")
        assert report["status"] == "graded" and report["score"] == 100, (path, report["message"])


SLOW_RELU = with_replaced(
    relu="""
def relu(x):
    import time
    time.sleep(60)
    return np.maximum(0, x)
"""
)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("moment", ["sandbox starting", "student code running"])
def test_one_grade_stopped_by_a_signal_leaves_nothing(
    number: signal.Signals, moment: str, tmp_path: Path
) -> None:
    (tmp_path / "forward.py").write_text(SLOW_RELU)
    process = start(["forward.py", "-o", "report.json"], tmp_path)
    seen = {process.pid}
    if moment == "sandbox starting":  # its first child: bubblewrap, or the forked zygote
        _wait_for(lambda: bool(_children(process.pid)), process)
    else:  # a runner under the zygote, two levels down at least, for a second
        _wait_for(lambda: any(_children(c) for c in _children(process.pid)), process)
        time.sleep(1.0)
    process.send_signal(number)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 128 + number, err[-2000:]
    assert "Traceback" not in err, err[-6000:].replace("\n", " | ")
    all_gone(process, tmp_path, seen)


def test_a_signal_ignored_from_the_start_stays_ignored(tmp_path: Path) -> None:
    """``nohup grade ...``: the terminal's closing does not stop it."""
    (tmp_path / "forward.py").write_text((ROOT / "solutions" / "forward.py").read_text())

    def ignore_hangups() -> None:
        as_from_a_terminal()
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    process = start(["forward.py", "-o", "report.json"], tmp_path, preexec_fn=ignore_hangups)
    process.send_signal(signal.SIGHUP)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-2000:]
    assert json.loads((tmp_path / "report.json").read_text())["score"] == 100


def test_ctrl_c_stops_a_grade_that_started_with_it_ignored(tmp_path: Path) -> None:
    """A shell script's background job starts with SIGINT ignored; ``kill -INT`` still
    stops the grade (as before SIGTERM and SIGHUP were handled), only SIGHUP's nohup is
    kept."""
    (tmp_path / "forward.py").write_text(SLOW_RELU)

    def as_a_background_job() -> None:
        as_from_a_terminal()
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    process = start(["forward.py", "-o", "report.json"], tmp_path, as_a_background_job)
    _wait_for(lambda: any(_children(c) for c in _children(process.pid)), process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err[-2000:]
    all_gone(process, tmp_path, {process.pid})


def test_a_batch_killed_outright_takes_its_workers_with_it(tmp_path: Path) -> None:
    """SIGKILL: no handler runs. The workers die with the grader (they used to wait for
    work forever, their sandboxes with them), and the next grade removes the cgroups the
    dead processes made."""
    become_subreaper()  # as other tests leave this process: the dead grader's children come here
    out = tmp_path / "out"
    process = start([str(a_class(tmp_path, 40)), "-o", str(out), "--jobs", "2"], tmp_path)
    seen: set[int] = set()

    def graded_some() -> bool:
        watch_pids(process, seen)
        return any(out.glob("s*.json"))

    _wait_for(graded_some, process)
    process.kill()
    process.communicate(timeout=60)
    gone(process)
    folders = sorted(p.name for p in (tmp_path / "tmp").iterdir() if "sandbox" in p.name)
    assert folders, "nothing left to remove: SIGKILL ran no clean-up, a folder must be there"
    left = groups_of(seen)
    time.sleep(6)  # the next grade removes what is left, once it has settled
    (tmp_path / "forward.py").write_text((ROOT / "solutions" / "forward.py").read_text())
    again = start(["forward.py", "-o", "report.json"], tmp_path)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err[-2000:]
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir() if "sandbox" in p.name) == []
    if left:  # cgroups are writable here
        assert groups_of(seen) == []
