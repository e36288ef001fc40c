"""Grade one submission: the library entry point behind the ``grade`` command.

``grade`` takes a path to a typed Report, in one pass: read the file (``submission``),
choose the assignment (``registry``), plan its cases (``plan``), run them in the
sandbox (``session``), judge what came back (``judging``). ``grade_file`` also writes
the report (``formats``). Order matters for safety: expected values are computed in
the grader before any student process starts; the student's processes are all dead
before the report is built; the report is validated and written last.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import cache, registry
from .errors import InternalError, SandboxUnavailable, UnreadableSubmission, UsageError
from .formats import Format, write_report
from .judging import judged
from .passcheck import NotPlainPass
from .plan import expected_values, make_plan
from .report import warm_validator
from .results import Report, SubmissionInfo
from .sandbox import Limits, Sandbox, SandboxKind
from .session import Grader
from .spec import Assignment
from .submission import is_notebook, read_submission, source_of
from .text import clean

AssignmentRef = str | Assignment | None  # a name or path, the assignment itself, or: choose


def shown(path: Path) -> str:
    """A path as reports and messages show it: file names are the student's text."""
    return clean(str(path))


def resolve(assignment: AssignmentRef, path: Path, root: Path | None = None) -> Assignment:
    """The assignment itself: as given, loaded by name or path, or chosen by the submission."""
    if isinstance(assignment, Assignment):
        return assignment
    return registry.choose(assignment, path=path, root=root).assignment


def grade(
    path: Path,
    *,
    assignment: AssignmentRef = None,
    seed: int = 0,
    sandbox: SandboxKind = "auto",
    limits: Limits | None = None,
    show_hidden: bool = False,
    grader: Grader | None = None,
    visible_only: bool = False,
    root: Path | None = None,
) -> Report:
    """Grade the file at ``path`` into its report (not yet validated or written).

    Problems of the submission become reports with status ``error`` (a file that could
    not be read at all also sets ``Report.unreadable``); failures of the grader,
    ``internal_error``. Raises UnknownAssignment when no assignment can be had, and
    SandboxUnavailable when the sandbox asked for cannot run here. ``grader`` reuses a
    sandbox across submissions (batch workers); ``visible_only`` runs the visible cases
    alone (checks from a notebook). A ``.ipynb`` file is graded as the module its code
    cells make, and messages name cells and lines. ``root`` is where the student's
    material starts (see ``submission.read_submission``).
    """
    started = time.monotonic()
    if grader is None:
        with Grader(sandbox=sandbox, limits=limits) as own:
            return grade(path, assignment=assignment, seed=seed, show_hidden=show_hidden,
                         grader=own, visible_only=visible_only, root=root)  # fmt: skip
    spec = resolve(assignment, path, root)
    if spec.kit and (seed or show_hidden):
        from .kit import SEED_IS_FOR_INSTRUCTORS  # a kit's own module: only a kit needs it

        raise UsageError(SEED_IS_FOR_INSTRUCTORS)
    try:
        data = read_submission(path, root)
    except UnreadableSubmission as exc:
        report = unreadable_report(path=path, reason=str(exc), assignment=spec.name, seed=seed,
                                   max_score=max_score_of(spec))  # fmt: skip
        return replace(report, duration_s=_since(started))
    where = SubmissionInfo.of(shown(path), data)
    report = Report(assignment=spec.name, seed=seed, submission=where,
                    max_score=max_score_of(spec))  # fmt: skip
    filename = clean(path.name)  # the student's file name, as messages and tracebacks show it
    source = source_of(data, is_notebook(path), spec.packages)
    if source.problem is not None:
        return replace(
            report, message=f"cannot grade: {source.problem}", duration_s=_since(started)
        )
    try:
        grader.warm()
        # The sandbox that runs this submission decides whether the expected values may come
        # from the cache (cache.out_of_students_reach): known now, unless ``auto`` may still
        # fall back from bubblewrap, whose start is then waited for.
        with cache.grading_in(_settled_kind(grader)):
            plan = grader.plan(spec, seed, visible_only)
        # The validator is built while the student's code runs on the other core.
        execution = grader.execute(source.text, filename, plan,
                                   meanwhile=lambda: warm_validator("report"))  # fmt: skip
        report = replace(report, sandbox=grader.kind, stdout=execution.stdout,
                         stderr=execution.stderr)  # fmt: skip
        report = judged(report, plan, execution, filename, show_hidden)
        # A .py file's messages are its own lines already: only a notebook's are rewritten.
        tests = report.tests
        if source.notebook:
            tests = tuple(replace(t, message=source.locate(t.message, filename)) for t in tests)
        message = "; ".join((source.locate(report.message, filename), *source.notes))
        report = replace(report, message=message, tests=tests)
    except (SandboxUnavailable, NotPlainPass):
        raise  # NotPlainPass: quick.py judges it again, with numpy
    except Exception as exc:  # the grader broke: say so in the report, never a traceback
        report = replace(report, status="internal_error", score=0.0, tests=(), exercises=(),
                         message=failure_message(exc))  # fmt: skip
    return replace(report, duration_s=_since(started))


def _settled_kind(grader: Grader) -> str:
    """The kind of sandbox that will run the submission, waiting only when it matters."""
    if grader.kind == "process" or grader.requested != "auto" or cache.out_of_students_reach():
        return grader.kind  # bubblewrap asked for never falls back: it refuses to grade
    return grader.ready().kind


def _since(started: float) -> float:
    return round(time.monotonic() - started, 4)


def failure_message(exc: BaseException) -> str:
    """What a report says when the grader broke; the exception may quote student text."""
    return f"the grader failed ({type(exc).__name__}: {clean(str(exc), 300)}); please report this"


def max_score_of(spec: Assignment) -> float:
    """The points an assignment is out of: what every report of it says, graded or not."""
    return float(sum(e.points for e in spec.exercises))


# A submission that cannot be graded keeps the assignment's maximum: LMS exports take the
# points possible from the reports, and 0 of 0 would read as a missing assignment.


def unreadable_report(
    *, path: Path, reason: str, assignment: str, seed: int, max_score: float
) -> Report:
    """The report for a submission that could not even be read."""
    return Report(assignment=assignment, seed=seed, submission=SubmissionInfo(shown(path)),
                  message=f"cannot grade: {reason}", max_score=max_score,
                  unreadable=reason)  # fmt: skip


def failed_report(
    *, path: Path, message: str, assignment: str, seed: int, max_score: float
) -> Report:
    """The report for a submission the grader could not grade: ``internal_error``."""
    return Report(assignment=assignment, seed=seed, submission=SubmissionInfo(shown(path)),
                  status="internal_error", message=message, max_score=max_score)  # fmt: skip


def grade_file(
    *,
    submission: Path,
    output: str = "report.json",
    fmt: Format = "native",
    seed: int = 0,
    timeout: float = Limits.call_timeout,
    sandbox: SandboxKind = "auto",
    show_hidden: bool = False,
    assignment: AssignmentRef = None,
    box: Sandbox | None = None,
    on_fallback: Callable[[str], None] | None = None,
    on_choice: Callable[[registry.Choice], None] | None = None,
    on_tier: Callable[[str], None] | None = None,
) -> Report:
    """Grade ``submission`` and write its report to ``output``; return the report.

    A report is written in every case. Afterwards UsageError is raised if the
    file could not be read, SandboxUnavailable if the sandbox asked for cannot run
    here, and InternalError if the grader itself failed. ``box`` is a sandbox the
    caller started early (the CLI does, before heavy imports); ``on_fallback`` hears,
    before the student's code runs, that ``auto`` uses the weaker sandbox; ``on_choice``,
    once the file is graded, which assignment it was graded against and why.
    """
    # A single grade (the caller started its sandbox) that passes needs neither the
    # assignment's modules nor numpy when the cache has its plan (quick.py).
    quick = None
    try:
        if box is not None and not isinstance(assignment, Assignment):
            from .quick import prepare

            quick = prepare(assignment, submission, seed, box.kind)
        choice = quick.choice if quick else None
        if quick is None and not isinstance(assignment, Assignment):
            choice = registry.choose(assignment, path=submission)
    except BaseException:
        if box is not None:  # not yet the Grader's, which closes it: ours to close
            box.close()
        raise
    spec = choice.assignment if choice else assignment
    assert isinstance(spec, Assignment)
    try:
        with Grader(sandbox=sandbox, limits=Limits(call_timeout=timeout), box=box) as grader:
            grader.on_fallback, grader.on_tier = on_fallback, on_tier
            report = None if quick is None else _quick_grade(quick, submission, seed,
                                                             show_hidden, grader)  # fmt: skip
            if quick is not None and report is None:  # not a plain pass: the full judgement
                choice = registry.choose(assignment, path=submission)  # type: ignore[arg-type]
                spec = choice.assignment
                _replay(quick, spec, seed, grader)
            if report is None:
                report = grade(submission, assignment=spec, seed=seed, show_hidden=show_hidden,
                               grader=grader)  # fmt: skip
            grader.end()  # its zygote dies while the report is written; close() waits
            if choice and on_choice and not report.unreadable:  # said once there was a grade
                on_choice(choice)
            # Every student process is dead already (each run ends with a clean sandbox, where
            # only the zygote is left), so the report can be written before the zygote goes.
            write_report(report, output=output, fmt=fmt)
            if box is not None and choice is not None and quick is None:
                from .quick import remember

                remember(choice, assignment, submission, seed, grader)  # type: ignore[arg-type]
    except SandboxUnavailable as exc:
        failed = failed_report(path=submission, message=f"not graded: {exc}",
                               assignment=spec.name, seed=seed,
                               max_score=max_score_of(spec))  # fmt: skip
        write_report(failed, output=output, fmt=fmt)
        raise
    if report.unreadable:
        raise UnreadableSubmission(report.unreadable)
    if report.status == "internal_error":
        raise InternalError(f"{report.message} (report written to {output})")
    return report


def _quick_grade(
    quick: Any, submission: Path, seed: int, show_hidden: bool, grader: Grader
) -> Report | None:
    """The report of ``quick`` (quick.Quick) if every test plainly passed; else None."""
    grader.plain = True
    grader.use_plan(quick.plan, seed)
    try:
        report = grade(submission, assignment=quick.plan.spec, seed=seed,
                       show_hidden=show_hidden, grader=grader)  # fmt: skip
    except NotPlainPass:
        return None
    finally:
        grader.plain = False
    passed = report.status == "graded" and all(t.status == "passed" for t in report.tests)
    # ``auto`` may have fallen back from the sandbox the entry was read for: its values
    # count only if the cache is out of reach of the sandbox that ran the submission.
    with cache.grading_in(grader.kind):
        trusted = cache.out_of_students_reach()
    return report if passed and trusted else None


def _replay(quick: Any, spec: Assignment, seed: int, grader: Grader) -> None:
    """Judge again what the quick run observed, if the full plan runs the same calls."""
    from .quick import replayable, same_cases

    with cache.grading_in(_settled_kind(grader)):
        plan = grader.plan(spec, seed)
    if same_cases(quick.plan, plan):  # what ran is the submission in this very sandbox
        grader.replay = replayable(grader)


# ------------------------------------------------------------------ earlier names
# The dict-returning functions of earlier versions, for callers not yet moved to
# ``grade`` (tests/test_loading.py, test_meta.py, test_text_boundary.py, export.py).

load_assignment = registry.load
__all__ = ["expected_values", "load_assignment", "make_plan", "read_submission"]


def grade_submission(*, path: Path, **options: Any) -> dict[str, Any]:
    """``grade`` as a dict; raises UnreadableSubmission when there was no file to read."""
    report = grade(path, **options)
    if report.unreadable:
        raise UnreadableSubmission(report.unreadable)
    return report.to_dict()


def grade_path(*, path: Path, **options: Any) -> tuple[dict[str, Any], str | None]:
    """``grade`` as a dict, and the reason when the file could not be read."""
    report = grade(path, **options)
    return report.to_dict(), report.unreadable
