"""Authoring from one file: the reference solution is the single source of stubs and notebook.

An assignment's solution file (``solutions/NAME.py``, named by ``Assignment.solution``) is
an ordinary, importable Python module written in jupytext's "percent" style. The
generator derives from it the student's stub module and the student's notebook, so the
three never drift apart; a test keeps the generated files equal to what is on disk.

Commands (from the repository root)::

    python -m grader.authoring build NAME...   # rewrite exercises/ for these assignments
    python -m grader.authoring check NAME...   # exit 1 and show a diff if exercises/ is stale
    python -m grader.authoring new NAME [--root DIR]   # scaffold an assignment (scaffold())

Exit codes: 0 done (or up to date), 1 stale (check), 2 an error, said in one line.

The format
==========

Cells. A line ``# %%`` starts a code cell and ``# %% [markdown]`` a markdown cell; the
text before the first such line is a code cell. After ``# %%`` jupytext's option
``active="py"`` makes a code cell appear in the stub module only, and ``active="ipynb"``
in the notebook only; the lines of an ``active="ipynb"`` cell are commented out with
``# `` in the solution (so importing the solution never runs them) and uncommented in
the notebook. Every line of a markdown cell is ``#`` or ``# text``; the ``# `` prefix is
removed. Markdown cells go to the notebook only: they retell the course's worked
examples around each exercise. Blank lines at the start and end of a cell are dropped.

Markers, inside code cells only, each alone on its line, indented like the code they
enclose, BEGIN and END at the same indentation, never nested:

- ``# BEGIN SOLUTION`` ... ``# END SOLUTION``: what the student writes. Must be inside a
  function (or method). In the stub the whole region, markers included, becomes the
  single line ``raise NotImplementedError("QUALNAME: replace this line with your code")``
  at the marker's indentation, QUALNAME being the enclosing function's qualified name
  (``scale``, ``Layer.apply``). Every exercise's function needs at least one region.
- ``# BEGIN SOLUTION ONLY`` ... ``# END SOLUTION ONLY``: lines (a helper, an import, the
  solution's module docstring) that exist only in the solution; dropped from the stub
  and the notebook. When the block is preceded by a blank line, the blank lines after it
  are dropped too, so removing a helper leaves no gap.
- ``# BEGIN STUB`` ... ``# END STUB``: lines that exist only in the stub and the
  notebook, written commented out (``# `` + line, or ``#`` for a blank line); they are
  uncommented there. This is how the stub gets its own module docstring ("fill in the
  functions ... Check your work with: grade NAME.py") in place of the solution's.

A stub that imports a package its functions do not use yet needs ``# noqa: F401``, which
ruff would call unused in the solution: write the stub's import in a STUB block and the
solution's in a SOLUTION ONLY block that starts with ``# ruff: noqa: RUF100`` (see
the repository's own solutions; the scaffold does the same).

A comment that looks like a marker but is not exactly one (``#BEGIN SOLUTION``, ``# end
solution``), an END without BEGIN, a BEGIN without END, a marker in a markdown cell, a
solution region outside a function, or a stub that is not valid Python is an
``AuthoringError`` naming the solution file and line: a slip never leaks solution code.

What is generated
=================

- The stub module: the code cells that are not ``active="ipynb"``, markers applied,
  joined by two blank lines, ending with one newline.
- The notebook (nbformat 4, python3 kernelspec, cell ids ``cell-00``...): markdown cells
  and the code cells that are not ``active="py"``, markers applied, in file order. After
  each code cell that defines an exercise's function at top level comes one check cell
  per exercise defined there, tagged ``skip-grading`` (so ``grade NAME.ipynb`` ignores it)::

      from grader.notebook import check

      check("FUNCTION", assignment="NAME")

  and the notebook ends with a markdown cell "All together" and a check of every exercise.
- Where: the stub is ``exercises/<Assignment.submission_name>`` and the notebook
  ``exercises/<its stem>.ipynb``, in the ``exercises/`` folder next to the ``solutions/``
  folder that holds the solution file (``<solution>.parent.parent / "exercises"``).
- The stub may import only the standard library and the assignment's ``packages``.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import keyword
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import UsageError
from .notebook_builder import NotebookCell, build_notebook, notebook_text
from .spec import Assignment, Exercise

Target = Literal["stub", "notebook", "solution"]
Block = Literal["SOLUTION", "SOLUTION ONLY", "STUB"]
CELL_LINE = re.compile(r"^# %%(?P<options>.*)$")
ACTIVE = re.compile(r'\bactive\s*=\s*"(?P<where>[^"]*)"')
MARKER = re.compile(r"^# (?P<edge>BEGIN|END) (?P<block>SOLUTION ONLY|SOLUTION|STUB)$")
# Anything a hurried author might have meant as a marker: refused rather than left in the stub.
LOOKALIKE = re.compile(r"^#+\s*(BEGIN|END)\b.*\b(SOLUTION|STUB)", re.IGNORECASE)
EXERCISES_DIR = "exercises"


class AuthoringError(UsageError):
    """A solution file that breaks the authoring format, said with its file and line."""


@dataclass(frozen=True)
class Line:
    """One line of the solution file and its 1-based number there."""

    number: int
    text: str


@dataclass(frozen=True)
class Cell:
    """A cell of the solution file: markdown or code, and where a code cell goes."""

    kind: Literal["code", "markdown"]
    active: Literal["both", "py", "ipynb"]
    lines: tuple[Line, ...]


def _fail(origin: str, number: int, message: str) -> AuthoringError:
    return AuthoringError(f"{origin}, line {number}: {message}")


def _cell_header(options: str, number: int, origin: str) -> tuple[str, str]:
    """The kind and the ``active`` option of the cell a ``# %%`` line starts."""
    kind = "markdown" if "[markdown]" in options else "code"
    found = ACTIVE.search(options)
    where = found.group("where") if found else "both"
    if where not in ("both", "py", "ipynb"):
        raise _fail(origin, number, f'active="{where}": only "py" or "ipynb" are known')
    if kind == "markdown" and where != "both":
        raise _fail(origin, number, "a markdown cell is for the notebook only; drop active=")
    return kind, where


def split_cells(text: str, origin: str = "solution") -> list[Cell]:
    """The cells of a percent-format file, in order (text before the first ``# %%`` is code)."""
    cells: list[Cell] = []
    kind, where, lines = "code", "both", list[Line]()
    for number, raw in enumerate(text.splitlines(), start=1):
        header = CELL_LINE.match(raw)
        if header is None:
            lines.append(Line(number, raw))
            continue
        cells.append(Cell(kind, where, tuple(lines)))  # type: ignore[arg-type]
        kind, where = _cell_header(header.group("options"), number, origin)
        lines = []
    cells.append(Cell(kind, where, tuple(lines)))  # type: ignore[arg-type]
    return [c for c in cells if any(line.text.strip() for line in c.lines)]


def _marker(line: Line, origin: str) -> tuple[str, Block] | None:
    """("BEGIN" or "END", block) if the line is a marker; an error if it only looks like one."""
    stripped = line.text.strip()
    exact = MARKER.match(stripped)
    if exact:
        return exact.group("edge"), exact.group("block")  # type: ignore[return-value]
    if LOOKALIKE.match(stripped):
        raise _fail(
            origin,
            line.number,
            f"{stripped!r} is not a marker; write one of "
            "# BEGIN SOLUTION, # BEGIN SOLUTION ONLY, # BEGIN STUB (and their END)",
        )
    return None


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _uncomment(lines: Sequence[Line], indent: str, origin: str) -> list[str]:
    """Lines written commented out (``# `` or ``#`` after ``indent``), as they are meant."""
    out = []
    for line in lines:
        if not line.text.strip():
            out.append("")
            continue
        if not line.text.startswith(indent + "#"):
            raise _fail(origin, line.number, f"expected a line commented out as {indent}# ...")
        rest = line.text[len(indent) + 1 :]
        out.append(indent + rest[1:] if rest.startswith(" ") else indent + rest if rest else "")
    return out


@dataclass(frozen=True)
class Function:
    """Where a function (or method) of the solution starts and ends, and its dotted name."""

    qualname: str
    first: int
    last: int


def functions(text: str, origin: str = "solution") -> list[Function]:
    """Every function and method of the solution, innermost last among those that nest."""
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise _fail(origin, exc.lineno or 0, f"not valid Python: {exc.msg}") from None
    found: list[Function] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    found.append(Function(name, child.lineno, child.end_lineno or child.lineno))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def _enclosing(number: int, where: Sequence[Function]) -> str | None:
    """The qualified name of the innermost function whose body holds line ``number``."""
    inside = [f for f in where if f.first < number <= f.last]
    return max(inside, key=lambda f: f.first).qualname if inside else None


class _Markers:
    """Applies the markers of one cell's lines for one target (stub, notebook or solution)."""

    def __init__(self, target: Target, where: Sequence[Function], origin: str) -> None:
        self.target, self.where, self.origin = target, where, origin
        self.regions: list[str] = []  # the functions whose bodies hold a solution region

    def apply(self, lines: Sequence[Line]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            found = _marker(lines[index], self.origin)
            if found is None:
                out.append(lines[index].text)
                index += 1
                continue
            end = self._end(lines, index, found)
            body = lines[index + 1 : end]
            dropped = self._block(found[1], lines[index], body, out)
            index = end + 1
            # A removed block between blank lines leaves one gap, not two.
            while dropped and out and not out[-1].strip() and index < len(lines) and \
                    not lines[index].text.strip():  # fmt: skip
                index += 1
        return out

    def _end(self, lines: Sequence[Line], start: int, found: tuple[str, Block]) -> int:
        """The index of the END that closes the BEGIN at ``start``."""
        begin = lines[start]
        if found[0] == "END":
            raise _fail(self.origin, begin.number, f"# END {found[1]} without a # BEGIN before it")
        for index in range(start + 1, len(lines)):
            inner = _marker(lines[index], self.origin)
            if inner is None:
                continue
            if inner != ("END", found[1]):
                raise _fail(
                    self.origin,
                    lines[index].number,
                    f"# {' '.join(inner)} inside the "
                    f"# BEGIN {found[1]} of line {begin.number}: close it first",
                )
            if _indent(lines[index].text) != _indent(begin.text):
                raise _fail(
                    self.origin,
                    lines[index].number,
                    f"indent # END {found[1]} like its # BEGIN on line {begin.number}",
                )
            return index
        raise _fail(
            self.origin, begin.number, f"# BEGIN {found[1]} has no # END {found[1]} in its cell"
        )

    def _block(self, block: Block, begin: Line, body: Sequence[Line], out: list[str]) -> bool:
        """Write what the block becomes for this target; True if it left nothing."""
        indent = _indent(begin.text)
        if block == "STUB":
            kept = self.target != "solution"
            out.extend(_uncomment(body, indent, self.origin) if kept else [])
            return not kept
        if block == "SOLUTION ONLY":
            kept = self.target == "solution"
            out.extend(line.text for line in body if kept)
            return not kept
        out.extend(self._solution(begin, body, indent))
        return False

    def _solution(self, begin: Line, body: Sequence[Line], indent: str) -> list[str]:
        """A solution region: kept for the solution, one ``raise`` line otherwise."""
        code = [line for line in body if line.text.strip()]
        if not code:
            raise _fail(self.origin, begin.number, "an empty # BEGIN SOLUTION region")
        for line in code:
            if not line.text.startswith(indent):
                raise _fail(
                    self.origin,
                    line.number,
                    f"indented less than its # BEGIN SOLUTION on line {begin.number}",
                )
        qualname = _enclosing(code[0].number, self.where)
        if qualname is None:
            raise _fail(
                self.origin,
                begin.number,
                "# BEGIN SOLUTION outside any function; "
                "use # BEGIN SOLUTION ONLY for module-level code",
            )
        self.regions.append(qualname)
        if self.target == "solution":
            return [line.text for line in body]
        message = f"{qualname}: replace this line with your code"
        return [f'{indent}raise NotImplementedError("{message}")']


def _trim(lines: list[str]) -> str:
    """A cell's text without the blank lines that only separate it from its neighbours."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines)


def _markdown(cell: Cell, origin: str) -> str:
    """A markdown cell's text: its lines without their ``# `` prefix."""
    for line in cell.lines:
        stripped = line.text.strip()
        if MARKER.match(stripped) or LOOKALIKE.match(stripped):
            raise _fail(
                origin,
                line.number,
                "a marker in a markdown cell; markers belong in "
                "code cells (to show one in the text, indent it or quote it in `...`)",
            )
    return _trim(_uncomment(cell.lines, "", origin))


def _code(cell: Cell, markers: _Markers, origin: str) -> str:
    """A code cell's text for the markers' target."""
    lines = cell.lines
    if cell.active == "ipynb":
        text = _uncomment(lines, "", origin)
        lines = tuple(Line(line.number, t) for line, t in zip(lines, text, strict=True))
    return _trim(markers.apply(lines))


def _render(text: str, target: Target, origin: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The (kind, text) cells for the target, and the functions that hold solution regions."""
    markers = _Markers(target, functions(text, origin), origin)
    skipped = "ipynb" if target == "stub" else "py"
    out: list[tuple[str, str]] = []
    for cell in split_cells(text, origin):
        if cell.kind == "markdown":
            source = _markdown(cell, origin)
            if target != "stub" and source:
                out.append(("markdown", source))
        elif cell.active != skipped:
            source = _code(cell, markers, origin)
            if source:
                out.append(("code", source))
    return out, markers.regions


def stub_source(solution_text: str, origin: str = "solution") -> str:
    """The student's module: the solution's code cells with every solution region replaced."""
    cells, _ = _render(solution_text, "stub", origin)
    stub = "\n\n\n".join(source for _, source in cells) + "\n"
    try:
        ast.parse(stub)
    except SyntaxError as exc:
        raise AuthoringError(
            f"{origin}: the stub it gives is not valid Python (stub line "
            f"{exc.lineno}: {exc.msg}); check the markers' indentation"
        ) from None
    return stub


def solution_regions(solution_text: str, origin: str = "solution") -> list[str]:
    """The qualified names of the functions that hold a ``# BEGIN SOLUTION`` region."""
    return _render(solution_text, "stub", origin)[1]


def notebook(solution_text: str, assignment_name: str, exercises: Sequence[str], *,
             solution: bool = False, origin: str = "solution") -> Any:  # fmt: skip
    """The student's notebook (nbformat node); ``solution=True`` keeps the solutions in."""
    cells, _ = _render(solution_text, "solution" if solution else "notebook", origin)
    kinds = [NotebookCell(kind, source) for kind, source in cells]  # type: ignore[arg-type]
    return build_notebook(kinds, assignment_name, exercises)


def imported(source: str) -> set[str]:
    """The top-level names of the modules a source imports (relative imports aside)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.partition(".")[0])
    return names


def solution_file(assignment: Assignment) -> Path:
    """``Assignment.solution``, else the file that defines the reference functions."""
    if assignment.solution is not None:
        return Path(assignment.solution)
    import inspect

    for function in assignment.reference.values():
        source = inspect.getsourcefile(function)
        if source:
            return Path(source)
    raise AuthoringError(f"assignment {assignment.name!r} names no solution file")


def _check_stub(assignment: Assignment, text: str, stub: str, origin: str) -> None:
    """Every exercise leaves the student work to do, and the stub imports only what it may."""
    regions = set(solution_regions(text, origin))
    bare = [e.name for e in assignment.exercises if e.name not in regions]
    if bare:
        raise AuthoringError(
            f"{origin}: no # BEGIN SOLUTION region in {', '.join(bare)}; "
            "the stub would hand out the answer"
        )
    allowed = set(sys.stdlib_module_names) | set(assignment.packages) | {"__future__"}
    foreign = sorted(imported(stub) - allowed)
    if foreign:
        raise AuthoringError(
            f"{origin}: the stub imports {', '.join(foreign)}, which is "
            f"neither standard library nor in the assignment's packages"
        )


def generate(assignment: Assignment, solution: Path | None = None) -> dict[Path, str]:
    """What exercises/STEM.py and exercises/STEM.ipynb should contain, by their paths."""
    path = solution or solution_file(assignment)
    text = path.read_text(encoding="utf-8")
    origin = str(path)
    stub = stub_source(text, origin)
    _check_stub(assignment, text, stub, origin)
    names = [e.name for e in assignment.exercises]
    built = notebook_text(notebook(text, assignment.name, names, origin=origin))
    folder = path.resolve().parent.parent / EXERCISES_DIR
    stem = Path(assignment.submission_name).stem
    return {folder / f"{stem}.py": stub, folder / f"{stem}.ipynb": built}


def stale(assignment: Assignment, solution: Path | None = None) -> dict[Path, str]:
    """The generated files that differ from what is on disk, each with a unified diff."""
    diffs = {}
    for path, wanted in generate(assignment, solution).items():
        have = path.read_text(encoding="utf-8") if path.is_file() else ""
        if have != wanted:
            lines = difflib.unified_diff(have.splitlines(keepends=True),
                                         wanted.splitlines(keepends=True),
                                         f"{path} (on disk)", f"{path} (generated)")  # fmt: skip
            diffs[path] = "".join(lines)
    return diffs


def write(assignment: Assignment, solution: Path | None = None) -> list[Path]:
    """Write the generated files that changed; returns the paths written."""
    written = []
    for path, text in generate(assignment, solution).items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


ASSIGNMENT_TEMPLATE = '''\
"""The __NAME__ assignment: exercises, points, cases and tips.

Scaffolded by ``grade new __NAME__``. The reference solution, solutions/__NAME__.py, is
the single source of the stubs and the notebook; after changing it, run
``python -m grader.authoring build __NAME__`` to regenerate exercises/__NAME__.py and
exercises/__NAME__.ipynb. Visible cases are the worked examples students see in full;
hidden cases are randomized from the seed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

from grader.spec import Assignment, Case, Exercise

SOLUTION = Path(__file__).resolve().parents[2] / "solutions" / "__NAME__.py"


def _load(path: Path) -> ModuleType:
    """The solution module, loaded from its file so that no other "solutions" can shadow it."""
    spec = importlib.util.spec_from_file_location(f"_reference_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


reference = _load(SOLUTION)

EXERCISES = (Exercise("scale", 100),)

TIPS = {
    "scale": "Turn values into a float array with np.asarray, then multiply it by factor.",
}


def make_cases(seed: int) -> list[Case]:
    """The worked example (visible) and a randomized case from the seed (hidden)."""
    rng = np.random.default_rng(seed)
    values = rng.normal(0.0, 2.0, size=(3, 4)).round(2)
    factor = round(float(rng.normal(0.0, 2.0)), 2)
    return [
        Case("scale/worked_example", "scale", (np.asarray([1.0, 2.0]), 3.0), "visible"),
        Case("scale/random_matrix", "scale", (values, factor)),  # a scalar-only version fails
    ]


ASSIGNMENT = Assignment(
    name="__NAME__",
    title="__TITLE__",
    exercises=EXERCISES,
    reference={e.name: getattr(reference, e.name) for e in EXERCISES},
    make_cases=make_cases,
    tips=TIPS,
    filename="__NAME__.py",
    packages=("numpy",),
    solution=SOLUTION,
)
'''

SOLUTION_TEMPLATE = '''\
# %% [markdown]
# # __TITLE__
#
# Write the function below, then run its check cell. `grade __NAME__.ipynb` in a
# terminal gives the full grade, with hidden tests.

# %% active="py"
# BEGIN SOLUTION ONLY
"""Reference solution of the __NAME__ assignment (the source of its stubs and notebook)."""
# END SOLUTION ONLY
# BEGIN STUB
# """__TITLE__: fill in the function below.
#
# Check your work with:  grade __NAME__.py
# """
# END STUB

from __future__ import annotations

# BEGIN STUB
# import numpy as np  # noqa: F401  (you will need it)
# END STUB
# BEGIN SOLUTION ONLY
# ruff: noqa: RUF100 (the noqa above is for the stub, which imports numpy but does not use it)
import numpy as np

# END SOLUTION ONLY


# %% active="ipynb"
# import numpy as np


# %% [markdown]
# ## 1. Scale
#
# Multiply every value by the same factor: `scale([1, 2], 3)` is `[3, 6]`.


# %%
def scale(values, factor):
    """Return every value multiplied by factor, as a float array of the same shape.

    The worked example: scale([1, 2], 3) == [3, 6].
    """
    # BEGIN SOLUTION
    return np.asarray(values, dtype=float) * factor
    # END SOLUTION
'''

# The scaffold's exercises, as its assignment module declares them.
_SCAFFOLD_EXERCISES = (Exercise("scale", 100),)

PACKAGE_DOCSTRINGS = {
    "assignments": '"""Assignments: one package per assignment, each defining ASSIGNMENT."""\n',
    "solutions": '"""Reference solutions: the single source of the exercises\' stubs."""\n',
}


def _fill(template: str, name: str) -> str:
    title = name.replace("_", " ").capitalize()
    return template.replace("__NAME__", name).replace("__TITLE__", title)


def scaffold(name: str, root: Path) -> list[Path]:
    """Write a new assignment NAME under ``root`` that grades out of the box; its paths.

    Writes assignments/NAME/__init__.py, solutions/NAME.py (with markers and a markdown
    cell) and the generated exercises/NAME.py and exercises/NAME.ipynb, plus
    assignments/__init__.py and solutions/__init__.py where missing. Refuses (UsageError,
    nothing written) a NAME that is not a lower-case Python identifier or whose files exist.
    """
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or keyword.iskeyword(name):
        raise UsageError(
            f"{name!r} is not a valid assignment name: use lower-case letters, "
            "digits and _, starting with a letter"
        )
    module = root / "assignments" / name / "__init__.py"
    solution = root / "solutions" / f"{name}.py"
    mine = [module, solution, root / EXERCISES_DIR / f"{name}.py",
            root / EXERCISES_DIR / f"{name}.ipynb"]  # fmt: skip
    existing = [str(p) for p in mine if p.exists()]
    if existing:
        raise UsageError(f"will not overwrite {', '.join(existing)}")
    written = []
    for package, doc in PACKAGE_DOCSTRINGS.items():
        init = root / package / "__init__.py"
        if not init.exists():
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(doc, encoding="utf-8")
            written.append(init)
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(_fill(ASSIGNMENT_TEMPLATE, name), encoding="utf-8")
    solution.write_text(_fill(SOLUTION_TEMPLATE, name), encoding="utf-8")
    written += [module, solution]
    stand_in = Assignment(name=name, title=name, exercises=_SCAFFOLD_EXERCISES,
                          reference={}, make_cases=lambda seed: [], filename=f"{name}.py",
                          solution=solution)  # fmt: skip
    return written + write(stand_in)


def _load(name: str) -> Assignment:
    """The assignment by name, through the engine's loader (grade.py's, or registry's after
    grade.py's split: looked up by name so that this module works on either side of it)."""
    for module, function in (("registry", "load"), ("grade", "load_assignment")):
        try:
            loader = getattr(importlib.import_module(f"grader.{module}"), function)
        except (ImportError, AttributeError):
            continue
        assignment = loader(name)
        if isinstance(assignment, Assignment):
            return assignment
    raise AuthoringError(f"cannot load assignment {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m grader.authoring build|check|new NAME...``; exit code as the docstring says."""
    parser = argparse.ArgumentParser(
        prog="python -m grader.authoring",
        description="Generate stubs and notebooks from solutions.",
    )
    parser.add_argument("command", choices=["build", "check", "new"])
    parser.add_argument("names", nargs="+", metavar="NAME")
    parser.add_argument("--root", type=Path, default=Path("."), help="for new: where to write")
    args = parser.parse_args(argv)
    try:
        return _run(args.command, args.names, args.root)
    except UsageError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2


def _run(command: str, names: list[str], root: Path) -> int:
    status = 0
    for name in names:
        if command == "new":
            paths = scaffold(name, root)
        elif command == "build":
            paths = write(_load(name))
        else:
            diffs = stale(_load(name))
            for diff in diffs.values():
                print(diff, end="")
            if diffs:
                print(f"stale; run: python -m grader.authoring build {name}", file=sys.stderr)
                status = 1
            continue
        for path in paths:
            print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
