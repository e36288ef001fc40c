"""Jupyter notebooks: grade a .ipynb like a .py file, and check work from inside a notebook.

A notebook becomes a module: its code cells in order, without cells tagged
``skip-grading`` and without IPython-only lines (``%magic``, ``!shell``,
``?help``), which become blank lines so that every line of the module maps
back to a cell and a line in it; messages name the cell, not a line of a
generated file. ``check()`` grades the functions defined in the running
kernel, on the visible cases only, in a sandboxed child like everything else.
"""

from __future__ import annotations

import html
import inspect
import json
import logging
import re
import sys
import tempfile
import textwrap
import types
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GraderError
from .text import clean

SKIP_TAG = "skip-grading"
UNREADABLE = "this is not a readable Jupyter notebook"
IPYTHON_ONLY = re.compile(r"^\s*([%!?]|\w+\s*=\s*[!%])|\?\s*$")


class NotebookError(GraderError):
    """The file is not a notebook that can be graded."""


@dataclass(frozen=True)
class Converted:
    """A notebook as module source, and where each module line came from."""

    source: str
    origin: list[tuple[int, int] | None]  # module line k+1 -> (cell number, line in cell)

    def where(self, line: int) -> str:
        if 1 <= line <= len(self.origin) and self.origin[line - 1]:
            cell, row = self.origin[line - 1]  # type: ignore[misc]
            return f"cell {cell}, line {row}"
        return f"line {line}"

    def locate(self, text: str, filename: str) -> str:
        """Rewrite 'line N of FILE' and 'File "FILE", line N' into cells and lines."""
        name = re.escape(filename)
        text = re.sub(rf"line (\d+) of {name}",
                      lambda m: f"{self.where(int(m[1]))} of {filename}", text)  # fmt: skip
        return re.sub(rf'File "{name}", line (\d+)',
                      lambda m: f'File "{filename}", {self.where(int(m[1]))}', text)  # fmt: skip


def convert(data: bytes) -> Converted:
    """The graded code of a notebook, or NotebookError saying why there is none.

    Notebooks are the student's JSON: every field is checked here, and anything
    unexpected, even an error of ours, is this notebook's NotebookError.
    """
    try:
        return _module(_code_cells(_parse(data)))
    except NotebookError:
        raise
    except Exception as exc:  # e.g. RecursionError, MemoryError in a library: still the file's
        raise NotebookError(f"{UNREADABLE} ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return clean(text.splitlines()[0] if text else type(exc).__name__, 200)


def _parse(data: bytes) -> dict[str, Any]:
    """The notebook as a version 4 JSON object."""
    try:
        document = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise NotebookError(f"{UNREADABLE} (its JSON is nested too deeply)") from None
    except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError among them
        raise NotebookError(f"{UNREADABLE} ({_first_line(exc)})") from None
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise NotebookError(f"this is not a Jupyter notebook: its JSON is a {kind}, not an object")
    version = document.get("nbformat")
    if version == 4 and type(version) is int:
        return document
    if version in (1, 2, 3) and type(version) is int:
        return _upgrade(data)
    raise NotebookError(f"{UNREADABLE} (Unsupported nbformat version {clean(repr(version), 40)})")


def _upgrade(data: bytes) -> dict[str, Any]:
    """An old notebook converted to version 4 by nbformat, quietly (it warns and logs)."""
    import nbformat

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.disable(logging.ERROR)
        try:
            notebook = nbformat.reads(data.decode("utf-8"), as_version=4)  # type: ignore[no-untyped-call]
        finally:
            logging.disable(logging.NOTSET)
    if not isinstance(notebook, dict):
        raise NotebookError(f"{UNREADABLE} (not a notebook object)")
    return notebook


def _code_cells(document: dict[str, Any]) -> list[tuple[int, str]]:
    """(cell number, source) of each graded code cell, checking each field it reads."""
    cells = document.get("cells")
    if not isinstance(cells, list):
        raise NotebookError('the notebook has no list of cells ("cells" is missing or not a list)')
    graded = []
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {number} is not a JSON object")
        if cell.get("cell_type") != "code":
            continue
        metadata = cell.get("metadata", {})
        if not isinstance(metadata, dict):
            raise NotebookError(f'cell {number}: its "metadata" is not a JSON object')
        tags = metadata.get("tags", [])
        if not isinstance(tags, list):
            raise NotebookError(f'cell {number}: its "tags" are not a list')
        if SKIP_TAG in tags:
            continue
        graded.append((number, _cell_text(number, cell)))
    if not graded:
        raise NotebookError("the notebook has no code cells to grade")
    return graded


def _cell_text(number: int, cell: dict[str, Any]) -> str:
    """A cell's source: a string, or a list of strings as notebooks are stored on disk."""
    if "source" not in cell:
        raise NotebookError(f'cell {number} is a code cell without "source"')
    source = cell["source"]
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return "".join(source)
    if not isinstance(source, str):
        raise NotebookError(f'cell {number}: its "source" is not text')
    return source


def _module(cells: list[tuple[int, str]]) -> Converted:
    """The module the code cells make, blanking IPython-only lines so that lines map back."""
    lines: list[str] = []
    origin: list[tuple[int, int] | None] = []
    for number, source in cells:
        cell_lines = source.splitlines()
        if cell_lines and cell_lines[0].lstrip().startswith("%%"):
            cell_lines = [""] * len(cell_lines)  # a cell magic: the cell is not Python
        for row, line in enumerate(cell_lines, start=1):
            lines.append("" if IPYTHON_ONLY.search(line) else line)
            origin.append((number, row))
        lines.append("")
        origin.append(None)
    return Converted("\n".join(lines) + "\n", origin)


# ---------------------------------------------------------------- in the notebook


def kernel_source(names: Sequence[str], namespace: Mapping[str, Any]) -> str:
    """Source for the named functions in ``namespace``, with the helpers and modules they use."""
    chunks: list[str] = []
    imports: dict[str, str] = {"np": "import numpy as np"}
    seen: set[str] = set()
    todo = [n for n in names if isinstance(namespace.get(n), types.FunctionType)]
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        function = namespace[name]
        try:
            chunks.append(textwrap.dedent(inspect.getsource(function)))
        except (OSError, TypeError):
            continue
        for used in function.__code__.co_names:
            value = namespace.get(used)
            if isinstance(value, types.ModuleType):
                alias = f" as {used}" if value.__name__ != used else ""
                imports[used] = f"import {value.__name__}{alias}"
            elif isinstance(value, types.FunctionType):
                todo.append(used)
    return "\n".join(imports.values()) + "\n\n\n" + "\n\n".join(chunks)


@dataclass(frozen=True)
class CheckResult:
    """What ``check()`` found: shown as HTML in Jupyter, as text elsewhere."""

    report: dict[str, Any]
    names: tuple[str, ...]

    def tests(self) -> list[dict[str, Any]]:
        return [t for t in self.report["tests"] if t["exercise"] in self.names]

    @property
    def passed(self) -> bool:
        return self.report["status"] == "graded" and all(
            t["status"] == "passed" for t in self.tests()
        )

    def __str__(self) -> str:
        if self.report["status"] != "graded":
            return str(self.report["message"])
        lines = []
        for name in self.names:
            mine = [t for t in self.tests() if t["exercise"] == name]
            ok = sum(t["status"] == "passed" for t in mine)
            lines.append(
                f"{'PASS' if ok == len(mine) else 'FAIL'}  {name}: {ok}/{len(mine)} checks"
            )
            for test in mine:
                if test["status"] != "passed":
                    lines.append(f"      - {test['message']}")
                    if test["hint"]:
                        lines.append(f"        hint: {test['hint']}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1b7f3b" if self.passed else "#b42318"
        body = html.escape(str(self))
        return f'<pre style="border-left:4px solid {colour};padding-left:.6em">{body}</pre>'


def check(
    *names: str,
    assignment: str | None = None,
    namespace: Mapping[str, Any] | None = None,
    sandbox: str = "auto",
) -> CheckResult:
    """Check the named functions (all of the assignment's by default) defined in this kernel.

    Runs them in a sandboxed child on the visible cases only (the course's worked
    examples), so it never reveals hidden cases.
    """
    from .grade import grade_submission, load_assignment
    from .spec import DEFAULT_ASSIGNMENT

    spec = load_assignment(assignment or DEFAULT_ASSIGNMENT)
    wanted = tuple(names) or tuple(e.name for e in spec.exercises)
    unknown = [n for n in wanted if n not in {e.name for e in spec.exercises}]
    if unknown:
        raise NotebookError(f"no exercise named {', '.join(unknown)}")
    space = namespace if namespace is not None else vars(sys.modules["__main__"])
    with tempfile.TemporaryDirectory(prefix="grader-check-") as folder:
        path = Path(folder) / "notebook.py"
        path.write_text(kernel_source(wanted, space), encoding="utf-8")
        report = grade_submission(path=path, assignment=spec.name, sandbox=sandbox,  # type: ignore[arg-type]
                                  visible_only=True)  # fmt: skip
    return CheckResult(report, wanted)
