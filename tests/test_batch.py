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
from collections.abc import Callable
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
                             capture_output=True, timeout=SAFETY_NET)  # fmt: skip
    assert earlier.returncode == 0, earlier.stderr.decode()
    proc = subprocess.Popen(command(subs), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)  # fmt: skip
    # The event, not a time: three reports of this run on disk (two were there before).
    # Four submissions hang at import until the load timeout, so the class cannot be done
    # by then; however slow the machine, the test waits for the event itself.
    wait_for(lambda: len(list(out.glob("s[0-9]*.json"))) >= 2 + 3, proc, "5 reports on disk")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=SAFETY_NET)
    assert proc.returncode == 130, err.decode()
    assert b"run the same command again" in err and b"Traceback" not in err
    done_before = kept_reports(out)
    said = re.search(r"interrupted: (\d+) of 12 submissions have their report in \S+ "
                     r"\((\d+) reused, (\d+) graded in this run\)", err.decode())  # fmt: skip
    assert said, err.decode()
    assert (int(said[1]), int(said[2])) == (len(done_before), 2)  # as many as are on disk
    assert int(said[2]) + int(said[3]) == int(said[1])
    assert 5 <= len(done_before) < 12
    rerun = subprocess.run(command(subs), env=env, capture_output=True, timeout=SAFETY_NET)
    assert rerun.returncode == 0
    assert f"12 submissions ({len(done_before)} already graded)" in rerun.stdout.decode()
    assert len(kept_reports(out)) == 12
    assert not left_behind(before)
    assert not list(Path(env["TMPDIR"]).iterdir())


SAFETY_NET = 900.0  # seconds: only so that a hung run fails instead of hanging the suite


def wait_for(event: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    """Wait until ``event()`` holds while ``proc`` runs: polled, with no deadline but the
    safety net, so a loaded machine only makes the wait longer. Fails if ``proc`` ends
    first (there would be nothing left to interrupt)."""
    started = time.monotonic()
    while not event():
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"the run ended (exit {proc.returncode}) before {what}: {err[-2000:]!r}")
        if time.monotonic() - started > SAFETY_NET:
            proc.kill()
            pytest.fail(f"no {what} after {SAFETY_NET:.0f} s: the run is hung")
        time.sleep(0.02)


def test_piped_progress_never_keeps_a_stale_line(tmp_path: Path) -> None:
    """Piped (CI logs, `| tee`), progress is lines that are each true when printed: never
    the bar's first label ("Grading 0/10") left as the last word, and the last says 10/10."""
    subs = tmp_path / "subs"
    subs.mkdir()
    for k in range(10):
        (subs / f"s{k}.py").write_text(REFERENCE if k % 2 else STUB)
    done = subprocess.run([sys.executable, "-m", "grader", str(subs), "-o", str(tmp_path / "r"),
                           "--jobs", "2", "--sandbox", "process"], env=cli_env(tmp_path),
                          capture_output=True, text=True, timeout=SAFETY_NET)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stderr.replace("\r", "\n").splitlines()
    assert not [line for line in lines if re.match(r"Grading \d", line)], done.stderr
    counts = [int(m[1]) for line in lines if (m := re.match(r"Graded (\d+)/10\b", line))]
    assert counts and counts == sorted(counts) and counts[-1] == 10 and 0 not in counts
    assert "\x1b" not in done.stderr and "\r" not in done.stderr  # no bar drawn on a pipe


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
