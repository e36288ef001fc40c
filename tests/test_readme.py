"""The README, walked through: every shell block runs as written, where a reader runs it.

Each fenced ``sh`` block (indented ones too) runs as one bash script with ``set -e``, in
the place its reader stands, chosen by an HTML comment just above it (invisible on the
rendered page): ``<!-- walkthrough: course -->`` (the default) is a fresh copy of this
course folder with the files an instructor's commands name (``submission.py``,
``submissions/``, ``gradebook.csv``) and the ``grade`` command on PATH;
``<!-- walkthrough: student -->`` is a folder that holds only the kit an instructor
handed out (``kit/``), and no ``grade`` on PATH. Blocks run in the order of the README,
so a later block finds what an earlier one made (``reports/`` for ``grade merge``).

Two liberties, both said here: the suite's own command (``python -m pytest``) only
collects the tests (running it would run this test again), and the environment gives
the variables a scheduler would (``SLURM_ARRAY_TASK_ID``, ``JOB_COMPLETION_INDEX``,
``SHARD``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BLOCK = re.compile(
    r"(?:<!--\s*walkthrough:\s*(?P<where>\w+)\s*-->\s*\n)?"
    r"(?P<indent>[ \t]*)```sh\n(?P<body>.*?)\n(?P=indent)```",
    re.S,
)
SUITE = re.compile(r"(-m pytest)(?=\s*($|[;&|#]))", re.M)
# Three different slices of four, as three tasks of a scheduler would have.
SCHEDULER = {"SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "1", "SHARD": "3"}


def blocks() -> list[tuple[str, str]]:
    """(where, script) for every ``sh`` block of the README, in order."""
    text = (ROOT / "README.md").read_text()
    found = []
    for match in BLOCK.finditer(text):
        indent = match["indent"]
        lines = [line.removeprefix(indent) for line in match["body"].splitlines()]
        found.append((match["where"] or "course", "\n".join(lines)))
    return found


def test_the_readme_has_blocks_for_both_audiences() -> None:
    places = {where for where, _ in blocks()}
    assert places == {"course", "student"}, places


def _course(base: Path) -> Path:
    """A fresh course folder: what git tracks here, and what the commands name."""
    course = base / "course"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (course / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, course / name)
    reference = (ROOT / "solutions" / "forward.py").read_text()
    stub = (ROOT / "exercises" / "forward.py").read_text()
    (course / "submission.py").write_text(reference)
    subs = course / "submissions"
    subs.mkdir()
    (subs / "alice.py").write_text(reference)
    (subs / "bob.py").write_text(stub)
    (subs / "carol.py").write_text(reference.replace("np.maximum(0, x)", "abs(x)"))
    for name in ("dan", "erin", "frank", "grace", "heidi", "ivan", "judy"):
        (subs / f"{name}.py").write_text(reference)  # enough students for every slice
    (course / "gradebook.csv").write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section\n"
        "Alice A,1,1001,alice,S1\nBob B,2,1002,bob,S1\nCarol C,3,1003,carol,S1\n"
        "Dave D,4,1004,dave,S1\n"
    )
    return course


def _student(base: Path, course: Path, env: dict[str, str]) -> Path:
    """A student's folder: the kit the instructor made with the README's command."""
    home = base / "student"
    home.mkdir()
    made = subprocess.run(["grade", "release", "-o", str(home / "kit")], cwd=course, env=env,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert made.returncode == 0, made.stderr
    return home


@pytest.mark.skipif(shutil.which("bash") is None, reason="the README's blocks are bash")
def test_every_readme_block_runs_as_written(tmp_path: Path) -> None:
    bin_dir = str(Path(sys.executable).parent)  # where this suite's `grade` is installed
    course_env = {**os.environ, **SCHEDULER, "PATH": bin_dir + os.pathsep + os.environ["PATH"]}
    # A student's machine: no path to this repository, no `grade` of the course.
    student_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    student_env["PATH"] = os.pathsep.join(
        p
        for p in os.environ["PATH"].split(os.pathsep)
        if Path(p).resolve() != Path(bin_dir).resolve()
    )
    course = _course(tmp_path)
    student = _student(tmp_path, course, course_env)
    for k, (where, script) in enumerate(blocks()):
        script = SUITE.sub(r"\1 --collect-only -q", script)
        cwd, env = (course, course_env) if where == "course" else (student, student_env)
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=900)  # fmt: skip
        assert done.returncode == 0, (
            f"README block {k + 1} ({where}) failed with {done.returncode}:\n{script}\n"
            f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
        )
