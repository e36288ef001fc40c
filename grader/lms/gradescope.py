"""Gradescope's autograder ``results.json``, built from a native report.

Hidden tests keep Gradescope visibility ``visible``: their native messages
already reveal neither inputs nor expected values, and students learn which
exercise lost points.
"""

from __future__ import annotations

from typing import Any


def to_gradescope(report: dict[str, Any]) -> dict[str, Any]:
    tests = []
    for number, test in enumerate(report["tests"], start=1):
        output = test["message"] if test["status"] != "passed" else ""
        if test["hint"]:
            output += f"\nHint: {test['hint']}"
        tests.append(
            {
                "name": test["name"],
                "number": str(number),
                "score": test["score"],
                "max_score": test["max_score"],
                "status": "passed" if test["status"] == "passed" else "failed",
                "output": output.strip(),
                "visibility": "visible",
                "tags": [test["exercise"]],
            }
        )
    return {
        "score": report["score"],
        "execution_time": report["duration_s"],
        "output": report["message"],
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
