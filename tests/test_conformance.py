"""One conformance suite over every registered assignment (forward, backward, and any
added later): the same guarantees for each, with nothing named in the engine.

Every exercise has a stub, a reference, visible and hidden cases; the reference
scores full marks and the stubs zero in the sandbox; and every catalogued mistake,
behaving as a student's function would, loses points in its own exercise only and
is named there by its own hint (checked in-process through the engine's judging).
"""

from __future__ import annotations

import ast
import copy
import math
import re
import warnings
from typing import Any

import numpy as np
import pytest

from grader import registry
from grader.compare import normalize
from grader.diagnose import _read_only
from grader.execute import CallOutcome, Execution
from grader.judging import judged
from grader.plan import make_plan
from grader.results import Report, SubmissionInfo
from grader.sandbox.protocol import Returned

from .conftest import ROOT

ASSIGNMENTS = registry.installed()
SEED = 3


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_exercise_has_stub_reference_cases(name: str) -> None:
    spec = registry.load(name)
    stub = (ROOT / "exercises" / spec.submission_name).read_text()
    assert math.isclose(sum(e.points for e in spec.exercises), 100)
    for exercise in spec.exercises:
        assert f"def {exercise.name}(" in stub and exercise.name in spec.reference
        cases = [c for c in spec.make_cases(SEED) if c.exercise == exercise.name]
        assert {c.visibility for c in cases} == {"visible", "hidden"}, exercise.name
        assert len({c.name for c in cases}) == len(cases)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_reference_full_marks_and_stub_zero(name: str) -> None:
    from grader.grade import grade

    spec = registry.load(name)
    full = grade(ROOT / "solutions" / f"{name}.py", assignment=name, seed=SEED, sandbox="process")
    assert full.status == "graded" and full.score == full.max_score, full.message
    zero = grade(ROOT / "exercises" / spec.submission_name, assignment=name, seed=SEED,
                 sandbox="process")  # fmt: skip
    assert zero.score == 0 and {t.status for t in zero.tests} == {"not_implemented"}


def returned(value: Any) -> Returned:
    """A trusted result as it would come back from the sandbox."""
    value = normalize(value)
    if value is None:
        return Returned("none", "NoneType")
    if isinstance(value, bool):
        return Returned("bool", "bool", flag=value)
    if isinstance(value, str):
        return Returned("str", "str", text=value)
    if isinstance(value, dict):
        return Returned("map", "dict", keys=tuple(value),
                        items=tuple(returned(v) for v in value.values()))  # fmt: skip
    if isinstance(value, (tuple, list)):
        return Returned("seq", type(value).__name__, items=tuple(returned(v) for v in value))
    return Returned("array", "ndarray", shape=value.shape, values=value)


def outcome(function: Any, args: tuple[Any, ...]) -> CallOutcome:
    """What a student's function that behaves like ``function`` would be seen to do."""
    copies = _read_only(copy.deepcopy(args))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = function(*copies)
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            return CallOutcome("raised", error=text)
    return CallOutcome("returned", returned(result))


MISTAKES = [
    pytest.param(name, k, id=f"{name}-{mistake.name}")
    for name in ASSIGNMENTS
    for k, mistake in enumerate(registry.load(name).mistakes)
]


@pytest.mark.parametrize("name, index", MISTAKES)
def test_every_catalogued_mistake_is_named_by_its_own_hint(name: str, index: int) -> None:
    spec = registry.load(name)
    mistake = spec.mistakes[index]
    plan = make_plan(spec, SEED)
    execution = Execution()
    for i, (exercise, cases, _) in enumerate(plan.groups):
        for j, case in enumerate(cases):
            wrong = exercise.name == mistake.exercise
            function = mistake.implementation if wrong else spec.reference[exercise.name]
            execution.outcomes[(i, j)] = outcome(function, case.args)
    report = Report(assignment=name, seed=SEED, submission=SubmissionInfo("x.py"),
                    max_score=100.0)  # fmt: skip
    result = judged(report, plan, execution, "x.py", show_hidden=False)
    failed = [t for t in result.tests if t.status != "passed"]
    assert failed, f"{mistake.name} is not caught at seed {SEED}"
    assert {t.exercise for t in failed} == {mistake.exercise}
    assert all(t.hint and mistake.hint in t.hint for t in failed), {t.name: t.hint for t in failed}


# The cases cover what each definition allows: the docstrings' calls as written, ReLU's 0


def _written_with_lists(stub: str, exercise: str) -> bool:
    """Whether the stub's docstring of ``exercise`` writes a call of it with a list."""
    for node in ast.walk(ast.parse(stub)):
        if isinstance(node, ast.FunctionDef) and node.name == exercise:
            return re.search(rf"\b{exercise}\(\s*\[", ast.get_docstring(node) or "") is not None
    return False


def _numbers_in_a_list(value: Any) -> bool:
    """A Python list (or nested lists) of plain numbers: an array-like, not an array."""
    if not isinstance(value, list) or not value:
        return False
    return all(_numbers_in_a_list(v) or (isinstance(v, (int, float)) and not isinstance(v, bool))
               for v in value)  # fmt: skip


# Their docstrings write the example with lists, but the tuned corpus's labels (made on
# arrays only) call right a version that takes only arrays: a ruling is pending (issue 18).
LISTS_PENDING = {"backward.softmax_cross_entropy_grad", "backward.dense_backward"}


@pytest.mark.parametrize("seed", (0, 1, 2))
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_a_call_the_docstring_writes_with_lists_is_a_hidden_case(name: str, seed: int) -> None:
    spec = registry.load(name)
    stub = (ROOT / "exercises" / spec.submission_name).read_text()
    cases = spec.make_cases(seed)
    for exercise in spec.exercises:
        if f"{name}.{exercise.name}" in LISTS_PENDING:
            continue
        if _written_with_lists(stub, exercise.name):
            assert any(
                c.exercise == exercise.name
                and c.visibility == "hidden"
                and any(_numbers_in_a_list(a) for a in c.args)
                for c in cases
            ), f"{name}.{exercise.name}: no hidden case calls it with lists, as its docstring does"


@pytest.mark.parametrize("seed", (0, 1, 2))
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_relu_the_reference_applies_meets_an_exact_zero(
    name: str, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wherever the reference computes max(0, z), a hidden case at every seed makes a z
    exactly 0 there: ReLU's boundary (a mask written z >= 0, a division by z)."""
    spec = registry.load(name)
    maximum = np.maximum
    seen: dict[str, bool] = {}
    current = [""]

    def spy(a: Any, b: Any, *args: Any, **kwargs: Any) -> Any:
        if np.isscalar(a) and a == 0:
            seen[current[0]] = seen.get(current[0], False) or bool(np.any(np.asarray(b) == 0))
        return maximum(a, b, *args, **kwargs)

    monkeypatch.setattr(np, "maximum", spy)
    for case in spec.make_cases(seed):
        if case.visibility == "hidden":
            current[0] = case.exercise
            spec.reference[case.exercise](*copy.deepcopy(case.args))
    missing = [exercise for exercise, zero in seen.items() if not zero]
    assert not missing, f"{name}: ReLU never meets an exact 0 in {missing} at seed {seed}"
