"""JUnit XML, one testsuite per submission, as CI systems and GitHub Classroom read it.

There is no single JUnit format: the file is valid against both published schemas,
Jenkins' (junit-4.xsd, from Jenkins' dtkit, as JUnit 5 tests against it) and the
stricter one of Apache Ant's JUnit task (windyroad's JUnit.xsd). So each testsuite
carries what Ant requires (``id``, ``package``, ``hostname``, a zone-less ``timestamp``
to the second, ``properties`` with at least one ``property`` as Jenkins requires, and
``system-out``/``system-err``, even empty), in Ant's order, and ``testsuites`` carries
no attribute (Ant declares none). A testcase has at most one ``failure`` or ``error``,
whose ``type`` is always set.

ElementTree escapes markup but not characters XML 1.0 forbids (NUL, most C0
controls, lone surrogates, U+FFFE): every string goes through ``text.clean``
first, which removes exactly those, so the file always parses.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from ..text import clean

FAILURE = {"failed", "timeout", "not_implemented"}
NAME_TEXT = 200  # names and attribute messages
BODY_TEXT = 20_000  # a failure's text, or a submission's output (kept to 4 KB anyway)
HOSTNAME = "localhost"  # Ant's word for "not known": reports do not say where they ran


def to_junit(reports: Mapping[str, dict[str, Any]], *, name: str) -> str:
    """The XML text; ``name`` (the assignment) is each suite's ``package``."""
    root = ET.Element("testsuites")
    for number, (ident, report) in enumerate(reports.items()):
        tests = report["tests"] or [_whole_submission(report)]
        suite = ET.SubElement(
            root, "testsuite", name=_token(ident),
            tests=str(len(tests)),
            failures=str(sum(t["status"] in FAILURE for t in tests)),
            errors=str(sum(t["status"] == "error" for t in tests)),
            skipped="0",
            time=f"{report['duration_s']:.3f}",
            timestamp=_timestamp(report["graded_at"]),
            hostname=HOSTNAME,
            id=str(number),
            package=_token(report.get("assignment") or name),
        )  # fmt: skip
        properties = ET.SubElement(suite, "properties")
        for key in ("assignment", "status", "score", "max_score", "seed", "grader_version"):
            value = report.get(key)
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            ET.SubElement(properties, "property", name=key, value=clean(shown, NAME_TEXT))
        for test in tests:
            case = ET.SubElement(suite, "testcase", name=_token(test["name"]),
                                 classname=_token(f"{ident}.{test['exercise']}"),
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
            ET.SubElement(suite, tag).text = clean(report[stream], BODY_TEXT)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _token(text: str) -> str:
    """A name as an xs:token that is never empty (Ant requires a name)."""
    return " ".join(clean(text, NAME_TEXT).split()) or "unnamed"


def _timestamp(graded_at: str) -> str:
    """``graded_at`` in UTC, to the second, without a zone: Ant's timestamp pattern."""
    try:
        when = dt.datetime.fromisoformat(graded_at.replace("Z", "+00:00"))
    except ValueError:
        when = dt.datetime.fromtimestamp(0, dt.UTC)  # a tampered report: still a valid file
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.isoformat(timespec="seconds")


def _whole_submission(report: dict[str, Any]) -> dict[str, Any]:
    """A submission that could not be graded becomes one erroring test."""
    return {"name": "load submission", "exercise": "submission", "status": "error",
            "message": report["message"] or report["status"], "hint": None,
            "duration_s": report["duration_s"]}  # fmt: skip
