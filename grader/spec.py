"""What an assignment declares (exercises, cases) and what grading produces (results).

Specs and results are small frozen dataclasses, kept apart: a Case says what
to call, a TestResult says what happened. Both serialise with ``to_dict()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

DEFAULT_ASSIGNMENT = "forward"
Visibility = Literal["visible", "hidden"]
TestStatus = Literal["passed", "failed", "error", "timeout", "not_implemented"]


@dataclass(frozen=True)
class Exercise:
    """One function the student writes, worth ``points`` split over its cases."""

    name: str
    points: float
    rtol: float = 1e-5
    atol: float = 1e-8


@dataclass(frozen=True)
class Case:
    """One call of an exercise's function: a name, the arguments and who may see them."""

    name: str
    exercise: str
    args: tuple[Any, ...]
    visibility: Visibility = "hidden"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "exercise": self.exercise, "visibility": self.visibility}


@dataclass(frozen=True)
class Mistake:
    """A known wrong implementation of an exercise, and the hint that explains it."""

    exercise: str
    implementation: Callable[..., Any]
    hint: str

    @property
    def name(self) -> str:
        return str(self.implementation.__name__)


@dataclass(frozen=True)
class Assignment:
    """Everything the engine needs to grade one assignment."""

    name: str
    title: str
    exercises: tuple[Exercise, ...]
    reference: Mapping[str, Callable[..., Any]]
    make_cases: Callable[[int], list[Case]]
    # What to try, per exercise, shown when that exercise loses points.
    tips: Mapping[str, str] = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()

    def exercise(self, name: str) -> Exercise:
        return next(e for e in self.exercises if e.name == name)


@dataclass(frozen=True)
class TestResult:
    """The outcome of one case: status, points and a message for the student."""

    name: str
    exercise: str
    status: TestStatus
    score: float
    max_score: float
    visibility: Visibility
    message: str
    duration_s: float
    hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "exercise": self.exercise,
            "status": self.status,
            "score": self.score,
            "max_score": self.max_score,
            "visibility": self.visibility,
            "message": self.message,
            "hint": self.hint,
            "duration_s": round(self.duration_s, 6),
        }
