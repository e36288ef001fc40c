"""Checking work from inside a Jupyter notebook: ``check()`` grades the kernel's functions.

``check("NAME")`` takes the functions as they are defined in the running kernel (with the
helpers and modules they use), and grades them on the visible cases only, in a
sandboxed child like everything else, so it never reveals hidden cases. Converting a
notebook file for grading is another concern: ``ipynb``.
"""

from __future__ import annotations

import html
import inspect
import sys
import tempfile
import textwrap
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import registry
from .errors import NotebookError
from .grade import grade
from .results import Report
from .sandbox import SandboxKind
from .spec import Assignment, TestResult

__all__ = ["CheckResult", "NotebookError", "check", "kernel_source"]


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

    report: Report
    names: tuple[str, ...]

    def tests(self) -> list[TestResult]:
        return self.report.tests_of(self.names)

    @property
    def passed(self) -> bool:
        return self.report.status == "graded" and all(t.status == "passed" for t in self.tests())

    def __str__(self) -> str:
        if self.report.status != "graded":
            return self.report.message
        lines = []
        for name in self.names:
            mine = [t for t in self.tests() if t.exercise == name]
            ok = sum(t.status == "passed" for t in mine)
            lines.append(
                f"{'PASS' if ok == len(mine) else 'FAIL'}  {name}: {ok}/{len(mine)} checks"
            )
            for test in mine:
                if test.status != "passed":
                    lines.append(f"      - {test.message}")
                    if test.hint:
                        lines.append(f"        hint: {test.hint}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1b7f3b" if self.passed else "#b42318"
        body = html.escape(str(self))
        return f'<pre style="border-left:4px solid {colour};padding-left:.6em">{body}</pre>'


def _assignment_for(
    names: Sequence[str], namespace: Mapping[str, Any], named: str | None
) -> Assignment:
    """The assignment named, else the one whose exercises the names (or else the kernel's
    functions) are, else the default (see ``registry.choose_among``)."""
    if named is not None:
        return registry.load(named)
    functions = set(names) or {k for k, v in namespace.items() if isinstance(v, types.FunctionType)}
    return registry.choose_among(frozenset(functions)).assignment


def check(
    *names: str,
    assignment: str | None = None,
    namespace: Mapping[str, Any] | None = None,
    sandbox: SandboxKind = "auto",
) -> CheckResult:
    """Check the named functions (all of the assignment's by default) defined in this kernel.

    ``assignment`` names the assignment (a name or a path); without it, the assignment
    is the one these exercise names (or the kernel's functions) belong to. Runs them in
    a sandboxed child on the visible cases only (the course's worked examples), so it
    never reveals hidden cases.
    """
    space = namespace if namespace is not None else vars(sys.modules["__main__"])
    spec = _assignment_for(names, space, assignment)
    wanted = tuple(names) or tuple(e.name for e in spec.exercises)
    unknown = [n for n in wanted if n not in {e.name for e in spec.exercises}]
    if unknown:
        raise NotebookError(f"no exercise named {', '.join(unknown)} in {spec.name!r}")
    with tempfile.TemporaryDirectory(prefix="grader-check-") as folder:
        path = Path(folder) / "notebook.py"
        path.write_text(kernel_source(wanted, space), encoding="utf-8")
        report = grade(path, assignment=spec, sandbox=sandbox, visible_only=True)
    return CheckResult(report, wanted)
