"""Shared helpers: write a submission, grade it in the sandbox, check the report."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grader import grade as grading
from grader.report import validate
from grader.sandbox import Limits, bwrap_works

from .submissions import REFERENCE, ROOT, STUB, as_submission, with_replaced

__all__ = ["REFERENCE", "ROOT", "STUB", "as_submission", "case_count", "with_replaced"]

# The installed grader carries no assignment (answers stay in the source tree): commands
# the tests start from other folders find this repository's assignments/ through here.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
)

# Folders of data, not tests: students' files (the corpora, the attacks) are graded, never
# collected, whatever they are named (a student's leftover cell may be "..._test.py").
collect_ignore_glob = ["corpus/*", "heldout*/*", "attacks/*", "toy/*", "a11y/*"]

SANDBOXES = ["process", *(["bwrap"] if bwrap_works() else [])]
FAST = Limits(call_timeout=0.5, load_timeout=5.0)


def case_count(assignment: str = "forward", seed: int = 0) -> int:
    """How many tests the assignment has (its cases change as its authors add some)."""
    from grader.registry import load

    return len(load(assignment).make_cases(seed))


def scores(report: dict[str, Any]) -> dict[str, float]:
    return {e["name"]: e["score"] for e in report["exercises"]}


def full_marks_except(report: dict[str, Any], *losers: str) -> bool:
    """Every exercise but ``losers`` has full marks, and each loser lost points."""
    for exercise in report["exercises"]:
        full = exercise["score"] == exercise["max_score"]
        if full == (exercise["name"] in losers):
            return False
    return True


@pytest.fixture
def grade(tmp_path: Path) -> Callable[..., dict[str, Any]]:
    """Grade a source text (or bytes) and return its report, checked against the schema."""

    def grade_source(
        source: str | bytes, name: str = "forward.py", **options: Any
    ) -> dict[str, Any]:
        path = tmp_path / name
        if isinstance(source, bytes):
            path.write_bytes(source)
        else:
            path.write_text(source)
        options.setdefault("sandbox", "process")
        options.setdefault("limits", FAST)
        report = grading.grade(path, **options).to_dict()
        validate(report, "report")
        return report

    return grade_source


def grade_class(root: Path, files: dict[str, str]) -> Path:
    """Write students' files under ``root/subs``, grade them as a class, return the reports."""
    from click.testing import CliRunner

    from grader.cli import main

    subs = root / "subs"
    subs.mkdir()
    for name, text in files.items():
        (subs / name).write_text(text)
    out = root / "reports"
    result = CliRunner().invoke(main, [str(subs), "-o", str(out), "--sandbox", "process"])
    assert result.exit_code == 0, result.output
    return out
