"""The diagnosis holds on student code: the labelled corpora, graded at two seeds.

Each corpus (tests/corpus/forward, tests/corpus/backward) was written as students
write, each file labelled with its mistakes; benchmarks/diagnosis.py turns the labels
into the ids a hint may carry. Every score must be right, the main mistake named for
at least 90% of the buggy files, and no hint may carry an id that is not true of its
file, nor sit on a test of a correct file. Without the catalogue (the behaviour
hints alone, as on code the catalogue has never seen) no hint may mislead either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from benchmarks.diagnosis import ROOT, catalogue, evaluate, labels_of
from grader.grade import Grader, grade_submission
from grader.registry import load

SEEDS = (0, 7)
CORPORA = ("forward", "backward")


def _grade_all(assignment: str, without_catalogue: bool) -> list[dict[str, Any]]:
    folder = ROOT / "tests" / "corpus" / assignment
    labels = labels_of(folder)
    family = {k: v["family"] for k, v in catalogue(assignment).items()}
    spec = load(assignment)
    if without_catalogue:
        spec = replace(spec, mistakes=(), combine=None)
    rows = []
    with Grader(sandbox="process") as grader:
        for seed in SEEDS:
            for name, label in sorted(labels.items()):
                report = grade_submission(path=folder / name, seed=seed, grader=grader,
                                          assignment=spec)  # fmt: skip
                rows.append(evaluate(report, label, family) | {"file": name, "seed": seed})
    return rows


@pytest.fixture(scope="module", params=CORPORA)
def graded(request: pytest.FixtureRequest) -> Iterator[list[dict[str, Any]]]:
    yield _grade_all(request.param, without_catalogue=False)


@pytest.fixture(scope="module", params=CORPORA)
def graded_without_catalogue(request: pytest.FixtureRequest) -> Iterator[list[dict[str, Any]]]:
    yield _grade_all(request.param, without_catalogue=True)


def test_every_score_is_right(graded: list[dict[str, Any]]) -> None:
    wrong = [(r["file"], r["seed"]) for r in graded if not r["scores_right"]]
    assert not wrong


def test_main_misconception_is_named(graded: list[dict[str, Any]]) -> None:
    buggy = [r for r in graded if r["buggy"]]
    missed = [(r["file"], r["seed"], r["main"]) for r in buggy if not r["main_named"]]
    assert len(missed) <= 0.1 * len(buggy), missed


def test_no_misleading_hint(graded: list[dict[str, Any]]) -> None:
    misleading = [(r["file"], r["seed"], r["misleading"]) for r in graded if r["misleading"]]
    assert not misleading


def test_no_hint_on_a_correct_file(graded: list[dict[str, Any]]) -> None:
    assert not [(r["file"], r["seed"]) for r in graded if r["hint_on_correct"]]


def test_behaviour_hints_alone_never_mislead(
    graded_without_catalogue: list[dict[str, Any]],
) -> None:
    rows = graded_without_catalogue
    assert not [(r["file"], r["seed"], r["misleading"]) for r in rows if r["misleading"]]
    assert not [(r["file"], r["seed"]) for r in rows if r["hint_on_correct"]]
    # and they say something true about a good share of the buggy files on their own
    buggy = [r for r in rows if r["buggy"]]
    assert sum(r["some_true"] for r in buggy) >= 0.35 * len(buggy)
