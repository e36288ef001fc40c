"""Reading a submission: links in the student's material are not followed, only regular files
are read (a FIFO or a device never hangs the grader), and what a student names reaches
reports only cleaned."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.errors import UnreadableSubmission
from grader.grade import grade_path, read_submission
from grader.report import validate

from .conftest import FAST, REFERENCE, ROOT

SOLUTION = ROOT / "solutions" / "forward.py"


def grade_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in a child, so that a hang fails the test instead of stalling it."""
    command = [sys.executable, "-m", "grader", *args, "--sandbox", "process", "--timeout", "0.5"]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("name, target", [
    ("forward.py", SOLUTION),
    ("forward.ipynb", ROOT / "exercises" / "forward.ipynb"),
    ("relative.py", Path("..") / "elsewhere.py"),
])  # fmt: skip
def test_a_linked_file_is_refused_not_read(tmp_path: Path, name: str, target: Path) -> None:
    (tmp_path / "elsewhere.py").write_text(REFERENCE)
    (tmp_path / "sub").mkdir()
    link = tmp_path / "sub" / name
    link.symlink_to(target)
    report, reason = grade_path(path=link, sandbox="process", limits=FAST)
    validate(report, "report")
    assert reason and "symbolic link" in reason
    assert report["status"] == "error" and report["score"] == 0 and report["tests"] == []
    assert "symbolic link" in report["message"] and report["submission"]["sha256"] is None


def test_the_command_refuses_a_link_with_one_line_and_a_report(tmp_path: Path) -> None:
    link = tmp_path / "forward.py"
    link.symlink_to(SOLUTION)
    out = tmp_path / "r.json"
    done = grade_cli(str(link), "-o", str(out))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: ") and "symbolic link" in done.stderr
    report = json.loads(out.read_text())
    validate(report, "report")
    assert report["status"] == "error" and report["score"] == 0


def test_links_in_the_path_the_instructor_typed_are_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "forward.py").write_text(REFERENCE)
    (tmp_path / "typed").symlink_to(real)
    assert read_submission(tmp_path / "typed" / "forward.py") == REFERENCE.encode()


def test_a_linked_folder_below_the_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "src").symlink_to(SOLUTION.parent)
    with pytest.raises(UnreadableSubmission, match="symbolic link"):
        read_submission(tmp_path / "alice" / "src" / "forward.py", root=tmp_path)


@pytest.mark.parametrize("make", ["fifo", "device"])
def test_only_regular_files_are_read_and_nothing_hangs(tmp_path: Path, make: str) -> None:
    target = tmp_path / "forward.py"
    if make == "fifo":
        os.mkfifo(target)  # opening it for reading would wait for a writer forever
    else:
        target = Path("/dev/zero")
    out = tmp_path / "r.json"
    done = grade_cli(str(target), "-o", str(out), timeout=30)
    assert done.returncode == 2 and done.stderr.startswith("Error: "), done.stderr
    assert "not a regular file" in done.stderr
    report = json.loads(out.read_text())
    assert report["status"] == "error" and "not a regular file" in report["message"]
    with pytest.raises(UnreadableSubmission, match="is a directory"):
        read_submission(tmp_path)


def make_hostile_class(root: Path) -> Path:
    """Students whose material links outside it, a FIFO, and two honest ones."""
    subs = root / "subs"
    subs.mkdir()
    (subs / "honest.py").write_text(REFERENCE)
    (subs / "linked.py").symlink_to(SOLUTION)
    for name in ("ann", "ben", "cat", "dan", "eve"):
        (subs / name).mkdir()
    (subs / "ann" / "forward.py").symlink_to(SOLUTION)  # a link where the file should be
    (subs / "ben" / "src").symlink_to(SOLUTION.parent)  # a linked folder holding forward.py
    (subs / "ben" / "notes.txt").write_text("see src/")
    os.mkfifo(subs / "cat" / "forward.py")
    (subs / "dan" / "forward.py").write_text(REFERENCE)
    (subs / "eve" / "forward.py").write_text(REFERENCE)
    (subs / "eve" / "helpers.py").symlink_to(SOLUTION)  # forward.py is preferred: still fine
    (subs / "fay").symlink_to(SOLUTION.parent)  # a student's folder that is itself a link
    return subs


def summary_rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "summary.csv").open() as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_a_class_with_links_and_fifos_loses_no_row_and_reads_no_link(tmp_path: Path) -> None:
    subs = make_hostile_class(tmp_path)
    out = tmp_path / "reports"
    for _ in range(2):  # the re-run checks old reports against the files: no hang either
        done = grade_cli(str(subs), "-o", str(out), "--jobs", "2", timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    rows = summary_rows(out)
    assert set(rows) == {"honest", "linked", "ann", "ben", "cat", "dan", "eve", "fay"}
    for ident in ("honest", "dan", "eve"):
        assert rows[ident]["status"] == "graded" and float(rows[ident]["score"]) == 100
    for ident in ("linked", "ann", "ben", "fay"):
        report = json.loads((out / f"{ident}.json").read_text())
        validate(report, "report")
        assert report["status"] == "error" and report["score"] == 0, ident
        assert "symbolic link" in report["message"], report["message"]
    cat = json.loads((out / "cat.json").read_text())
    assert cat["status"] == "error" and "not a regular file" in cat["message"]


def test_an_instructors_linked_submissions_folder_is_followed(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    (subs / "dan").mkdir(parents=True)
    (subs / "dan" / "forward.py").write_text(REFERENCE)
    (tmp_path / "link").symlink_to(subs)
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, [str(tmp_path / "link"), "-o", str(out),
                                       "--sandbox", "process"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert summary_rows(out)["dan"]["score"] == "100.0"


def test_student_named_paths_are_cleaned_in_reports_and_messages(tmp_path: Path) -> None:
    folder = tmp_path / "x\x1b]0;pwned\x07\x1b[31m"
    folder.mkdir()
    path = folder / "forward\x1b[2J.py"
    path.write_text(REFERENCE)
    report, _ = grade_path(path=path, sandbox="process", limits=FAST)
    assert "\x1b" not in json.dumps(report, ensure_ascii=False) and report["score"] == 100
    missing, reason = grade_path(path=folder / "gone\x1b[2J.py", sandbox="process")
    assert reason and "\x1b" not in reason and "\x1b" not in missing["message"]
    assert "\x1b" not in missing["submission"]["path"]


def test_summary_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    (subs / "=HYPERLINK(1)").mkdir(parents=True)
    (subs / "=HYPERLINK(1)" / "forward.py").write_text(REFERENCE)
    (subs / "-2+3.py").write_text(REFERENCE)
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, [str(subs), "-o", str(out), "--sandbox", "process"])
    assert result.exit_code == 0, result.output
    with (out / "summary.csv").open() as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
