"""Jupyter notebooks as modules: a .ipynb is graded like the .py file its code cells make.

A notebook becomes a module: its code cells in order, without cells tagged
``skip-grading``. IPython syntax (``%magic``, ``%%cell magic``, ``!shell``, ``x = !ls``,
``f?``) is read by IPython's own input transformer, line for line, so that every line
of the module maps back to a cell and a line in it; messages name the cell, not a line
of a generated file. Without IPython a conservative fallback blanks only lines that
cannot be Python.

``prepare`` then makes the module gradable as students write it, for .py files too:

- what IPython would run (``get_ipython().run_line_magic(...)``, also in a script
  exported from Jupyter) does nothing: the call becomes ``None``;
- the course's own ``check`` is a no-op: ``from grader.notebook import check`` and every
  top-level statement that uses ``check`` are left out, silently (the grader is not in
  the sandbox, and grading inside grading makes no sense);
- given the packages the assignment provides, a top-level import of anything else
  (``import matplotlib.pyplot as plt``) is not run: the names it binds become stubs that
  raise a clear error if graded code uses them, top-level statements that use them
  (``plt.plot(...)``) are left out too, and a note says so and what to do.

Every replacement keeps the module's line count, so line numbers still map back.
Nothing here runs the notebook or the student's code: it is the student's JSON,
parsed, and their code, parsed with ``ast``.
"""

from __future__ import annotations

import ast
import functools
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .errors import NotebookError
from .text import clean

SKIP_TAG = "skip-grading"
RESAVE = "save it again from Jupyter (File > Save Notebook), or hand in a .py file instead"
UNREADABLE = "this is not a readable Jupyter notebook"
MAX_NOTES = 5
GRADER = "grader"  # the course's own package: imports of it are no-ops when grading
KIT_SUFFIX = "_kit"  # a student kit's engine (grade release): NAME_kit
CHECK = "check"

# Without IPython: lines that cannot be Python, and nothing else (a '?' in a comment
# or a string stays code). Help is only 'name?' or '?name' alone on its line.
_FALLBACK = re.compile(r"^\s*([%!]|\?+[\w.]+\s*$|[\w.]+\?+\s*$|\w+\s*=\s*[!%])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the line ends ast counts; str.splitlines has more


class Note(NamedTuple):
    """Something grading changed, at a line of the module, said with what to do about it."""

    line: int
    text: str


@dataclass(frozen=True)
class Prepared:
    """Module source ready to grade, and notes about what was left out of it."""

    text: str
    notes: tuple[Note, ...] = ()

    def messages(self, where: Callable[[int], str] | None = None) -> tuple[str, ...]:
        """The notes as sentences, located by ``where`` (default: 'line N'), at most a few."""
        place = where or (lambda line: f"line {line}")
        said = tuple(f"{place(n.line)}: {n.text}" for n in self.notes[:MAX_NOTES])
        more = len(self.notes) - MAX_NOTES
        return said + ((f"... and {more} more like these",) if more > 0 else ())


@dataclass(frozen=True)
class Converted:
    """A notebook as module source, and where each module line came from."""

    source: str
    origin: list[tuple[int, int] | None]  # module line k+1 -> (cell number, line in cell)
    notes: tuple[str, ...] = field(default=())  # what grading left out, located by cell

    def where(self, line: int) -> str:
        if 1 <= line <= len(self.origin) and self.origin[line - 1]:
            cell, row = self.origin[line - 1]  # type: ignore[misc]
            return f"cell {cell}, line {row}"
        return f"line {line}"

    def locate(self, text: str, filename: str) -> str:
        """Rewrite 'line N of FILE' and 'File "FILE", line N' into cells and lines.

        A message that the notebook could not be loaded also says what to do next.
        """
        name = re.escape(filename)
        located = re.sub(rf"line (\d+) of {name}",
                         lambda m: f"{self.where(int(m[1]))} of {filename}", text)  # fmt: skip
        located = re.sub(rf'File "{name}", line (\d+)',
                         lambda m: f'File "{filename}", {self.where(int(m[1]))}',
                         located)  # fmt: skip
        if located.startswith("cannot grade:") and "cell " in located:
            located += NEXT_STEP_LOAD
        return located


NEXT_STEP_LOAD = (
    f". Fix that cell, or tag it {SKIP_TAG} if it is an experiment, then check that the "
    "notebook runs top to bottom (Kernel > Restart Kernel and Run All Cells)"
)


def convert(data: bytes, packages: Sequence[str] | None = None) -> Converted:
    """The graded code of a notebook, or NotebookError saying why there is none.

    ``packages``: what the sandbox provides besides the standard library; imports of
    anything else are left out with a note (see ``prepare``). None: no import is.
    Notebooks are the student's JSON: every field is checked here, and anything
    unexpected, even an error of ours, is this notebook's NotebookError.
    """
    try:
        return _module(_code_cells(_parse(data)), packages)
    except NotebookError:
        raise
    except Exception as exc:  # e.g. RecursionError, MemoryError in a library: still the file's
        raise NotebookError(f"{UNREADABLE} ({_first_line(exc)}): {RESAVE}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return clean(text.splitlines()[0] if text else type(exc).__name__, 200)


def _parse(data: bytes) -> dict[str, Any]:
    """The notebook as a version 4 JSON object."""
    try:
        document = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise NotebookError(f"{UNREADABLE} (its JSON is nested too deeply): {RESAVE}") from None
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError among them
        raise NotebookError(f"{UNREADABLE} ({_first_line(exc)}): {RESAVE}") from None
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise NotebookError(
            f"this is not a Jupyter notebook: its JSON is a {kind}, not an object: {RESAVE}"
        )
    version = document.get("nbformat")
    if version == 4 and type(version) is int:
        return document
    if version in (1, 2, 3) and type(version) is int:
        return _upgrade(data)
    raise NotebookError(
        f"{UNREADABLE} (Unsupported nbformat version {clean(repr(version), 40)}): {RESAVE}"
    )


def _upgrade(data: bytes) -> dict[str, Any]:
    """An old notebook converted to version 4 by nbformat, quietly (it warns and logs)."""
    import logging  # only here (a .py file's grade never needs it: ~7 ms)

    import nbformat

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.disable(logging.ERROR)
        try:
            notebook = nbformat.reads(data.decode("utf-8"), as_version=4)  # type: ignore[no-untyped-call]
        finally:
            logging.disable(logging.NOTSET)
    if not isinstance(notebook, dict):
        raise NotebookError(f"{UNREADABLE} (not a notebook object): {RESAVE}")
    return notebook


def _code_cells(document: dict[str, Any]) -> list[tuple[int, str]]:
    """(cell number, source) of each graded code cell, checking each field it reads."""
    cells = document.get("cells")
    if not isinstance(cells, list):
        raise NotebookError(
            f'the notebook has no list of cells ("cells" is missing or not a list): {RESAVE}'
        )
    graded = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {number} is not a JSON object: {RESAVE}")
        if cell.get("cell_type") != "code":
            continue
        metadata = cell.get("metadata", {})
        if not isinstance(metadata, dict):
            raise NotebookError(f'cell {number}: its "metadata" is not a JSON object: {RESAVE}')
        tags = metadata.get("tags", [])
        if not isinstance(tags, list):
            raise NotebookError(f'cell {number}: its "tags" are not a list: {RESAVE}')
        if SKIP_TAG in tags:
            continue
        graded.append((number, _cell_text(number, cell)))
    if not graded:
        raise NotebookError(
            "the notebook has no code cells to grade: write your functions in code cells "
            f"(not Markdown), and do not tag them {SKIP_TAG}"
        )
    return graded


def _cell_text(number: int, cell: dict[str, Any]) -> str:
    """A cell's source: a string, or a list of strings as notebooks are stored on disk."""
    if "source" not in cell:
        raise NotebookError(f'cell {number} is a code cell without "source": {RESAVE}')
    source = cell["source"]
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)
    if not isinstance(source, str):
        raise NotebookError(f'cell {number}: its "source" is not text: {RESAVE}')
    return source


def _module(cells: list[tuple[int, str]], packages: Sequence[str] | None) -> Converted:
    """The module the code cells make, each cell as Python line for line, then prepared."""
    lines: list[str] = []
    origin: list[tuple[int, int] | None] = []
    notes: list[Note] = []
    for number, source in cells:
        python, note = cell_as_python(source)
        if note:
            notes.append(Note(len(lines) + 1, note))
        lines += python
        origin += [(number, row) for row in range(1, len(python) + 1)]
        lines.append("")
        origin.append(None)
    prepared = prepare("\n".join(lines) + "\n", packages)
    where = Converted(prepared.text, origin).where
    noted = Prepared(prepared.text, tuple(sorted((*notes, *prepared.notes))))
    return Converted(prepared.text, origin, noted.messages(where))


# ------------------------------------------------------------------ one cell as Python


def cell_as_python(source: str) -> tuple[list[str], str | None]:
    """A cell's lines as Python, one for one, and a note when a whole cell is left out.

    A cell magic (``%%time``) makes the cell not Python: it is blanked, as IPython would
    hand it to the magic; the note says so when the cell defines something.
    """
    lines = source.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("%%"):
        return [""] * len(lines), _cell_magic_note(first, lines)
    transformed = _transform(lines)
    if transformed is None:
        return [_fallback_line(line) for line in lines], None
    aligned = _align(lines, transformed)
    return (aligned, None) if aligned is not None else ([_fallback_line(x) for x in lines], None)


def _cell_magic_note(first: str, lines: list[str]) -> str | None:
    """What to do when a cell under a cell magic defines what could be graded."""
    body = "\n".join(lines[next(i for i, x in enumerate(lines) if x.strip()) + 1 :])
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    try:
        defined = [n.name for n in ast.parse(body).body if isinstance(n, kinds)]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not defined:
        return None
    magic = clean(first.split()[0], 40)
    return (f"the cell starts with {magic}, so it is not graded and neither is "
            f"{', '.join(defined)}: remove the {magic} line to have it graded")  # fmt: skip


@functools.cache
def _manager() -> Any:
    """IPython's input transformer, or None where IPython is not installed."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except Exception:  # not installed, or broken: the fallback is conservative
        return None
    return TransformerManager()  # type: ignore[no-untyped-call]


def _transform(lines: list[str]) -> list[str] | None:
    """The cell as IPython turns it into Python, or None without IPython.

    IPython drops leading blank lines: they are kept here, so that lines stay put.
    """
    manager = _manager()
    if manager is None:
        return None
    blank = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    try:
        python = manager.transform_cell("\n".join(lines[blank:]) + "\n")
    except Exception:  # IPython's trouble with a strange cell: the fallback reads it
        return None
    return [""] * blank + str(python).splitlines()


def _align(before: list[str], after: list[str]) -> list[str] | None:
    """IPython's lines placed at the lines they came from, blanks where lines merged.

    IPython keeps lines, dedents a cell that is indented as a whole, and merges a magic's
    continued lines into one (lines compared stripped, so that dedenting is no change);
    None if it did anything else.
    """
    if before == after:
        return before
    import difflib  # only a cell that IPython changed

    aligned: list[str] = []
    stripped = ([line.strip() for line in before], [line.strip() for line in after])
    matcher = difflib.SequenceMatcher(None, *stripped, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j2 - j1 > i2 - i1:
            return None
        starts = _continued(before[i1:i2])
        if len(starts) != j2 - j1:  # merged otherwise (a '?' after brackets): first lines
            starts = list(range(j2 - j1))
        block = [""] * (i2 - i1)
        for start, line in zip(starts, after[j1:j2], strict=True):
            block[start] = line
        aligned += block
    return aligned


def _continued(lines: list[str]) -> list[int]:
    """Where each line that a '\\' does not continue starts: where IPython's lines go."""
    return [k for k in range(len(lines)) if k == 0 or not lines[k - 1].rstrip().endswith("\\")]


def _fallback_line(line: str) -> str:
    """Without IPython: a line that cannot be Python becomes a no-op at its indentation."""
    if not _FALLBACK.search(line):
        return line
    return line[: len(line) - len(line.lstrip())] + "pass"


# ------------------------------------------------------------------ the module, prepared


def prepare(text: str, packages: Sequence[str] | None = None) -> Prepared:
    """``text`` made gradable as students write it (see the module's docstring).

    ``packages``: what the sandbox provides besides the standard library (None: imports
    are left alone). Code that does not parse is returned as it is: grading says why.
    """
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return Prepared(text)
    provided = None if packages is None else _provided(packages)
    return _Preparer(text, tree, provided, packages or ()).run()


def _provided(packages: Sequence[str]) -> frozenset[str]:
    """Top-level modules an import may name: the standard library and the packages."""
    return frozenset(sys.stdlib_module_names) | frozenset(packages) | {"__future__"}


class _Taint(NamedTuple):
    """Why a name has no value when grading, and whether to say so."""

    reason: str
    silent: bool = False


class _Preparer:
    """One pass over the top-level statements, collecting line-preserving edits."""

    def __init__(
        self, text: str, tree: ast.Module, provided: frozenset[str] | None, packages: Sequence[str]
    ) -> None:
        self.lines = _LINE_BREAK.split(text)
        # Whether a get_ipython() call can be anywhere: the walk that finds them is most of
        # this pass, and a name is only that when it is written so (or in non-ASCII letters
        # that Python reads as it: those texts are walked).
        self.ipython = "get_ipython" in text or not text.isascii()
        self.tree, self.provided, self.packages = tree, provided, tuple(packages)
        self.edits: list[tuple[int, int, int, int, str]] = []  # line, col, end line, end col
        self.notes: list[Note] = []
        self.tainted: dict[str, _Taint] = {}
        if not any(CHECK in binds(s) for s in tree.body if not _imports_grader(s)):
            self.tainted[CHECK] = _Taint("the course's check", silent=True)

    def run(self) -> Prepared:
        for statement in self.tree.body:
            self.statement(statement)
        return Prepared(self.apply(), tuple(self.notes))

    def statement(self, node: ast.stmt) -> None:
        """Decide what one top-level statement becomes when grading."""
        if _imports_grader(node):
            self.replace(node, "pass")
            self.taint(binds(node), _Taint("the course's check", silent=True))
            return
        if isinstance(node, ast.Import | ast.ImportFrom) and self.provided is not None:
            self.imports(node)
            return
        used = [n for n in _top_level_loads(node) if n in self.tainted]
        if used:
            self.skip(node, used[0])
            return
        if isinstance(node, ast.Assign) and _is_ipython_call(node.value):
            self.capture(node)
            return
        for call in _ipython_calls(node) if self.ipython else ():
            self.edit(call, "None")
        for name in binds(node):  # bound again by code that runs: a value again
            self.tainted.pop(name, None)

    def imports(self, node: ast.Import | ast.ImportFrom) -> None:
        """An import: run if the sandbox provides what it names, else stubs and a note."""
        if isinstance(node, ast.ImportFrom):
            top = (node.module or "").split(".")[0]
            if node.level == 0 and top in self.provided:  # type: ignore[operator]
                self.untaint(node)
                return
            what = "." * node.level + (node.module or "")
            self.missing(node, what or ".", [a.asname or a.name for a in node.names])
            return
        kept = [a for a in node.names if a.name.split(".")[0] in self.provided]  # type: ignore[operator]
        lost = [a for a in node.names if a not in kept]
        if not lost:
            self.untaint(node)
            return
        code = ast.unparse(ast.Import(names=kept)) if kept else ""
        top = lost[0].name.split(".")[0]
        names = [a.asname or a.name.split(".")[0] for a in lost]
        self.missing(node, top, names, keep=code)

    def missing(self, node: ast.stmt, what: str, names: list[str], keep: str = "") -> None:
        """Names bound by an import of what is not provided: stubs, and a note."""
        top = what.split(".")[0] or what
        has = ", ".join(self.packages)
        offer = f"the standard library and {has}" if has else "the standard library"
        why = f"comes from {top}, which is not available when grading (only {offer} are)"
        bound = [n for n in names if n != "*"]
        parts = [keep] if keep else []
        parts += [f"{name} = {_stub(name, why)}" for name in bound]
        self.replace(node, "; ".join(parts) or "pass")
        self.taint(bound, _Taint(f"which needs {top}, not available when grading"))
        self.notes.append(Note(node.lineno, (
            f"`{self.code(node)}` is not run: {top} is not available when grading (only "
            f"{offer} are), so graded functions must not use {', '.join(bound) or 'it'}; "
            f"keep plots and data loading in cells tagged {SKIP_TAG}, or remove the import"
        )))  # fmt: skip

    def skip(self, node: ast.stmt, name: str) -> None:
        """A top-level statement that uses a name without a value: not run."""
        taint = self.tainted[name]
        bound = binds(node)
        if taint.silent:
            self.replace(node, "pass")
            self.taint(bound, taint)
            return
        why = f"was set by `{self.code(node)}`, which is not run because it uses {name}"
        self.replace(node, "; ".join(f"{n} = {_stub(n, why)}" for n in bound) or "pass")
        self.taint(bound, _Taint("which is set by a line that is not run when grading"))
        self.notes.append(Note(node.lineno, (
            f"`{self.code(node)}` is not run: it uses {name}, {taint.reason}; "
            f"tag its cell {SKIP_TAG} (or remove the line) to leave it out without this note"
        )))  # fmt: skip

    def capture(self, node: ast.Assign) -> None:
        """``x = !ls`` or ``x = %magic``: x gets no value when grading."""
        shown = _ipython_code(node.value) if isinstance(node.value, ast.Call) else "!..."
        why = f"is the output of `{shown}`, and IPython commands do not run when grading"
        bound = binds(node)
        self.replace(node, "; ".join(f"{n} = {_stub(n, why)}" for n in bound) or "pass")
        self.taint(bound, _Taint(f"the output of `{shown}`, which does not run when grading"))
        self.notes.append(Note(node.lineno, (
            f"`{', '.join(bound)} = {shown}` is not run: shell commands and magics do not run "
            f"when grading; remove the line or tag its cell {SKIP_TAG}"
        )))  # fmt: skip

    def taint(self, names: Sequence[str], taint: _Taint) -> None:
        for name in names:
            self.tainted[name] = taint

    def untaint(self, node: ast.stmt) -> None:
        for name in binds(node):
            self.tainted.pop(name, None)

    def code(self, node: ast.stmt) -> str:
        """The statement's first line, short, as a note quotes it."""
        calls = list(_ipython_calls(node))
        first = _ipython_code(calls[0]) if calls else ast.unparse(node).splitlines()[0]
        return clean(first if len(first) <= 60 else first[:57] + "...", 80).replace("`", "'")

    def replace(self, node: ast.stmt, code: str) -> None:
        self.edit(node, code)

    def edit(self, node: ast.stmt | ast.expr, code: str) -> None:
        line, end = node.lineno, node.end_lineno or node.lineno
        col = self._column(line, node.col_offset)
        end_col = self._column(end, node.end_col_offset or 0)
        self.edits.append((line, col, end, end_col, code))

    def _column(self, line: int, offset: int) -> int:
        """ast's UTF-8 byte offset as a character offset in the line."""
        return len(self.lines[line - 1].encode("utf-8")[:offset].decode("utf-8", "replace"))

    def apply(self) -> str:
        """The text with every edit made, each keeping its lines (later edits first)."""
        lines = list(self.lines)
        for line, col, end, end_col, code in sorted(self.edits, reverse=True):
            after = lines[end - 1][end_col:]
            # A statement's lines stay lines: blank, or joined by '\' when code follows it.
            gap = [""] * (end - line)
            if gap and after.strip() and not after.strip().startswith("#"):
                code, gap = code + " \\", ["\\"] * (end - line - 1) + [""]
            if gap:
                lines[line - 1 : end] = [lines[line - 1][:col] + code, *gap[:-1], gap[-1] + after]
            else:
                lines[line - 1] = lines[line - 1][:col] + code + after
        return "\n".join(lines)


def _stub(name: str, why: str) -> str:
    """An expression for a value that raises, when graded code uses it, saying why it has none.

    One line and no helper, so that the module keeps its lines; the message is the class's
    docstring, and dunder lookups raise AttributeError as for any object, so that
    hasattr() and friends still work.
    """
    message = repr(f"{name} has no value when grading: it {why}. Graded functions cannot "
                   f"use it: compute their result without {name}")  # fmt: skip
    throw = "(_ for _ in ()).throw(ModuleNotFoundError(self.__doc__))"
    return (
        f'type("NotAvailableWhenGrading", (), {{"__doc__": {message}, '
        '"__getattr__": lambda self, name: (_ for _ in ()).throw(AttributeError(name)) '
        f'if name[:2] == "__" else {throw}, '
        f'"__call__": lambda self, *args, **kwargs: {throw}, '
        '"__repr__": lambda self: self.__doc__})()'
    )


def _imports_grader(node: ast.stmt) -> bool:
    """``from grader.notebook import check`` and the like (a kit's ``NAME_kit`` too):
    the course's own tools."""
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and _is_grader(node.module or "")
    if isinstance(node, ast.Import):
        return all(_is_grader(a.name) for a in node.names)
    return False


def _is_grader(module: str) -> bool:
    top = module.split(".")[0]
    return top == GRADER or (top.endswith(KIT_SUFFIX) and top.isidentifier())


def _shallow(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes that run when a top-level statement runs: not function or lambda bodies."""
    yield node
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        children: list[ast.AST] = [*node.decorator_list, *node.args.defaults]
        children += [d for d in node.args.kw_defaults if d is not None]
    elif isinstance(node, ast.Lambda):
        children = [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)]
    else:
        children = list(ast.iter_child_nodes(node))
    for child in children:
        yield from _shallow(child)


def _top_level_loads(node: ast.stmt) -> list[str]:
    """Names a statement reads as it runs (not inside the functions it defines)."""
    return [n.id for n in _shallow(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]


def binds(node: ast.stmt) -> list[str]:
    """Names a top-level statement binds as it runs, in order, without repeats."""
    names: list[str] = []
    for n in _shallow(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store | ast.Del):
            names.append(n.id)
        elif isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(n.name)
        elif isinstance(n, ast.Import | ast.ImportFrom):
            names += [a.asname or a.name.split(".")[0] for a in n.names if a.name != "*"]
    return list(dict.fromkeys(names))


def _is_ipython_call(node: ast.AST) -> bool:
    """``get_ipython()...(...)``: what IPython makes of a magic or a shell line."""
    if not isinstance(node, ast.Call):
        return False
    target = node.func.value if isinstance(node.func, ast.Attribute) else node.func
    inner = target.func if isinstance(target, ast.Call) else target
    return isinstance(inner, ast.Name) and inner.id == "get_ipython"


def _ipython_calls(node: ast.AST) -> Iterator[ast.Call]:
    """The outermost ``get_ipython()`` calls anywhere in ``node``."""
    if _is_ipython_call(node):
        yield node  # type: ignore[misc]
        return
    for child in ast.iter_child_nodes(node):
        yield from _ipython_calls(child)


def _ipython_code(call: ast.Call) -> str:
    """What the student wrote for a ``get_ipython()`` call: ``!ls``, ``%timeit f(x)``."""
    kind = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    args = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if kind in ("system", "getoutput") and args:
        return f"!{args[0]}"
    if kind == "run_line_magic" and args:
        return f"%{' '.join(args[:2]).strip()}"
    if kind == "run_cell_magic" and args:
        return f"%%{args[0]}"
    return ast.unparse(call)
