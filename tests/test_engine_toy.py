"""The engine on an assignment that has nothing to do with neural networks (tests/toy).

Loaded by path, graded by the real CLI: text, dicts, tuples with named parts and bools
cross the sandbox both ways; an exercise compares in its own way; a catalogued mistake
is named; hidden cases keep their inputs and answers to themselves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SANDBOXES

TOY = ROOT / "tests" / "toy"
REFERENCE = (TOY / "reference.py").read_text()
STUB = textwrap.dedent("""
    def word_counts(text):
        raise NotImplementedError

    def shout(text):
        raise NotImplementedError

    def stats(numbers):
        raise NotImplementedError

    def is_palindrome(text):
        raise NotImplementedError
""")


def grade(tmp_path: Path, source: str, sandbox: str = "process") -> dict[str, Any]:
    path = tmp_path / "words.py"
    path.write_text(source)
    done = subprocess.run(
        [sys.executable, "-m", "grader", str(path), "--assignment", str(TOY), "--sandbox", sandbox,
         "-o", str(tmp_path / "r.json")],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads((tmp_path / "r.json").read_text()))


def by_exercise(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for test in report["tests"]:
        found.setdefault(test["exercise"], []).append(test)
    return found


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_the_reference_scores_full_marks(tmp_path: Path, sandbox: str) -> None:
    report = grade(tmp_path, REFERENCE, sandbox)
    assert report["assignment"] == "toy" and report["score"] == report["max_score"] == 100


def test_the_stub_scores_zero(tmp_path: Path) -> None:
    report = grade(tmp_path, STUB)
    assert report["score"] == 0
    assert {t["status"] for t in report["tests"]} == {"not_implemented"}


def test_a_catalogued_mistake_is_named_and_costs_its_exercise_only(tmp_path: Path) -> None:
    wrong = REFERENCE.replace("text.lower().split()", "text.split()", 1)
    report = grade(tmp_path, wrong)
    failed = [t for t in report["tests"] if t["status"] != "passed"]
    assert failed and {t["exercise"] for t in failed} == {"word_counts"}
    assert all("lower() each word" in (t["hint"] or "") for t in failed)


def test_its_own_comparison_decides(tmp_path: Path) -> None:
    spaced = REFERENCE.replace("return text.upper()", "return '  ' + text.lower() + ' '")
    report = grade(tmp_path, spaced)
    assert all(t["status"] == "passed" for t in by_exercise(report)["shout"])
    reversed_words = REFERENCE.replace("return text.upper()", "return ' '.join(text.split()[::-1])")
    shout = by_exercise(grade(tmp_path, reversed_words))["shout"]
    assert all(t["status"] == "failed" and "the words differ" in t["message"] for t in shout)


def test_structure_is_walked_and_named(tmp_path: Path) -> None:
    short = REFERENCE.replace("return min(numbers), max(numbers), sorted(numbers)",
                              "return min(numbers), max(numbers)")  # fmt: skip
    stats = by_exercise(grade(tmp_path, short))["stats"]
    assert all("2 items, expected 3" in t["message"] for t in stats)
    unsorted = REFERENCE.replace("sorted(numbers)", "list(numbers)")
    stats = by_exercise(grade(tmp_path, unsorted))["stats"]
    hidden = next(t for t in stats if t["visibility"] == "hidden")
    assert hidden["status"] == "failed" and "stats: ordered has wrong values" in hidden["message"]
    assert "expected" not in hidden["message"]  # hidden: no answer shown


def test_dicts_and_bools_cross_the_boundary(tmp_path: Path) -> None:
    as_list = REFERENCE.replace("return counts", "return sorted(counts.items())")
    counts = by_exercise(grade(tmp_path, as_list))["word_counts"]
    assert all("expected a dict" in t["message"] for t in counts)
    flipped = REFERENCE.replace("return text.lower() == text.lower()[::-1]",
                                "return text.lower() != text.lower()[::-1]")  # fmt: skip
    visible = by_exercise(grade(tmp_path, flipped))["is_palindrome"][0]
    assert visible["status"] == "failed" and "False" in visible["message"]
