"""Assignments: where they are, how one is loaded, and which one a submission is for.

An assignment is a module (a ``.py`` file or a package) that defines ``ASSIGNMENT``, a
``spec.Assignment``. Installed ones are the modules of the top-level ``assignments``
package, known by their short name (``--assignment NAME``); any other is named by its
path (``--assignment path/to/module_or_package``) and loaded from there, under a module
name made from its resolved path, so that two different paths never clash. A dotted
module path (``pkg.module``) works too.

Without a name, the submission chooses: its file name (an assignment's
``submission_name``), else the functions it defines (parsed, never run: the assignment
it defines most exercises of), else the default the ``assignments`` package declares
(``DEFAULT = "name"``), else the only assignment there is. The engine itself names none.

The ``assignments`` package is the course folder's (``course``: found from the working
folder, the submissions' folders, ``--course`` or ``$GRADER_COURSE``), else the one
installed with the grader (a student kit's).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import pkgutil
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from . import course as courses
from .course import Course
from .errors import UnknownAssignment, UnreadableSubmission
from .spec import Assignment
from .submission import defined_functions, is_notebook, read_submission

# Where installed assignments live, one module each: a student kit carries its own inside
# its engine package (NAME_kit.assignments, so kits never clash); a course, in the
# top-level ``assignments`` package of its folder.
_OWN = f"{__package__}.assignments"
PACKAGE = _OWN if importlib.util.find_spec(_OWN) is not None else "assignments"
KIT = PACKAGE == _OWN  # a kit grades its own assignment: no course folder is looked for
LOADED_PREFIX = "_graded_assignment_"  # modules loaded from a path get names like this

NAMED = "its name"  # the reason of a Choice made by --assignment

_by_path: dict[Path, ModuleType] = {}


@dataclass(frozen=True)
class Choice:
    """The assignment a submission is graded against, and how it was chosen."""

    assignment: Assignment
    ref: str  # what loads it again (name, dotted module or path): batch workers, bundles
    reason: str  # "named", "the file name", "the functions it defines", "the default"...
    course: Course | None = None  # the course folder it came from (None: a path, a kit)

    @property
    def named(self) -> bool:
        return self.reason == NAMED

    @property
    def announcement(self) -> str | None:
        """One line for the person grading: which assignment, and why (None if named)."""
        if self.named:
            return None
        return f"Grading against assignment {self.assignment.name!r} (found from {self.reason})"


def is_path(ref: str) -> bool:
    """Whether ``--assignment REF`` names a file or folder (``x.py``, ``./pkg``, ``a/b``)."""
    return "/" in ref or "\\" in ref or ref.endswith(".py")


def load(ref: str) -> Assignment:
    """The assignment ``ref`` names: a short name, a dotted module path, or a path."""
    return _assignment_of(module_of(ref), ref)


def module_of(ref: str) -> ModuleType:
    """The module that defines the assignment ``ref`` names (imported once)."""
    if is_path(ref):
        return _load_path(Path(ref))
    course = _activate()
    if not re.fullmatch(r"[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*", ref):
        raise UnknownAssignment(f"no assignment named {ref!r}")
    name = ref if "." in ref else f"{PACKAGE}.{ref}"
    before = set(sys.modules)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == PACKAGE and course is None:
            raise courses.not_found() from None
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            raise UnknownAssignment(f"no assignment named {ref!r}{_where(course)}") from None
        raise  # the assignment exists but imports something missing: its author must know
    courses.note_loaded([m for m in sys.modules if m not in before])
    return module


def _activate() -> Course | None:
    """The course folder whose ``assignments`` are imported (``course.activate``); none
    in a student kit, which carries its own."""
    return None if KIT else courses.activate()


def _where(course: Course | None) -> str:
    """Where short names were looked up, for a message."""
    if course is None:
        return ""
    known = ", ".join(installed()) or "none"
    return f" in the course folder {course.folder} (it has: {known})"


def _assignment_of(module: ModuleType, ref: str) -> Assignment:
    assignment = getattr(module, "ASSIGNMENT", None)
    if not isinstance(assignment, Assignment):
        raise UnknownAssignment(f"{ref} defines no ASSIGNMENT (a grader.spec.Assignment)")
    return assignment


def _load_path(path: Path) -> ModuleType:
    """A module or package loaded from its path, under a name no other path shares."""
    path = path.resolve()
    if path in _by_path:
        return _by_path[path]
    init = path / "__init__.py" if path.is_dir() else path
    if not init.is_file() or init.suffix != ".py":
        raise UnknownAssignment(f"no assignment at {path}: expected a .py file or a package")
    stem = path.stem if path.is_file() else path.name
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:12]
    name = LOADED_PREFIX + digest + "_" + re.sub(r"\W", "_", stem)
    search = [str(path)] if path.is_dir() else None
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=search)
    if spec is None or spec.loader is None:
        raise UnknownAssignment(f"cannot load an assignment from {path}")
    module = importlib.util.module_from_spec(spec)
    # What the assignment imports beside itself (its solution module) is found from the
    # folder that holds its top-level package: appended, so it never shadows anything.
    top = project_root(path)
    if str(top) not in sys.path:
        sys.path.append(str(top))
    sys.modules[name] = module  # before running it: its relative imports need it
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    _by_path[path] = module
    return module


def project_root(path: Path) -> Path:
    """The folder above the outermost package that holds ``path`` (its import root)."""
    folder = path if path.is_dir() else path.parent
    while (folder / "__init__.py").is_file() and folder.parent != folder:
        folder = folder.parent
    return folder


def installed() -> list[str]:
    """The short names of the assignments in the ``assignments`` package.

    Raises UnknownAssignment, saying where it looked, when there is no such package.
    """
    package = _package()
    locations = list(getattr(package, "__path__", []))
    return sorted(info.name for info in pkgutil.iter_modules(locations)
                  if not info.name.startswith("_"))  # fmt: skip


def default() -> str | None:
    """The assignment the ``assignments`` package declares as its default, if any."""
    value = getattr(_package(), "DEFAULT", None)
    return value if isinstance(value, str) and value else None


def _package() -> ModuleType:
    """The ``assignments`` package: the course folder's, else an installed one (a kit's)."""
    course = _activate()
    try:
        return importlib.import_module(PACKAGE)
    except ModuleNotFoundError as exc:
        if exc.name == PACKAGE and course is None:
            raise courses.not_found() from None
        raise


def _candidates() -> list[tuple[str, Assignment]]:
    found = []
    for name in installed():
        try:
            found.append((name, load(name)))
        except UnknownAssignment:
            continue  # a helper module in the package, not an assignment
    return found


def choose(
    named: str | None = None, *, path: Path | None = None, root: Path | None = None
) -> Choice:
    """The assignment to grade the submission at ``path`` against (see the module's doc).

    ``named`` (``--assignment``) decides alone. Raises UnknownAssignment when nothing
    decides and the ``assignments`` package declares no default.
    """
    return choose_for([(path, root)] if path is not None else [], named)


def choose_for(files: Iterable[tuple[Path, Path | None]], named: str | None = None) -> Choice:
    """One assignment for these submissions (a class; each file with its root): named,
    else the one most of them are for (by file name, else by the functions they
    define), else the default. The course folder is looked for from these files' folders
    too (after the working folder's), and the choice says which it was."""
    files = list(files)
    courses.grading(files)
    choice = _choose(files, named)
    return replace(choice, course=None if is_path(choice.ref) else _activate())


def _choose(files: list[tuple[Path, Path | None]], named: str | None) -> Choice:
    if named is not None:
        return Choice(load(named), named, NAMED)
    candidates = _candidates()
    by_name = Counter[str]()
    by_functions = Counter[str]()
    unnamed = []
    for path, root in files:
        names = [ref for ref, a in candidates if a.submission_name == path.name]
        if len(names) == 1:
            by_name[names[0]] += 1
        else:
            unnamed.append((path, root))
    if not _decided(by_name, candidates, 0):  # else no file need be parsed
        for read, (path, root) in enumerate(unnamed):
            if _decided(by_functions, candidates, len(unnamed) - read):
                break  # the files not yet read cannot change the outcome
            best = _defines_most(_functions_in(path, root), candidates)
            if best is not None:
                by_functions[best] += 1
    for tally, reason in ((by_name, "the file name"), (by_functions, "the functions it defines")):
        top = tally.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            ref = top[0][0]
            return Choice(dict(candidates)[ref], ref, reason)
    return _fallback(candidates)


def _decided(tally: Counter[str], candidates: list[tuple[str, Assignment]], left: int) -> bool:
    """Whether ``tally``'s leader wins it (strictly) whatever ``left`` more votes say."""
    top = tally.most_common(1)
    if not top:
        return False
    leader, votes = top[0]
    return all(tally[ref] + left < votes for ref, _ in candidates if ref != leader)


def choose_among(functions: frozenset[str]) -> Choice:
    """The assignment whose exercises are most of these function names, else the default."""
    candidates = _candidates()
    best = _defines_most(functions, candidates)
    if best is not None:
        return Choice(dict(candidates)[best], best, "the functions it defines")
    return _fallback(candidates)


def _defines_most(
    functions: frozenset[str], candidates: list[tuple[str, Assignment]]
) -> str | None:
    """The one assignment with the most exercises among ``functions``; None for none or a tie."""
    counts = {ref: len(functions & {e.name for e in a.exercises}) for ref, a in candidates}
    best = max(counts.values(), default=0)
    winners = [ref for ref, n in counts.items() if n == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _fallback(candidates: list[tuple[str, Assignment]]) -> Choice:
    """Where nothing in the submission decides: the package's default, or the only one."""
    fallback = default()
    if fallback is not None:
        return Choice(load(fallback), fallback, f"the default of the {PACKAGE} package")
    if len(candidates) == 1:
        ref, assignment = candidates[0]
        return Choice(assignment, ref, "the only assignment installed")
    known = ", ".join(ref for ref, _ in candidates) or "none installed"
    raise UnknownAssignment(
        f"cannot tell which assignment this is for ({known}); name it with --assignment"
    )


def _functions_in(path: Path, root: Path | None) -> frozenset[str]:
    """The functions a submission defines at top level; none if it cannot be read."""
    try:
        data = read_submission(path, root)
    except UnreadableSubmission:
        return frozenset()
    return defined_functions(data, is_notebook(path))


def defines_exercises(path: Path, assignment: Assignment, root: Path | None = None) -> bool:
    """Whether the file at ``path`` defines at least one of the assignment's functions."""
    return bool(_functions_in(path, root) & {e.name for e in assignment.exercises})
