"""A class's counts are true: ungradable submissions keep the assignment's maximum, names
that clash are reported (not silently renumbered), and the progress bar's ETA is sane."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import registry
from grader.batch import discover
from grader.classsummary import counts
from grader.cli import _Progress, eta, main
from grader.grade import grade, max_score_of
from grader.report import validate

from .conftest import REFERENCE, STUB

FULL = max_score_of(registry.load("forward"))


def test_an_unreadable_file_keeps_the_maximum(tmp_path: Path) -> None:
    report = grade(tmp_path / "missing.py", assignment="forward", sandbox="process")
    assert report.unreadable and report.max_score == FULL > 0
    validate(report.to_dict(), "report")


def clashing_class(root: Path) -> Path:
    """alice three times over (file, notebook, folder), and folders that cannot be graded."""
    subs = root / "subs"
    for folder in ("alice", "bob", "cy"):
        (subs / folder).mkdir(parents=True)
    (subs / "alice.py").write_text(REFERENCE)
    (subs / "alice.ipynb").write_text("{not a notebook")
    (subs / "alice" / "a.py").write_text("x = 1\n")  # none of its files defines the functions
    (subs / "alice" / "b.py").write_text("y = 2\n")
    (subs / "bob" / "a.py").write_text(REFERENCE)  # several do
    (subs / "bob" / "b.py").write_text(STUB)
    (subs / "cy" / "forward.py").symlink_to(root / "elsewhere.py")  # refused when read
    (root / "elsewhere.py").write_text(REFERENCE)
    return subs


def test_names_that_clash_keep_one_id_and_the_others_say_what_they_are(tmp_path: Path) -> None:
    subs = clashing_class(tmp_path)
    heard: list[str] = []
    found = discover([subs], registry.load("forward"), heard.append)
    ids = {s.id: s.path.relative_to(subs).as_posix() for s in found}
    assert ids == {"alice": "alice.py", "alice.ipynb": "alice.ipynb", "alice-folder": "alice",
                   "bob": "bob", "cy": "cy/forward.py"}  # fmt: skip
    assert len(heard) == 1 and "3 submissions are named 'alice'" in heard[0]
    for source, ident in (("alice.py", "alice"), ("alice.ipynb", "alice.ipynb")):
        assert f"{subs / source} is {ident!r}" in heard[0]
    assert f"{subs / 'alice'} is 'alice-folder'" in heard[0]
    assert {s.id for s in found if s.clash} == {"alice", "alice.ipynb", "alice-folder"}


def test_an_id_that_says_what_it_is_may_be_taken_too(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.py").write_text(REFERENCE)
    (tmp_path / "a" / "x.ipynb").write_text("{}")
    (tmp_path / "b" / "x.ipynb").write_text("{}")
    found = discover([tmp_path / "a", tmp_path / "b"], registry.load("forward"))
    assert [s.id for s in found] == ["x.ipynb", "x", "x.ipynb-2", "x.py"]


def test_the_same_file_given_twice_is_one_submission(tmp_path: Path) -> None:
    (tmp_path / "s.py").write_text(REFERENCE)
    heard: list[str] = []
    found = discover([tmp_path, tmp_path / "s.py"], registry.load("forward"), heard.append)
    assert [s.id for s in found] == ["s"] and heard == [f"{tmp_path / 's.py'} was given twice: "
                                                        "graded once"]  # fmt: skip


def test_a_class_that_cannot_be_graded_keeps_its_maximum_and_shows_clashes(
    tmp_path: Path,
) -> None:
    subs = clashing_class(tmp_path)
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, [str(subs), "-o", str(out), "--sandbox", "process",
                                       "--timeout", "0.5"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Warning: 3 submissions are named 'alice'" in result.stderr
    summary = json.loads((out / "summary.json").read_text())
    validate(summary, "summary")
    rows = {r["id"]: r for r in summary["submissions"]}
    assert set(rows) == {"alice", "alice.ipynb", "alice-folder", "bob", "cy"}
    assert {r["max_score"] for r in rows.values()} == {FULL}
    assert rows["alice"]["status"] == "graded"
    for path in out.glob("[!s]*.json"):
        report = json.loads(path.read_text())
        assert report["max_score"] == FULL, path.name
    with (out / "summary.csv").open() as handle:
        table = {row["id"]: row for row in csv.DictReader(handle)}
    assert "named 'alice'" in table["alice.ipynb"]["note"] and table["bob"]["note"] == ""
    assert "5 submissions in" in result.stdout and "1 graded, 4 not gradable" in result.stdout


def test_an_old_ungradable_report_out_of_0_is_graded_again(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a.py").write_text(REFERENCE)
    (subs / "b.ipynb").write_text("{not a notebook")
    out = tmp_path / "reports"
    args = [str(subs), "-o", str(out), "--sandbox", "process", "--timeout", "0.5"]
    assert CliRunner().invoke(main, args).exit_code == 0
    old = json.loads((out / "b.json").read_text())
    (out / "b.json").write_text(json.dumps({**old, "max_score": 0.0}))  # as older graders did
    again = CliRunner().invoke(main, args)
    assert "2 submissions (1 already graded)" in again.stdout, again.output
    assert json.loads((out / "b.json").read_text())["max_score"] == FULL


def test_counts_count_each_row_once() -> None:
    rows = [{"status": s} for s in ("graded", "graded", "error", "internal_error")]
    count = counts(rows, reused=1)
    assert (count.submissions, count.graded, count.not_gradable, count.failed) == (4, 2, 2, 1)
    assert count.reused == 1


@pytest.mark.parametrize(
    ("finished", "remaining", "expected"),
    [
        ([], 10, None),  # nothing yet
        ([9.0, 9.1, 9.2], 10, None),  # the first ones: workers were starting
        ([9.0, 9.0, 9.0, 9.0], 10, None),  # all at once: no pace
        ([9.0, 9.1, 9.2, 10.2, 11.2], 10, 10.0),  # one a second since the warm-up
        ([9.0, 9.1, 9.2, 9.2 + 4e6], 10, None),  # absurd: not shown
        ([1.0, 2.0, 3.0, 4.0], 0, 0.0),  # done
    ],
)
def test_eta_is_this_runs_pace_after_the_warm_up(
    finished: list[float], remaining: int, expected: float | None
) -> None:
    assert eta(finished, remaining) == expected


def test_the_progress_label_says_what_is_graded() -> None:
    now = [100.0]
    progress = _Progress(clock=lambda: now[0])
    progress.start(total=10, reused=5)
    assert progress.label() == "Grading 0/10 (+5 already graded)"
    for k, at in enumerate([130.0, 130.5, 131.0, 133.0, 135.0]):  # 30 s to start, then 2 s each
        now[0] = at
        progress.done(f"s{k}")
    assert progress.label() == "Grading 5/10 (+5 already graded), last s4"
    assert progress.info() == "35s elapsed, about 10s left"


def test_a_last_moment_is_not_zero_seconds_left() -> None:
    now = [0.0]
    progress = _Progress(clock=lambda: now[0])
    progress.start(total=10, reused=0)
    for at in (5.0, 5.0, 5.0, 5.05, 5.1):  # 0.05 s each: 0.25 s for the 5 left
        now[0] = at
        progress.done("s")
    assert progress.info().endswith("about <1s left")
