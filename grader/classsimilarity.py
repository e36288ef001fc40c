"""A class's similarity on disk: the code read safely, the stub found, similarity.json written.

The batch (``grade DIR -o reports/``) compares the submissions it graded; ``grade report``
and ``grade similar`` compare the submissions their reports name, read again from where
they were graded and used only when their bytes still hash as the report says (a file
changed since is left out, and said). The comparison itself is ``similarity``'s. Nothing
here runs student code or changes a score.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GraderError
from .report import validate, write_json
from .results import now_iso
from .similarity import Fingerprints, Similarity, boilerplate_of, compare, fingerprint
from .spec import Assignment
from .submission import is_notebook, read_submission, source_of
from .text import clean

FILENAME = "similarity.json"
REASON_TEXT = 300


@dataclass(frozen=True)
class Compared:
    """A class's similarity and the code each submission was compared as (for the page)."""

    similarity: Similarity
    texts: dict[str, str]


def stub_texts(assignment: Assignment | None, notebooks: bool = True) -> list[str]:
    """The code every student received: the stub and (``notebooks``) the stub notebook's.

    Generated from the assignment's solution, as ``grade release`` does; an assignment
    without one (or that cannot be loaded here) has no stub to discount. The notebook
    (nbformat, IPython: most of the time this takes) only when notebooks are compared.
    """
    if assignment is None:
        return []
    from . import authoring
    from .ipynb import convert
    from .notebook_builder import notebook_text

    try:
        solution = authoring.solution_file(assignment)
        text = solution.read_text(encoding="utf-8")
        stub = authoring.stub_source(text, str(solution))
        if not notebooks:
            return [stub]
        names = [e.name for e in assignment.exercises]
        notebook = notebook_text(authoring.notebook(text, assignment.name, names))
        return [stub, convert(notebook.encode("utf-8")).source]
    except (GraderError, OSError, ValueError):
        return []


def read_code(ident: str, path: Path, root: Path | None, sha256: str | None = None) -> str:
    """The code of one submission as it is compared (a notebook's code cells).

    Raises GraderError saying why there is none, or that the file is not what was graded.
    """
    data = read_submission(path, root)
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise GraderError("changed since it was graded")
    source = source_of(data, is_notebook(path), None)
    if source.problem is not None:
        raise GraderError(source.problem)
    return source.text


def compare_files(
    files: Sequence[tuple[str, Path, Path | None, str | None]],
    assignment: Assignment | None,
    left_out: dict[str, str] | None = None,
) -> Compared:
    """Compare submissions given as (id, path, root, sha256 or None)."""
    stubs = stub_texts(assignment, any(is_notebook(path) for _, path, _, _ in files))
    boilerplate = boilerplate_of(stubs)
    prints: list[Fingerprints] = []
    texts: dict[str, str] = {}
    missing = dict(left_out or {})
    for ident, path, root, sha256 in files:
        try:
            text = read_code(ident, path, root, sha256)
        except GraderError as exc:
            missing[ident] = clean(str(exc), REASON_TEXT)
            continue
        found = fingerprint(ident, text, boilerplate)
        prints.append(found)
        texts[ident] = found.text
    similarity = compare(prints, stub=bool(stubs))
    similarity.left_out.update(missing)
    return Compared(similarity, texts)


class InBackground:
    """``compare_files`` in a thread of its own: a batch compares the class while its
    workers grade it (reading the files is all it shares with them).

    Started by ``start`` once the workers exist, never before a fork: a forked worker
    inherits every lock the thread holds at that moment, and a thread halfway through an
    import holds that module's lock, so a worker importing the same module (IPython, for
    a notebook) would wait for it forever. ``settle`` waits for the thread before another
    fork; ``result`` starts it if nothing did.
    """

    def __init__(
        self,
        files: Sequence[tuple[str, Path, Path | None, str | None]],
        assignment: Assignment | None,
    ) -> None:
        self.compared: Compared | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(list(files), assignment),
                                        name="similarity", daemon=True)  # fmt: skip
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def settle(self) -> None:
        """No thread of ours runs when this returns (it finished, or never started)."""
        if self._started:
            self._thread.join()

    def _run(
        self, files: list[tuple[str, Path, Path | None, str | None]], assignment: Assignment | None
    ) -> None:
        try:
            self.compared = compare_files(files, assignment)
        except BaseException as exc:  # handed to the caller of result()
            self.error = exc

    def result(self) -> Compared:
        """The comparison, once done; what it raised is raised here."""
        self.start()
        self._thread.join()
        if self.error is not None:
            raise self.error
        assert self.compared is not None
        return self.compared


def compare_reports(
    reports: dict[str, dict[str, Any]], folders: Sequence[Path], assignment: Assignment | None
) -> Compared:
    """Compare the submissions ``reports`` name, found where they were graded.

    A report's path is tried as it is (relative to the working folder), then beside
    each report folder's parent (``course/reports`` and ``course/submissions``).
    """
    files: list[tuple[str, Path, Path | None, str | None]] = []
    left_out: dict[str, str] = {}
    for ident, report in reports.items():
        submission = report.get("submission") or {}
        recorded, sha256 = submission.get("path"), submission.get("sha256")
        if not recorded or not sha256:
            left_out[ident] = "no file was read when it was graded"
            continue
        path = _locate(Path(recorded), folders)
        if path is None:
            left_out[ident] = "its file is no longer where it was graded"
            continue
        files.append((ident, path, path.parent, sha256))
    return compare_files(files, assignment, left_out)


def _locate(recorded: Path, folders: Sequence[Path]) -> Path | None:
    candidates = [recorded] + ([] if recorded.is_absolute() else
                               [folder.parent / recorded for folder in folders])  # fmt: skip
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None


def write_similarity(similarity: Similarity, folder: Path, assignment: str) -> Path:
    """similarity.json in ``folder``, validated against its schema before it is written."""
    target = folder / FILENAME
    write_json(similarity.to_dict(assignment, now_iso()), "similarity", str(target))
    return target


def read_similarity(folder: Path) -> dict[str, Any] | None:
    """A similarity.json written earlier in ``folder``, or None when there is no valid one."""
    try:
        document = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
        validate(document, "similarity")
    except (OSError, ValueError, GraderError):
        return None
    return dict(document)
