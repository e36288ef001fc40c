"""Grade one submission: the library entry point behind the ``grade`` command.

Order matters for safety: expected values are computed here, in the grader,
before any student process starts; the student's processes are all dead
before the report is built; the report is validated and written last.
"""

from __future__ import annotations

import copy
import datetime as dt
import errno
import hashlib
import importlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy as np

from . import __version__
from . import sandbox as sandboxes
from .diagnose import Behaviour, Explanation, diagnose, simulate_all
from .errors import InternalError, SandboxUnavailable, UnreadableSubmission, UsageError
from .execute import Batch, Execution, run
from .lms.gradescope import to_gradescope
from .notebook import Converted, NotebookError
from .notebook import convert as convert_notebook
from .report import SCHEMA_VERSION, warm_validator, write_json
from .sandbox import Limits, Sandbox, SandboxKind, resolve
from .scoring import exercise_totals, judge
from .spec import DEFAULT_ASSIGNMENT, Assignment, Case, Exercise, Mistake, TestResult
from .text import clean

MAX_SOURCE_BYTES = 1 << 20
MAX_NOTEBOOK_BYTES = 16 << 20  # outputs (plots) make notebooks far larger than their code
Format = Literal["native", "gradescope"]


def load_assignment(name: str) -> Assignment:
    """An assignment by short name (``forward``) or by dotted module path."""
    module_name = name if "." in name else f"assignments.{name}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        raise UsageError(f"no assignment named {name!r}") from None
    assignment = getattr(module, "ASSIGNMENT", None)
    if not isinstance(assignment, Assignment):
        raise UsageError(f"module {module_name} defines no ASSIGNMENT")
    return assignment


def read_submission(path: Path, root: Path | None = None, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """Up to ``limit + 1`` bytes of the regular file at ``path``, read without following links.

    ``root`` is where the student's material starts (default: the file's folder): links in
    the path up to it are the instructor's and are followed; below it, a symbolic link is
    refused, so a submission cannot be a link to the reference solution or anything else.
    Raises UnreadableSubmission saying why there is nothing to read.
    """
    base = path.parent if root is None else root
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        raise UnreadableSubmission(f"{shown(path)} is outside {shown(base)}") from None
    if not parts or any(part in (".", "..") for part in parts):
        raise UnreadableSubmission(f"{shown(path)} does not name a file")
    try:
        folder = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        for part in parts[:-1]:
            inner = _open_below(folder, part, path, os.O_DIRECTORY)
            os.close(folder)
            folder = inner
        _check_kind(folder, parts[-1], path)
        handle = _open_below(folder, parts[-1], path, os.O_NONBLOCK | os.O_NOCTTY)
    finally:
        os.close(folder)
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the check
            raise UnreadableSubmission(f"{shown(path)} is not a regular file")
        try:
            return stream.read(limit + 1)
        except OSError as exc:
            raise _unreadable(path, exc) from None


def _open_below(folder: int, name: str, path: Path, flags: int) -> int:
    """Open ``name`` in the open ``folder`` without following a link."""
    try:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | flags, dir_fd=folder)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and _is_link(folder, name):
            raise UnreadableSubmission(_LINK.format(shown(path), clean(name))) from None
        raise _unreadable(path, exc) from None


def _is_link(folder: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _check_kind(folder: int, name: str, path: Path) -> None:
    """Refuse, before opening it, what is not a regular file: opening a FIFO could block."""
    try:
        mode = os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if stat.S_ISLNK(mode):
        raise UnreadableSubmission(_LINK.format(shown(path), clean(name)))
    if stat.S_ISDIR(mode):
        raise UnreadableSubmission(f"{shown(path)} is a directory, not a Python file")
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "special file")
        raise UnreadableSubmission(f"{shown(path)} is not a regular file (it is a {kind})")


_LINK = ("{} is not read: '{}' is a symbolic link, and links in a submission are not "
         "followed (submit the file itself)")  # fmt: skip
_KINDS = {stat.S_IFIFO: "named pipe", stat.S_IFCHR: "character device",
          stat.S_IFBLK: "block device", stat.S_IFSOCK: "socket"}  # fmt: skip


def _unreadable(path: Path, exc: OSError) -> UnreadableSubmission:
    if exc.errno == errno.ENOENT:
        return UnreadableSubmission(f"no such file: {shown(path)}")
    return UnreadableSubmission(f"cannot read {shown(path)}: {exc.strerror or exc}")


def shown(path: Path) -> str:
    """A path as reports and messages show it: file names are the student's text."""
    return clean(str(path))


def size_limit(path: Path) -> int:
    """How many bytes of this submission are read: notebooks carry outputs besides code."""
    return MAX_NOTEBOOK_BYTES if path.suffix == ".ipynb" else MAX_SOURCE_BYTES


def source_problem(data: bytes) -> str | None:
    """Why these bytes cannot be Python source, or None if they may be."""
    if len(data) > MAX_SOURCE_BYTES:
        return f"the file is larger than {MAX_SOURCE_BYTES // 1024} KiB; is it really source code?"
    if b"\0" in data:
        return "the file contains NUL bytes: it looks binary, not like Python source"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return f"line {line} is not valid UTF-8 text: save the file as UTF-8"
    return None


def expected_values(assignment: Assignment, cases: list[Case]) -> list[np.ndarray]:
    """Run the reference on copies of each case's arguments, here in the grader."""
    values = []
    for case in cases:
        result = assignment.reference[case.exercise](*copy.deepcopy(case.args))
        values.append(np.asarray(result, dtype=np.float64))
    return values


def now_iso() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _base_report(
    *, path: Path, data: bytes | None, assignment: str, seed: int, started: float
) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "assignment": assignment,
        "grader_version": __version__,
        "graded_at": now_iso(),
        "duration_s": 0.0,
        "seed": seed,
        "sandbox": "none",
        "submission": {
            "path": shown(path),
            "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
        },
        "status": "error",
        "message": "",
        "score": 0.0,
        "max_score": 0.0,
        "exercises": [],
        "stdout": "",
        "stderr": "",
        "tests": [],
        "_started": started,
    }


def _finish(report: dict[str, Any]) -> dict[str, Any]:
    report["duration_s"] = round(time.monotonic() - report.pop("_started"), 4)
    return report


def _load_error_message(execution: Execution, filename: str) -> str:
    error = execution.load_error
    assert error is not None
    where = f" on line {error.line} of {filename}" if error.line else ""
    text = {
        "syntax": f"cannot grade: {error.message}{where}",
        "encoding": f"cannot grade: {error.message}",
        "import": f"cannot grade: importing {filename} raised {error.message}{where}",
    }.get(error.kind, f"cannot grade: {error.message}")
    return "\n".join([text, *(f"  {line}" for line in error.traceback)])


@dataclass(frozen=True)
class Plan:
    """What to run for one assignment and seed: each exercise's cases and expected values."""

    spec: Assignment
    groups: list[tuple[Exercise, list[Case], list[np.ndarray]]]
    _simulated: dict[tuple[str, ...], list[Behaviour]] = field(default_factory=dict,
                                                               compare=False)  # fmt: skip

    @property
    def batches(self) -> list[Batch]:
        return [Batch(e.name, [c.args for c in cases]) for e, cases, _ in self.groups]

    def behaviours(self, exercise: str, mistakes: tuple[Mistake, ...]) -> list[Behaviour]:
        """Known mistakes' behaviour on an exercise's cases, computed once per plan."""
        key = (exercise, *(m.name for m in mistakes))
        if key not in self._simulated:
            cases = next(c for e, c, _ in self.groups if e.name == exercise)
            if len(mistakes) == 1 and mistakes[0].exercise == exercise:
                implementation = mistakes[0].implementation
            else:
                assert self.spec.combine is not None
                implementation = self.spec.combine(exercise, mistakes)
            self._simulated[key] = simulate_all(implementation, cases)
        return self._simulated[key]


FALLBACK = (
    "bubblewrap is not usable here, so submissions run in the weaker 'process' sandbox, "
    "which does not hide your files, the seed or the network from them "
    "(see the README's Security section; --sandbox bwrap refuses to grade without it)"
)


def check_sandbox(requested: SandboxKind) -> str | None:
    """Before grading: the warning to give when ``auto`` will fall back to ``process``.

    Raises SandboxUnavailable when bubblewrap was asked for and cannot work here.
    """
    if requested == "process":
        return None
    if resolve(requested) == "bwrap" and sandboxes.bwrap_works():
        return None
    if requested == "bwrap":
        raise SandboxUnavailable("bubblewrap is installed but cannot create its namespaces here")
    return FALLBACK


def make_plan(spec: Assignment, seed: int, visible_only: bool = False) -> Plan:
    """Cases from the seed, and their expected values from the reference, here in the grader."""
    cases = [c for c in spec.make_cases(seed) if c.visibility == "visible" or not visible_only]
    expected = expected_values(spec, cases)
    groups = []
    for exercise in spec.exercises:
        mine = [k for k, c in enumerate(cases) if c.exercise == exercise.name]
        groups.append((exercise, [cases[k] for k in mine], [expected[k] for k in mine]))
    return Plan(spec, groups)


class Grader:
    """Grades submissions one after another with one sandbox and one plan per seed.

    A single ``grade`` uses it once; a batch worker keeps it, so Python and
    numpy start once per worker and each submission is a fresh fork.
    ``on_fallback(message)``, if set, hears once, before any student code runs, that
    ``auto`` is using the weaker ``process`` sandbox.
    """

    on_fallback: Callable[[str], None] | None = None

    def __init__(
        self,
        *,
        sandbox: SandboxKind = "auto",
        limits: Limits | None = None,
        box: Sandbox | None = None,
    ) -> None:
        self.requested = sandbox
        self.kind = box.kind if box else resolve(sandbox)
        self.limits = box.limits if box else (limits or Limits())
        self._box = box
        self._plans: dict[tuple[str, int, bool], Plan] = {}

    def warm(self) -> None:
        """Start the sandbox now, so its start-up overlaps the grader's own work."""
        if self._box is None:
            self._box = Sandbox(self.kind, self.limits)

    def ready(self) -> Sandbox:
        """The started sandbox; ``auto`` falls back to ``process`` if bubblewrap fails here."""
        self.warm()
        assert self._box is not None
        try:
            self._box.wait_ready()
        except SandboxUnavailable:
            self.close()
            if self.requested != "auto" or self.kind == "process":
                raise
            self.kind = "process"
            self._box = Sandbox(self.kind, self.limits)
            self._box.wait_ready()
        self._announce_fallback()
        return self._box

    def _announce_fallback(self) -> None:
        if self.on_fallback and self.requested == "auto" and self.kind == "process":
            notify, self.on_fallback = self.on_fallback, None
            notify(FALLBACK)

    def plan(self, spec: Assignment, seed: int, visible_only: bool = False) -> Plan:
        key = (spec.name, seed, visible_only)
        if key not in self._plans:
            self._plans[key] = make_plan(spec, seed, visible_only)
        return self._plans[key]

    def execute(
        self, source: str, filename: str, plan: Plan, meanwhile: Callable[[], None] | None = None
    ) -> Execution:
        execution, self._box = run(
            source=source, filename=filename, batches=plan.batches, sandbox=self.ready(),
            limits=self.limits, meanwhile=meanwhile,
        )  # fmt: skip
        return execution

    def close(self) -> None:
        if self._box is not None:
            self._box.close()
            self._box = None

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def grade_submission(
    *,
    path: Path,
    assignment: str = DEFAULT_ASSIGNMENT,
    seed: int = 0,
    sandbox: SandboxKind = "auto",
    limits: Limits | None = None,
    show_hidden: bool = False,
    grader: Grader | None = None,
    visible_only: bool = False,
    root: Path | None = None,
) -> dict[str, Any]:
    """Grade the file at ``path`` and return the native report (not yet validated or written).

    Raises UsageError when there is no readable file at ``path`` (after which
    ``error_report`` gives the report to write) and when the assignment or the
    sandbox asked for do not exist. Problems of the submission itself become
    reports with status ``error``; failures of the grader, ``internal_error``.
    ``grader`` reuses a sandbox across submissions (batch workers); ``visible_only``
    runs the visible cases alone (checks from a notebook). A ``.ipynb`` file is
    graded as the module its code cells make, and messages name cells and lines.
    ``root`` is where the student's material starts (see ``read_submission``).
    """
    started = time.monotonic()
    if grader is None:
        with Grader(sandbox=sandbox, limits=limits) as own:
            return grade_submission(path=path, assignment=assignment, seed=seed,
                                    show_hidden=show_hidden, grader=own,
                                    visible_only=visible_only, root=root)  # fmt: skip
    spec = load_assignment(assignment)
    is_notebook = path.suffix == ".ipynb"
    data = read_submission(path, root, size_limit(path))
    report = _base_report(path=path, data=data, assignment=spec.name, seed=seed, started=started)
    report["max_score"] = float(sum(e.points for e in spec.exercises))
    filename = clean(path.name)  # the student's file name, as messages and tracebacks show it
    source, notebook, problem = _source_of(data, is_notebook)
    if problem is not None:
        report["message"] = f"cannot grade: {problem}"
        return _finish(report)
    try:
        grader.warm()
        plan = grader.plan(spec, seed, visible_only)
        # The validator is built while the student's code runs on the other core.
        execution = grader.execute(source, filename, plan,
                                   meanwhile=lambda: warm_validator("report"))  # fmt: skip
        report.update(sandbox=grader.kind, stdout=execution.stdout, stderr=execution.stderr)
        _judge_all(report, plan, execution, filename, show_hidden)
        if notebook is not None:
            _locate_in_cells(report, notebook, filename)
    except SandboxUnavailable:
        raise
    except Exception as exc:  # the grader broke: say so in the report, never a traceback
        report.update(status="internal_error", score=0.0, tests=[], exercises=[])
        report["message"] = failure_message(exc)
    return _finish(report)


def _source_of(data: bytes, is_notebook: bool) -> tuple[str, Converted | None, str | None]:
    """The module source to run, the notebook it came from, or why there is none."""
    if not is_notebook:
        problem = source_problem(data)
        return ("", None, problem) if problem else (data.decode("utf-8"), None, None)
    if len(data) > MAX_NOTEBOOK_BYTES:
        return "", None, f"the notebook is larger than {MAX_NOTEBOOK_BYTES >> 20} MiB"
    try:
        notebook = convert_notebook(data)
    except NotebookError as exc:
        return "", None, clean(str(exc))
    problem = source_problem(notebook.source.encode("utf-8", errors="surrogatepass"))
    if problem is not None:
        return "", None, f"the notebook's code cells: {problem}"
    return notebook.source, notebook, None


def failure_message(exc: BaseException) -> str:
    """What a report says when the grader broke; the exception may quote student text."""
    return f"the grader failed ({type(exc).__name__}: {clean(str(exc), 300)}); please report this"


def _locate_in_cells(report: dict[str, Any], notebook: Converted, filename: str) -> None:
    """Name notebook cells and lines in messages, not lines of the generated module."""
    report["message"] = notebook.locate(report["message"], filename)
    for test in report["tests"]:
        test["message"] = notebook.locate(test["message"], filename)


def _judge_all(
    report: dict[str, Any], plan: Plan, execution: Execution, filename: str, show_hidden: bool
) -> None:
    if execution.load_error is not None:
        report["message"] = _load_error_message(execution, filename)
        return
    results: list[TestResult] = []
    found: dict[str, Explanation] = {}  # what explains each exercise so far, for its callers
    for i, (exercise, cases, expected) in enumerate(plan.groups):
        outcomes = [execution.outcomes[(i, j)] for j in range(len(cases))]
        points = exercise.points / len(cases)
        judged = [
            judge(case, exercise, points, outcome, value, reveal=show_hidden)
            for case, outcome, value in zip(cases, outcomes, expected, strict=True)
        ]
        hints = diagnose(
            exercise, plan.spec.mistakes, cases, expected, outcomes, judged,
            behaviours_of=partial(plan.behaviours, exercise.name), found=found,
            calls=plan.spec.calls.get(exercise.name, ()), combine=plan.spec.combine is not None,
        )  # fmt: skip
        results += [replace(r, hint=h) for r, h in zip(judged, hints, strict=True)]
    totals = exercise_totals(plan.spec.exercises, results)
    score = round(sum(t["score"] for t in totals), 6)
    passed = sum(r.status == "passed" for r in results)
    report.update(
        status="graded",
        score=score,
        exercises=totals,
        tests=[r.to_dict() for r in results],
        message=f"{passed} of {len(results)} tests passed",
    )
    if show_hidden:
        report["message"] += " (hidden tests shown)"


def error_report(*, path: Path, message: str, assignment: str, seed: int) -> dict[str, Any]:
    """The report for a submission that could not even be read."""
    report = _base_report(
        path=path, data=None, assignment=assignment, seed=seed, started=time.monotonic()
    )
    report["message"] = f"cannot grade: {message}"
    return _finish(report)


def write_report(
    report: dict[str, Any], *, output: str, fmt: Format = "native", compact: bool = False
) -> None:
    """Write the report in the chosen format, validated against its schema first."""
    indent = None if compact else 2
    if fmt == "gradescope":
        write_json(to_gradescope(report), "gradescope", output, indent=indent)
    else:
        write_json(report, "report", output, indent=indent)


def grade_path(
    *, path: Path, assignment: str = DEFAULT_ASSIGNMENT, seed: int = 0, **options: Any
) -> tuple[dict[str, Any], str | None]:
    """Like grade_submission (same options), but an unreadable file gets an error report too.

    Returns the report, and the reason when the file could not be read.
    """
    try:
        report = grade_submission(path=path, assignment=assignment, seed=seed, **options)
    except UnreadableSubmission as exc:
        name = load_assignment(assignment).name
        return error_report(path=path, message=str(exc), assignment=name, seed=seed), str(exc)
    return report, None


def grade_file(
    *,
    submission: Path,
    output: str = "report.json",
    fmt: Format = "native",
    seed: int = 0,
    timeout: float = Limits.call_timeout,
    sandbox: SandboxKind = "auto",
    show_hidden: bool = False,
    assignment: str = DEFAULT_ASSIGNMENT,
    box: Sandbox | None = None,
    on_fallback: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Grade ``submission`` and write its report to ``output``; return the native report.

    A report is written in every case. Afterwards UsageError is raised if the
    file could not be read, SandboxUnavailable if the sandbox asked for cannot run
    here, and InternalError if the grader itself failed. ``box`` is a sandbox the
    caller started early (the CLI does, before heavy imports); ``on_fallback`` hears,
    before the student's code runs, that ``auto`` uses the weaker sandbox.
    """
    try:
        with Grader(sandbox=sandbox, limits=Limits(call_timeout=timeout), box=box) as grader:
            grader.on_fallback = on_fallback
            report, unreadable = grade_path(
                path=submission, assignment=assignment, seed=seed, show_hidden=show_hidden,
                grader=grader,
            )  # fmt: skip
            # Every student process is dead already (each run ends with a clean sandbox, where
            # only the zygote is left), so the report can be written before the zygote goes.
            write_report(report, output=output, fmt=fmt)
    except SandboxUnavailable as exc:
        name = load_assignment(assignment).name
        report = error_report(path=submission, message="", assignment=name, seed=seed)
        report.update(status="internal_error", message=f"not graded: {exc}")
        write_report(report, output=output, fmt=fmt)
        raise
    if unreadable:
        raise UnreadableSubmission(unreadable)
    if report["status"] == "internal_error":
        raise InternalError(f"{report['message']} (report written to {output})")
    return report
