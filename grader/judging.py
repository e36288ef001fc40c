"""From what a submission's calls did to its results: each test judged, diagnosed, totalled."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from .execute import CallOutcome, Execution
from .plan import Plan
from .results import HIDDEN_SHOWN, ExerciseTotal, Report
from .sandbox.protocol import Returned
from .scoring import call_duration, exercise_totals, judge
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
    memo = _Memo(plan.memo) if plan.memo is not None else None
    for i, (exercise, cases, _) in enumerate(plan.groups):
        outcomes = [execution.outcomes[(i, j)] for j in range(len(cases))]
        drifted = bool(outcomes) and _drifted(outcomes[0], execution.outcomes.get((i, len(cases))))
        compute = partial(_exercise, plan, i, outcomes, show_hidden, found, drifted)
        if memo is None:
            results += compute()
        else:
            results += memo.judged(i, exercise.name, outcomes, show_hidden, found, compute,
                                   drifted)  # fmt: skip
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


def _exercise(
    plan: Plan,
    i: int,
    outcomes: list[CallOutcome],
    show_hidden: bool,
    found: dict[str, Explanation],
    drifted: bool = False,
) -> list[TestResult]:
    """Exercise ``i``'s tests, judged and diagnosed (``found`` updated for its callers);
    ``drifted``: its first call, made again at the end, answered otherwise."""
    exercise, cases, expected = plan.groups[i]
    points = exercise.points / len(cases)
    tests = [
        judge(case, exercise, points, outcome, value, reveal=show_hidden)
        for case, outcome, value in zip(cases, outcomes, expected, strict=True)
    ]
    if all(t.status == "passed" for t in tests):
        return tests  # nothing to explain: the diagnosis is not even imported
    from .behaviour import parameter_names
    from .diagnose import diagnose_hints

    hints = diagnose_hints(
        exercise, plan.spec.mistakes, cases, expected, outcomes, tests,
        behaviours_of=partial(plan.behaviours, exercise.name), found=found,
        calls=plan.spec.calls.get(exercise.name, ()), combine=plan.spec.combine is not None,
        parameters=parameter_names(plan.spec.reference.get(exercise.name)), drifted=drifted,
    )  # fmt: skip
    return [replace(r, hint=h.text, hint_ids=h.ids) if h else r
            for r, h in zip(tests, hints, strict=True)]  # fmt: skip


MEMO_ENTRIES = 256  # per plan; the oldest go first, so a worker's memory stays flat


class _Memo:
    """An exercise judged once per distinct outcome, in a session that grades many
    submissions on one plan: a class's correct submissions, and its buggy ones that share
    a mistake, return the very same values, and judging them again would say the same.

    The key is everything judging reads: each call's status, returned value (its data by
    digest), error, traceback and changed arguments (not its duration, which is put back),
    and what the exercises before this one were found to explain (``found``), which the
    diagnosis reads and this exercise's updates. A hit replays both.
    """

    def __init__(self, store: dict[Any, Any]) -> None:
        self.store = store

    def judged(
        self,
        i: int,
        name: str,
        outcomes: list[CallOutcome],
        show_hidden: bool,
        found: dict[str, Explanation],
        compute: Callable[[], list[TestResult]],
        drifted: bool = False,
    ) -> list[TestResult]:
        key = (i, show_hidden, drifted, tuple(sorted(found.items())),
               tuple(_outcome_key(o) for o in outcomes))  # fmt: skip
        hit: tuple[list[TestResult], Explanation | None] | None = self.store.get(key)
        if hit is None:
            hit = compute(), found.get(name)
            if len(self.store) >= MEMO_ENTRIES:
                del self.store[next(iter(self.store))]
            self.store[key] = hit
        tests, explained = hit
        if explained is None:
            found.pop(name, None)
        else:
            found[name] = explained
        return [t if t.duration_s == (d := call_duration(o)) else _timed(t, d)
                for t, o in zip(tests, outcomes, strict=True)]  # fmt: skip


def _drifted(first: CallOutcome, again: CallOutcome | None) -> bool:
    """Whether the same call, made again after all the others, answered otherwise: another
    status, another kind of error, or other values. Where either did not finish (a time
    limit, a crash), nothing is claimed."""
    done = ("returned", "raised")
    if again is None or first.status not in done or again.status not in done:
        return False
    if first.status != again.status:
        return True
    if first.status == "raised":  # a message may name an address: the exception's kind
        return first.error.split(":", 1)[0] != again.error.split(":", 1)[0]
    if _value_key(first.value) == _value_key(again.value):
        return False
    return not _alike(first.value, again.value)


def _alike(a: Returned | None, b: Returned | None) -> bool:
    """The same result but for the last bits of its numbers (a sum in another order)."""
    if a is None or b is None or a.kind != b.kind or len(a.items) != len(b.items):
        return a is b
    if a.values is not None or b.values is not None:
        if a.values is None or b.values is None or a.values.shape != b.values.shape:
            return False
        import numpy as np  # only here: a passing grade imports no numpy in this process

        with np.errstate(all="ignore"):
            return bool(np.allclose(a.values, b.values, rtol=1e-9, atol=0, equal_nan=True))
    if a.items:
        return a.keys == b.keys and all(_alike(x, y) for x, y in zip(a.items, b.items, strict=True))
    return bool(_value_key(a) == _value_key(b))


def _timed(test: TestResult, duration_s: float) -> TestResult:
    """``replace(test, duration_s=...)``, built directly: a batch replays thousands."""
    return TestResult(test.name, test.exercise, test.status, test.score, test.max_score,
                      test.visibility, test.message, duration_s, test.hint,
                      test.hint_ids)  # fmt: skip


def _outcome_key(outcome: CallOutcome) -> tuple[Any, ...]:
    return (outcome.status, _value_key(outcome.value), outcome.error, outcome.traceback,
            outcome.mutated)  # fmt: skip


def _value_key(value: Returned | None) -> Any:
    """A returned value as a key: its numbers by a digest (a key holds no large array)."""
    if value is None:
        return None
    data = None
    if value.values is not None:
        numbers = value.values
        data = (numbers.dtype.str, numbers.shape,
                hashlib.blake2b(numbers.tobytes(), digest_size=32).digest())  # fmt: skip
    return (value.kind, value.type_name, value.shape, data, value.reason,
            tuple(_value_key(item) for item in value.items), value.keys, value.text,
            value.flag)  # fmt: skip


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
