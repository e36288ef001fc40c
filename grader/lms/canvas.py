"""Canvas gradebook CSV: identity columns, one assignment column, a Points Possible row.

Canvas matches rows to students by ID, SIS User ID or SIS Login ID. Without a
roster a submission's id is taken as the SIS Login ID; with a roster (for
example Canvas's own gradebook export) the column ``match`` of the roster
names the submission (``roster.pair``). Every roster student gets a row: one
without a submission gets ``missing`` (``0`` by default, or an empty cell: no
grade given), and is named in a warning. A submission the grader failed
on (``internal_error``) gets an empty cell and a warning, never a 0 over a real
grade. Every cell is cleaned and guarded against formula injection
(``text.csv_row``): an id or a roster name starting with ``=`` or ``@`` is text in
the spreadsheet, never a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ..text import csv_row
from .roster import pair, quoted

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
FAILED = "internal_error"  # the grader failed: there is no grade to give


def to_canvas_csv(
    reports: Mapping[str, dict[str, Any]],
    *,
    column: str,
    roster: Sequence[Mapping[str, str]] | None = None,
    match: str = "SIS Login ID",
    maximum: float | None = None,
    missing: str = "0",
) -> tuple[str, list[str]]:
    """The CSV text, and warnings about submissions and students that did not match.

    ``maximum`` is the Points Possible; by default the largest ``max_score`` of the
    reports. ``missing`` is the cell of a roster student without a submission.
    """
    warnings: list[str] = []
    rows: list[list[str]] = []
    if roster is None:
        rows = [[ident, "", "", ident, "", _cell(ident, r, warnings)]
                for ident, r in reports.items()]  # fmt: skip
    else:
        pairing = pair(reports, roster, match)
        absent = "left empty" if missing == "" else f"given {missing}"
        warnings = pairing.absent_warnings(match, f": {absent}") + pairing.unclaimed_warnings
        for student, ident in pairing.rows:
            identity = [student.get(c, "") for c in IDENTITY]
            cell = missing if ident is None else _cell(ident, reports[ident], warnings)
            rows.append([*identity, cell])
    if maximum is None:
        maximum = max((r["max_score"] for r in reports.values()), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_row([*IDENTITY, column]))
    writer.writerow(["    Points Possible", "", "", "", "", _points(maximum)])
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue(), warnings


def _cell(ident: str, report: Mapping[str, Any], warnings: list[str]) -> str:
    if report["status"] == FAILED:
        warnings.append(f"the grader failed on {quoted(ident)}: its cell is left empty; "
                        "grade it again")  # fmt: skip
        return ""
    return _points(report["score"])


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
