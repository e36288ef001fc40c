"""Turn native reports into the files learning-management systems import.

``canvas`` (gradebook CSV, a row per roster student), ``lti`` (AGS Score objects:
one file each in a folder, or JSON lines; one file for one report), ``gradescope``
(one results.json per submission, in a folder; or one file for one report) and
``junit`` (XML). JSON outputs are validated against their schemas before they
are written; each format's own published schema is checked in the suite.

One student never breaks a class: a report that cannot be read, or a row that
cannot be written, is left out and said in a warning, and everything else is
written. The count returned is the rows actually written. What would write a
useless file (no reports, a roster that matches nobody) raises UsageError.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import GraderError, UsageError
from .lms.canvas import to_canvas_csv
from .lms.gradescope import HIDDEN_DEFAULT, HiddenVisibility, to_gradescope
from .lms.junit import to_junit
from .lms.lti import to_lti_scores
from .lms.roster import Pairing, pair, quoted
from .report import validate, write_json, write_text
from .text import clean, valid_unicode

Target = Literal["canvas", "lti", "gradescope", "junit"]
# What ``grade DIR -o reports/``, ``grade merge`` and ``grade similar`` write beside the reports.
_SUMMARY = re.compile(r"summary(\.shard-\d+-of-\d+)?\.json|similarity\.json")
REASON_TEXT = 200  # a validation error in a warning: enough to find the field


@dataclass
class Collected:
    """Reports by submission id, where each came from, and what was left out and why."""

    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def collect_reports(paths: Sequence[Path]) -> Collected:
    """Reports by id from files as given and every report in a folder; warnings for the rest.

    A file named on the command line must be a report (UsageError otherwise); a file
    in a folder that is not one is skipped with a warning. A second report with an
    id already seen is not merged into the first: it is left out, and said.
    """
    found = Collected()
    for path in paths:
        if path.is_dir():
            for item in sorted(path.glob("*.json")):
                if not _SUMMARY.fullmatch(item.name):
                    _add(found, item, strict=False)
        else:
            _add(found, path, strict=True)
    if not found.reports:
        raise UsageError("no reports found in " + ", ".join(map(str, paths)))
    return found


def load_reports(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    """Reports by submission id (see ``collect_reports``, which also says what it left out)."""
    return collect_reports(paths).reports


def _add(found: Collected, path: Path, *, strict: bool) -> None:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        validate(report, "report")
    except (OSError, ValueError, GraderError) as exc:
        reason = clean(str(exc), REASON_TEXT)
        if strict:
            raise UsageError(f"{path} is not a valid report ({reason})") from None
        found.warnings.append(f"skipped {path}: not a valid report ({reason})")
        return
    ident = path.stem
    if ident in ("report", "results"):  # a single run's default name: use the submission's
        ident = Path(report["submission"]["path"]).stem
    if ident in found.reports:
        kept = found.reports[ident]
        found.warnings.append(
            f"two reports for {quoted(ident)}: kept {found.paths[ident]} "
            f"(score {kept['score']:g}), left out {path} (score {report['score']:g})"
        )
        return
    found.reports[ident] = report
    found.paths[ident] = path


def class_maximum(reports: Mapping[str, Mapping[str, Any]]) -> float:
    """The assignment's maximum score: the largest a report gives, else the assignment's own.

    An ungradable report from an older grader says max_score 0; the class's
    graded reports, or the installed assignment, know the real one.
    """
    found = float(max((r["max_score"] for r in reports.values()), default=0.0))
    if found > 0:
        return found
    for name in dict.fromkeys(r["assignment"] for r in reports.values()):
        try:
            return float(sum(e.points for e in _assignment(name).exercises))
        except GraderError:
            continue
    return 0.0


def _assignment(name: str) -> Any:
    from .grade import load_assignment  # the engine, only when a report cannot say

    return load_assignment(name)


def read_roster(path: Path, match: str) -> list[dict[str, str]]:
    """The roster's students (a Canvas export's Points Possible row left out)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"cannot read roster {path}: {reason}") from None
    if rows and match not in rows[0]:
        columns = ", ".join(quoted(c) for c in rows[0] if c)
        raise UsageError(f"the roster has no column {quoted(match)} (it has {columns})")
    students = [r for r in rows
                if not (r.get("Student") or "").strip().startswith("Points Possible")]  # fmt: skip
    if not students:
        raise UsageError(f"the roster {path} lists no students")
    return students


def paired(reports: Mapping[str, Any], roster: Sequence[Mapping[str, str]], match: str) -> Pairing:
    """Roster students with their submissions; UsageError, saying why, when nobody pairs."""
    pairing = pair(reports, roster, match)
    if pairing.pairs:
        return pairing
    example = next((s.get(match) or "" for s in roster if (s.get(match) or "").strip()), "")
    ident = next(iter(reports))
    hint = _better_column(reports, roster, match)
    raise UsageError(
        f"no submission matches the roster's {quoted(match)} column: the roster has values "
        f"like {quoted(example)}, the reports are named like {quoted(ident)}{hint}"
    )


def _better_column(
    reports: Mapping[str, Any], roster: Sequence[Mapping[str, str]], match: str
) -> str:
    """A roster column that would pair students, to suggest; or nothing."""
    counts = {c: len(pair(reports, roster, c).pairs) for c in roster[0] if c and c != match}
    best = max(counts, key=lambda c: counts[c], default=None)
    if best is None or not counts[best]:
        return ""
    return f" (column {quoted(best)} matches {counts[best]}: try --match-column {quoted(best)})"


@dataclass(frozen=True)
class Request:
    """What to export, and where to: the ``export`` arguments after the reports are read."""

    reports: dict[str, dict[str, Any]]
    output: str
    roster: list[dict[str, str]] | None
    match: str
    column: str | None
    maximum: float
    missing: str = "0"  # Canvas: the cell of a roster student without a submission
    hidden: HiddenVisibility = HIDDEN_DEFAULT  # Gradescope: the visibility of hidden tests


def export(
    *,
    to: Target,
    reports: Sequence[Path],
    output: str,
    roster: Path | None = None,
    match: str = "SIS Login ID",
    column: str | None = None,
    missing: str = "0",
    hidden: HiddenVisibility = HIDDEN_DEFAULT,
) -> tuple[int, list[str]]:
    """Write ``output`` in format ``to``; return the rows written and warnings about the rest.

    ``missing`` is what Canvas gets for a roster student without a submission: a
    number of points, or ``""`` (or ``empty``) to leave the cell empty; ``hidden`` is
    the Gradescope visibility of hidden tests (``after_due_date`` or ``hidden``).
    """
    found = collect_reports(reports)
    students = read_roster(roster, match) if roster else None
    request = Request(found.reports, output, students, match, column,
                      class_maximum(found.reports), missing_cell(missing), hidden)  # fmt: skip
    count, warnings = _WRITERS[to](request)
    return count, found.warnings + warnings


def missing_cell(value: str) -> str:
    """``--missing``: points (``0``, ``12.5``) or ``empty``; UsageError for anything else."""
    text = value.strip()
    if text.lower() in ("", "empty", "blank", "none"):
        return ""
    try:
        points = float(text)
    except ValueError:
        points = -1.0
    if not (points >= 0 and points != float("inf")):
        raise UsageError(f"--missing {value!r}: give points (e.g. 0) or 'empty'")
    return f"{points:.2f}".rstrip("0").rstrip(".")


def _canvas(request: Request) -> tuple[int, list[str]]:
    reports = request.reports
    count = len(reports)
    if request.roster is not None:
        paired(reports, request.roster, request.match)  # refuses a roster that pairs nobody
        count = len(request.roster)  # a row per student, with a submission or not
    title = request.column or _title(next(iter(reports.values()))["assignment"])
    text, warnings = to_canvas_csv(reports, column=title, roster=request.roster,
                                   match=request.match, maximum=request.maximum,
                                   missing=request.missing)  # fmt: skip
    write_text(text, request.output)
    return count, warnings


def _lti(request: Request) -> tuple[int, list[str]]:
    reports, warnings = request.reports, []
    user_ids = None
    if request.roster is not None:
        # With a roster, a submission nobody claims has no LMS user to post to.
        pairing = paired(reports, request.roster, request.match)
        reports = {ident: reports[ident] for _, ident in pairing.pairs}
        user_ids = {ident: s.get("ID") or ident for s, ident in pairing.pairs}
        warnings = pairing.warnings
    scores: dict[str, dict[str, Any]] = {}
    built = to_lti_scores(reports, user_ids=user_ids, maximum=request.maximum)
    for ident, score in zip(reports, built, strict=True):
        problem = _invalid([score], "lti-scores")
        if problem:
            warnings.append(f"left out {quoted(ident)}: {problem}")
            continue
        scores[ident] = score
        progress = score["gradingProgress"]
        if progress != "FullyGraded":
            why = "the grader failed on it" if progress == "Failed" else "it could not be graded"
            warnings.append(f"{quoted(ident)} is not graded ({why}): exported as "
                            f"gradingProgress {progress}, without a score")  # fmt: skip
    if not scores:
        raise UsageError("no score could be exported: " + "; ".join(warnings[-3:]))
    _write_scores(scores, request.output)
    return len(scores), warnings


def _write_scores(scores: dict[str, dict[str, Any]], output: str) -> None:
    """Score objects (validated) as the Score media type takes them, one per user: a file
    each in a folder, or one per line (``.jsonl``, ``-``); one object for one report."""
    lines = output == "-" or output.lower().endswith((".jsonl", ".ndjson"))
    if lines:
        text = "".join(json.dumps(valid_unicode(s), allow_nan=False) + "\n"
                       for s in scores.values())  # fmt: skip
        write_text(text, output)
        return
    target = Path(output)
    if output.lower().endswith(".json") and not target.is_dir():
        if len(scores) > 1:
            raise UsageError(
                f"{len(scores)} scores are {len(scores)} Score objects (one per student): -o "
                f"must be a folder (e.g. -o scores/) or a .jsonl file, not {output!r}"
            )
        write_text(json.dumps(valid_unicode(next(iter(scores.values()))), indent=2) + "\n",
                   output)  # fmt: skip
        return
    if target.exists() and not target.is_dir():
        raise UsageError(f"{output} is a file: one Score file per student needs a folder for -o")
    for ident, score in scores.items():
        write_text(json.dumps(valid_unicode(score), indent=2) + "\n", str(target / f"{ident}.json"))


def _gradescope(request: Request) -> tuple[int, list[str]]:
    reports, warnings, written = request.reports, [], 0
    destinations = _gradescope_files(list(reports), request.output)
    for ident, report in reports.items():
        results = to_gradescope(report, hidden=request.hidden)
        problem = _invalid(results, "gradescope")
        if problem:
            warnings.append(f"left out {quoted(ident)}: {problem}")
            continue
        write_json(results, "gradescope", destinations[ident])
        written += 1
    return written, warnings


def _gradescope_files(idents: list[str], output: str) -> dict[str, str]:
    """Where each results.json goes: ``output`` itself for one report named *.json or ``-``."""
    target = Path(output)
    single = output == "-" or (output.lower().endswith(".json") and not target.is_dir())
    if single and len(idents) == 1:
        return {idents[0]: output}
    if single:
        raise UsageError(
            f"{len(idents)} reports give {len(idents)} results.json files: -o must be a folder "
            f"(e.g. -o gradescope/), not {output!r}"
        )
    if target.exists() and not target.is_dir():
        raise UsageError(f"{output} is a file: the results.json files need a folder for -o")
    return {ident: str(target / f"{ident}.json") for ident in idents}


def _junit(request: Request) -> tuple[int, list[str]]:
    reports = request.reports
    write_text(to_junit(reports, name=next(iter(reports.values()))["assignment"]), request.output)
    return len(reports), []


_WRITERS: dict[str, Callable[[Request], tuple[int, list[str]]]] = {
    "canvas": _canvas, "lti": _lti, "gradescope": _gradescope, "junit": _junit,
}  # fmt: skip


def _invalid(document: Any, schema: str) -> str | None:
    """Why ``document`` would be refused by its schema, or None."""
    try:
        validate(document, schema)
    except GraderError as exc:
        return clean(str(exc), REASON_TEXT)
    return None


def _title(assignment: str) -> str:
    """The assignment's title for a new Canvas column, or its name if it is not installed."""
    try:
        return str(_assignment(assignment).title)
    except GraderError:
        return assignment
