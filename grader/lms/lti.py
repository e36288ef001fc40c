"""LTI 1.3 Assignment and Grade Services: one Score object per submission.

Format: 1EdTech "LTI Assignment and Grade Services" 2.0, section 3.4 "Score publish
service" (www.imsglobal.org/spec/lti-ags/v2p0/#score-publish-service): the media type
``application/vnd.ims.lis.v1.score+json`` is one JSON object, POSTed once per user.

What the grade means is carried over in ``gradingProgress``:

- ``graded``: ``FullyGraded`` with ``scoreGiven``/``scoreMaximum``;
- ``error`` (the submission could not be graded: a syntax error, a folder without
  one file to grade): ``PendingManual``, no score: a person must look at it;
- ``internal_error`` (the grader failed): ``Failed`` ("the grading could not
  complete"), no score.

Neither of the last two carries a 0 a platform would take as the final grade over a
real one. ``timestamp`` is ISO 8601 with sub-second precision and a time zone, as
the spec asks (platforms order scores by it). The comment is shown to students and
instructors in the LMS: it is cleaned (``text.clean``) and kept short. The user id
is an identifier, matched exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..text import clean

COMMENT_TEXT = 1000
MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"
PROGRESS = {"graded": "FullyGraded", "error": "PendingManual", "internal_error": "Failed"}


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
    progress = PROGRESS.get(report["status"], "Failed")
    parts = [f"{e['name']} {e['score']:g}/{e['max_score']:g}" for e in report["exercises"]]
    first = (clean(report["message"], COMMENT_TEXT).splitlines() or [""])[0]
    if progress == "PendingManual":
        first = f"Not graded (the submission could not be graded): {first}"
    elif progress == "Failed":
        first = f"Not graded (the grader failed; it will be regraded): {first}"
    comment = clean("; ".join(p for p in [first, ", ".join(parts)] if p), COMMENT_TEXT)
    score: dict[str, Any] = {
        # An id must match the LMS's exactly, so it is not cleaned: JSON escapes
        # its controls, and write_json replaces lone surrogates.
        "userId": user_ids.get(ident, ident),
    }
    if progress == "FullyGraded":
        score["scoreGiven"] = report["score"]
        score["scoreMaximum"] = report["max_score"] or maximum or 0.0
    score.update(
        comment=comment,
        timestamp=timestamp(report["graded_at"]),
        activityProgress="Completed",
        gradingProgress=progress,
    )
    return score


def timestamp(graded_at: str) -> str:
    """A report's ``graded_at`` as AGS wants it: ISO 8601, milliseconds, a time zone.

    A time without a zone is taken as UTC (the grader writes UTC); one that does not
    parse is left as it is, for the schema to refuse.
    """
    try:
        when = dt.datetime.fromisoformat(graded_at.replace("Z", "+00:00"))
    except ValueError:
        return graded_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.isoformat(timespec="milliseconds")
