"""``grade``'s entry point starts the sandbox early only for what is surely one grade."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.launch import single_grade_options

from .conftest import ROOT

SOLUTION = str(ROOT / "solutions" / "forward.py")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([SOLUTION], ("auto", 2.0)),
        (["run", SOLUTION, "-o", "-"], ("auto", 2.0)),
        ([SOLUTION, "--sandbox", "process", "--timeout=0.5"], ("process", 0.5)),
        (["--seed", "4", SOLUTION, "--show-hidden", "--format", "gradescope"], ("auto", 2.0)),
        (["--", SOLUTION], ("auto", 2.0)),
    ],
)
def test_one_grade_is_recognised(args: list[str], expected: tuple[str, float]) -> None:
    assert single_grade_options(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        [SOLUTION, "--shard", "1/2"],  # a class
        [SOLUTION, SOLUTION],
        [str(ROOT / "solutions")],  # a folder
        ["merge", SOLUTION],
        ["report", SOLUTION],
        [SOLUTION, "--sandbox", "docker"],
        [SOLUTION, "--timeout", "soon"],
        [SOLUTION, "--unknown"],
        ["no-such-file.py"],
    ],
)
def test_anything_else_starts_nothing_early(args: list[str]) -> None:
    assert single_grade_options(args) is None


def test_a_usage_error_after_the_early_start_leaves_no_sandbox(tmp_path: Path) -> None:
    """The sandbox started for one grade goes when click then refuses the command line."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # the sandbox's folder is made in here
    done = subprocess.run(
        [sys.executable, "-m", "grader", SOLUTION, "--sandbox", "process", "--format",
         "nonsense", "-o", "-"],
        capture_output=True, cwd=ROOT, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and b"Traceback" not in done.stderr, done.stderr
    assert list(tmp_path.glob("*grader-*")) == []  # closed: its folder is gone
    for proc in Path("/proc").iterdir():  # and nothing runs in it
        with contextlib.suppress(OSError):
            assert not os.readlink(proc / "cwd").startswith(str(tmp_path))


def test_the_early_sandbox_is_the_one_used(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    report = tmp_path / "r.json"
    done = subprocess.run(
        [sys.executable, "-m", "grader", SOLUTION, "--sandbox", "process", "-o", str(report)],
        capture_output=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text())["score"] == 100
    assert list(tmp_path.glob("*grader-*")) == []
