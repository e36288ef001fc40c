"""The report of one graded submission, typed: what grading found, before it is written.

A Report is built once per submission and never mutated; ``to_dict()`` gives the
native JSON document (``schemas/report.schema.json``) only when it is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from . import __version__
from .report import SCHEMA_VERSION
from .sandbox.choose import describe as describe_isolation
from .spec import TestResult

# How a report graded with --show-hidden says so (its message ends with it): such a
# report carries hidden cases' inputs and answers, which exports must not show students.
HIDDEN_SHOWN = "(hidden tests shown)"

Status = Literal["graded", "error", "internal_error"]
SandboxName = Literal["bwrap", "process", "landlock", "portable", "none"]


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class SubmissionInfo:
    """Which file was graded: its path as shown, and the hash of the bytes read (if any)."""

    path: str
    sha256: str | None = None

    @classmethod
    def of(cls, path: str, data: bytes | None) -> SubmissionInfo:
        return cls(path, hashlib.sha256(data).hexdigest() if data is not None else None)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256}


@dataclass(frozen=True)
class ExerciseTotal:
    """One exercise's points earned and possible, and how many of its tests passed."""

    name: str
    score: float
    max_score: float
    passed: int
    tests: int

    @classmethod
    def from_dict(cls, total: Mapping[str, Any]) -> ExerciseTotal:
        return cls(total["name"], total["score"], total["max_score"], total["passed"],
                   total["tests"])  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "max_score": self.max_score,
                "passed": self.passed, "tests": self.tests}  # fmt: skip


@dataclass(frozen=True)
class Report:
    """Everything one grading produced. ``status``: graded (the tests ran), error (the
    submission cannot be graded) or internal_error (the grader failed)."""

    assignment: str
    seed: int
    submission: SubmissionInfo
    status: Status = "error"
    message: str = ""
    score: float = 0.0
    max_score: float = 0.0
    exercises: tuple[ExerciseTotal, ...] = ()
    tests: tuple[TestResult, ...] = ()
    stdout: str = ""
    stderr: str = ""
    sandbox: SandboxName = "none"
    graded_at: str = field(default_factory=now_iso)
    duration_s: float = 0.0
    grader_version: str = __version__
    # Why there was no file to read, when there was none (not written: the CLI's exit 2).
    unreadable: str | None = field(default=None, compare=False)

    @property
    def passed(self) -> int:
        return sum(t.status == "passed" for t in self.tests)

    def tests_of(self, exercises: Sequence[str]) -> list[TestResult]:
        return [t for t in self.tests if t.exercise in exercises]

    def to_dict(self) -> dict[str, Any]:
        """The native report, keys in the published order."""
        return {
            "schema_version": SCHEMA_VERSION,
            "assignment": self.assignment,
            "grader_version": self.grader_version,
            "graded_at": self.graded_at,
            "duration_s": self.duration_s,
            "seed": self.seed,
            "sandbox": self.sandbox,
            "isolation": describe_isolation(self.sandbox),
            "submission": self.submission.to_dict(),
            "status": self.status,
            "message": self.message,
            "score": self.score,
            "max_score": self.max_score,
            "exercises": [e.to_dict() for e in self.exercises],
            "stdout": self.stdout,
            "stderr": self.stderr,
            "tests": [t.to_dict() for t in self.tests],
        }
