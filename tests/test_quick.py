"""A plain single grade runs without click (grader/single.py), and says exactly what the
click command says: the same exit code, the same lines, the same report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from grader.cli import main as command
from grader.launch import _SUBCOMMANDS
from grader.single import options_of

from .conftest import ROOT

SOLUTION = str(ROOT / "solutions" / "forward.py")
STUB = str(ROOT / "exercises" / "forward.py")
# The same command through click alone: the entry point without launch.py's early start.
CLICK = "import sys; from grader.cli import main; main(prog_name='grade')"


def _run(command: list[str], args: list[str], tmp: Path, **env: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [*command, *args], cwd=tmp, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TMPDIR": str(tmp), "NO_COLOR": "1", **env},
    )  # fmt: skip
    return done.returncode, _steady(done.stdout), _steady(done.stderr)


def _steady(text: str) -> str:
    """Output with the moments and durations of one run taken out."""
    text = re.sub(r'"graded_at": "[^"]*"', '"graded_at": "-"', text)
    return re.sub(r'"(duration_s|execution_time)": [0-9.e-]+', r'"\1": 0', text)


@pytest.mark.parametrize(
    "args",
    [
        [SOLUTION, "--sandbox", "process"],
        [STUB, "--sandbox", "process", "-o", "-"],
        ["run", SOLUTION, "--sandbox=process", "--seed", "7", "--format", "gradescope", "-o",
         "-"],
        [SOLUTION, "--sandbox", "process", "--fail-under", "101"],
        [STUB, "--sandbox", "process", "--fail-under", "50%", "-o", "-"],
        [SOLUTION, "--sandbox", "process", "--fail-under", "many"],
        [SOLUTION, "--sandbox", "process", "--assignment", "no_such_assignment"],
        [SOLUTION, "--sandbox", "process", "--seed", "-1"],
        [SOLUTION, "--sandbox", "process", "--seed", "99999999999999999999"],
        [SOLUTION, "--sandbox", "process", "--timeout", "0.01"],
        [SOLUTION, "--sandbox", "process", "--timeout", "nan"],
        [SOLUTION, "--sandbox", "process", "--format", "csv"],
        [SOLUTION, "--sandbox", "process", "--jobs", "0"],
        [SOLUTION, "--sandbox", "process", "-o"],
        [SOLUTION, "--sandbox", "process", "--seed"],
        [SOLUTION, "--sandbox", "process", "--course", ""],
    ],
)  # fmt: skip
def test_the_quick_path_says_what_click_says(args: list[str], tmp_path: Path) -> None:
    quick = _run([sys.executable, "-m", "grader"], args, tmp_path)
    clicked = _run([sys.executable, "-c", CLICK], args, tmp_path)
    assert quick == clicked
    assert quick[0] in (0, 2, 3)


def test_the_seed_comes_from_the_environment_as_in_click(tmp_path: Path) -> None:
    args = [SOLUTION, "--sandbox", "process", "-o", "-"]
    for seed in ("12", "", "x1"):
        quick = _run([sys.executable, "-m", "grader"], args, tmp_path, GRADER_SEED=seed)
        clicked = _run([sys.executable, "-c", CLICK], args, tmp_path, GRADER_SEED=seed)
        assert quick == clicked
    code, out, _ = _run([sys.executable, "-m", "grader"], args, tmp_path, GRADER_SEED="12")
    assert code == 0 and json.loads(out)["seed"] == 12


def test_a_plain_grade_imports_no_click(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "grader", SOLUTION, "--sandbox", "process",
         "-o", str(tmp_path / "r.json")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TMPDIR": str(tmp_path), "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}  # fmt: skip
    assert "click" not in imported and "grader.cli" not in imported
    assert json.loads((tmp_path / "r.json").read_text())["score"] == 100


def test_launch_knows_every_command() -> None:
    """A file named like a command is that command's argument, never graded early."""
    assert set(command.commands) == _SUBCOMMANDS


@pytest.mark.parametrize(
    "given",
    [
        {"--seed": " 3"}, {"--seed": "+3"}, {"--seed": "3_0"}, {"--timeout": "1e3"},
        {"--timeout": "inf"}, {"--timeout": "0.04"}, {"--jobs": "0"}, {"--format": "Native"},
        {"--sandbox": "Auto"}, {"--output": ""}, {"--output": "--x"}, {"--assignment": "-x"},
    ],
)  # fmt: skip
def test_anything_unusual_is_left_to_click(given: dict[str, str | bool]) -> None:
    assert options_of(given) is None


def test_plain_options_are_read_as_click_reads_them() -> None:
    options = options_of({"--seed": "0012", "--timeout": "1.5", "--output": "-",
                          "--show-hidden": True, "--course": "c", "--jobs": "3"})  # fmt: skip
    assert options == {
        "output": "-", "seed": 12, "fmt": "native", "timeout": 1.5, "sandbox": "auto",
        "show_hidden": True, "assignment": None, "course": Path("c"), "fail_under": None,
    }  # fmt: skip
