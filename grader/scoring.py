"""Turn what a call did into a test result with points and a message for the student."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .compare import compare
from .execute import CallOutcome
from .spec import Case, Exercise, TestResult, TestStatus


def render_arg(value: Any) -> str:
    """An argument as a student would type it: arrays as lists, whole floats as ints."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list):
        return "[" + ", ".join(render_arg(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def render_call(case: Case, limit: int = 160) -> str:
    text = f"{case.exercise}({', '.join(render_arg(a) for a in case.args)})"
    return text if len(text) <= limit else text[: limit - 4] + " ...)"


def _error_message(name: str, outcome: CallOutcome) -> str:
    lines = [f"{name} raised {outcome.error}"]
    lines += [f"  {line}" for line in outcome.traceback]
    return "\n".join(lines)


def judge(
    case: Case,
    exercise: Exercise,
    points: float,
    outcome: CallOutcome,
    expected: np.ndarray,
    *,
    reveal: bool,
) -> TestResult:
    """Score one case: full points if it passed, else 0 with a message that says why."""
    shown = reveal or case.visibility == "visible"
    name = render_call(case) if shown else exercise.name
    status: TestStatus
    if outcome.status == "missing":
        status, message = "not_implemented", f"{exercise.name} is not defined in the submission"
    elif outcome.status == "not_implemented":
        status, message = "not_implemented", f"{exercise.name} still raises NotImplementedError"
    elif outcome.status == "raised":
        status, message = "error", _error_message(name, outcome)
    elif outcome.status in ("timeout", "crashed", "not_run"):
        status = "timeout" if outcome.status == "timeout" else "error"
        message = f"{name}: {outcome.error}"
    else:
        assert outcome.value is not None
        verdict = compare(
            expected, outcome.value, name=name, reveal=shown, rtol=exercise.rtol, atol=exercise.atol
        )
        status, message = ("passed" if verdict.passed else "failed"), verdict.message
        if outcome.mutated:
            which = ", ".join(f"argument {k + 1}" for k in outcome.mutated)
            status = "failed"
            message = f"{name} changed {which} in place; functions must not modify their inputs" + (
                "" if verdict.passed else f"; also: {verdict.message}"
            )
    return TestResult(
        name=case.name,
        exercise=exercise.name,
        status=status,
        score=points if status == "passed" else 0.0,
        max_score=points,
        visibility=case.visibility,
        message=message,
        duration_s=outcome.duration_s,
    )


def exercise_totals(
    exercises: Sequence[Exercise], results: Sequence[TestResult]
) -> list[dict[str, Any]]:
    """Per exercise: points earned, points possible, and how many tests passed."""
    totals = []
    for exercise in exercises:
        mine = [r for r in results if r.exercise == exercise.name]
        totals.append(
            {
                "name": exercise.name,
                "score": round(sum(r.score for r in mine), 6),
                "max_score": exercise.points,
                "passed": sum(r.status == "passed" for r in mine),
                "tests": len(mine),
            }
        )
    return totals
