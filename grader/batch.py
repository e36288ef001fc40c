"""Grade a whole class: find submissions, grade them in parallel, resume, shard, summarise.

Every report is written atomically by the worker that graded it, as soon as it
is graded, so an interrupted run loses nothing: running the same command again
grades only the submissions without a valid report for the same file hash,
grader version, assignment and seed.
"""

from __future__ import annotations

import atexit
import concurrent.futures as futures
import csv
import hashlib
import io
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .errors import GraderError, Interrupted, UsageError
from .grade import (
    Grader,
    error_report,
    grade_path,
    load_assignment,
    now_iso,
    write_report,
)
from .report import SCHEMA_VERSION, validate, write_json, write_text
from .sandbox import Limits, SandboxKind
from .spec import DEFAULT_ASSIGNMENT

PREFERRED = "forward.py"  # in a student's folder with several .py files, take this one


@dataclass(frozen=True)
class Submission:
    """One student's file and the id its report and summary row are named by."""

    id: str
    path: Path


def _id_for(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "submission"


SUFFIXES = (".py", ".ipynb")


def _pick_file(folder: Path) -> Path:
    """A student's folder: its only .py (or .ipynb) file, or forward.py among several."""
    files = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                   and ".ipynb_checkpoints" not in p.parts)  # fmt: skip
    if len(files) == 1:
        return files[0]
    preferred = [p for p in files if p.name == PREFERRED]
    return preferred[0] if preferred else folder / PREFERRED  # missing: graded as unreadable


def discover(paths: Sequence[Path]) -> list[Submission]:
    """Files as given; a folder means its .py and .ipynb files, or one per sub-folder."""
    found: list[tuple[str, Path]] = []
    for path in paths:
        if not path.is_dir():
            found.append((_id_for(path.stem), path))
            continue
        files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
        folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
        found += [(_id_for(f.stem), f) for f in files]
        found += [(_id_for(d.name), _pick_file(d)) for d in folders
                  if any(p.suffix in SUFFIXES for p in d.rglob("*"))]  # fmt: skip
    submissions, seen = [], set()
    for ident, path in found:
        unique, n = ident, 1
        while unique in seen:
            n += 1
            unique = f"{ident}-{n}"
        seen.add(unique)
        submissions.append(Submission(unique, path))
    return submissions


def parse_shard(text: str) -> tuple[int, int]:
    """``K/N`` with 1 <= K <= N."""
    match = re.fullmatch(r"(\d+)/(\d+)", text.strip())
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise UsageError(f"--shard takes K/N with 1 <= K <= N, e.g. 2/8 (got {text!r})")
    return int(match[1]), int(match[2])


def in_shard(submission: Submission, shard: tuple[int, int]) -> bool:
    """A stable slice: the same id always falls in the same shard."""
    k, n = shard
    digest = hashlib.sha256(submission.id.encode()).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def reusable(report_path: Path, submission: Submission, assignment: str, seed: int) -> bool:
    """Whether an existing report is valid and for this very file, grader and seed."""
    try:
        report = json.loads(report_path.read_text())
        validate(report, "report")
    except (OSError, ValueError, GraderError):
        return False
    return bool(
        report["status"] != "internal_error"
        and report["submission"]["sha256"] == _sha256(submission.path)
        and report["grader_version"] == __version__
        and report["assignment"] == assignment
        and report["seed"] == seed
    )


def summary_row(ident: str, report: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": ident,
        "path": report["submission"]["path"],
        "status": report["status"],
        "score": report["score"],
        "max_score": report["max_score"],
        "exercises": {e["name"]: e["score"] for e in report["exercises"]},
        "report": f"{ident}.json",
    }


@dataclass(frozen=True)
class _Options:
    assignment: str
    seed: int
    sandbox: SandboxKind
    limits: Limits


_worker: Grader | None = None  # one per worker process: its sandbox outlives submissions


def _start_worker(options: _Options) -> None:
    """In a new worker: start the sandbox (Python, numpy) once for all its submissions."""
    global _worker
    _worker = Grader(sandbox=options.sandbox, limits=options.limits)
    _worker.warm()
    atexit.register(_worker.close)


def _grade_one(submission: Submission, report_path: Path, options: _Options) -> dict[str, Any]:
    """In a worker: grade, write the report at once (atomically), return the summary row."""
    report, _ = grade_path(
        path=submission.path, assignment=options.assignment, seed=options.seed,
        grader=_worker,
    )  # fmt: skip
    write_report(report, output=str(report_path), compact=True)
    return summary_row(submission.id, report)


def _broken_row(submission: Submission, report_path: Path, options: _Options) -> dict[str, Any]:
    """The worker died twice on this submission: record an internal error for it alone."""
    report = error_report(path=submission.path, message="", assignment=options.assignment,
                          seed=options.seed)  # fmt: skip
    report.update(status="internal_error", message="the grading worker died twice; report this")
    write_report(report, output=str(report_path))
    return summary_row(submission.id, report)


def grade_many(
    *,
    paths: Sequence[Path],
    output: Path,
    jobs: int | None = None,
    seed: int = 0,
    timeout: float = Limits.call_timeout,
    sandbox: SandboxKind = "auto",
    assignment: str = DEFAULT_ASSIGNMENT,
    shard: str | None = None,
    force: bool = False,
    on_start: Callable[[int, int], None] | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> list[dict[str, Any]]:
    """Grade every submission under ``paths`` into ``output``; return the summary rows.

    ``on_start(to_grade, reused)`` and ``on_done(row)`` report progress. Raises Interrupted
    on Ctrl-C, after the workers and their children have stopped.
    """
    name = load_assignment(assignment).name
    submissions = discover(paths)
    if not submissions:
        raise UsageError("no submissions (.py files) in " + ", ".join(map(str, paths)))
    slice_ = parse_shard(shard) if shard else None
    if slice_:
        submissions = [s for s in submissions if in_shard(s, slice_)]
    output.mkdir(parents=True, exist_ok=True)
    options = _Options(name, seed, sandbox, Limits(call_timeout=timeout))
    rows: dict[str, dict[str, Any]] = {}
    todo = []
    for submission in submissions:
        target = output / f"{submission.id}.json"
        if not force and reusable(target, submission, name, seed):
            rows[submission.id] = summary_row(submission.id, json.loads(target.read_text()))
        else:
            todo.append(submission)
    if on_start:
        on_start(len(todo), len(rows))
    try:
        _run_pool(todo, output, options, jobs or os.cpu_count() or 1, rows, on_done)
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted: {len(rows)} of {len(submissions)} reports are in {output}; "
            "run the same command again to grade the rest"
        ) from None
    ordered = [rows[s.id] for s in submissions]
    write_summary(ordered, output, assignment=name, seed=seed, shard=slice_)
    return ordered


def _run_pool(
    todo: list[Submission],
    output: Path,
    options: _Options,
    jobs: int,
    rows: dict[str, dict[str, Any]],
    on_done: Callable[[dict[str, Any]], None] | None,
) -> None:
    """Grade ``todo`` in worker processes; a worker that dies costs only its submissions."""
    attempts: dict[str, int] = {}
    queue = list(todo)
    context = multiprocessing.get_context("spawn")
    while queue:
        with futures.ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(options,)
        ) as pool:
            pending = {
                pool.submit(_grade_one, s, output / f"{s.id}.json", options): s for s in queue
            }
            queue = []
            try:
                for future in futures.as_completed(pending):
                    submission = pending[future]
                    try:
                        row = future.result()
                    except BrokenProcessPool:
                        attempts[submission.id] = attempts.get(submission.id, 0) + 1
                        if attempts[submission.id] < 2:
                            queue.append(submission)
                            continue
                        row = _broken_row(submission, output / f"{submission.id}.json", options)
                    rows[submission.id] = row
                    if on_done:
                        on_done(row)
            except KeyboardInterrupt:
                pool.shutdown(wait=True, cancel_futures=True)
                raise


CSV_FIELDS = ["id", "path", "status", "score", "max_score"]


def write_summary(
    rows: Iterable[dict[str, Any]],
    output: Path,
    *,
    assignment: str,
    seed: int,
    shard: tuple[int, int] | None = None,
) -> tuple[Path, Path]:
    """summary.json (validated) and summary.csv, one row per submission."""
    rows = list(rows)
    stem = f"summary.shard-{shard[0]}-of-{shard[1]}" if shard else "summary"
    document = {
        "schema_version": SCHEMA_VERSION,
        "assignment": assignment,
        "grader_version": __version__,
        "seed": seed,
        "generated_at": now_iso(),
        "submissions": rows,
    }
    json_path, csv_path = output / f"{stem}.json", output / f"{stem}.csv"
    write_json(document, "summary", str(json_path))
    exercises = list(dict.fromkeys(e for row in rows for e in row["exercises"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS + exercises)
    for row in rows:
        writer.writerow(
            [row[f] for f in CSV_FIELDS] + [row["exercises"].get(e, "") for e in exercises]
        )
    write_text(buffer.getvalue(), str(csv_path))
    return json_path, csv_path


def merge(*, directories: Sequence[Path], output: Path | None = None) -> list[dict[str, Any]]:
    """Join the reports of several runs (shards) into one summary in ``output``."""
    rows: list[dict[str, Any]] = []
    seeds: set[int] = set()
    assignments: set[str] = set()
    for directory in directories:
        if not directory.is_dir():
            raise UsageError(f"{directory} is not a directory")
        for path in sorted(directory.glob("*.json")):
            if path.name.startswith("summary"):
                continue
            try:
                report = json.loads(path.read_text())
                validate(report, "report")
            except (OSError, ValueError, GraderError):
                continue  # not a report of ours
            if all(row["id"] != path.stem for row in rows):  # the same report twice counts once
                rows.append(summary_row(path.stem, report))
            seeds.add(report["seed"])
            assignments.add(report["assignment"])
    if not rows:
        raise UsageError("no reports found in " + ", ".join(map(str, directories)))
    if len(seeds) > 1 or len(assignments) > 1:
        raise UsageError("these reports mix seeds or assignments; merge runs of one grading only")
    target = output or directories[0]
    target.mkdir(parents=True, exist_ok=True)
    write_summary(rows, target, assignment=assignments.pop(), seed=seeds.pop())
    return rows
