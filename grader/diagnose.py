"""Say why a test failed: a catalogued mistake of the assignment, or a generic pattern.

A mistake is recognised by behaviour, not by reading code: its implementation
runs here in the grader on the same cases, and it is named when it behaves
like the student's function on every failed test of the exercise (same values,
the same exception type, the same change to an argument). When several do,
the one that also agrees on the most passed tests wins.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .execute import CallOutcome
from .protocol import encode_arg
from .spec import Case, Exercise, Mistake, TestResult

JUDGED = ("failed", "error")  # failures with an observed behaviour to compare
COURSE_ONLY = (
    "Your function gives the worked examples' answers but fails every other case: "
    "compute the result from the arguments instead of returning fixed answers."
)


@dataclass(frozen=True)
class Behaviour:
    """What a call did, reduced to what can be compared across implementations."""

    values: np.ndarray | None = None
    raised: str | None = None  # the exception's type and message: a type alone proves little
    mutated: bool = False


def observed(outcome: CallOutcome) -> Behaviour | None:
    """The student's behaviour on one call, or None when there is nothing to compare."""
    mutated = bool(outcome.mutated)
    if outcome.status == "raised":
        return Behaviour(raised=_error_key(outcome.error), mutated=mutated)
    value = outcome.value
    if outcome.status == "returned" and value is not None and value.values is not None:
        return Behaviour(values=value.values, mutated=mutated)
    return None


def simulated(function: Callable[..., Any], args: tuple[Any, ...]) -> Behaviour:
    """Run a catalogued (trusted) implementation here, on copies of the arguments."""
    copies = _read_only(copy.deepcopy(args))
    before = [encode_arg(a) for a in copies]
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = function(*copies)
            values = np.asarray(result, dtype=np.float64)
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            return Behaviour(raised=_error_key(text), mutated=_changed(before, copies))
    return Behaviour(values=values, mutated=_changed(before, copies))


def _error_key(text: str) -> str:
    """An exception as compared across implementations: its type and first line, bounded."""
    return text.splitlines()[0][:300] if text else ""


def _read_only(value: Any) -> Any:
    """Arguments as the sandbox hands them over: arrays that cannot be written into."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, (list, tuple)):
        for item in value:
            _read_only(item)
    return value


def _changed(before: list[dict[str, Any]], after: Sequence[Any]) -> bool:
    try:
        return before != [encode_arg(a) for a in after]
    except TypeError:
        return True


def same(a: Behaviour, b: Behaviour, exercise: Exercise) -> bool:
    if a.mutated != b.mutated or a.raised != b.raised:
        return False
    if a.values is None or b.values is None:
        return a.values is None and b.values is None
    return a.values.shape == b.values.shape and bool(
        np.allclose(a.values, b.values, rtol=exercise.rtol, atol=exercise.atol, equal_nan=True)
    )


def shape_hint(got: tuple[int, ...], expected: tuple[int, ...]) -> str | None:
    """Explain a shape mismatch in words, without revealing any value."""
    if expected == () and got:
        return (
            f"A single number is expected, not an array of shape {got}: reduce it (sum or mean?)."
        )
    if got == () and expected:
        return "An array is expected, not a single number: keep one value per position."
    if tuple(reversed(got)) == expected and got != expected:
        return "The axes are swapped: the result looks transposed."
    if len(got) + 1 == len(expected) and [n for n in expected if n != 1] == [
        n for n in got if n != 1
    ]:
        return ("The result lost an axis of length 1 (flattened, squeezed or indexed with [0]?): "
                "keep every axis, even of length 1.")  # fmt: skip
    if len(got) == len(expected) + 1 and [n for n in got if n != 1] == [
        n for n in expected if n != 1
    ]:
        return "The result has an extra axis of length 1: do not add axes to it."
    return None


def course_only_hint(results: Sequence[TestResult]) -> str | None:
    """Every visible example passes and every hidden case fails: answers written in?"""
    visible = [r for r in results if r.visibility == "visible"]
    hidden = [r for r in results if r.visibility == "hidden"]
    if (
        visible
        and len(hidden) >= 2
        and all(r.status == "passed" for r in visible)
        and all(r.status in JUDGED for r in hidden)
    ):
        return COURSE_ONLY
    return None


def simulate_all(mistake: Mistake, cases: Sequence[Case]) -> list[Behaviour]:
    """A mistake's behaviour on each case (the same for every submission: cache it)."""
    return [simulated(mistake.implementation, c.args) for c in cases]


def diagnose(
    exercise: Exercise,
    mistakes: Sequence[Mistake],
    cases: Sequence[Case],
    expected: Sequence[np.ndarray],
    outcomes: Sequence[CallOutcome],
    results: Sequence[TestResult],
    behaviours_of: Callable[[Mistake], list[Behaviour]] | None = None,
) -> list[str | None]:
    """A hint for each of one exercise's tests (None where there is nothing to say)."""
    behaviours = [observed(o) for o in outcomes]
    failed = [k for k, r in enumerate(results) if r.status in JUDGED and behaviours[k]]
    hints: list[str | None] = [None] * len(results)
    if not failed:
        return hints
    best, best_agreement = None, -1
    for mistake in mistakes:
        if mistake.exercise != exercise.name:
            continue
        theirs = behaviours_of(mistake) if behaviours_of else simulate_all(mistake, cases)
        agree = [
            b is not None and same(b, t, exercise) for b, t in zip(behaviours, theirs, strict=True)
        ]
        if all(agree[k] for k in failed) and sum(agree) > best_agreement:
            best, best_agreement = mistake, sum(agree)
    if best is not None:
        for k in failed:
            hints[k] = best.hint
        return hints
    general = course_only_hint(results)
    for k in failed:
        value = outcomes[k].value
        shape = value.shape if value is not None else None
        hints[k] = general or (shape_hint(shape, expected[k].shape) if shape is not None else None)
    return hints
