"""Gradescope's autograder ``results.json``, built from a native report.

Format: Gradescope's "Autograder Specifications", section "Output format"
(gradescope-autograders.readthedocs.io/en/latest/specs/). What the grade means is
carried over:

- a test's visibility follows the test's own: the course's worked examples are
  ``visible``; hidden cases are ``after_due_date`` by default (students see them once
  the due date has passed) or ``hidden`` on request (never shown to students). The
  top-level ``score`` and ``visibility: visible`` keep the total shown either way;
- every text is plain text (``output_format``, ``test_output_format``,
  ``test_name_format`` and each test's ``output_format``/``name_format`` are ``text``):
  Gradescope's default renders HTML, and a student's ``<script>`` printed into a
  message must stay text. Every string is cleaned (``text.clean``) as well.

The top-level output names the sandbox that ran the student's code.
"""

from __future__ import annotations

from typing import Any, Literal

from ..results import HIDDEN_SHOWN
from ..text import clean

OUTPUT_TEXT = 20_000  # a test's message is ~2000 bytes; this bounds a tampered report
HiddenVisibility = Literal["after_due_date", "hidden"]
HIDDEN_DEFAULT: HiddenVisibility = "after_due_date"
PLAIN = "text"  # Gradescope's format for text shown as it is, never as HTML or Markdown


def to_gradescope(
    report: dict[str, Any], *, hidden: HiddenVisibility = HIDDEN_DEFAULT
) -> dict[str, Any]:
    """The results.json for one report; ``hidden`` is the visibility of hidden tests.

    A report graded with --show-hidden has the hidden cases' inputs and answers in its
    messages: its hidden tests are ``hidden`` whatever was asked, so no student sees them.
    """
    if str(report["message"]).endswith(HIDDEN_SHOWN):
        hidden = "hidden"
    tests = []
    for number, test in enumerate(report["tests"], start=1):
        output = test["message"] if test["status"] != "passed" else ""
        if test["hint"]:
            output += f"\nHint: {test['hint']}"
        tests.append(
            {
                "name": clean(test["name"], 200),
                "name_format": PLAIN,
                "number": str(number),
                "score": test["score"],
                "max_score": test["max_score"],
                "status": "passed" if test["status"] == "passed" else "failed",
                "output": clean(output, OUTPUT_TEXT).strip(),
                "output_format": PLAIN,
                # Anything but a test the report itself calls visible is hidden.
                "visibility": "visible" if test["visibility"] == "visible" else hidden,
                "tags": [clean(test["exercise"], 200)],
            }
        )
    return {
        "score": report["score"],
        "execution_time": report["duration_s"],
        "output": clean(_with_sandbox(report), OUTPUT_TEXT),
        "output_format": PLAIN,
        "test_output_format": PLAIN,
        "test_name_format": PLAIN,
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def _with_sandbox(report: dict[str, Any]) -> str:
    """The report's message, and the sandbox (isolation tier) that ran the student's code:
    results.json has no field of its own for it, and every report names it."""
    sandbox = report.get("sandbox", "none")
    if sandbox == "none":  # nothing ran: the message says why
        return str(report["message"])
    isolation = report.get("isolation") or {}
    tier = f" (tier {isolation['tier']}: {isolation['enforces']})" if isolation.get("tier") else ""
    return "\n".join(filter(None, (report["message"], f"Sandbox: {sandbox}{tier}")))
