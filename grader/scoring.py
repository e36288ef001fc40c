"""Turn what a call did into a test result with points and a message for the student.

Every message is cleaned and bounded here, whatever the CallOutcome holds, so a
report's size is bounded by the assignment. A submission shapes a test's message
(an exception's text, traceback lines, a type name, a reason) but it is cut to
MESSAGE_BYTES however it is written (``text.fit``: UTF-8, or ASCII JSON where one
character can take 12 bytes); the test's other fields (name, hint, numbers) come
from the assignment. So a graded report is at most

    tests x (MESSAGE_BYTES + ~350 bytes of fixed fields and JSON)
    + stdout + stderr (4 KB of bytes each, at most 6 JSON bytes per byte: ~25 KB each)
    + ~1 KB of header,

for an assignment of 61 tests 61 x 2350 + 50 KB + 1 KB = ~195 KB; checked by
tests/test_text_boundary.py (under 256 KB with the longest hint on every test).
Before these bounds the same submission could make 44 messages of 4000 + 50 x
4000 characters: 9 MB of ASCII, 108 MB of emoji in ASCII JSON. (notebook.locate,
which runs after scoring, can lengthen a message by ~10 bytes per line number.)
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import Any

from .execute import CallOutcome
from .passcheck import NotPlainPass, PlainExpected, passes
from .sandbox.protocol import Returned
from .spec import Case, Exercise, TestResult, TestStatus
from .text import clean, fit, size

MESSAGE_BYTES = 2000  # one test's message, traceback included
HEAD_BYTES = 800  # "f(...) raised Error: text", before the traceback
LINE_BYTES = 300  # one traceback line


def render_arg(value: Any) -> str:
    """An argument as a student would type it: arrays as lists, whole floats as ints."""
    numpy = sys.modules.get("numpy")  # an array exists only once numpy was imported
    if numpy is not None and isinstance(value, numpy.ndarray):
        value = value.tolist()
    if isinstance(value, list):
        return "[" + ", ".join(render_arg(v) for v in value) + "]"
    if isinstance(value, tuple):
        items = ", ".join(render_arg(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {render_arg(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def render_call(case: Case, limit: int = 160) -> str:
    text = f"{case.exercise}({', '.join(render_arg(a) for a in case.args)})"
    return text if len(text) <= limit else text[: limit - 4] + " ...)"


def _error_message(name: str, outcome: CallOutcome) -> str:
    """The exception, then as many of the innermost traceback lines as the budget holds."""
    head = fit(clean(f"{name} raised {outcome.error}", HEAD_BYTES), HEAD_BYTES)
    room = MESSAGE_BYTES - size(head) - size("\n  ... 100 earlier lines")
    kept: list[str] = []
    for line in reversed(outcome.traceback[-100:]):
        shown = "\n  " + fit(clean(line, LINE_BYTES), LINE_BYTES)
        room -= size(shown)
        if room < 0:
            break
        kept.append(shown)
    dropped = min(len(outcome.traceback), 100) - len(kept)
    skipped = [f"\n  ... {dropped} earlier lines"] if dropped else []
    return head + "".join(skipped + kept[::-1])


def _bounded(message: str) -> str:
    """Any message, cleaned and cut to MESSAGE_BYTES: the last guard before the report."""
    return fit(clean(message, MESSAGE_BYTES), MESSAGE_BYTES)


def call_duration(outcome: CallOutcome) -> float:
    """How long a call took, as its test result says."""
    value = outcome.duration_s
    return value if math.isfinite(value) and value >= 0 else 0.0


def judge(
    case: Case,
    exercise: Exercise,
    points: float,
    outcome: CallOutcome,
    expected: Any,
    *,
    reveal: bool,
) -> TestResult:
    """Score one case: full points if it passed, else 0 with a message that says why.

    An expected value from a plain plan (PlainExpected: ``quick``) is judged without
    numpy, and only a pass is said so: anything else raises NotPlainPass.
    """
    if isinstance(expected, PlainExpected):
        return _plain_pass(case, exercise, points, outcome, expected)
    from .compare import compare  # numpy: not imported for a grade that plainly passed

    shown = reveal or case.visibility == "visible"
    name = render_call(case) if shown else exercise.name
    status: TestStatus
    if outcome.status == "missing" and outcome.error:
        status = "not_implemented"
        message = (f"{exercise.name} is a {outcome.error} when the file has run, not a function: "
                   f"a line at module level (like {exercise.name} = {exercise.name}(3)) replaced "
                   "it; rename that variable")  # fmt: skip
    elif outcome.status == "missing":
        status, message = "not_implemented", f"{exercise.name} is not defined in the submission"
    elif outcome.status == "not_implemented":
        status, message = "not_implemented", f"{exercise.name} still raises NotImplementedError"
    elif outcome.status == "raised":
        status, message = "error", _error_message(name, outcome)
    elif outcome.status in ("timeout", "crashed", "not_run"):
        status = "timeout" if outcome.status == "timeout" else "error"
        message = f"{name}: {outcome.error}"
    else:
        value = outcome.value or Returned("other", "value the grader could not read")
        verdict = compare(
            expected, value, name=name, reveal=shown, rtol=exercise.rtol, atol=exercise.atol,
            parts=exercise.parts, custom=exercise.compare,
        )  # fmt: skip
        status, message = ("passed" if verdict.passed else "failed"), verdict.message
        if outcome.mutated:
            which = ", ".join(f"argument {k + 1}" for k in sorted(set(outcome.mutated))[:16])
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
        message=_bounded(message),
        duration_s=call_duration(outcome),
    )


def _plain_pass(
    case: Case, exercise: Exercise, points: float, outcome: CallOutcome, expected: PlainExpected
) -> TestResult:
    """The passed test ``judge`` would make of this, or NotPlainPass."""
    value = outcome.value
    if (
        outcome.status != "returned"
        or outcome.mutated
        or value is None
        or exercise.compare is not None
        or not passes(expected.value, value, rtol=exercise.rtol, atol=exercise.atol)
    ):
        raise NotPlainPass(case.name)
    return TestResult(
        name=case.name,
        exercise=exercise.name,
        status="passed",
        score=points,
        max_score=points,
        visibility=case.visibility,
        message=_bounded("passed"),
        duration_s=call_duration(outcome),
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
