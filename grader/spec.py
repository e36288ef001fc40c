"""What an assignment declares (exercises, cases) and what grading produces (results).

Specs and results are small frozen dataclasses, kept apart: a Case says what
to call, a TestResult says what happened. Both serialise with ``to_dict()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Visibility = Literal["visible", "hidden"]
TestStatus = Literal["passed", "failed", "error", "timeout", "not_implemented"]


@dataclass(frozen=True)
class Exercise:
    """One function the student writes, worth ``points`` split over its cases."""

    name: str
    points: float
    rtol: float = 1e-5
    atol: float = 1e-8
    # Where tolerance is not the right idea: (expected, returned) -> (passed, message), both
    # plain values as they crossed the boundary (numbers, arrays, str, bool, None, and
    # tuples, lists and str-keyed dicts of them).
    compare: Callable[[Any, Any], tuple[bool, str]] | None = None
    # Names of the items of a returned tuple, for messages ("grad_weights[1] has shape ...").
    parts: tuple[str, ...] = ()


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
    """A known misconception about an exercise: a wrong implementation and the hint for it."""

    exercise: str
    implementation: Callable[..., Any]
    hint: str
    id: str = ""  # a stable name, e.g. "scale.no_bias"; the implementation's name if empty

    @property
    def name(self) -> str:
        return self.id or str(getattr(self.implementation, "__name__", "mistake"))


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
    # An implementation with several mistakes at once (of the exercise, or of the
    # exercises it calls): lets the diagnosis name two mistakes, or blame a callee. None
    # for a combination it does not model (nothing is named by it, nothing is run).
    combine: Callable[[str, tuple[Mistake, ...]], Callable[..., Any] | None] | None = None
    # Which exercises' functions each exercise's reference calls (a layer: its activation).
    calls: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The file students hand in (default NAME.py), and the packages their code may import
    # besides the standard library: mounted read-only in the sandbox, nothing else is.
    filename: str = ""
    packages: tuple[str, ...] = ("numpy",)
    # The reference solution with its markers: the single source of stubs and notebook.
    solution: Path | None = None
    # A student kit has no reference and no wrong implementation: the answers to its
    # cases, and known mistakes' behaviours on them (by exercise, mistake ids and the
    # cases asked for, any subset of the exercise's), come precomputed as data (grader/kit.py).
    answers: Callable[[Case], Any] | None = None
    known_behaviours: Callable[[str, tuple[str, ...], list[Case]], list[Any] | None] | None = None
    kit: bool = False

    @property
    def submission_name(self) -> str:
        return self.filename or f"{self.name}.py"

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
    hint_ids: tuple[str, ...] = ()  # the stable ids of what the hint names (benchmarks count them)

    def to_dict(self) -> dict[str, Any]:
        ids = {"hint_ids": list(self.hint_ids)} if self.hint_ids else {}
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
        } | ids
