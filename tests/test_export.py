"""LMS exports: each format parsed back (CSV, XML) or validated against its schema (JSON).

One student never breaks a class: an ungradable report, a file that is not a
report, or a duplicate id costs only its own row, and is said in a warning.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.errors import UsageError
from grader.export import export as export_reports
from grader.grade import failed_report, grade_submission
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


def test_an_old_ungradable_report_is_not_posted_as_a_zero(
    old_reports: Path, tmp_path: Path
) -> None:
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


# ------------------------------------------------------------------ each format's own document
# The schemas under tests/schemas restate each system's published format (their sources
# are named in each file); what we write must pass them, not only our own schemas.

SCHEMAS = Path(__file__).parent / "schemas"
SCRIPT = "<script>alert('pwned')</script>"


def published(name: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads((SCHEMAS / name).read_text()))


def assert_valid(validator: Any, document: Any) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == [], errors


@pytest.fixture(scope="module")
def whole_class(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ada (full marks), bo (stub), cy (syntax error), dan (prints and raises a <script>),
    and eve, on whom the grader failed (internal_error)."""
    folder = Path(shutil.copytree(reports, tmp_path_factory.mktemp("whole") / "reports"))
    hostile = f"def relu(x):\n    print({SCRIPT!r})\n    raise ValueError({SCRIPT!r})\n"
    grade_into(folder, {"dan.py": hostile})
    eve = failed_report(path=Path("eve.py"), message="grader broke: RuntimeError",
                        assignment="forward", seed=0, max_score=100.0)  # fmt: skip
    write_json(eve.to_dict(), "report", str(folder / "eve.json"))
    return folder


def test_gradescope_follows_the_published_format_and_keeps_hidden_tests_hidden(
    whole_class: Path, tmp_path: Path
) -> None:
    gradescope = published("gradescope-results.schema.json")
    for option, hidden in (([], "after_due_date"), (["--hidden-tests", "hidden"], "hidden")):
        out = tmp_path / hidden
        result = export("--to", "gradescope", str(whole_class), "-o", str(out), *option)
        assert result.exit_code == 0, result.output
        for path in out.iterdir():
            results = json.loads(path.read_text())
            assert_valid(gradescope, results)
            report = json.loads((whole_class / path.name).read_text())
            assert results["score"] == report["score"]  # the total is shown...
            assert results["visibility"] == "visible"
            kinds = [t["visibility"] for t in report["tests"]]
            assert [t["visibility"] for t in results["tests"]] == [
                "visible" if kind == "visible" else hidden for kind in kinds
            ]  # ...each test as visible as the report says, never more
            if path.stem == "ada":
                assert "hidden" in kinds and "visible" in kinds


def test_gradescope_shows_a_students_script_as_text(whole_class: Path, tmp_path: Path) -> None:
    out = tmp_path / "dan.json"
    count, _ = export_reports(to="gradescope", reports=[whole_class / "dan.json"], output=str(out))
    results = json.loads(out.read_text())
    assert count == 1
    formats = {results[k] for k in ("output_format", "test_output_format", "test_name_format")}
    assert formats == {"text"}
    assert {t["output_format"] for t in results["tests"]} == {"text"}
    assert {t["name_format"] for t in results["tests"]} == {"text"}
    shown = [t["output"] for t in results["tests"] if SCRIPT in t["output"]]
    assert shown, "the student's text is kept, as text"


def test_lti_scores_follow_the_score_media_type(whole_class: Path, tmp_path: Path) -> None:
    score = published("lti-ags-score.schema.json")
    lines = tmp_path / "scores.jsonl"
    count, warnings = export_reports(to="lti", reports=[whole_class], output=str(lines))
    objects = [json.loads(line) for line in lines.read_text().splitlines()]
    assert count == len(objects) == 5
    for item in objects:
        assert_valid(score, item)
        when = dt.datetime.fromisoformat(item["timestamp"])
        assert when.utcoffset() is not None and "." in item["timestamp"]  # zone, sub-second
    by_user = {item["userId"]: item for item in objects}
    assert by_user["ada"]["gradingProgress"] == "FullyGraded"
    assert by_user["ada"]["scoreGiven"] == 100 and by_user["ada"]["scoreMaximum"] == 100
    assert by_user["bo"]["gradingProgress"] == "FullyGraded" and by_user["bo"]["scoreGiven"] == 0
    # Never a 0 that would overwrite a real grade: what could not be graded says so.
    assert by_user["eve"]["gradingProgress"] == "Failed"
    assert by_user["cy"]["gradingProgress"] == "PendingManual"
    for ident in ("eve", "cy"):
        assert "scoreGiven" not in by_user[ident]
        assert any(w.startswith(f"'{ident}' is not graded") for w in warnings)
    folder = tmp_path / "scores"
    assert export_reports(to="lti", reports=[whole_class], output=str(folder))[0] == 5
    files = {p.stem: json.loads(p.read_text()) for p in folder.iterdir()}
    assert files == {item["userId"]: item for item in objects}  # a Score per file, no array
    one = tmp_path / "ada.json"
    export_reports(to="lti", reports=[whole_class / "ada.json"], output=str(one))
    assert json.loads(one.read_text()) == by_user["ada"]
    with pytest.raises(UsageError, match=r"a folder .* or a \.jsonl file"):
        export_reports(to="lti", reports=[whole_class], output=str(tmp_path / "all.json"))
    assert not (tmp_path / "all.json").exists()


def canvas_gradebook_problems(text: str, column: str) -> list[str]:
    """What Canvas's gradebook import refuses or misreads, per its guide ("How do I import
    grades in the Gradebook?", Canvas Instructor Guide): the first row names the columns
    Student, ID, SIS User ID, SIS Login ID, Section, then one column per assignment; an
    optional second row whose Student cell is "Points Possible" gives the maximum; every
    student row names the student by ID, SIS User ID or SIS Login ID; a grade is a number
    or empty."""
    rows = list(csv.reader(io.StringIO(text)))
    problems = []
    if rows[0][:5] != ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]:
        problems.append(f"header {rows[0][:5]}")
    if column not in rows[0][5:]:
        problems.append(f"no column {column!r}")
    index = rows[0].index(column) if column in rows[0] else 5
    students = rows[1:]
    if students and students[0][0].strip() == "Points Possible":
        students = students[1:]
    for row in students:
        if len(row) != len(rows[0]):
            problems.append(f"row of {len(row)} cells: {row}")
            continue
        if not any(row[1:4]):
            problems.append(f"no ID, SIS User ID or SIS Login ID: {row}")
        cell = row[index]
        if cell and not re.fullmatch(r"\d+(\.\d+)?", cell):
            problems.append(f"grade {cell!r} is not a number")
    return problems


def test_canvas_gives_every_roster_student_a_row(whole_class: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER + "Eve,105,S5,eve,B,\nZed,106,S6,zed,B,\n")
    column = "Forward propagation (77)"
    for option, absent in (([], "0"), (["--missing", "empty"], ""), (["--missing", "1.5"], "1.5")):
        out = tmp_path / "grades.csv"
        result = export("--to", "canvas", str(whole_class), "-o", str(out), "--roster",
                        str(roster), "--column", column, *option)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert canvas_gradebook_problems(out.read_text(), column) == []
        grades = {
            r["SIS Login ID"]: r[column] for r in csv.DictReader(io.StringIO(out.read_text()))
        }
        assert grades == {"": "100", "ada": "100", "di": absent, "eve": "", "zed": absent}
        said = "left empty" if absent == "" else f"given {absent}"
        for name in ("Dee, Di", "Zed"):  # each named in a warning
            assert f"no submission for '{name}': {said}" in result.stderr
        assert "the grader failed on 'eve': its cell is left empty" in result.stderr
        assert "4 rows exported" in result.stderr  # every roster student has a row
    bad = export("--to", "canvas", str(whole_class), "-o", str(tmp_path / "x.csv"),
                 "--missing", "lots")  # fmt: skip
    assert bad.exit_code == 2 and "--missing 'lots'" in bad.stderr


def test_canvas_without_a_roster_follows_the_import_format(whole_class: Path, tmp_path: Path):
    out = tmp_path / "grades.csv"
    export_reports(to="canvas", reports=[whole_class], output=str(out), column="Forward (1)")
    assert canvas_gradebook_problems(out.read_text(), "Forward (1)") == []


def test_junit_is_valid_for_jenkins_and_for_ant(whole_class: Path, tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema", reason="pip install -e '.[dev]'")
    out = tmp_path / "junit.xml"
    assert export("--to", "junit", str(whole_class), "-o", str(out)).exit_code == 0
    for name in ("junit-jenkins.xsd", "junit-ant.xsd"):
        schema = xmlschema.XMLSchema(str(SCHEMAS / name))
        errors = [str(e.reason) for e in schema.iter_errors(str(out))]
        assert errors == [], (name, errors[:3])
    suites = {s.get("name"): s for s in ET.parse(out).getroot().iter("testsuite")}
    assert set(suites) == {"ada", "bo", "cy", "dan", "eve"}
    assert suites["eve"].get("errors") == "1"


def test_the_junit_schemas_refuse_what_they_should(tmp_path: Path) -> None:
    """The restated schemas are not vacuous: the old export's shape fails Ant's."""
    xmlschema = pytest.importorskip("xmlschema", reason="pip install -e '.[dev]'")
    old = ('<testsuites name="x"><testsuite name="a" tests="1" failures="0" errors="0" '
           'time="0.1" timestamp="2026-01-01T00:00:00"><testcase name="t" classname="a.t" '
           'time="0.1"/></testsuite></testsuites>')  # fmt: skip
    ant = xmlschema.XMLSchema(str(SCHEMAS / "junit-ant.xsd"))
    jenkins = xmlschema.XMLSchema(str(SCHEMAS / "junit-jenkins.xsd"))
    assert jenkins.is_valid(old) and not ant.is_valid(old)


def test_grade_format_gradescope_keeps_hidden_tests_hidden(tmp_path: Path) -> None:
    """The autograder's own results.json (grade --format gradescope, as the bundle runs it)."""
    path = tmp_path / "forward.py"
    path.write_text(REFERENCE)
    result = CliRunner().invoke(main, [str(path), "--format", "gradescope", "-o", "-",
                                       "--sandbox", "process"])  # fmt: skip
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert_valid(published("gradescope-results.schema.json"), results)
    seen = {t["visibility"] for t in results["tests"]}
    assert seen == {"visible", "after_due_date"}
    native = CliRunner().invoke(main, [str(path), "-o", "-", "--sandbox", "process"])
    kinds = [t["visibility"] for t in json.loads(native.stdout)["tests"]]
    assert [t["visibility"] == "visible" for t in results["tests"]] == [
        k == "visible" for k in kinds
    ]


def test_lti_json_lines_on_stdout(whole_class: Path) -> None:
    result = export("--to", "lti", str(whole_class), "-o", "-")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    score = published("lti-ags-score.schema.json")
    for line in lines:
        assert_valid(score, json.loads(line))


def test_a_report_with_hidden_tests_shown_never_shows_them_to_students(tmp_path: Path) -> None:
    """--show-hidden puts hidden inputs and answers into the messages: Gradescope gets those
    tests as `hidden` whatever visibility was asked for."""
    path = tmp_path / "forward.py"
    path.write_text(STUB)
    result = CliRunner().invoke(main, [str(path), "--format", "gradescope", "-o", "-",
                                       "--show-hidden", "--sandbox", "process"])  # fmt: skip
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert_valid(published("gradescope-results.schema.json"), results)
    assert {t["visibility"] for t in results["tests"]} == {"visible", "hidden"}
