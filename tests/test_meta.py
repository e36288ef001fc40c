"""Meta-tests over every exercise: stub, reference, cases; full marks and zero marks."""

from __future__ import annotations

import json
import math

import pytest

from assignments.forward import ASSIGNMENT
from grader.grade import expected_values, load_assignment
from grader.sandbox.protocol import encode_arg

from .conftest import REFERENCE, SANDBOXES, STUB, scores


def test_points_add_up_to_100() -> None:
    assert math.isclose(sum(e.points for e in ASSIGNMENT.exercises), 100)


@pytest.mark.parametrize("exercise", [e.name for e in ASSIGNMENT.exercises])
def test_every_exercise_has_stub_reference_cases_and_tip(exercise: str) -> None:
    assert f"def {exercise}(" in STUB and f"def {exercise}(" in REFERENCE
    assert exercise in ASSIGNMENT.reference and exercise in ASSIGNMENT.tips
    cases = [c for c in ASSIGNMENT.make_cases(0) if c.exercise == exercise]
    assert any(c.visibility == "visible" for c in cases), "course examples are visible"
    assert any(c.visibility == "hidden" for c in cases), "randomized cases are hidden"
    assert len({c.name for c in cases}) == len(cases)


def test_course_examples_are_cases() -> None:
    cases = {c.name: c for c in ASSIGNMENT.make_cases(0)}
    values = dict(zip(cases, expected_values(ASSIGNMENT, list(cases.values())), strict=True))
    assert values["forward/bank"].tolist() == [9]
    assert values["forward/deep_relu"].tolist() == [182]
    assert values["hidden_layer/deep_relu_first"].tolist() == [26, 0]
    assert values["relu/course_positive"] == 3 and values["relu/course_negative"] == 0


def test_cases_follow_the_seed() -> None:
    def flat(seed: int) -> str:
        return json.dumps([[encode_arg(a) for a in c.args] for c in ASSIGNMENT.make_cases(seed)])

    assert flat(3) == flat(3)
    assert flat(3) != flat(4)


def test_load_assignment_by_name_and_path() -> None:
    assert load_assignment("forward") is load_assignment("assignments.forward")


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_reference_scores_full_marks(grade, sandbox: str) -> None:
    report = grade(REFERENCE, sandbox=sandbox)
    assert report["status"] == "graded" and report["sandbox"] == sandbox
    assert report["score"] == report["max_score"] == 100
    assert all(t["status"] == "passed" for t in report["tests"])


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_stubs_score_zero_as_not_implemented(grade, sandbox: str) -> None:
    report = grade(STUB, sandbox=sandbox)
    assert report["score"] == 0 and report["status"] == "graded"
    assert {t["status"] for t in report["tests"]} == {"not_implemented"}
    assert set(scores(report).values()) == {0}


@pytest.mark.parametrize("seed", [1, 2, 12345])
def test_reference_full_marks_for_other_seeds(grade, seed: int) -> None:
    assert grade(REFERENCE, seed=seed)["score"] == 100
