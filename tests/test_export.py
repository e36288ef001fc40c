"""LMS exports: each format parsed back (CSV, XML) or validated against its schema (JSON)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.report import validate

from .conftest import REFERENCE, STUB, grade_class


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {"ada.py": REFERENCE, "bo.py": STUB, "cy.py": "def relu(x)\n"}
    return grade_class(tmp_path_factory.mktemp("class"), files)


def export(*args: str):
    return CliRunner().invoke(main, ["export", *args])


def test_canvas_csv(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "grades.csv"
    assert export("--to", "canvas", str(reports), "-o", str(out)).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       "Forward propagation"]  # fmt: skip
    assert rows[1][0].strip() == "Points Possible" and rows[1][5] == "100"
    assert {r[3]: r[5] for r in rows[2:]} == {"ada": "100", "bo": "0", "cy": "0"}


def test_canvas_csv_with_a_roster(reports: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section,Forward propagation (77)\n"
        "    Points Possible,,,,,100\n"
        '"Lovelace, Ada",101,S1,ada,A,\n'
        '"Dee, Di",104,S4,di,B,\n'
    )
    out = tmp_path / "grades.csv"
    result = export("--to", "canvas", str(reports), "-o", str(out), "--roster", str(roster),
                    "--column", "Forward propagation (77)")  # fmt: skip
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    ada = {"Student": "Lovelace, Ada", "ID": "101", "SIS User ID": "S1", "SIS Login ID": "ada",
           "Section": "A", "Forward propagation (77)": "100"}  # fmt: skip
    assert rows[1] == ada
    assert "no submission for 'Dee, Di'" in result.stderr
    assert "submission 'bo' matches nobody" in result.stderr


def test_lti_scores_validate(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    assert export("--to", "lti", str(reports), "-o", str(out)).exit_code == 0
    scores = json.loads(out.read_text())
    validate(scores, "lti-scores")
    ada = next(s for s in scores if s["userId"] == "ada")
    assert ada["scoreGiven"] == 100 and ada["gradingProgress"] == "FullyGraded"
    assert "relu 10/10" in ada["comment"]


def test_gradescope_results_per_submission(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "gs"
    assert export("--to", "gradescope", str(reports), "-o", str(out)).exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["ada.json", "bo.json", "cy.json"]
    for path in out.iterdir():
        validate(json.loads(path.read_text()), "gradescope")


def test_junit_xml_parses(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    assert export("--to", "junit", str(reports), "-o", str(out)).exit_code == 0
    root = ET.parse(out).getroot()
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"ada", "bo", "cy"}
    assert suites["ada"].get("tests") == "44" and suites["ada"].get("failures") == "0"
    assert suites["bo"].get("failures") == "44"
    assert suites["cy"].get("errors") == "1"
    error = suites["cy"].find("testcase/error")
    assert error is not None and "SyntaxError" in (error.text or "")


def test_export_of_nothing_is_a_usage_error(tmp_path: Path) -> None:
    result = export("--to", "junit", str(tmp_path), "-o", str(tmp_path / "x.xml"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: no reports found")
