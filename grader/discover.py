"""Finding a class's submissions: files and students' folders, their ids, and shards.

Folders are the students' material: links are never followed while walking them. A
student's folder is resolved to one file by the assignment (the file it names, else the
one file that defines its functions), or says why it cannot be.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import registry
from .errors import UsageError
from .spec import Assignment
from .submission import SUFFIXES
from .text import clean


@dataclass(frozen=True)
class Submission:
    """One student's file, the id its report and summary row are named by, and its root.

    ``root`` is the folder the instructor named: links up to it are followed, links
    below it are the student's and are not (``read_submission``).
    """

    id: str
    path: Path
    root: Path | None = None
    problem: str | None = None  # why this student's folder has no one file to grade
    clash: str | None = None  # the other submissions with the same name, and their ids


def _id_for(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "submission"


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


def _pick_file(
    folder: Path, assignment: Assignment, root: Path | None
) -> tuple[Path | None, str | None]:
    """A student's folder: the file the assignment names, else its only .py (or .ipynb)
    file, else the one file that defines the assignment's functions.

    Without any, a link in the folder (refused when read, so the student learns why), or
    None when the folder holds nothing to grade. When none or several of its files define
    the assignment's functions, the folder itself, and why it cannot be graded.
    """
    files, links = _entries(folder)
    named = [p for p in files if p.name == assignment.submission_name]
    if named:
        return min(named, key=lambda p: (len(p.parts), p)), None
    if len(files) == 1:
        return files[0], None
    if not files:
        return (links[0] if links else None), None
    defining = [p for p in files if registry.defines_exercises(p, assignment, root)]
    if len(defining) == 1:
        return defining[0], None
    listed = ", ".join(p.relative_to(folder).as_posix() for p in (defining or files))
    which = "several of its files define" if defining else "none of its files defines"
    return folder, (
        f"{which} the functions of assignment {assignment.name!r} ({listed}) and none is "
        f"named {assignment.submission_name}: hand in one {assignment.submission_name}"
    )


def student_file(folder: Path, assignment: Assignment) -> tuple[Path | None, str | None]:
    """One student's folder on its own (a Gradescope submission), resolved as a batch
    resolves each student's folder: ``_pick_file``, links below ``folder`` refused."""
    return _pick_file(folder, assignment, folder)


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


def candidates(paths: Sequence[Path]) -> list[tuple[Path, Path | None]]:
    """Every file that may be a submission under ``paths``, and its root: what the
    assignment of a class is chosen from (``registry.choose_for``)."""
    found: list[tuple[Path, Path | None]] = []
    for path in paths:
        if not path.is_dir():
            found.append((path, None))
            continue
        files, folders = _classify(path)
        found += [(f, path) for f in files]
        for folder in folders:
            if not folder.is_symlink():
                found += [(f, path) for f in _entries(folder)[0]]
    return found


def discover(
    paths: Sequence[Path],
    assignment: Assignment | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Submission]:
    """Files as given; a folder means its .py and .ipynb files, or one per sub-folder.

    A student's folder is resolved to its file by the assignment (``_pick_file``);
    without one, the assignment is chosen from the files found. What was handed in twice
    (a file named and also in a folder named) is graded once; names that clash get ids by
    ``_name``. ``on_warning`` hears of both, one message each.
    """
    if assignment is None:
        assignment = registry.choose_for(candidates(paths)).assignment
    return _name(_once(_found(paths, assignment), on_warning), on_warning)


@dataclass(frozen=True)
class _Found:
    """A submission before it has an id: what was handed in, and how its id is chosen."""

    name: str  # the id it wants: its file's stem, or its folder's name
    path: Path  # the file to grade, or the student's folder when it has none
    root: Path | None
    problem: str | None
    source: Path  # what was handed in: the file, or the student's folder
    rank: int  # who keeps the plain id when names clash: .py, then .ipynb, then a folder
    label: str  # what the id of one that does not keep it adds: .py, .ipynb or -folder


def _file(path: Path, root: Path | None) -> _Found:
    suffix = path.suffix
    rank = SUFFIXES.index(suffix) if suffix in SUFFIXES else len(SUFFIXES)
    return _Found(_id_for(path.stem), path, root, None, path, rank, suffix or "-file")


def _found(paths: Sequence[Path], assignment: Assignment) -> list[_Found]:
    """Every submission under ``paths``, in the order given (a folder's entries sorted)."""
    found: list[_Found] = []
    for path in paths:
        if not path.is_dir():
            found.append(_file(path, None))
            continue
        files, folders = _classify(path)
        found += [_file(f, path) for f in files]
        for folder in folders:
            picked: Path | None = folder
            problem: str | None = None
            if not folder.is_symlink():
                picked, problem = _pick_file(folder, assignment, path)
            if picked is not None:
                found.append(_Found(_id_for(folder.name), picked, path, problem, folder,
                                    len(SUFFIXES) + 1, "-folder"))  # fmt: skip
    return found


def _once(found: list[_Found], on_warning: Callable[[str], None] | None) -> list[_Found]:
    """Each thing handed in once: the same file named twice is one student, not two."""
    seen: set[str] = set()
    kept: list[_Found] = []
    for item in found:
        key = os.path.abspath(item.source)  # not resolved: a student's link stays theirs
        if key in seen:
            if on_warning:
                on_warning(f"{clean(str(item.source))} was given twice: graded once")
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _name(found: list[_Found], on_warning: Callable[[str], None] | None) -> list[Submission]:
    """Give each submission its id, in the order found.

    When several want the same id, it goes to a ``.py`` file, else a notebook, else a
    folder (the first given among equals); each other one gets an id that says what it
    is (``alice.ipynb``, ``alice-folder``, then ``-2``, ``-3`` if even that is taken), so
    that it matches no roster row by mistake. Each clash is told to ``on_warning`` and
    noted on every submission in it.
    """
    groups: dict[str, list[int]] = {}
    for index, item in enumerate(found):
        groups.setdefault(item.name, []).append(index)
    taken = set(groups)  # every plain id is kept for one that wants it
    ids: dict[int, str] = {}
    notes: dict[int, str] = {}
    for name, members in groups.items():
        first, *others = sorted(members, key=lambda i: found[i].rank)
        ids[first] = name
        for index in others:
            ids[index] = _free(_id_for(name + found[index].label), taken)
        if others:
            clash = _clash(name, [(found[i].source, ids[i]) for i in (first, *others)])
            notes.update(dict.fromkeys((first, *others), clash))
            if on_warning:
                on_warning(clash)
    return [
        Submission(ids[i], item.path, item.root, item.problem, notes.get(i))
        for i, item in enumerate(found)
    ]


def _free(ident: str, taken: set[str]) -> str:
    """``ident``, or ``ident-2``, ``ident-3``...: the first not taken; now taken."""
    unique, n = ident, 1
    while unique in taken:
        n += 1
        unique = f"{ident}-{n}"
    taken.add(unique)
    return unique


def _clash(name: str, members: list[tuple[Path, str]]) -> str:
    """What an instructor must know of one clash: who has which id, and what to check."""
    who = "; ".join(f"{clean(str(source))} is {ident!r}" for source, ident in members)
    return (f"{len(members)} submissions are named {name!r}: {who}. Only {name!r} matches "
            f"a roster row: check which one the student meant")  # fmt: skip


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
