"""Canvas gradebook CSV: identity columns, one assignment column, a Points Possible row.

Canvas matches rows to students by ID, SIS User ID or SIS Login ID. Without a
roster a submission's id is taken as the SIS Login ID; with a roster (for
example Canvas's own gradebook export) the column ``match`` of the roster
names the submission. Every cell is cleaned and guarded against formula
injection (``text.csv_row``): an id or a roster name starting with ``=`` or
``@`` is text in the spreadsheet, never a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ..text import clean, csv_row

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def to_canvas_csv(
    reports: Mapping[str, dict[str, Any]],
    *,
    column: str,
    roster: Sequence[Mapping[str, str]] | None = None,
    match: str = "SIS Login ID",
) -> tuple[str, list[str]]:
    """The CSV text, and warnings about submissions and students that did not match."""
    warnings: list[str] = []
    rows: list[list[str]] = []
    if roster is None:
        for ident, report in reports.items():
            rows.append([ident, "", "", ident, "", _points(report["score"])])
    else:
        matched = set()
        for student in roster:
            key = student.get(match, "").strip()
            found = reports.get(key)
            if found is None:
                warnings.append(f"no submission for {_quoted(student.get('Student') or key)}")
                continue
            matched.add(key)
            rows.append([student.get(c, "") for c in IDENTITY] + [_points(found["score"])])
        warnings += [f"submission {_quoted(i)} matches nobody in the roster" for i in reports
                     if i not in matched]  # fmt: skip
    maximum = max((r["max_score"] for r in reports.values()), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_row([*IDENTITY, column]))
    writer.writerow(["    Points Possible", "", "", "", "", _points(maximum)])
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue(), warnings


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _quoted(name: str) -> str:
    """A name in a warning, which goes to the terminal: cleaned, short, quoted."""
    return repr(clean(name, 100))
