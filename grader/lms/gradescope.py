"""Gradescope's autograder ``results.json``, built from a native report.

Hidden tests keep Gradescope visibility ``visible``: their native messages
already reveal neither inputs nor expected values, and students learn which
exercise lost points. Every string is cleaned (``text.clean``): Gradescope shows
them to students. The output names the sandbox that ran the student's code.
"""

from __future__ import annotations

from typing import Any

from ..text import clean

OUTPUT_TEXT = 20_000  # a test's message is ~2000 bytes; this bounds a tampered report


def to_gradescope(report: dict[str, Any]) -> dict[str, Any]:
    tests = []
    for number, test in enumerate(report["tests"], start=1):
        output = test["message"] if test["status"] != "passed" else ""
        if test["hint"]:
            output += f"\nHint: {test['hint']}"
        tests.append(
            {
                "name": clean(test["name"], 200),
                "number": str(number),
                "score": test["score"],
                "max_score": test["max_score"],
                "status": "passed" if test["status"] == "passed" else "failed",
                "output": clean(output, OUTPUT_TEXT).strip(),
                "visibility": "visible",
                "tags": [clean(test["exercise"], 200)],
            }
        )
    return {
        "score": report["score"],
        "execution_time": report["duration_s"],
        "output": clean(_with_sandbox(report), OUTPUT_TEXT),
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
