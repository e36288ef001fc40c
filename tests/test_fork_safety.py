"""A batch's parent forks its workers with no other thread running.

A forked child inherits every lock held at that moment by any thread of its parent, and
only the forking thread comes along to release them. The class's similarity comparison
runs in a thread of the parent and imports IPython to read notebooks: forked while it was
halfway through that import, a worker that then graded a notebook waited for the module's
lock forever (the batch hung at 10 of 15). So the parent starts that thread only once its
workers exist; this test records, at every fork the parent makes, which threads it has.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REFERENCE, ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux")

RECORD = """
import json, os, sys, threading
parent = os.getpid()
forks = []
def before():
    if os.getpid() == parent:
        forks.append(sorted(t.name for t in threading.enumerate()))
os.register_at_fork(before=before)
import atexit
atexit.register(lambda: print("FORKS " + json.dumps(forks), file=sys.stderr))
from grader.cli import main
main(sys.argv[1:])
"""


def test_the_parent_forks_workers_with_no_other_thread(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    notebook = (ROOT / "exercises" / "forward.ipynb").read_text()
    for k in range(4):  # notebooks: the comparison imports IPython for them
        (subs / f"nb{k}.ipynb").write_text(notebook)
        (subs / f"py{k}.py").write_text(REFERENCE)
    done = subprocess.run(
        [sys.executable, "-c", RECORD, str(subs), "-o", str(tmp_path / "r"), "--jobs", "2",
         "--sandbox", "process"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stderr.splitlines() if x.startswith("FORKS "))
    forks = json.loads(line.removeprefix("FORKS "))
    assert len(forks) >= 2, forks  # the two workers, at least
    assert all(names == ["MainThread"] for names in forks), forks
    assert (tmp_path / "r" / "similarity.json").exists()
