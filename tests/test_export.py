"""LMS exports: each format parsed back (CSV, XML) or validated against its schema (JSON).

One student never breaks a class: an ungradable report, a file that is not a
report, or a duplicate id costs only its own row, and is said in a warning.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.errors import UsageError
from grader.export import export as export_reports
from grader.grade import grade_submission
from grader.report import validate, write_json

from .conftest import FAST, REFERENCE, STUB

ROSTER = (
    "Student,ID,SIS User ID,SIS Login ID,Section,Forward propagation (77)\n"
    "    Points Possible,,,,,100\n"
    '"Lovelace, Ada",101,S1,ada,A,\n'
    '"Dee, Di",104,S4,di,B,\n'
)


def grade_into(folder: Path, files: dict[str, str]) -> Path:
    """Grade each source (library call, process sandbox) into ``folder/<id>.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in files.items():
        path = folder.parent / name
        path.write_text(source)
        report = grade_submission(path=path, sandbox="process", limits=FAST)
        write_json(report, "report", str(folder / f"{path.stem}.json"))
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {"ada.py": REFERENCE, "bo.py": STUB, "cy.py": "def relu(x)\n"}
    return grade_into(tmp_path_factory.mktemp("class") / "reports", files)


@pytest.fixture
def old_reports(reports: Path, tmp_path: Path) -> Path:
    """The class as an older grader wrote it: the ungradable report says max_score 0."""
    folder = Path(shutil.copytree(reports, tmp_path / "old"))
    cy = json.loads((folder / "cy.json").read_text())
    assert cy["status"] == "error"
    cy["max_score"] = 0.0
    (folder / "cy.json").write_text(json.dumps(cy))
    return folder


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
    roster.write_text(ROSTER)
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


def test_the_count_is_the_rows_written(reports: Path, tmp_path: Path) -> None:
    """Used to say 3 (the reports read) when the roster let 1 row be written. Canvas
    writes a row per roster student (Dee has none: a 0); LTI posts only real students."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    for to, rows in (("canvas", 2), ("lti", 1)):
        count, warnings = export_reports(to=to, reports=[reports], output=str(tmp_path / to),
                                         roster=roster)  # fmt: skip
        assert count == rows, to
        assert sum("matches nobody" in w for w in warnings) == 2
    grades = list(csv.DictReader(io.StringIO((tmp_path / "canvas").read_text())))[1:]
    assert len(grades) == 2
    [score] = [json.loads(p.read_text()) for p in (tmp_path / "lti").iterdir()]
    assert score["userId"] == "101"  # the roster's Canvas ID, not the name


@pytest.mark.parametrize("to", ["canvas", "lti"])
def test_a_roster_column_that_matches_nobody_is_a_usage_error(
    to: str, reports: Path, tmp_path: Path
) -> None:
    """Used to write an empty gradebook, say "3 submissions exported" and exit 0."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)
    out = tmp_path / "out"
    with pytest.raises(UsageError) as caught:
        export_reports(to=to, reports=[reports], output=str(out), roster=roster,
                       match="SIS User ID")  # fmt: skip
    message = str(caught.value)
    assert "'SIS User ID'" in message and "'S1'" in message and "'ada'" in message
    assert "--match-column 'SIS Login ID'" in message  # the column that would have matched
    assert not out.exists()


def test_lti_scores_validate(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores"
    assert export("--to", "lti", str(reports), "-o", str(out)).exit_code == 0
    scores = {p.stem: json.loads(p.read_text()) for p in out.iterdir()}
    assert set(scores) == {"ada", "bo", "cy"}  # one Score object per student, a file each
    validate(list(scores.values()), "lti-scores")
    ada = scores["ada"]
    assert ada["scoreGiven"] == 100 and ada["gradingProgress"] == "FullyGraded"
    assert "relu 10/10" in ada["comment"]


def test_an_old_ungradable_report_is_not_posted_as_a_zero(old_reports: Path, tmp_path: Path) -> None:
    """Used to fail the whole class with "scoreMaximum: 0.0", writing nothing; then
    posted the unreadable submission as FullyGraded 0 (out of the class maximum)."""
    out = tmp_path / "scores.jsonl"
    count, warnings = export_reports(to="lti", reports=[old_reports], output=str(out))
    assert count == 3
    assert warnings == ["'cy' is not graded (it could not be graded): exported as "
                        "gradingProgress PendingManual, without a score"]  # fmt: skip
    cy = next(json.loads(line) for line in out.read_text().splitlines() if '"cy"' in line)
    assert cy["gradingProgress"] == "PendingManual"
    assert "scoreGiven" not in cy and "scoreMaximum" not in cy
    alone = old_reports / "alone"
    alone.mkdir()
    shutil.copy(old_reports / "cy.json", alone / "cy.json")  # no graded report to ask
    assert export_reports(to="lti", reports=[alone], output=str(out))[0] == 1
    rows = list(csv.reader(io.StringIO(_canvas_of(alone, tmp_path))))
    assert rows[1][5] == "100"  # Points Possible: the assignment's own


def _canvas_of(folder: Path, tmp_path: Path) -> str:
    out = tmp_path / "canvas-of.csv"
    export_reports(to="canvas", reports=[folder], output=str(out))
    return out.read_text()


def test_old_ungradable_reports_in_every_format(old_reports: Path, tmp_path: Path) -> None:
    for to in ("canvas", "lti", "gradescope", "junit"):
        count, _ = export_reports(to=to, reports=[old_reports], output=str(tmp_path / to))
        assert count == 3, to
    rows = list(csv.reader(io.StringIO((tmp_path / "canvas").read_text())))
    assert rows[1][5] == "100"  # Points Possible, whichever report comes first


def test_scores_nobody_can_post_are_a_usage_error(old_reports: Path, tmp_path: Path) -> None:
    cy = json.loads((old_reports / "cy.json").read_text())
    cy["assignment"] = "not-installed-anywhere"
    cy["status"] = "graded"  # a score to post, out of 0 points: nobody can post it
    lone = tmp_path / "cy.json"
    lone.write_text(json.dumps(cy))
    with pytest.raises(UsageError, match="no score could be exported: left out 'cy'"):
        export_reports(to="lti", reports=[lone], output=str(tmp_path / "scores.json"))
    assert not (tmp_path / "scores.json").exists()


def test_a_file_that_is_not_a_report_costs_only_itself(reports: Path, tmp_path: Path) -> None:
    folder = Path(shutil.copytree(reports, tmp_path / "class"))
    (folder / "dee.json").write_text('{"score": "lots"}')
    (folder / "summary.json").write_text("[]")  # what a batch writes beside the reports
    count, warnings = export_reports(to="junit", reports=[folder], output=str(tmp_path / "j.xml"))
    assert count == 3
    assert len(warnings) == 1 and "dee.json: not a valid report" in warnings[0]


def test_duplicate_ids_are_reported_not_merged(reports: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    again.mkdir()
    bo = json.loads((reports / "bo.json").read_text())
    (again / "ada.json").write_text(json.dumps(bo))  # a different ada, scoring 0
    out = tmp_path / "grades.csv"
    count, warnings = export_reports(to="canvas", reports=[reports, again], output=str(out))
    assert count == 3
    [warning] = warnings
    assert "two reports for 'ada'" in warning and str(again / "ada.json") in warning
    assert "score 100" in warning and "score 0" in warning
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert {r[3]: r[5] for r in rows[2:]}["ada"] == "100"  # the first, as the warning says


def test_gradescope_results_per_submission(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "gs"
    assert export("--to", "gradescope", str(reports), "-o", str(out)).exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["ada.json", "bo.json", "cy.json"]
    for path in out.iterdir():
        validate(json.loads(path.read_text()), "gradescope")


def test_gradescope_one_report_to_a_json_file(reports: Path, tmp_path: Path) -> None:
    """Used to create a folder named results.json."""
    out = tmp_path / "results.json"
    count, _ = export_reports(to="gradescope", reports=[reports / "ada.json"], output=str(out))
    assert count == 1 and out.is_file()
    validate(json.loads(out.read_text()), "gradescope")


def test_gradescope_several_reports_need_a_folder(reports: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"3 reports .* -o must be a folder"):
        export_reports(to="gradescope", reports=[reports], output=str(tmp_path / "results.json"))
    taken = tmp_path / "gradescope"
    taken.write_text("")
    with pytest.raises(UsageError, match="is a file"):
        export_reports(to="gradescope", reports=[reports], output=str(taken))
    assert not (tmp_path / "results.json").exists() and taken.read_text() == ""


def test_junit_xml_parses(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    assert export("--to", "junit", str(reports), "-o", str(out)).exit_code == 0
    root = ET.parse(out).getroot()
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"ada", "bo", "cy"}
    tests = str(len(json.loads((reports / "ada.json").read_text())["tests"]))
    assert suites["ada"].get("tests") == tests and suites["ada"].get("failures") == "0"
    assert suites["bo"].get("failures") == tests
    assert suites["cy"].get("errors") == "1"
    error = suites["cy"].find("testcase/error")
    assert error is not None and "SyntaxError" in (error.text or "")


def test_export_of_nothing_is_a_usage_error(tmp_path: Path) -> None:
    result = export("--to", "junit", str(tmp_path), "-o", str(tmp_path / "x.xml"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: no reports found")
