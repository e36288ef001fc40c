"""Grade a whole class: grade its submissions in parallel workers, resume, summarise.

Every report is written atomically by the worker that graded it, as soon as it
is graded, so an interrupted run loses nothing: running the same command again
grades only the submissions without a valid report for the same file hash,
grader version, assignment and seed. Finding the submissions is ``discover``'s
concern; the summary files, ``classsummary``'s.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from multiprocessing import util
from pathlib import Path
from typing import Any

from . import __version__, course, interrupt, registry
from .classsimilarity import InBackground, write_similarity
from .classsummary import merge, summary_row, write_class_summary
from .discover import Submission, candidates, discover, in_shard, parse_shard
from .errors import GraderError, Interrupted, SandboxUnavailable, UsageError
from .formats import write_report
from .grade import failed_report, failure_message, grade, max_score_of
from .registry import Choice
from .report import make_folder, validate, write_json
from .results import Report, SubmissionInfo
from .sandbox import Limits, SandboxKind, choose
from .sandbox.choose import check_sandbox
from .sandbox.reaper import die_with_parent
from .session import Grader
from .submission import read_submission

__all__ = ["Submission", "discover", "grade_many", "in_shard", "merge", "parse_shard"]


def _sha256(submission: Submission) -> str | None:
    """The hash a report of this submission holds: of what grading reads, read the same way."""
    try:
        data = read_submission(submission.path, submission.root)
    except GraderError:
        return None
    return hashlib.sha256(data).hexdigest()


def reusable(
    report_path: Path,
    submission: Submission,
    assignment: str,
    seed: int,
    max_score: float | None = None,
) -> bool:
    """Whether an existing report is valid and for this very file, grader and seed.

    With ``max_score``, also out of those points: an older grader's report of a
    submission it could not grade said 0, which an LMS export must not take up.
    """
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
        and (max_score is None or report["max_score"] == max_score)
    )


@dataclass(frozen=True)
class _Options:
    assignment: str  # what loads it in a worker: a name, a dotted module or a path
    seed: int
    sandbox: SandboxKind
    limits: Limits
    markers: str = ""  # where workers mark the submission they are grading
    announce: bool = False  # whether a worker must say that auto fell back (none said so yet)
    name: str = ""  # the assignment's name and points, known to the parent: what a report
    max_score: float = 0.0  # says even when the worker cannot load the assignment
    course: str | None = None  # the course folder the parent found: workers use the same


_worker: Grader | None = None  # one per worker process: its sandbox outlives submissions

# Workers are forked from the parent, which has loaded the engine, numpy and the assignment
# already: a worker starts by starting its sandbox, not by importing them all again. The
# parent runs no thread and no sandbox when it forks (a pool is made before its manager
# thread starts; the class's comparison thread starts after, see _run_pool). Where fork is
# not available, or not safe (macOS), workers are spawned.
_START = "fork" if sys.platform.startswith("linux") else "spawn"


def _start_worker(options: _Options, parent: int) -> None:
    """In a new worker: start the sandbox (Python, numpy) once for all its submissions."""
    global _worker
    _ignore_ctrl_c(parent)
    if options.course is not None:
        course.use(options.course)
    _worker = Grader(sandbox=options.sandbox, limits=options.limits)
    _worker.keep_ready = True
    if options.announce:  # bubblewrap worked in the parent's probe but may still fail here
        _worker.on_fallback = _warn
    try:
        _worker.warm()
    except SandboxUnavailable as exc:  # said by each task, and the parent stops the batch
        _worker.unavailable = str(exc)
        return
    # Run as the worker ends, forked or spawned (a forked worker leaves by os._exit, which
    # skips atexit): its sandbox and everything in it go with it.
    util.Finalize(_worker, _worker.close, exitpriority=10)
    # The known mistakes' simulations made here serve the next run (cache.write_behaviours).
    util.Finalize(_worker, _keep_simulations, args=(options,), exitpriority=9)


def _keep_simulations(options: _Options) -> None:
    with contextlib.suppress(Exception):  # the reports are written: nothing here may fail
        plan = (
            _worker.made_plan(registry.load(options.assignment), options.seed) if _worker else None
        )
        if plan is not None:
            plan.keep_simulations()


def _warn(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr, flush=True)


def _grade_one(submission: Submission, report_path: Path, options: _Options) -> dict[str, Any]:
    """In a worker: grade, write the report at once (atomically), return the summary row."""
    try:
        assignment = registry.load(options.assignment)
        if submission.problem is not None:  # a folder without one file to grade
            report = Report(assignment=assignment.name, seed=options.seed,
                            submission=SubmissionInfo(str(submission.path)),
                            message=f"cannot grade: {submission.problem}",
                            max_score=max_score_of(assignment))  # fmt: skip
        else:
            report = grade(submission.path, assignment=assignment, seed=options.seed,
                           grader=_worker, root=submission.root)  # fmt: skip
    except SandboxUnavailable:  # not this submission's doing: the parent stops the batch
        raise
    except Exception as exc:  # a bug of ours costs this submission, not the batch
        return _failed_row(submission, report_path, options, failure_message(exc))
    document = report.to_dict()
    # Not fsynced: a report a crash leaves empty is invalid, so the rerun grades it again.
    write_json(document, "report", str(report_path), indent=None, durable=False)
    return summary_row(submission.id, document)


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
    if _worker is not None and _worker.unavailable:
        raise SandboxUnavailable(_worker.unavailable)
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
    name, max_score = _assignment_of(options)
    report = failed_report(path=submission.path, message=message, assignment=name,
                           seed=options.seed, max_score=max_score)  # fmt: skip
    with contextlib.suppress(GraderError, OSError):  # the row still counts it
        write_report(report, output=str(report_path))
    return summary_row(submission.id, report.to_dict())


def _assignment_of(options: _Options) -> tuple[str, float]:
    """The assignment's name and points: as the parent said, else as loaded here."""
    if options.name:
        return options.name, options.max_score
    try:
        assignment = registry.load(options.assignment)
    except Exception:  # the assignment itself fails to load here: still a row
        return options.assignment, options.max_score
    return assignment.name, max_score_of(assignment)


def grade_many(
    *,
    paths: Sequence[Path],
    output: Path,
    jobs: int | None = None,
    seed: int = 0,
    timeout: float = Limits.call_timeout,
    sandbox: SandboxKind = "auto",
    assignment: str | None = None,
    shard: str | None = None,
    force: bool = False,
    on_start: Callable[[int, int], None] | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_choice: Callable[[Choice], None] | None = None,
    on_tier: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Grade every submission under ``paths`` into ``output``; return the summary rows.

    ``assignment`` names the assignment (a name or a path); without it, it is chosen from
    the submissions (``registry.choose_for``); ``on_choice`` hears which, and why.
    ``on_start(to_grade, reused)`` and ``on_done(row)`` report progress, ``on_warning``
    what the instructor must know before grading starts (the weaker sandbox, names that
    clash: see ``discover``). Raises Interrupted on Ctrl-C, after the workers and their
    children have stopped, saying how many reports of this run are on disk.
    """
    found = candidates(paths)
    if not found:
        raise UsageError("no submissions (.py files) in " + ", ".join(map(str, paths)))
    choice = registry.choose_for(found, assignment)
    name = choice.assignment.name
    warning = check_sandbox(sandbox)  # before any student code runs: say so, or refuse
    if warning and on_warning:
        on_warning(warning)
    if on_tier:  # the tier every report of the class will name
        on_tier(choose.announcement(choose.expected_kind(sandbox)))
    if on_choice:
        on_choice(choice)
    submissions = discover(paths, choice.assignment, on_warning)
    if not submissions:
        raise UsageError("no submissions (.py files) in " + ", ".join(map(str, paths)))
    slice_ = parse_shard(shard) if shard else None
    if slice_:
        submissions = [s for s in submissions if in_shard(s, slice_)]
    make_folder(output)
    options = _Options(choice.ref, seed, sandbox, Limits(call_timeout=timeout),
                       announce=sandbox == "auto" and warning is None, name=name,
                       max_score=max_score_of(choice.assignment),
                       course=str(choice.course.folder) if choice.course else None)  # fmt: skip
    started = time.time_ns() - 10**9  # file times come from a coarser clock: a tick behind
    rows: dict[str, dict[str, Any]] = {}
    todo = []
    for submission in submissions:
        target = output / f"{submission.id}.json"
        if not force and reusable(target, submission, name, seed, options.max_score):
            rows[submission.id] = summary_row(submission.id, json.loads(target.read_text()))
        else:
            todo.append(submission)
    reused = len(rows)
    # The class's code is compared while it is graded; a shard sees a slice of the class
    # (`grade similar` compares the merged folder).
    similar = None if slice_ else InBackground(
        [(s.id, s.path, s.root, None) for s in submissions if s.problem is None],
        choice.assignment,
    )  # fmt: skip
    cores = usable_cores()
    if jobs and jobs > cores and on_warning:
        on_warning(f"--jobs {jobs} on {cores} usable core{'s' * (cores > 1)}: the workers "
                   f"would share them and grade slower; the default (--jobs {cores}) is "
                   "the fastest here")  # fmt: skip
    if on_start:
        on_start(len(todo), reused)
    try:
        _run_pool(todo, output, options, jobs or cores, rows, on_done, similar)
    except KeyboardInterrupt:
        written = _written_since(started, todo, output, options)
        again = "without --force " if force else ""
        said = interrupt.said()
        stopped = Interrupted(
            f"{said[0].lower()}{said[1:]}: {reused + written} of {len(submissions)} "
            "submissions have their "
            f"report in {output} ({reused} reused, {written} graded in this run); run the "
            f"same command {again}again to grade the rest"
        )
        stopped.exit_code = interrupt.exit_code()
        raise stopped from None
    ordered = [rows[s.id] for s in submissions]
    notes = {s.id: s.clash for s in submissions if s.clash}
    write_class_summary(ordered, output, assignment=name, seed=seed, shard=slice_, notes=notes)
    if similar is not None:
        _write_similarity(similar, name, output, on_warning)
    return ordered


def _write_similarity(
    similar: InBackground, name: str, output: Path, on_warning: Callable[[str], None] | None
) -> None:
    """similarity.json beside summary.json; the grades are on disk already, whatever happens."""
    try:
        write_similarity(similar.result().similarity, output, name)
    except Exception as exc:  # a bug of ours must not cost the class its exit code
        if on_warning:
            on_warning(f"similarity.json not written ({failure_message(exc)})")


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity (a container's cpuset) and the
    cgroup's CPU quota (``docker run --cpus``), not every core the machine has."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    with contextlib.suppress(OSError, ValueError):
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period) + 0.5)))
    return max(1, cores)


def _written_since(started: int, todo: list[Submission], output: Path, options: _Options) -> int:
    """How many of ``todo`` have a report on disk that this run wrote and a rerun keeps.

    Counted on disk, not from the rows heard: a worker may finish after the last row was
    heard, and a report that could not be written is no report. Written since ``started``
    (``time.time_ns()``), so that an old valid report under ``--force`` is not counted.
    """
    count = 0
    for submission in todo:
        target = output / f"{submission.id}.json"
        with contextlib.suppress(OSError):
            count += bool(
                target.stat().st_mtime_ns >= started
                and reusable(target, submission, options.name, options.seed, options.max_score)
            )
    return count


def _run_pool(
    todo: list[Submission],
    output: Path,
    options: _Options,
    jobs: int,
    rows: dict[str, dict[str, Any]],
    on_done: Callable[[dict[str, Any]], None] | None,
    background: InBackground | None = None,
) -> None:
    """Grade ``todo`` in worker processes; a worker that dies costs only its own submission.

    A dead worker breaks the pool and every unfinished submission comes back. Those no
    worker was grading go round again, free. Of those being graded (each worker marks
    its submission while it grades it), a single one is the culprit and is charged an
    attempt; several are graded again one at a time, each alone in a pool, which finds
    the culprit. A submission charged twice gets an internal_error report.

    ``background`` (the class's comparison, a thread) starts once the first workers
    exist, and is waited for before a pool forks again: no fork while it runs.
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
            if background is not None:
                background.settle()
            lost = _pool_round(batch, workers, output, options, rows, on_done,
                               background.start if background is not None else None)  # fmt: skip
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


# Ctrl-C reaches every process of the terminal's foreground group, workers included (and
# so may SIGTERM or SIGHUP: ``kill`` of the group, a closed terminal). A worker must not die
# of it mid-start or mid-report (a traceback, a temp folder left): the parent alone stops
# the batch, and the workers finish what they grade and exit. Workers are started with the
# stop signals blocked (the mask is inherited across exec) and ignore them before
# unblocking them. The parent's own signal, meanwhile, is kept for later: raised in the
# middle of starting a worker it would leave that worker half-born. A parent that dies
# without a word (SIGKILL) takes its workers with it: they would wait for work forever.
_STOPS = set(interrupt.STOPS)


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Stop signals held back while workers are started: they are born deaf to them, and
    a signal in the meantime interrupts the parent once they are."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    with interrupt.deferred() as noted:  # noted now, acted on once the workers exist
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    if noted:
        interrupt.keyboard_interrupt(noted[-1], None)
    interrupt.raise_if_pressed()


def _ignore_ctrl_c(parent: int) -> None:
    interrupt.on_stop(signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    die_with_parent(parent)


def _pool_round(
    batch: list[Submission],
    workers: int,
    output: Path,
    options: _Options,
    rows: dict[str, dict[str, Any]],
    on_done: Callable[[dict[str, Any]], None] | None,
    workers_started: Callable[[], None] | None = None,
) -> list[Submission]:
    """One pool over ``batch``: record each finished row; return those lost to a dead worker.

    ``workers_started`` is called once the pool's workers are forked (all at the first
    submit: a forking pool starts them before its own threads)."""
    lost: list[Submission] = []
    context = multiprocessing.get_context(_START)
    with futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(options, os.getpid()),
    ) as pool:
        try:
            with _ctrl_c_held():  # submit starts the workers
                # _grade_one is looked up now, by name, so tests can stand in a worker that
                # dies.
                pending = {
                    pool.submit(_in_worker, _grade_one, s, output / f"{s.id}.json", options): s
                    for s in batch
                }
            if workers_started is not None:
                workers_started()
            for future in futures.as_completed(pending):
                interrupt.raise_if_pressed()  # a press some C code swallowed still counts
                submission = pending[future]
                try:
                    row = future.result()
                except BrokenProcessPool:
                    lost.append(submission)
                    continue
                except SandboxUnavailable:  # in the workers: no submission can be graded
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
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
