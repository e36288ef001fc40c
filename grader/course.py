"""The course folder: where the assignments an instructor grades against live.

A course folder holds ``assignments/``, a package (``assignments/__init__.py``) with at
least one assignment in it: a sub-package, or a module whose name does not start with
``_``. This repository is one; ``grade new`` makes one. The installed grader is the
engine only, so the course is found, not assumed, the way git finds a repository; the
first of these wins:

1. the folder named by ``use`` (the CLI's ``--course DIR``), else ``$GRADER_COURSE``:
   it must be a course folder;
2. the working folder, then its parents;
3. the folders above the submissions: above a folder of submissions named on the
   command line, or above the folder that holds a submission file named there
   (``course/submissions/alice.py`` finds ``course``);
4. the folder the grader is installed from, when it is a course (``pip install -e .``
   in the course folder).

Finding a course imports its ``assignments`` package in the grader's process, so no
folder a student could have handed in is ever looked at: not a folder of submissions
named on the command line, nor anything in it, nor the folder that holds a submission
file (a student's unzipped folder could hold an ``assignments/`` of its own).

With none, an ``assignments`` package on the Python path is used as it is
(``PYTHONPATH``). A student kit looks for no course: it carries its assignment inside
its own package (``registry.KIT``). Only when there is none either is
``not_found`` the error, which says where it looked and how to point at a course.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import UnknownAssignment, UsageError

PACKAGE = "assignments"  # the package of a course's assignments, one module each
ENV = "GRADER_COURSE"
# The folder that holds the engine's package: a course when the grader was installed
# from the course's own folder (editable), site-packages otherwise.
ENGINE_HOME = Path(__file__).resolve().parent.parent
PROJECT_FILE = "pyproject.toml"  # beside the engine only in a source tree, never in site-packages
MOST_FOLDERS = 32  # distinct submission folders looked at (a class shares a few)

FROM_OPTION = "--course"
FROM_ENV = "$" + ENV
FROM_CWD = "the working folder"
FROM_SUBMISSION = "the folders above the submission"
FROM_ENGINE = "the folder the grader is installed from"


@dataclass(frozen=True)
class Course:
    """A course folder, and how it was found."""

    folder: Path
    found_from: str

    @property
    def announcement(self) -> str:
        """One line for the person grading (stderr): which course folder, and why."""
        return f"Course folder: {self.folder} (from {self.found_from})"


_named: Path | None = None  # --course, for this process (a batch worker gets its parent's)
_submissions: tuple[Path, ...] = ()  # the submissions being graded: where to look next


def use(folder: str | Path | None) -> None:
    """Grade against the course in ``folder`` from now on (None: find it again)."""
    global _named
    _named = None if folder is None or str(folder) == "" else Path(folder)


def grading(submissions: Iterable[tuple[Path, Path | None]]) -> None:
    """The submissions being graded, each file with the folder named on the command line
    that holds it (None for a file named itself): what is above them is searched after
    the working folder, never they themselves (see the module's doc)."""
    global _submissions
    folders = dict.fromkeys(_above(path, named) for path, named in submissions)
    _submissions = tuple(list(folders)[:MOST_FOLDERS])


def is_course(folder: Path) -> bool:
    """Whether ``folder`` holds an ``assignments`` package with an assignment in it."""
    package = folder / PACKAGE
    try:
        if not (package / "__init__.py").is_file():
            return False
        return any(
            not item.name.startswith(("_", "."))
            and ((item / "__init__.py").is_file() or (item.suffix == ".py" and item.is_file()))
            for item in package.iterdir()
        )
    except OSError:  # unreadable: not a course we can grade from
        return False


def find() -> Course | None:
    """The course folder to grade from (see the module's doc), or None.

    Raises UsageError when ``--course`` or ``$GRADER_COURSE`` names no course folder.
    """
    named = _named_course()
    if named is not None:
        return named
    found = _upwards(_cwd())
    if found is not None:
        return Course(found, FROM_CWD)
    for folder in _submissions:
        found = _upwards(folder)
        if found is not None:
            return Course(found, FROM_SUBMISSION)
    if (ENGINE_HOME / PROJECT_FILE).is_file() and is_course(ENGINE_HOME):
        return Course(ENGINE_HOME, FROM_ENGINE)
    return None


def _named_course() -> Course | None:
    for value, how in ((_named, FROM_OPTION), (os.environ.get(ENV) or None, FROM_ENV)):
        if value is None:
            continue
        folder = Path(value).expanduser()
        if not is_course(folder):
            why = f"it has no {PACKAGE}/ package with an assignment in it"
            if not folder.is_dir():
                why = "no such folder"
            raise UsageError(f"{how} {value}: not a course folder ({why})")
        return Course(folder.resolve(), how)
    return None


def _upwards(start: Path | None) -> Path | None:
    """The nearest course folder at ``start`` or above it."""
    if start is None:
        return None
    for folder in (start, *start.parents):
        if is_course(folder):
            return folder
    return None


def _cwd() -> Path | None:
    try:
        return Path.cwd()
    except OSError:  # the working folder was deleted
        return None


def _above(path: Path, named: Path | None) -> Path:
    """Where the search from a submission starts: above the folder named on the command
    line, or above the folder that holds the file named there."""
    start = Path(os.path.abspath(named if named is not None else path.parent))
    return start.parent  # not resolved: a link's own folder is where it is


def not_found() -> UnknownAssignment:
    """The error for no course anywhere: where it looked, and the two ways to name one."""
    places: list[str] = []
    cwd = _cwd()
    if cwd is not None:
        places.append(f"{cwd} and its parents ({FROM_CWD})")
    others = [f for f in _submissions if cwd is None or not cwd.is_relative_to(f)]
    places += [f"{folder} and its parents ({FROM_SUBMISSION})" for folder in others[:3]]
    if len(others) > 3:
        places.append(f"{len(others) - 3} more submission folders")
    places.append(f"{ENGINE_HOME} ({FROM_ENGINE})")
    return UnknownAssignment(
        f"no course folder found (a folder whose {PACKAGE}/ package holds an assignment): "
        f"looked in {'; '.join(places)}. Grade from inside the course folder, or name it "
        f"with --course DIR or {ENV}=DIR"
    )


# ---------------------------------------------------------------- the import path

_active: Path | None = None  # the course folder the assignments are imported from
_loaded: set[str] = set()  # modules imported from it (its package, its solutions)


def activate() -> Course | None:
    """Make the found course's ``assignments`` the one imported (once per course); return it.

    A course folder goes first on ``sys.path``. When the course changes (a library caller
    grading for two courses), what was imported from the previous one is forgotten, so
    that nothing of one course is graded against another's.
    """
    global _active
    course = find()
    if course is None or course.folder == _active:
        return course
    top = str(course.folder)
    if top in sys.path:
        sys.path.remove(top)
    sys.path.insert(0, top)
    stale = set(_loaded)
    package = sys.modules.get(PACKAGE)
    if package is not None and not _inside(getattr(package, "__file__", None), course.folder):
        stale |= {m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")}
    for name in stale:
        sys.modules.pop(name, None)
    _loaded.clear()
    _active = course.folder
    return course


def note_loaded(names: Sequence[str]) -> None:
    """Remember the modules just imported from the active course (forgotten on a switch)."""
    if _active is None:
        return
    engine = Path(__file__).resolve().parent
    for name in names:
        where = getattr(sys.modules.get(name), "__file__", None)
        if _inside(where, _active) and not _inside(where, engine):
            _loaded.add(name)


def _inside(file: str | None, folder: Path) -> bool:
    return file is not None and Path(file).resolve().is_relative_to(folder)
