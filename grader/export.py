"""Turn native reports into the files learning-management systems import.

``canvas`` (gradebook CSV), ``lti`` (AGS score objects, JSON), ``gradescope``
(one results.json per submission, in a folder) and ``junit`` (XML). JSON
outputs are validated against their schemas before they are written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from .errors import GraderError, UsageError
from .grade import load_assignment
from .lms.canvas import to_canvas_csv
from .lms.gradescope import to_gradescope
from .lms.junit import to_junit
from .lms.lti import to_lti_scores
from .report import validate, write_json, write_text

Target = Literal["canvas", "lti", "gradescope", "junit"]


def load_reports(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Reports by submission id: files as given, and every report in a folder."""
    reports: dict[str, dict[str, Any]] = {}
    for path in paths:
        if path.is_dir():
            for item in sorted(path.glob("*.json")):
                if not item.name.startswith("summary"):
                    _add(reports, item, strict=False)
        else:
            _add(reports, path, strict=True)
    if not reports:
        raise UsageError("no reports found in " + ", ".join(map(str, paths)))
    return reports


def _add(reports: dict[str, dict[str, Any]], path: Path, *, strict: bool) -> None:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        validate(report, "report")
    except (OSError, ValueError, GraderError) as exc:
        if strict:
            raise UsageError(f"{path} is not a valid report ({exc})") from None
        return
    ident = path.stem
    if ident in ("report", "results"):  # a single run's default name: use the submission's
        ident = Path(report["submission"]["path"]).stem
    reports.setdefault(ident, report)


def read_roster(path: Path, match: str) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise UsageError(f"cannot read roster {path}: {exc.strerror or exc}") from None
    if rows and match not in rows[0]:
        raise UsageError(f"the roster has no column {match!r}")
    return [r for r in rows if not (r.get("Student") or "").strip().startswith("Points Possible")]


def export(
    *,
    to: Target,
    reports: Sequence[Path],
    output: str,
    roster: Path | None = None,
    match: str = "SIS Login ID",
    column: str | None = None,
) -> tuple[int, list[str]]:
    """Write ``output`` in format ``to``; return how many submissions, and warnings."""
    loaded = load_reports(reports)
    students = read_roster(roster, match) if roster else None
    warnings: list[str] = []
    if to == "canvas":
        title = column or _title(next(iter(loaded.values()))["assignment"])
        text, warnings = to_canvas_csv(loaded, column=title, roster=students, match=match)
        write_text(text, output)
    elif to == "lti":
        ids = {r[match]: r.get("ID") or r[match] for r in students} if students else None
        write_json(to_lti_scores(loaded, user_ids=ids), "lti-scores", output)
    elif to == "junit":
        write_text(to_junit(loaded, name=next(iter(loaded.values()))["assignment"]), output)
    else:
        folder = Path(output)
        for ident, report in loaded.items():
            write_json(to_gradescope(report), "gradescope", str(folder / f"{ident}.json"))
    return len(loaded), warnings


def _title(assignment: str) -> str:
    """The assignment's title for a new Canvas column, or its name if it is not installed."""
    try:
        return load_assignment(assignment).title
    except UsageError:
        return assignment
