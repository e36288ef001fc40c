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

    pairs: list[tuple[Mapping[str, str], str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def pair(reports: Mapping[str, Any], roster: Sequence[Mapping[str, str]], column: str) -> Pairing:
    """Each student whose ``column`` names a submission, in roster order, and warnings."""
    result = Pairing()
    matched: set[str] = set()
    for student in roster:
        key = _key(student, column, reports)
        if key is None:
            name = student.get("Student") or student.get(column) or ""
            result.warnings.append(f"no submission for {quoted(name)}")
            continue
        matched.add(key)
        result.pairs.append((student, key))
    result.warnings.extend(
        f"submission {quoted(i)} matches nobody in the roster" for i in reports if i not in matched
    )
    return result


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
