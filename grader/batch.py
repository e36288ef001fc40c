"""Grade a whole class: find submissions, grade them in parallel, resume, shard, summarise.

Every report is written atomically by the worker that graded it, as soon as it
is graded, so an interrupted run loses nothing: running the same command again
grades only the submissions without a valid report for the same file hash,
grader version, assignment and seed.
"""

from __future__ import annotations

import atexit
import concurrent.futures as futures
import contextlib
import csv
import hashlib
import io
import json
import multiprocessing
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import __version__
from .errors import GraderError, Interrupted, UsageError
from .grade import (
    Grader,
    check_sandbox,
    error_report,
    failure_message,
    grade_path,
    load_assignment,
    now_iso,
    read_submission,
    size_limit,
    write_report,
)
from .report import SCHEMA_VERSION, validate, write_json, write_text
from .sandbox import Limits, SandboxKind
from .spec import DEFAULT_ASSIGNMENT
from .text import clean, csv_cell

PREFERRED = "forward.py"  # in a student's folder with several .py files, take this one


@dataclass(frozen=True)
class Submission:
    """One student's file, the id its report and summary row are named by, and its root.

    ``root`` is the folder the instructor named: links up to it are followed, links
    below it are the student's and are not (``read_submission``).
    """

    id: str
    path: Path
    root: Path | None = None


def _id_for(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "submission"


SUFFIXES = (".py", ".ipynb")
SKIPPED = ".ipynb_checkpoints"


def _entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """A student's folder walked without entering links: candidate files, and links seen.

    A candidate is anything with a submission's suffix that is not a real folder (a link
    or a FIFO too: reading it is refused later, with a message, rather than skipped here).
    """
    candidates: list[Path] = []
    links: list[Path] = []
    for top, folders, files in os.walk(folder):  # followlinks=False: links are not entered
        here = Path(top)
        for name in [*folders, *files]:
            entry, linked = here / name, (here / name).is_symlink()
            links += [entry] if linked else []
            if entry.suffix in SUFFIXES and (linked or name in files):
                candidates.append(entry)
        folders[:] = [f for f in folders if f != SKIPPED and not (here / f).is_symlink()]
    return sorted(candidates), sorted(links)


def _pick_file(folder: Path) -> Path | None:
    """A student's folder: its only .py (or .ipynb) file, or forward.py among several.

    Without any, a link in the folder (refused when read, so the student learns why), or
    None when the folder holds nothing to grade.
    """
    files, links = _entries(folder)
    if len(files) == 1:
        return files[0]
    preferred = [p for p in files if p.name == PREFERRED]
    if preferred:
        return preferred[0]
    if files:
        return folder / PREFERRED  # several and none preferred: graded as missing
    return links[0] if links else None


def _classify(folder: Path) -> tuple[list[Path], list[Path]]:
    """The entries of a folder the instructor named: submission files, students' folders.

    Entries are the students' material: a link is never followed here, and becomes a
    submission (a file if it has a submission's suffix, else a student's folder) that is
    refused when it is read.
    """
    files, folders = [], []
    for entry in sorted(folder.iterdir()):
        real_folder = entry.is_dir() and not entry.is_symlink()
        if entry.suffix in SUFFIXES and not real_folder:
            files.append(entry)
        elif entry.is_dir() and not entry.name.startswith("."):
            folders.append(entry)
    return files, folders


def discover(paths: Sequence[Path]) -> list[Submission]:
    """Files as given; a folder means its .py and .ipynb files, or one per sub-folder."""
    found: list[tuple[str, Path, Path | None]] = []
    for path in paths:
        if not path.is_dir():
            found.append((_id_for(path.stem), path, None))
            continue
        files, folders = _classify(path)
        found += [(_id_for(f.stem), f, path) for f in files]
        for folder in folders:
            picked = folder if folder.is_symlink() else _pick_file(folder)
            if picked is not None:
                found.append((_id_for(folder.name), picked, path))
    submissions, seen = [], set()
    for ident, file, root in found:
        unique, n = ident, 1
        while unique in seen:
            n += 1
            unique = f"{ident}-{n}"
        seen.add(unique)
        submissions.append(Submission(unique, file, root))
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


def _sha256(submission: Submission) -> str | None:
    """The hash a report of this submission holds: of what grading reads, read the same way."""
    try:
        data = read_submission(submission.path, submission.root, size_limit(submission.path))
    except GraderError:
        return None
    return hashlib.sha256(data).hexdigest()


def reusable(report_path: Path, submission: Submission, assignment: str, seed: int) -> bool:
    """Whether an existing report is valid and for this very file, grader and seed."""
    try:
        report = json.loads(report_path.read_text())
        validate(report, "report")
    except (OSError, ValueError, GraderError):
        return False
    return bool(
        report["status"] != "internal_error"
        and report["submission"]["sha256"] == _sha256(submission)
        and report["grader_version"] == __version__
        and report["assignment"] == assignment
        and report["seed"] == seed
    )


def summary_row(ident: str, report: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": ident,
        "path": clean(report["submission"]["path"]),  # reports may come from an older grader
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
    markers: str = ""  # where workers mark the submission they are grading
    announce: bool = False  # whether a worker must say that auto fell back (none said so yet)


_worker: Grader | None = None  # one per worker process: its sandbox outlives submissions


def _start_worker(options: _Options) -> None:
    """In a new worker: start the sandbox (Python, numpy) once for all its submissions."""
    global _worker
    _worker = Grader(sandbox=options.sandbox, limits=options.limits)
    if options.announce:  # bubblewrap worked in the parent's probe but may still fail here
        _worker.on_fallback = _warn
    _worker.warm()
    atexit.register(_worker.close)


def _warn(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr, flush=True)


def _grade_one(submission: Submission, report_path: Path, options: _Options) -> dict[str, Any]:
    """In a worker: grade, write the report at once (atomically), return the summary row."""
    try:
        report, _ = grade_path(
            path=submission.path, assignment=options.assignment, seed=options.seed,
            grader=_worker, root=submission.root,
        )  # fmt: skip
    except Exception as exc:  # a bug of ours costs this submission, not the batch
        return _failed_row(submission, report_path, options, failure_message(exc))
    write_report(report, output=str(report_path), compact=True)
    return summary_row(submission.id, report)


def _marker(options: _Options, submission: Submission) -> Path:
    return Path(options.markers) / f"{submission.id}.grading"


def _in_worker(
    task: Callable[[Submission, Path, _Options], dict[str, Any]],
    submission: Submission,
    report_path: Path,
    options: _Options,
) -> dict[str, Any]:
    """In a worker: mark the submission as being graded here while ``task`` grades it.

    A worker that dies leaves its marker behind, which names the submission it died on.
    """
    marker = _marker(options, submission)
    marker.write_text(str(os.getpid()))
    try:
        return task(submission, report_path, options)
    finally:
        marker.unlink(missing_ok=True)


def _failed_row(
    submission: Submission, report_path: Path, options: _Options, message: str
) -> dict[str, Any]:
    """An internal_error report for this submission alone; written if at all possible."""
    report = error_report(path=submission.path, message="", assignment=options.assignment,
                          seed=options.seed)  # fmt: skip
    report.update(status="internal_error", message=message)
    with contextlib.suppress(GraderError, OSError):  # the row still counts it
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
    on_warning: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Grade every submission under ``paths`` into ``output``; return the summary rows.

    ``on_start(to_grade, reused)`` and ``on_done(row)`` report progress, ``on_warning``
    what the instructor must know before grading starts (the weaker sandbox). Raises
    Interrupted on Ctrl-C, after the workers and their children have stopped.
    """
    name = load_assignment(assignment).name
    warning = check_sandbox(sandbox)  # before any student code runs: say so, or refuse
    if warning and on_warning:
        on_warning(warning)
    submissions = discover(paths)
    if not submissions:
        raise UsageError("no submissions (.py files) in " + ", ".join(map(str, paths)))
    slice_ = parse_shard(shard) if shard else None
    if slice_:
        submissions = [s for s in submissions if in_shard(s, slice_)]
    output.mkdir(parents=True, exist_ok=True)
    options = _Options(name, seed, sandbox, Limits(call_timeout=timeout),
                       announce=sandbox == "auto" and warning is None)  # fmt: skip
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
    """Grade ``todo`` in worker processes; a worker that dies costs only its own submission.

    A dead worker breaks the pool and every unfinished submission comes back. Those no
    worker was grading go round again, free. Of those being graded (each worker marks
    its submission while it grades it), a single one is the culprit and is charged an
    attempt; several are graded again one at a time, each alone in a pool, which finds
    the culprit. A submission charged twice gets an internal_error report.
    """
    attempts: dict[str, int] = {}
    queue: list[Submission] = list(todo)
    alone: list[Submission] = []  # graded one per pool: suspects and culprits
    with tempfile.TemporaryDirectory(prefix="grader-markers-") as markers:
        options = replace(options, markers=markers)
        while queue or alone:
            batch, workers = ([alone.pop(0)], 1) if alone else (queue, jobs)
            if batch is queue:
                queue = []
            for submission in batch:
                _marker(options, submission).unlink(missing_ok=True)
            lost = _pool_round(batch, workers, output, options, rows, on_done)
            running = [s for s in lost if _marker(options, s).exists()]
            if workers == 1 or not running:
                charged = lost  # alone, or the worker died between submissions: all of them
            elif len(running) == 1:
                charged = running
            else:
                alone += running  # suspects: graded alone, without a charge
                charged = []
            queue += [s for s in lost if s not in charged and s not in running]
            for submission in charged:
                attempts[submission.id] = attempts.get(submission.id, 0) + 1
                if attempts[submission.id] < 2:
                    alone.append(submission)
                    continue
                row = _failed_row(submission, output / f"{submission.id}.json", options,
                                  "the grading worker died twice on this submission; "
                                  "please report this")  # fmt: skip
                _record(row, rows, on_done)


def _pool_round(
    batch: list[Submission],
    workers: int,
    output: Path,
    options: _Options,
    rows: dict[str, dict[str, Any]],
    on_done: Callable[[dict[str, Any]], None] | None,
) -> list[Submission]:
    """One pool over ``batch``: record each finished row; return those lost to a dead worker."""
    lost: list[Submission] = []
    context = multiprocessing.get_context("spawn")
    with futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(options,)
    ) as pool:
        # _grade_one is looked up now, by name, so tests can stand in a worker that dies.
        pending = {
            pool.submit(_in_worker, _grade_one, s, output / f"{s.id}.json", options): s
            for s in batch
        }
        try:
            for future in futures.as_completed(pending):
                submission = pending[future]
                try:
                    row = future.result()
                except BrokenProcessPool:
                    lost.append(submission)
                    continue
                except Exception as exc:  # e.g. its report could not be written
                    row = _failed_row(submission, output / f"{submission.id}.json", options,
                                      failure_message(exc))  # fmt: skip
                _record(row, rows, on_done)
        except KeyboardInterrupt:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return lost


def _record(
    row: dict[str, Any],
    rows: dict[str, dict[str, Any]],
    on_done: Callable[[dict[str, Any]], None] | None,
) -> None:
    rows[row["id"]] = row
    if on_done:
        on_done(row)


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
    for row in rows:  # ids and paths are named by students: no cell may run as a formula
        cells = [row[f] for f in CSV_FIELDS] + [row["exercises"].get(e, "") for e in exercises]
        writer.writerow([csv_cell(cell) for cell in cells])
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
