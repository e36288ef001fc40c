"""A class's summary: one row per submission, in summary.json (validated) and summary.csv,
and the merge of several runs' (shards') reports into one summary.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .errors import GraderError, UsageError
from .report import SCHEMA_VERSION, make_folder, validate, write_json, write_text
from .results import now_iso
from .text import clean, csv_cell


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


CSV_FIELDS = ["id", "path", "status", "score", "max_score"]
NOTE = "note"  # summary.csv's last column: what an instructor must check on that row


def write_class_summary(
    rows: Iterable[dict[str, Any]],
    output: Path,
    *,
    assignment: str,
    seed: int,
    shard: tuple[int, int] | None = None,
    notes: Mapping[str, str] | None = None,
) -> tuple[Path, Path]:
    """summary.json (validated) and summary.csv, one row per submission.

    ``notes`` (by id) go in summary.csv's last column, e.g. that ids clashed.
    """
    rows = list(rows)
    notes = notes or {}
    stem = f"summary.shard-{shard[0]}-of-{shard[1]}" if shard else "summary"
    document = {
        "schema_version": SCHEMA_VERSION,
        "assignment": assignment,
        "grader_version": __version__,
        "seed": seed,
        "generated_at": now_iso(),
        "submissions": [
            row | ({"note": notes[row["id"]]} if row["id"] in notes else {}) for row in rows
        ],
    }
    json_path, csv_path = output / f"{stem}.json", output / f"{stem}.csv"
    write_json(document, "summary", str(json_path))
    exercises = list(dict.fromkeys(e for row in rows for e in row["exercises"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_FIELDS, *exercises, NOTE])
    for row in rows:  # ids and paths are named by students: no cell may run as a formula
        cells = [row[f] for f in CSV_FIELDS] + [row["exercises"].get(e, "") for e in exercises]
        cells.append(notes.get(row["id"], ""))
        writer.writerow([csv_cell(cell) for cell in cells])
    write_text(buffer.getvalue(), str(csv_path))
    return json_path, csv_path


@dataclass(frozen=True)
class Counts:
    """How many submissions a run had, and what became of them."""

    submissions: int
    graded: int  # the tests ran (status graded)
    not_gradable: int  # status error or internal_error: a report that says why
    failed: int  # of those, the grader's own failures (internal_error): to report
    reused: int  # reports of an earlier run kept as they were


def counts(rows: Sequence[dict[str, Any]], reused: int = 0) -> Counts:
    """The counts of a run's summary rows, each row counted once by its status."""
    graded = sum(row["status"] == "graded" for row in rows)
    failed = sum(row["status"] == "internal_error" for row in rows)
    return Counts(len(rows), graded, len(rows) - graded, failed, reused)


def merge(*, directories: Sequence[Path], output: Path | None = None) -> list[dict[str, Any]]:
    """Join the reports of several runs (shards) into one class folder, ``output``.

    The folder every later command takes (export, report, another merge): the reports
    themselves (copied there when they live elsewhere) and the joint summary, with the
    notes the runs' summaries carried (clashing ids and the like).
    """
    rows: list[dict[str, Any]] = []
    reports: dict[str, tuple[Path, dict[str, Any]]] = {}
    notes: dict[str, str] = {}
    seeds: set[int] = set()
    assignments: set[str] = set()
    for directory in directories:
        if not directory.is_dir():
            raise UsageError(f"{directory} is not a directory")
        notes |= _notes(directory)
        for path in sorted(directory.glob("*.json")):
            if path.name.startswith("summary") or not path.is_file():
                continue
            try:
                report = json.loads(path.read_text())
                validate(report, "report")
            except (OSError, ValueError, GraderError):
                continue  # not a report of ours
            if path.stem not in reports:  # the same report twice counts once
                reports[path.stem] = (path, report)
                rows.append(summary_row(path.stem, report))
            seeds.add(report["seed"])
            assignments.add(report["assignment"])
    if not rows:
        raise UsageError("no reports found in " + ", ".join(map(str, directories)))
    if len(seeds) > 1 or len(assignments) > 1:
        raise UsageError("these reports mix seeds or assignments; merge runs of one grading only")
    target = output or directories[0]
    make_folder(target)
    for ident, (path, report) in reports.items():
        if path.parent.resolve() != target.resolve():
            write_json(report, "report", str(target / f"{ident}.json"))
    write_class_summary(rows, target, assignment=assignments.pop(), seed=seeds.pop(),
                        notes={k: v for k, v in notes.items() if k in reports})  # fmt: skip
    return rows


def _notes(directory: Path) -> dict[str, str]:
    """The notes of a run's summaries (summary.json, its shards'), by id; unreadable: none."""
    found: dict[str, str] = {}
    for path in sorted(directory.glob("summary*.json")):
        try:
            document = json.loads(path.read_text())
            validate(document, "summary")
        except (OSError, ValueError, GraderError):
            continue
        found |= {r["id"]: r["note"] for r in document["submissions"] if r.get("note")}
    return found
