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
import re
import sys
import tempfile
import textwrap
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GraderError

SKIP_TAG = "skip-grading"
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
    """The graded code of a notebook, or NotebookError saying why there is none."""
    import nbformat

    try:
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)  # type: ignore[no-untyped-call]
    except Exception as exc:  # nbformat raises many kinds; each means "not a notebook"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NotebookError(f"this is not a readable Jupyter notebook ({first[:200]})") from None
    lines: list[str] = []
    origin: list[tuple[int, int] | None] = []
    code_cells = 0
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        if SKIP_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        code_cells += 1
        cell_lines = cell.get("source", "").splitlines()
        if cell_lines and cell_lines[0].lstrip().startswith("%%"):
            cell_lines = [""] * len(cell_lines)  # a cell magic: the cell is not Python
        for row, line in enumerate(cell_lines, start=1):
            lines.append("" if IPYTHON_ONLY.search(line) else line)
            origin.append((number, row))
        lines.append("")
        origin.append(None)
    if not code_cells:
        raise NotebookError("the notebook has no code cells to grade")
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
