"""JUnit XML, one testsuite per submission, as CI systems and GitHub Classroom read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

FAILURE = {"failed", "timeout", "not_implemented"}


def to_junit(reports: Mapping[str, dict[str, Any]], *, name: str) -> str:
    root = ET.Element("testsuites", name=name)
    for ident, report in reports.items():
        tests = report["tests"] or [_whole_submission(report)]
        suite = ET.SubElement(
            root, "testsuite", name=ident,
            tests=str(len(tests)),
            failures=str(sum(t["status"] in FAILURE for t in tests)),
            errors=str(sum(t["status"] == "error" for t in tests)),
            skipped="0",
            time=f"{report['duration_s']:.3f}",
            timestamp=report["graded_at"].rstrip("Z"),
        )  # fmt: skip
        for test in tests:
            case = ET.SubElement(suite, "testcase", name=test["name"],
                                 classname=f"{ident}.{test['exercise']}",
                                 time=f"{test['duration_s']:.4f}")  # fmt: skip
            if test["status"] == "passed":
                continue
            kind = "error" if test["status"] == "error" else "failure"
            text = test["message"] + (f"\nHint: {test['hint']}" if test.get("hint") else "")
            element = ET.SubElement(case, kind, message=test["message"].splitlines()[0][:500],
                                    type=test["status"])  # fmt: skip
            element.text = text
        if report["stdout"]:
            ET.SubElement(suite, "system-out").text = report["stdout"]
        if report["stderr"]:
            ET.SubElement(suite, "system-err").text = report["stderr"]
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _whole_submission(report: dict[str, Any]) -> dict[str, Any]:
    """A submission that could not be graded becomes one erroring test."""
    return {"name": "load submission", "exercise": "submission", "status": "error",
            "message": report["message"] or report["status"], "hint": None,
            "duration_s": report["duration_s"]}  # fmt: skip
