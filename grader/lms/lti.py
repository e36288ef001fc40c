"""LTI 1.3 Assignment and Grade Services score objects, one per submission."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def to_lti_scores(
    reports: Mapping[str, dict[str, Any]], *, user_ids: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    scores = []
    for ident, report in reports.items():
        parts = [f"{e['name']} {e['score']:g}/{e['max_score']:g}" for e in report["exercises"]]
        comment = report["message"].splitlines()[0] if report["message"] else ""
        scores.append(
            {
                "userId": (user_ids or {}).get(ident, ident),
                "scoreGiven": report["score"],
                "scoreMaximum": report["max_score"],
                "comment": "; ".join(p for p in [comment, ", ".join(parts)] if p),
                "timestamp": report["graded_at"],
                "activityProgress": "Completed",
                "gradingProgress": "FullyGraded",
            }
        )
    return scores
