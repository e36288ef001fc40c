"""Canvas gradebook CSV: identity columns, one assignment column, a Points Possible row.

Canvas matches rows to students by ID, SIS User ID or SIS Login ID. Without a
roster a submission's id is taken as the SIS Login ID; with a roster (for
example Canvas's own gradebook export) the column ``match`` of the roster
names the submission (``roster.pair``). Every cell is cleaned and guarded
against formula injection (``text.csv_row``): an id or a roster name starting
with ``=`` or ``@`` is text in the spreadsheet, never a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ..text import csv_row
from .roster import pair

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def to_canvas_csv(
    reports: Mapping[str, dict[str, Any]],
    *,
    column: str,
    roster: Sequence[Mapping[str, str]] | None = None,
    match: str = "SIS Login ID",
    maximum: float | None = None,
) -> tuple[str, list[str]]:
    """The CSV text, and warnings about submissions and students that did not match.

    ``maximum`` is the Points Possible; by default the largest ``max_score`` of the reports.
    """
    warnings: list[str] = []
    rows: list[list[str]] = []
    if roster is None:
        rows = [[ident, "", "", ident, "", _points(r["score"])] for ident, r in reports.items()]
    else:
        pairing = pair(reports, roster, match)
        warnings = pairing.warnings
        rows = [[student.get(c, "") for c in IDENTITY] + [_points(reports[ident]["score"])]
                for student, ident in pairing.pairs]  # fmt: skip
    if maximum is None:
        maximum = max((r["max_score"] for r in reports.values()), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_row([*IDENTITY, column]))
    writer.writerow(["    Points Possible", "", "", "", "", _points(maximum)])
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue(), warnings


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
