"""JUnit XML, one testsuite per submission, as CI systems and GitHub Classroom read it.

ElementTree escapes markup but not characters XML 1.0 forbids (NUL, most C0
controls, lone surrogates, U+FFFE): every string goes through ``text.clean``
first, which removes exactly those, so the file always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from ..text import clean

FAILURE = {"failed", "timeout", "not_implemented"}
NAME_TEXT = 200  # names and attribute messages
BODY_TEXT = 20_000  # a failure's text, or a submission's output (kept to 4 KB anyway)


def to_junit(reports: Mapping[str, dict[str, Any]], *, name: str) -> str:
    root = ET.Element("testsuites", name=clean(name, NAME_TEXT))
    for ident, report in reports.items():
        tests = report["tests"] or [_whole_submission(report)]
        suite = ET.SubElement(
            root, "testsuite", name=clean(ident, NAME_TEXT),
            tests=str(len(tests)),
            failures=str(sum(t["status"] in FAILURE for t in tests)),
            errors=str(sum(t["status"] == "error" for t in tests)),
            skipped="0",
            time=f"{report['duration_s']:.3f}",
            timestamp=clean(report["graded_at"], NAME_TEXT).rstrip("Z"),
        )  # fmt: skip
        for test in tests:
            case = ET.SubElement(suite, "testcase", name=clean(test["name"], NAME_TEXT),
                                 classname=clean(f"{ident}.{test['exercise']}", NAME_TEXT),
                                 time=f"{test['duration_s']:.4f}")  # fmt: skip
            if test["status"] == "passed":
                continue
            kind = "error" if test["status"] == "error" else "failure"
            message = clean(test["message"], BODY_TEXT)
            hint = f"\nHint: {clean(test['hint'], BODY_TEXT)}" if test.get("hint") else ""
            first = (message.splitlines() or [""])[0]
            element = ET.SubElement(case, kind, message=clean(first, NAME_TEXT),
                                    type=clean(test["status"], NAME_TEXT))  # fmt: skip
            element.text = message + hint
        for stream, tag in (("stdout", "system-out"), ("stderr", "system-err")):
            if report[stream]:
                ET.SubElement(suite, tag).text = clean(report[stream], BODY_TEXT)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _whole_submission(report: dict[str, Any]) -> dict[str, Any]:
    """A submission that could not be graded becomes one erroring test."""
    return {"name": "load submission", "exercise": "submission", "status": "error",
            "message": report["message"] or report["status"], "hint": None,
            "duration_s": report["duration_s"]}  # fmt: skip
