"""Shared helpers: write a submission, grade it in the sandbox, check the report."""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grader.grade import grade_submission
from grader.report import validate
from grader.sandbox import Limits, bwrap_works

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (ROOT / "solutions" / "forward.py").read_text()
STUB = (ROOT / "exercises" / "forward.py").read_text()
SANDBOXES = ["process", *(["bwrap"] if bwrap_works() else [])]
FAST = Limits(call_timeout=0.5, load_timeout=5.0)


def with_replaced(**functions: str) -> str:
    """The reference source with some functions replaced by the given code.

    The reference's own version stays, renamed, so that other functions that
    call it (forward calls hidden_layer) keep working and lose no points.
    """
    source = REFERENCE
    for name, code in functions.items():
        source = re.sub(rf"\b{name}\(", f"_reference_{name}(", source)
        source += "\n\n" + textwrap.dedent(code).strip() + "\n"
    return source


def as_submission(exercise: str, function: object) -> str:
    """A mistake's implementation, renamed to the exercise, in place of the reference's."""
    source = inspect.getsource(function)  # type: ignore[arg-type]
    source = source.replace(f"def {function.__name__}(", f"def {exercise}(", 1)  # type: ignore[attr-defined]
    return with_replaced(**{exercise: source})


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

    def run(source: str | bytes, name: str = "forward.py", **options: Any) -> dict[str, Any]:
        path = tmp_path / name
        if isinstance(source, bytes):
            path.write_bytes(source)
        else:
            path.write_text(source)
        options.setdefault("sandbox", "process")
        options.setdefault("limits", FAST)
        report = grade_submission(path=path, **options)
        validate(report, "report")
        return report

    return run
