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
    reports: Mapping[str, dict[str, Any]], *, user_ids: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    scores = []
    for ident, report in reports.items():
        parts = [f"{e['name']} {e['score']:g}/{e['max_score']:g}" for e in report["exercises"]]
        first = (clean(report["message"], COMMENT_TEXT).splitlines() or [""])[0]
        comment = clean("; ".join(p for p in [first, ", ".join(parts)] if p), COMMENT_TEXT)
        scores.append(
            {
                # An id must match the LMS's exactly, so it is not cleaned: JSON escapes
                # its controls, and write_json replaces lone surrogates.
                "userId": (user_ids or {}).get(ident, ident),
                "scoreGiven": report["score"],
                "scoreMaximum": report["max_score"],
                "comment": comment,
                "timestamp": report["graded_at"],
                "activityProgress": "Completed",
                "gradingProgress": "FullyGraded",
            }
        )
    return scores
