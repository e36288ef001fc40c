"""LTI 1.3 Assignment and Grade Services score objects, one per submission.

The comment is shown to students and instructors in the LMS: it is cleaned
(``text.clean``) and kept short. The user id is an identifier, matched exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..text import clean

COMMENT_TEXT = 1000


def to_lti_scores(
    reports: Mapping[str, dict[str, Any]],
    *,
    user_ids: Mapping[str, str] | None = None,
    maximum: float | None = None,
) -> list[dict[str, Any]]:
    """A score object per report; ``maximum`` stands in for a report's max_score of 0.

    An ungradable report from an older grader says max_score 0, which AGS refuses
    (scoreMaximum must be positive): the class's maximum is the right one.
    """
    return [_score(ident, report, user_ids or {}, maximum) for ident, report in reports.items()]


def _score(
    ident: str, report: dict[str, Any], user_ids: Mapping[str, str], maximum: float | None
) -> dict[str, Any]:
    """One submission's score object."""
    parts = [f"{e['name']} {e['score']:g}/{e['max_score']:g}" for e in report["exercises"]]
    first = (clean(report["message"], COMMENT_TEXT).splitlines() or [""])[0]
    comment = clean("; ".join(p for p in [first, ", ".join(parts)] if p), COMMENT_TEXT)
    return {
        # An id must match the LMS's exactly, so it is not cleaned: JSON escapes
        # its controls, and write_json replaces lone surrogates.
        "userId": user_ids.get(ident, ident),
        "scoreGiven": report["score"],
        "scoreMaximum": report["max_score"] or maximum or 0.0,
        "comment": comment,
        "timestamp": report["graded_at"],
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
    }
