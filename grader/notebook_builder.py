"""The student's notebook, built from cells the authoring format gives, with a check per exercise.

Knows no assignment: it is handed the cells (markdown, and code already stripped of
solutions), the assignment's name and its exercises' names. After each code cell that
defines an exercise's function at top level it adds a check cell for that exercise,
tagged ``skip-grading`` so that ``grade NAME.ipynb`` leaves it out, and it ends with a
check of every exercise. Cell ids are numbered, so building twice gives the same file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

SKIP = {"tags": ["skip-grading"]}
DEFINES = re.compile(r"^(?:async\s+)?def\s+(\w+)\s*\(", re.MULTILINE)
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
ALL_TOGETHER = "## All together\n\nRun this before you hand the notebook in."


@dataclass(frozen=True)
class NotebookCell:
    """A cell's kind and its text, as it will appear in the notebook."""

    kind: Literal["code", "markdown"]
    source: str


def check_source(assignment: str, exercise: str | None = None) -> str:
    """The code of a check cell: one exercise, or all of them when ``exercise`` is None."""
    which = f'"{exercise}", ' if exercise else ""
    return f'from grader.notebook import check\n\ncheck({which}assignment="{assignment}")'


def defined(source: str) -> list[str]:
    """The names of the functions a cell defines at top level, in order."""
    return DEFINES.findall(source)


def build_notebook(cells: Sequence[NotebookCell], assignment: str,
                   exercises: Sequence[str]) -> Any:  # fmt: skip
    """An nbformat 4 notebook: the cells, a check cell after each exercise, a final check."""
    import nbformat

    # nbformat has no type hints: its cell constructors are used through Any.
    v4: Any = nbformat.v4
    out = []
    for cell in cells:
        if cell.kind == "markdown":
            out.append(v4.new_markdown_cell(cell.source))
            continue
        out.append(v4.new_code_cell(cell.source))
        for name in defined(cell.source):
            if name in exercises:
                out.append(v4.new_code_cell(check_source(assignment, name), metadata=SKIP))
    out += [v4.new_markdown_cell(ALL_TOGETHER),
            v4.new_code_cell(check_source(assignment), metadata=SKIP)]  # fmt: skip
    notebook = v4.new_notebook(cells=out)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number:02d}"
    nbformat.validate(notebook)
    return notebook


def notebook_text(notebook: Any) -> str:
    """The notebook as it is written to disk."""
    import nbformat

    return str(nbformat.writes(notebook)) + "\n"  # type: ignore[no-untyped-call]
