"""Jupyter notebooks as modules: a .ipynb is graded like the .py file its code cells make.

A notebook becomes a module: its code cells in order, without cells tagged
``skip-grading`` and without IPython-only lines (``%magic``, ``!shell``,
``?help``), which become blank lines so that every line of the module maps
back to a cell and a line in it; messages name the cell, not a line of a
generated file. Nothing here runs the notebook: it is the student's JSON, parsed.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from dataclasses import dataclass
from typing import Any

from .errors import NotebookError
from .text import clean

SKIP_TAG = "skip-grading"
UNREADABLE = "this is not a readable Jupyter notebook"
IPYTHON_ONLY = re.compile(r"^\s*([%!?]|\w+\s*=\s*[!%])|\?\s*$")


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
