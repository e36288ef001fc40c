"""A batch outlives its own machinery failing: a worker that dies, or a grader bug, costs
only the submission it was grading; every other one gets its graded report."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from grader import batch
from grader.batch import Submission
from grader.report import validate
from grader.sandbox import Limits

from .conftest import REFERENCE

DIES = "dies"  # the worker grading this one exits on the spot
RAISES = "raises"  # grading this one raises, as a bug of ours would
GRADE_ONE = batch._grade_one  # the real one: a forked worker sees batch._grade_one patched


def failing_grade_one(submission: Submission, report_path: Path, options: Any) -> dict[str, Any]:
    """Stands in for batch._grade_one in the workers (they import it from here by name)."""
    if submission.id == DIES:
        _while_another_is_graded(submission, getattr(options, "markers", ""))
        os._exit(3)
    if submission.id == RAISES:
        raise RuntimeError("a bug in the grader")
    return GRADE_ONE(submission, report_path, options)


def _while_another_is_graded(submission: Submission, markers: str) -> None:
    """Wait (a little) until another worker is grading, so that its work is lost too."""
    deadline = time.monotonic() + 5
    while markers and time.monotonic() < deadline:
        if [p for p in Path(markers).iterdir() if not p.name.startswith(submission.id)]:
            return
        time.sleep(0.005)


def grade_pool(tmp_path: Path, ids: list[str], jobs: int) -> tuple[dict[str, Any], Path]:
    subs, out = tmp_path / "subs", tmp_path / "reports"
    subs.mkdir()
    out.mkdir()
    for ident in ids:
        (subs / f"{ident}.py").write_text(f"# {ident}\n{REFERENCE}")
    submissions = [Submission(ident, subs / f"{ident}.py") for ident in ids]
    options = batch._Options("forward", 0, "process", Limits(call_timeout=0.5))
    rows: dict[str, Any] = {}
    batch._run_pool(submissions, out, options, jobs, rows, None)
    return rows, out


def assert_graded(rows: dict[str, Any], out: Path, ids: list[str]) -> None:
    for ident in ids:
        assert rows[ident]["status"] == "graded" and rows[ident]["score"] == 100, rows[ident]
        report = json.loads((out / f"{ident}.json").read_text())
        validate(report, "report")
        assert report["status"] == "graded"


@pytest.mark.parametrize("jobs", [2, 1])
def test_a_dying_worker_costs_only_its_own_submission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(batch, "_grade_one", failing_grade_one)
    others = [f"s{k}" for k in range(7)]
    ids = [*others[:2], DIES, *others[2:]]
    rows, out = grade_pool(tmp_path, ids, jobs)
    assert set(rows) == set(ids)
    assert_graded(rows, out, others)
    dead = json.loads((out / f"{DIES}.json").read_text())
    validate(dead, "report")
    assert dead["status"] == "internal_error" and "worker died twice" in dead["message"]
    assert dead["max_score"] == rows[others[0]]["max_score"] > 0  # out of the same points


def test_a_grader_bug_on_one_submission_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "_grade_one", failing_grade_one)
    others = ["s0", "s1", "s2"]
    rows, out = grade_pool(tmp_path, [others[0], RAISES, *others[1:]], 2)
    assert_graded(rows, out, others)
    failed = json.loads((out / f"{RAISES}.json").read_text())
    validate(failed, "report")
    assert failed["status"] == "internal_error" and "RuntimeError" in failed["message"]
    assert failed["max_score"] == rows["s0"]["max_score"] > 0


def test_a_worker_whose_bubblewrap_fails_says_so_before_grading(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The parent's probe passed, so no one has warned yet: the worker that falls back does."""
    from grader.sandbox import namespaces as sandbox

    monkeypatch.setattr(sandbox, "bwrap_installed", lambda: True)
    monkeypatch.setattr(sandbox, "_bwrap_base", lambda: ["bwrap", "--no-such-option"])
    monkeypatch.setattr(batch, "_ignore_ctrl_c", lambda parent: None)  # we are no worker
    options = batch._Options("forward", 0, "auto", Limits(), announce=True)
    batch._start_worker(options, os.getppid())
    worker = batch._worker
    assert worker is not None
    try:
        worker.ready()
        assert worker.kind == "process"
    finally:
        worker.close()
        monkeypatch.setattr(batch, "_worker", None)
    said = capsys.readouterr().err
    assert said.startswith("Warning: bubblewrap is not usable here") and said.count("\n") == 1


@pytest.mark.parametrize("jobs", [2, 1])
def test_workers_that_cannot_start_a_sandbox_stop_the_batch_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, jobs: int
) -> None:
    """The parent's probe passed, but no worker can start a sandbox (in a container whose
    root folder others cannot enter, say): the batch stops with the workers' reason, as a
    single grade does, instead of a traceback per worker and "a grader failure" per
    submission."""
    from grader import session
    from grader.errors import SandboxUnavailable

    def refused(*args: Any, **kwargs: Any) -> None:
        raise SandboxUnavailable("cannot start the sandbox: / is closed (a test)")

    monkeypatch.setattr(session, "Sandbox", refused)  # forked workers see it too
    started = time.monotonic()
    with pytest.raises(SandboxUnavailable, match="/ is closed"):
        grade_pool(tmp_path, [f"s{k}" for k in range(6)], jobs)
    assert time.monotonic() - started < 60
    assert list((tmp_path / "reports").iterdir()) == []
