"""Issue 5's whole flow at a smaller size: a class with hostile submissions, Ctrl-C, resume,
every export and the bundle (benchmarks/class_demo.py runs it for 500 students)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.class_demo import run_demo


def test_a_class_survives_interruption_and_exports(tmp_path: Path) -> None:
    measured = run_demo(tmp_path, students=60)
    assert measured["reports_before_resume"] >= 15
    assert measured["graded"] + measured["not_gradable"] == 60
