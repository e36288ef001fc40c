"""From what a submission's calls did to its results: each test judged, diagnosed, totalled."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from .execute import Execution
from .plan import Plan
from .results import HIDDEN_SHOWN, ExerciseTotal, Report
from .scoring import exercise_totals, judge
from .spec import TestResult

if TYPE_CHECKING:
    from .diagnose import Explanation


def judged(
    report: Report, plan: Plan, execution: Execution, filename: str, show_hidden: bool
) -> Report:
    """``report`` with the results of ``execution``: graded, or the error that loading was."""
    if execution.load_error is not None:
        return replace(report, message=load_error_message(execution, filename))
    results: list[TestResult] = []
    found: dict[str, Explanation] = {}  # what explains each exercise so far, for its callers
    for i, (exercise, cases, expected) in enumerate(plan.groups):
        outcomes = [execution.outcomes[(i, j)] for j in range(len(cases))]
        points = exercise.points / len(cases)
        tests = [
            judge(case, exercise, points, outcome, value, reveal=show_hidden)
            for case, outcome, value in zip(cases, outcomes, expected, strict=True)
        ]
        if all(t.status == "passed" for t in tests):
            results += tests  # nothing to explain: the diagnosis is not even imported
            continue
        from .behaviour import parameter_names
        from .diagnose import diagnose_hints

        hints = diagnose_hints(
            exercise, plan.spec.mistakes, cases, expected, outcomes, tests,
            behaviours_of=partial(plan.behaviours, exercise.name), found=found,
            calls=plan.spec.calls.get(exercise.name, ()), combine=plan.spec.combine is not None,
            parameters=parameter_names(plan.spec.reference.get(exercise.name)),
        )  # fmt: skip
        results += [replace(r, hint=h.text, hint_ids=h.ids) if h else r
                    for r, h in zip(tests, hints, strict=True)]  # fmt: skip
    totals = exercise_totals(plan.spec.exercises, results)
    passed = sum(r.status == "passed" for r in results)
    message = f"{passed} of {len(results)} tests passed"
    return replace(
        report,
        status="graded",
        score=round(sum(t["score"] for t in totals), 6),
        exercises=tuple(ExerciseTotal.from_dict(t) for t in totals),
        tests=tuple(results),
        message=message + (f" {HIDDEN_SHOWN}" if show_hidden else ""),
    )


def load_error_message(execution: Execution, filename: str) -> str:
    """Why the submission could not be loaded, with the line at fault and its traceback."""
    error = execution.load_error
    assert error is not None
    where = f" on line {error.line} of {filename}" if error.line else ""
    text = {
        "syntax": f"cannot grade: {error.message}{where}",
        "encoding": f"cannot grade: {error.message}",
        "import": f"cannot grade: importing {filename} raised {error.message}{where}",
    }.get(error.kind, f"cannot grade: {error.message}")
    return "\n".join([text, *(f"  {line}" for line in error.traceback)])
