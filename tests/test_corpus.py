"""The diagnosis holds on real student code: the labelled corpus, graded at two seeds.

The corpus (tests/corpus/) was written independently of the mistake catalogue, so
it is held-out evidence: every score must be right, the main misconception named
for at least 90% of the buggy files, and no hint may name a misconception a file
does not have or sit on a test of a correct function.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.diagnosis import CORPUS, evaluate
from grader.grade import Grader, grade_submission

SEEDS = (0, 7)
LABELS: dict[str, dict[str, Any]] = json.loads((CORPUS / "labels.json").read_text())


@pytest.fixture(scope="module")
def graded() -> Iterator[list[dict[str, Any]]]:
    """Every corpus file at every seed, judged against its label (one grader for all)."""
    rows = []
    with Grader(sandbox="process") as grader:
        for seed in SEEDS:
            for name, label in sorted(LABELS.items()):
                report = grade_submission(path=CORPUS / name, seed=seed, grader=grader)
                rows.append(evaluate(report, label) | {"file": name, "seed": seed})
    yield rows


def test_every_score_is_right(graded: list[dict[str, Any]]) -> None:
    wrong = [(r["file"], r["seed"]) for r in graded if not r["scores_right"]]
    assert not wrong


def test_main_misconception_is_named(graded: list[dict[str, Any]]) -> None:
    buggy = [r for r in graded if r["main"]]
    missed = [(r["file"], r["seed"], r["main"]) for r in buggy if not r["main_named"]]
    assert len(missed) <= 0.1 * len(buggy), missed


def test_both_are_named_for_most_two_mistake_files(graded: list[dict[str, Any]]) -> None:
    two = [r for r in graded if r["two"]]
    assert sum(r["both_named"] for r in two) > 0.75 * len(two)


def test_no_misleading_hint(graded: list[dict[str, Any]]) -> None:
    misleading = [(r["file"], r["seed"], r["misleading"]) for r in graded if r["misleading"]]
    assert not misleading


def test_no_hint_on_a_correct_function(graded: list[dict[str, Any]]) -> None:
    assert not [(r["file"], r["seed"]) for r in graded if r["false_hint"]]
