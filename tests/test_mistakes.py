"""Every catalogued mistake, submitted as a student's code, loses points in its own exercise
only and is named there by its own hint (and no other); a correct submission gets no hint."""

from __future__ import annotations

import pytest

from assignments.forward import ASSIGNMENT, random_cases
from assignments.forward.mistakes import EXAMPLES, MISTAKES
from grader.diagnose import COURSE_ONLY, same, simulated

from .conftest import REFERENCE, as_submission, full_marks_except, with_replaced


def check(report: dict, exercise: str, hint: str) -> None:
    assert report["status"] == "graded"
    assert full_marks_except(report, exercise), report["exercises"]
    failed = [t for t in report["tests"] if t["status"] != "passed"]
    assert failed and all(t["exercise"] == exercise for t in failed)
    assert {t["hint"] for t in failed} == {hint}, {t["name"]: t["hint"] for t in failed}
    assert all(t["hint"] is None for t in report["tests"] if t["status"] == "passed")


BY_ID = {m.id: m for m in MISTAKES}


@pytest.mark.parametrize("seed", [0, 7])
@pytest.mark.parametrize("key", EXAMPLES)
def test_catalogued_mistake_is_named_by_its_hint(grade, key: str, seed: int) -> None:
    mistake = BY_ID[key]
    report = grade(as_submission(mistake.exercise, EXAMPLES[key]), seed=seed)
    check(report, mistake.exercise, mistake.hint)


HARD_CODED = {
    "forward": """
        def forward(inputs, weights, biases=None):
            if np.ndim(inputs) == 2:
                return np.array([[52.0], [63.0], [0.0], [148.0]])
            return np.array([9.0]) if list(np.ravel(inputs)) == [2, 3] else np.array([182.0])
    """,
    "node_value": """
        def node_value(inputs, weights, bias=0.0):
            return {(1, 1): 5.0, (-1, 1): 1.0}.get(tuple(np.ravel(weights)), 9.0)
    """,
}


@pytest.mark.parametrize("exercise", sorted(HARD_CODED))
def test_answers_hard_coded_for_the_course_examples(grade, exercise: str) -> None:
    check(grade(with_replaced(**{exercise: HARD_CODED[exercise]})), exercise, COURSE_ONLY)


SHAPES = {
    "number_as_list": ("node_value", """
        def node_value(inputs, weights, bias=0.0):
            return [float(np.dot(inputs, weights) + bias)]
    """, "The right numbers, in another shape (shape (1,), expected a single number)"),
    "transposed_output": ("forward", """
        def forward(inputs, weights, biases=None):
            return _reference_forward(inputs, weights, biases).T
    """, "transposed (rows and columns swapped)"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_generic_shape_hints(grade, name: str) -> None:
    exercise, code, words = SHAPES[name]
    report = grade(with_replaced(**{exercise: code}))
    assert full_marks_except(report, exercise)
    wrong_shape = [t for t in report["tests"] if "shape" in t["message"]]
    assert wrong_shape and all(words in (t["hint"] or "") for t in wrong_shape)


def test_correct_submission_gets_no_hint(grade) -> None:
    report = grade(REFERENCE)
    assert report["score"] == 100 and all(t["hint"] is None for t in report["tests"])


def _fails_a_hidden_case(mistake, cases, reference) -> bool:
    """Whether the mistake's implementation behaves unlike the reference on a hidden case."""
    exercise = ASSIGNMENT.exercise(mistake.exercise)
    mine = [c for c in cases if c.exercise == mistake.exercise]
    return any(
        not same(simulated(mistake.implementation, c.args), simulated(reference, c.args), exercise)
        for c in mine
    )


@pytest.mark.parametrize("seed", range(21))
def test_every_mistake_loses_points_at_every_seed(seed: int) -> None:
    """A score never depends on the seed: each switch fails a hidden case at every seed."""
    cases = random_cases(seed)
    missed = [m.id for m in MISTAKES
              if not _fails_a_hidden_case(m, cases, ASSIGNMENT.reference[m.exercise])]  # fmt: skip
    assert not missed, f"seed {seed}: no hidden case catches {missed}"
