"""Lint and types as tests, so CI keeps grader/ ruff-clean and mypy-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return path


def test_ruff_clean() -> None:
    done = subprocess.run([tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_mypy_clean() -> None:
    done = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


MESSY = "import os,sys\ndef relu(x) :\n  return  x if x>0 else 0\nl = [1,2 ,3]\n"


def test_students_files_in_the_course_folder_are_not_linted(tmp_path: Path) -> None:
    """A course folder is a working folder: submissions kept in it (a submissions/ folder,
    a downloaded homework.py, a reports/ folder) never fail the project's own checks,
    while the same text in the project's code still does."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "grader").mkdir()
    (tmp_path / "grader" / "engine.py").write_text('"""Clean."""\n\nVALUE = 1\n')
    for student in ("submissions/alice/forward.py", "submissions/bob.py", "homework.py",
                    "downloads/class-2026/carol.py", "reports/dan.py"):  # fmt: skip
        (tmp_path / student).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / student).write_text(MESSY)
    ruff = tool("ruff")
    for command in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run([ruff, *command], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    (tmp_path / "grader" / "messy.py").write_text(MESSY)
    for command in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run([ruff, *command], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 1 and "messy.py" in done.stdout + done.stderr, command
        assert "forward.py" not in done.stdout + done.stderr
