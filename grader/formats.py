"""Writing a report in the format asked for: ours, or Gradescope's results.json."""

from __future__ import annotations

from typing import Literal

from .lms.gradescope import to_gradescope
from .report import write_json
from .results import Report

Format = Literal["native", "gradescope"]


def write_report(
    report: Report, *, output: str, fmt: Format = "native", compact: bool = False
) -> None:
    """Write the report in the chosen format, validated against its schema first."""
    indent = None if compact else 2
    document = report.to_dict()
    if fmt == "gradescope":
        write_json(to_gradescope(document), "gradescope", output, indent=indent)
    else:
        write_json(document, "report", output, indent=indent)
