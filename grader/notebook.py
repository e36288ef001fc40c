"""Checking work from inside a Jupyter notebook: ``check()`` grades the kernel's functions.

``check("NAME")`` grades what ``grade`` would grade of the running kernel, on the visible
cases only, in a sandboxed child like everything else, so it never reveals hidden cases.

What it grades, in a Jupyter kernel: the cells the kernel ran (IPython's input history)
that define the exercises' functions, and, again and again, the cells that define what
those cells use (helpers, constants such as ``EPS = 1e-12``, ``from numpy import exp``,
modules), each in its latest version, in the order they ran. They become a notebook that
``grade`` grades like a handed-in one: the same conversion (magics, ``check`` calls,
imports the sandbox lacks), the same globals and imports, and messages that name the
cell as Jupyter shows it ("cell In [4], line 2"). Whole cells, not single statements,
because ``grade`` runs whole cells: a cell that fails here fails there. Cells that define
nothing the functions need are left out (grade runs them too: Restart and Run All before
handing in). Outside a kernel: the file the namespace came from, graded as that file,
else the functions' own source. Converting a notebook file is ``ipynb``'s concern.
"""

from __future__ import annotations

import ast
import atexit
import html
import inspect
import json
import re
import sys
import tempfile
import textwrap
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import registry
from .errors import NotebookError
from .grade import grade
from .ipynb import binds, cell_as_python, convert
from .results import Report
from .sandbox import SandboxKind
from .session import Grader
from .spec import Assignment, TestResult

__all__ = ["CheckResult", "NotebookError", "check", "kernel_cells", "kernel_source"]

NOTEBOOK = "notebook.ipynb"  # the name check's messages give the kernel's cells


def _shell() -> Any:
    """The running IPython shell, or None (never imports IPython itself)."""
    if "IPython" not in sys.modules:
        return None
    try:
        return sys.modules["IPython"].get_ipython()
    except Exception:  # an IPython too odd to ask: checks fall back to the source
        return None


def _history(namespace: Mapping[str, Any]) -> list[str] | None:
    """The raw source of every cell the kernel ran (index: execution count), if any."""
    shell = _shell()
    if shell is None or getattr(shell, "user_ns", None) is not namespace:
        return None
    raw = getattr(getattr(shell, "history_manager", None), "input_hist_raw", None)
    return [str(cell) for cell in raw] if isinstance(raw, list) else None


def _names(source: str) -> tuple[set[str], set[str]]:
    """What a cell binds at its top level, and every name it reads; nothing if not Python."""
    try:
        tree = ast.parse("\n".join(cell_as_python(source)[0]))
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return set(), set()
    bound = {name for node in tree.body for name in binds(node)}
    reads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    return bound, reads


def kernel_cells(names: Sequence[str], history: Sequence[str]) -> list[tuple[int, str]]:
    """(execution count, source) of the cells that define ``names`` and what they use.

    Each name comes from the latest cell that binds it, as in the kernel; the cells keep
    the order in which they ran.
    """
    latest: dict[str, int] = {}
    reads: dict[int, set[str]] = {}
    for count, source in enumerate(history):
        if source.strip():
            bound, reads[count] = _names(source)
            latest |= dict.fromkeys(bound, count)
    chosen: set[int] = set()
    todo = list(names)
    while todo:
        found = latest.get(todo.pop())
        if found is not None and found not in chosen:
            chosen.add(found)
            todo += reads[found]
    return [(count, history[count]) for count in sorted(chosen)]


def notebook_of(cells: Sequence[tuple[int, str]]) -> str:
    """A notebook (JSON) of these cells, in order, each with its execution count."""
    document = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "metadata": {}, "source": source, "outputs": [],
         "execution_count": count} for count, source in cells]}  # fmt: skip
    return json.dumps(document)


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
    notes: tuple[str, ...] = ()  # what grading leaves out of the cells, and what to do

    def tests(self) -> list[TestResult]:
        return self.report.tests_of(self.names)

    @property
    def passed(self) -> bool:
        return self.report.status == "graded" and all(t.status == "passed" for t in self.tests())

    def __str__(self) -> str:
        if self.report.status != "graded":
            said = self.report.message  # grade may carry the same notes in it
            return "\n".join((said, *(note for note in self.notes if note not in said)))
        lines = [f"note: {note}" for note in self.notes]
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
    is the one these exercise names (or the kernel's functions) belong to. Grades what
    ``grade`` would of the kernel's cells (see the module's docstring), in a sandboxed
    child, on the visible cases only (the course's worked examples), so it never reveals
    hidden cases.
    """
    shell = _shell()
    space = namespace if namespace is not None else _user_namespace(shell)
    spec = _assignment_for(names, space, assignment)
    exercises = [e.name for e in spec.exercises]
    wanted = tuple(names) or tuple(exercises)
    unknown = [n for n in wanted if n not in exercises]
    if unknown:
        raise NotebookError(
            f"no exercise named {', '.join(unknown)} in {spec.name!r}: "
            f"check one of {', '.join(exercises)}, or check() for all of them"
        )
    history = _history(space)
    cells = kernel_cells(wanted, history) if history else []
    if cells:
        return _check_cells(cells, spec, wanted, sandbox)
    return _check_source(space, spec, wanted, sandbox)


def _user_namespace(shell: Any) -> Mapping[str, Any]:
    """The kernel's variables: IPython's user namespace, else ``__main__``'s."""
    space = getattr(shell, "user_ns", None)
    return space if isinstance(space, dict) else vars(sys.modules["__main__"])


_WARM: dict[str, Grader] = {}  # per sandbox asked for: one warm sandbox per kernel


def _checking(sandbox: SandboxKind) -> Grader:
    """The kernel's grader for ``sandbox``: its sandbox (Python and numpy started, no student
    code) is kept between checks, and each check still runs in a runner of its own, forked
    from that clean zygote after the previous check's processes were all killed."""
    grader = _WARM.get(sandbox)
    if grader is None:
        grader = _WARM[sandbox] = Grader(sandbox=sandbox)
        grader.keep_ready = True
        atexit.register(grader.close)
    return grader


def _grade(path: Path, spec: Assignment, sandbox: SandboxKind) -> Report:
    return grade(path, assignment=spec, grader=_checking(sandbox), visible_only=True)


def _check_cells(
    cells: list[tuple[int, str]], spec: Assignment, wanted: tuple[str, ...], sandbox: SandboxKind
) -> CheckResult:
    """Grade the kernel's cells as a notebook; messages name them by execution count."""
    text = notebook_of(cells)
    counts = {k: count for k, (count, _) in enumerate(cells, start=1)}

    def shown(message: str) -> str:
        return re.sub(r"\bcell (\d+)\b",
                      lambda m: f"cell In [{counts.get(int(m[1]), m[1])}]", message)  # fmt: skip

    notes = tuple(shown(n) for n in convert(text.encode(), spec.packages).notes)
    with tempfile.TemporaryDirectory(prefix="grader-check-") as folder:
        path = Path(folder) / NOTEBOOK
        path.write_text(text, encoding="utf-8")
        report = _grade(path, spec, sandbox)
    tests = tuple(replace(t, message=shown(t.message)) for t in report.tests)
    report = replace(report, message=shown(report.message), tests=tests)
    return CheckResult(report, wanted, notes)


def _check_source(
    space: Mapping[str, Any], spec: Assignment, wanted: tuple[str, ...], sandbox: SandboxKind
) -> CheckResult:
    """Outside a kernel: the file the namespace came from, else the functions' source."""
    origin = space.get("__file__")
    file = Path(origin) if isinstance(origin, str) and origin.endswith(".py") else None
    try:
        source = file.read_text(encoding="utf-8") if file else kernel_source(wanted, space)
    except (OSError, UnicodeDecodeError):
        file, source = None, kernel_source(wanted, space)
    with tempfile.TemporaryDirectory(prefix="grader-check-") as folder:
        path = Path(folder) / (file.name if file else "notebook.py")
        path.write_text(source, encoding="utf-8")
        report = _grade(path, spec, sandbox)
    return CheckResult(report, wanted)
