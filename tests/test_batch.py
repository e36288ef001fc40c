"""Grading a class: discovery, summaries, resume after an interruption, shards and merge."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.batch import Submission, discover, in_shard, parse_shard
from grader.cli import main
from grader.errors import UsageError
from grader.report import validate

from .conftest import REFERENCE, STUB, with_replaced
from .test_attacks import cli_env, descendants, left_behind

LOOP = "while True:\n    pass\n"


def make_class(root: Path, n: int = 6) -> Path:
    """A folder of files plus students' folders: correct, stub, buggy and hostile ones."""
    subs = root / "subs"
    subs.mkdir()
    kinds = [REFERENCE, STUB, with_replaced(relu="def relu(x):\n    return abs(x)\n"), LOOP]
    for k in range(n):
        (subs / f"student{k:02d}.py").write_text(kinds[k % len(kinds)])
    folder = subs / "zoe"
    folder.mkdir()
    (folder / "forward.py").write_text(REFERENCE)
    (folder / "notes.py").write_text("# scratch\n")
    return subs


def invoke(*args: str):
    return CliRunner().invoke(main, [*args, "--sandbox", "process", "--timeout", "0.5"])


def test_discover_files_and_student_folders(tmp_path: Path) -> None:
    subs = make_class(tmp_path, n=2)
    heard: list[str] = []
    found = discover([subs, subs / "student00.py"], on_warning=heard.append)
    assert [s.id for s in found] == ["student00", "student01", "zoe"]  # the same file once
    assert found[2].path == subs / "zoe" / "forward.py"
    assert heard == [f"{subs / 'student00.py'} was given twice: graded once"]


def test_shards_partition_the_class() -> None:
    subs = [Submission(f"s{k}", Path(f"s{k}.py")) for k in range(100)]
    slices = [{s.id for s in subs if in_shard(s, (k, 4))} for k in range(1, 5)]
    assert sum(len(s) for s in slices) == 100 and set().union(*slices) == {s.id for s in subs}
    assert all(15 < len(s) < 35 for s in slices)
    for bad in ("0/4", "5/4", "x", "1/0"):
        with pytest.raises(UsageError):
            parse_shard(bad)


def test_a_class_grades_into_reports_and_summaries(tmp_path: Path) -> None:
    subs = make_class(tmp_path)
    out = tmp_path / "reports"
    result = invoke(str(subs), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    validate(summary, "summary")
    rows = {r["id"]: r for r in summary["submissions"]}
    assert len(rows) == 7
    assert rows["student00"]["score"] == 100 and rows["zoe"]["score"] == 100
    assert rows["student01"]["score"] == 0 and rows["student03"]["status"] == "error"
    assert (
        rows["student02"]["exercises"]["relu"] < 10
        and rows["student02"]["exercises"]["forward"] == 25
    )
    for row in rows.values():
        validate(json.loads((out / row["report"]).read_text()), "report")
    with (out / "summary.csv").open() as handle:
        table = list(csv.DictReader(handle))
    assert [r["id"] for r in table] == list(rows)
    assert table[0]["relu"] == "10.0" and "cross_entropy_loss" in table[0]


def test_rerun_reuses_valid_reports_and_regrades_changed_ones(tmp_path: Path) -> None:
    subs = make_class(tmp_path, n=3)
    out = tmp_path / "reports"
    assert invoke(str(subs), "-o", str(out)).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("student*.json")}
    (subs / "student01.py").write_text(REFERENCE)  # the stub became a solution
    (out / "student02.json").write_text("{not json")  # a report cut short
    result = invoke(str(subs), "-o", str(out))
    assert "(2 already graded)" in result.output
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("student*.json")}
    assert after["student00.json"] == stamps["student00.json"]
    assert after["student01.json"] != stamps["student01.json"]
    rows = {r["id"]: r for r in json.loads((out / "summary.json").read_text())["submissions"]}
    assert rows["student01"]["score"] == 100 and rows["student02"]["status"] == "graded"
    forced = invoke(str(subs), "-o", str(out), "--force")
    assert "already graded" not in forced.output


def test_shards_then_merge_give_the_whole_class(tmp_path: Path) -> None:
    subs = make_class(tmp_path, n=5)
    out = tmp_path / "reports"
    for k in (1, 2, 3):
        assert invoke(str(subs), "-o", str(out), "--shard", f"{k}/3").exit_code == 0
        assert (out / f"summary.shard-{k}-of-3.json").exists()
    result = CliRunner().invoke(main, ["merge", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    validate(summary, "summary")
    assert len(summary["submissions"]) == 6


def test_merge_without_reports_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["merge", str(tmp_path)])
    assert result.exit_code == 2 and result.stderr.startswith("Error: no reports found")


def test_interrupt_keeps_finished_reports_and_a_rerun_finishes(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    subs.mkdir()
    for k in range(12):
        (subs / f"s{k:02d}.py").write_text(REFERENCE if k % 3 else LOOP)
    out = tmp_path / "reports"
    env = cli_env(tmp_path)  # its own TMPDIR: the temporary folders it leaves are its own
    before = descendants()  # this test's processes only: others may grade on this machine

    def command(*paths: Path) -> list[str]:
        return [sys.executable, "-m", "grader", *map(str, paths), "-o", str(out), "--jobs",
                "2", "--sandbox", "process", "--timeout", "0.5"]  # fmt: skip

    earlier = subprocess.run(command(subs / "s01.py", subs / "s02.py"), env=env,
                             capture_output=True, timeout=120)  # fmt: skip
    assert earlier.returncode == 0, earlier.stderr.decode()
    proc = subprocess.Popen(command(subs), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 30
    while len(list(out.glob("s[0-9]*.json"))) < 2 + 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    assert b"run the same command again" in err and b"Traceback" not in err
    done_before = kept_reports(out)
    said = re.search(r"interrupted: (\d+) of 12 submissions have their report in \S+ "
                     r"\((\d+) reused, (\d+) graded in this run\)", err.decode())  # fmt: skip
    assert said, err.decode()
    assert (int(said[1]), int(said[2])) == (len(done_before), 2)  # as many as are on disk
    assert int(said[2]) + int(said[3]) == int(said[1])
    assert 5 <= len(done_before) < 12
    rerun = subprocess.run(command(subs), env=env, capture_output=True, timeout=120)
    assert rerun.returncode == 0
    assert f"12 submissions ({len(done_before)} already graded)" in rerun.stdout.decode()
    assert len(kept_reports(out)) == 12
    assert not left_behind(before)
    assert not list(Path(env["TMPDIR"]).iterdir())


def kept_reports(out: Path) -> set[str]:
    """Reports on disk that a rerun keeps: valid (written atomically) and not a failure."""
    kept = set()
    for path in out.glob("s[0-9]*.json"):
        report = json.loads(path.read_text())
        validate(report, "report")  # atomic: never a half-written report
        if report["status"] != "internal_error":
            kept.add(path.name)
    return kept


@pytest.mark.skipif(os.cpu_count() == 1, reason="needs two cores")
def test_jobs_run_in_parallel(tmp_path: Path) -> None:
    """Two workers grade a class of submissions that hang (each costs its timeouts, wall
    time, not CPU) in clearly less time than one: compared in the same run, so a loaded
    machine slows both alike."""
    subs = tmp_path / "subs"
    subs.mkdir()
    names = ["relu", "node_value", "hidden_layer", "forward", "softmax", "cross_entropy_loss"]
    hanging = "".join(f"def {name}(*args):\n    while True:\n        pass\n\n" for name in names)
    for k in range(4):  # each costs a timeout per exercise: seconds of wall time
        (subs / f"s{k}.py").write_text(hanging)
    took = {}
    for jobs in (1, 2):
        start = time.monotonic()
        result = invoke(str(subs), "-o", str(tmp_path / f"r{jobs}"), "--jobs", str(jobs))
        assert result.exit_code == 0, result.output
        took[jobs] = time.monotonic() - start
    assert took[2] < 0.75 * took[1], took


def test_shard_folders_merge_into_a_folder_every_later_command_takes(tmp_path: Path) -> None:
    """The README's shard example: one folder per shard, merged into a new one, then
    exported and reported from there; notes of clashing ids survive the merge."""
    subs = make_class(tmp_path, n=4)
    (subs / "zoe.py").write_text(REFERENCE)  # clashes with the folder zoe/: a noted id
    folders = [tmp_path / f"reports-{k}" for k in (1, 2)]
    for k, folder in enumerate(folders, start=1):
        assert invoke(str(subs), "-o", str(folder), "--shard", f"{k}/2").exit_code == 0
    noted = {
        row["id"]: row["note"]
        for folder in folders
        for path in folder.glob("summary*.json")
        for row in json.loads(path.read_text())["submissions"]
        if "note" in row
    }
    assert noted, "the clash must be noted in a shard's summary"
    merged = tmp_path / "reports"
    result = CliRunner().invoke(main, ["merge", *map(str, folders), "-o", str(merged)])
    assert result.exit_code == 0, result.output
    summary = json.loads((merged / "summary.json").read_text())
    validate(summary, "summary")
    rows = {row["id"]: row for row in summary["submissions"]}
    assert len(rows) == 6 and all((merged / f"{ident}.json").is_file() for ident in rows)
    assert {k: rows[k].get("note") for k in noted} == noted
    exported = CliRunner().invoke(main, ["export", "--to", "junit", str(merged), "-o",
                                         str(tmp_path / "junit.xml")])  # fmt: skip
    assert exported.exit_code == 0, exported.output
    again = CliRunner().invoke(main, ["merge", str(merged)])
    assert again.exit_code == 0 and len(json.loads((merged / "summary.json").read_text())[
        "submissions"]) == 6  # fmt: skip
