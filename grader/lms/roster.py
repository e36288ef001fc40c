"""Students of a roster (e.g. Canvas's gradebook export) paired with submissions.

A roster row names its submission in one column (``SIS Login ID`` by default).
Pairing is shared by every export that takes a roster, so that each says the
same about who has no submission and which submission has no student.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text import clean


@dataclass(frozen=True)
class Pairing:
    """Roster students with their submission's id, and what did not pair."""

    rows: list[tuple[Mapping[str, str], str | None]] = field(default_factory=list)
    unclaimed: list[str] = field(default_factory=list)  # submissions nobody in the roster names
    column: str = "SIS Login ID"  # the roster column that names submissions

    @property
    def pairs(self) -> list[tuple[Mapping[str, str], str]]:
        """The students with a submission, in roster order."""
        return [(student, ident) for student, ident in self.rows if ident is not None]

    @property
    def absent(self) -> list[Mapping[str, str]]:
        """The students without a submission, in roster order."""
        return [student for student, ident in self.rows if ident is None]

    def absent_warnings(self, column: str, suffix: str = "") -> list[str]:
        return [f"no submission for {quoted(student.get('Student') or student.get(column) or '')}"
                f"{suffix}" for student in self.absent]  # fmt: skip

    @property
    def unclaimed_warnings(self) -> list[str]:
        return [f"submission {quoted(i)} matches nobody in the roster" for i in self.unclaimed]

    @property
    def warnings(self) -> list[str]:
        """Each student without a submission, then each submission without a student."""
        return self.absent_warnings(self.column) + self.unclaimed_warnings


def pair(reports: Mapping[str, Any], roster: Sequence[Mapping[str, str]], column: str) -> Pairing:
    """Each roster student with the submission its ``column`` names (or None), in order."""
    rows = [(student, _key(student, column, reports)) for student in roster]
    matched = {ident for _, ident in rows}
    return Pairing(rows, [i for i in reports if i not in matched], column)


def _key(student: Mapping[str, str], column: str, reports: Mapping[str, Any]) -> str | None:
    """The submission id a student's ``column`` names, if there is such a submission."""
    value = student.get(column) or ""
    for candidate in (value, value.strip()):  # spreadsheets pad cells; ids are exact first
        if candidate and candidate in reports:
            return candidate
    return None


def quoted(name: str) -> str:
    """A name in a message, which goes to a terminal: cleaned, short, quoted."""
    return repr(clean(name, 100))
