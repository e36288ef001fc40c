"""Choosing the assignment: the engine names none; a submission, a name or a path decides."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import registry
from grader.cli import main
from grader.discover import discover
from grader.errors import UnknownAssignment
from grader.report import validate

from .conftest import REFERENCE, ROOT, STUB

ENGINE = ROOT / "grader"
NAMES = re.compile(r"forward|relu|softmax|node_value|hidden_layer|cross_entropy", re.I)
DISTRIBUTION = re.compile(r"forward[-_]grader", re.I)  # the project's name, not an assignment
MINE = {"__init__.py", "__main__.py", "batch.py", "bundle.py", "classsummary.py", "cli.py",
        "discover.py", "errors.py", "formats.py", "grade.py", "ipynb.py", "judging.py",
        "notebook.py", "plan.py", "registry.py", "report.py", "results.py", "session.py",
        "submission.py"}  # fmt: skip


def assignment_words(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if NAMES.search(DISTRIBUTION.sub("", line)):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_the_engine_modules_name_no_assignment() -> None:
    assert assignment_words([ENGINE / name for name in sorted(MINE)]) == []


def test_no_engine_module_names_an_assignment() -> None:
    files = [p for p in sorted(ENGINE.rglob("*.py")) if "schemas" not in p.parts]
    assert assignment_words(files) == []


def test_engine_modules_import_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in ENGINE.glob("*.py"):
        tree = ast.parse(path.read_text())
        graph[path.stem] = {
            (node.module or "").split(".")[0] or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1
            for alias in node.names
        }
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert state.get(name) != 1, f"import cycle: {' -> '.join((*trail, name))}"
        if state.get(name) == 2 or name not in graph:
            return
        state[name] = 1
        for used in graph[name]:
            visit(used, (*trail, name))
        state[name] = 2

    for name in graph:
        visit(name, ())


def test_installed_assignments_and_the_default() -> None:
    assert "forward" in registry.installed()
    assert registry.default() == "forward"
    assert registry.load("forward") is registry.load("assignments.forward")
    with pytest.raises(UnknownAssignment, match="no assignment named 'nope'"):
        registry.load("nope")


def test_a_submission_chooses_by_file_name_then_functions_then_default(tmp_path: Path) -> None:
    named = tmp_path / "forward.py"
    named.write_text("x = 1\n")
    assert registry.choose(path=named).reason == "the file name"
    by_functions = tmp_path / "homework.py"
    by_functions.write_text(STUB)
    choice = registry.choose(path=by_functions)
    assert choice.assignment.name == "forward" and choice.reason == "the functions it defines"
    notebook = tmp_path / "work.ipynb"
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "source": STUB}
    notebook.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                                    "cells": [cell]}))  # fmt: skip
    assert registry.choose(path=notebook).reason == "the functions it defines"
    nothing = tmp_path / "empty.py"
    nothing.write_text("import os\nos.system('touch ran')\n")  # parsed, never run
    assert registry.choose(path=nothing).reason.startswith("the default")
    assert not (tmp_path / "ran").exists()
    assert registry.choose("forward", path=nothing).announcement is None


def test_the_cli_says_which_assignment_it_picked(tmp_path: Path) -> None:
    path = tmp_path / "mine.py"
    path.write_text(REFERENCE)
    result = CliRunner().invoke(main, [str(path), "-o", "-", "--sandbox", "process"])
    assert result.exit_code == 0, result.output
    expected = "Grading against assignment 'forward' (found from the functions it defines)"
    assert expected in result.stderr.splitlines()
    named = CliRunner().invoke(main, [str(path), "-o", "-", "--sandbox", "process",
                                      "--assignment", "forward"])  # fmt: skip
    assert "Grading against" not in named.stderr


ASSIGNMENT = """\
from grader.spec import Assignment, Case, Exercise
from {solutions} import {module} as reference


def make_cases(seed):
    return [Case("double/course", "double", (2.0,), "visible"),
            Case("double/random", "double", (float(seed) + {offset},))]


ASSIGNMENT = Assignment(
    name="doubling", title="Doubling", exercises=(Exercise("double", 10),),
    reference={{"double": reference.double}}, make_cases=make_cases, filename="twice.py",
)
"""


def write_course(root: Path, solutions: str, offset: float) -> Path:
    """A course outside the repository: a package, and the solution module it imports."""
    package = root / "doubling"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        ASSIGNMENT.format(solutions=solutions, module="double", offset=offset)
    )
    (root / solutions).mkdir()
    (root / solutions / "__init__.py").write_text("")
    (root / solutions / "double.py").write_text("def double(x):\n    return 2 * x\n")
    (root / solutions / "unrelated.py").write_text("raise SystemExit('not carried')\n")
    return package


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_course(tmp_path_factory.mktemp("course"), "course_solutions", 0.5)


def test_an_assignment_from_a_path_grades_without_pythonpath(course: Path, tmp_path: Path) -> None:
    work = tmp_path / "anything.py"
    work.write_text("def double(x):\n    return x + x\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-m", "grader", str(work), "--assignment", str(course), "-o", "-",
         "--sandbox", "process"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    validate(report, "report")
    assert report["assignment"] == "doubling" and report["score"] == 10


def test_two_paths_never_clash(course: Path, tmp_path: Path) -> None:
    other = write_course(tmp_path / "other", "other_solutions", 100.0)
    first, second = registry.load(str(course)), registry.load(str(other))
    assert first is not second and first.name == second.name == "doubling"
    assert first.make_cases(0)[1].args != second.make_cases(0)[1].args
    assert registry.load(str(course)) is first  # loaded once
    single = tmp_path / "single.py"
    single.write_text(ASSIGNMENT.format(solutions="course_solutions", module="double", offset=1))
    assert registry.load(str(single)).make_cases(0)[1].args == (1.0,)


def test_a_class_folder_is_resolved_by_the_assignment(tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    for student, files in {
        "named": {"forward.py": REFERENCE, "scratch.py": "x = 1\n"},
        "defining": {"mine.py": REFERENCE, "notes.py": "y = 2\n"},
        "none": {"a.py": "x = 1\n", "b.py": "y = 2\n"},
        "several": {"a.py": REFERENCE, "b.py": STUB},
    }.items():
        (subs / student).mkdir(parents=True)
        for name, text in files.items():
            (subs / student / name).write_text(text)
    found = {s.id: s for s in discover([subs], registry.load("forward"))}
    assert found["named"].path.name == "forward.py" and found["named"].problem is None
    assert found["defining"].path.name == "mine.py" and found["defining"].problem is None
    assert "none of its files defines" in (found["none"].problem or "")
    assert "several of its files define" in (found["several"].problem or "")
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, [str(subs), "-o", str(out), "--sandbox", "process"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "several.json").read_text())
    validate(report, "report")
    assert report["status"] == "error" and "a.py, b.py" in report["message"]
    assert json.loads((out / "defining.json").read_text())["status"] == "graded"


def test_a_bundle_carries_an_assignment_from_a_path(course: Path, tmp_path: Path) -> None:
    zip_path = tmp_path / "autograder.zip"
    result = CliRunner().invoke(main, ["bundle", "gradescope", "-o", str(zip_path),
                                       "--assignment", str(course)])  # fmt: skip
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        run = archive.read("run_autograder").decode()
    assert {"doubling/__init__.py", "course_solutions/__init__.py",
            "course_solutions/double.py", "grader/grade.py"} <= names  # fmt: skip
    assert "course_solutions/unrelated.py" not in names
    assert not [n for n in names if n.startswith(("assignments/", "solutions/"))]
    assert '--assignment "$ROOT/source/"doubling' in run
    # Which file of submission/ is graded is decided at run time, as for a student's folder
    # in a batch: tests/test_bundle.py::test_a_submission_folder_resolves_as_in_a_batch.


def test_run_autograder_grades_with_the_carried_assignment(course: Path, tmp_path: Path) -> None:
    root = tmp_path / "autograder"
    zip_path = tmp_path / "autograder.zip"
    result = CliRunner().invoke(main, ["bundle", "gradescope", "-o", str(zip_path),
                                       "--assignment", str(course)])  # fmt: skip
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root / "source")
    (root / "submission").mkdir()
    (root / "submission" / "twice.py").write_text("def double(x):\n    return 2 * x\n")
    (root / "submission" / "other.py").write_text("y = 1\n")
    run = (root / "source" / "run_autograder").read_text().replace("--sandbox bwrap", "")
    (root / "source" / "run_autograder").write_text(run)  # the sandbox is not the point here
    grade = str(Path(sys.executable).with_name("grade"))
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "GRADE_COMMAND": grade}
    env.pop("PYTHONPATH", None)
    # The bundle's own files, not the course's: the course folder is gone.
    moved = course.parent.rename(tmp_path / "gone")
    try:
        done = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env,
                              cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)  # fmt: skip
    finally:
        moved.rename(course.parent)
    assert done.returncode == 0, done.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    validate(results, "gradescope")
    assert results["score"] == 10, (results, done.stderr)


def test_grade_new_calls_the_scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    authoring = pytest.importorskip("grader.authoring")
    if not hasattr(authoring, "scaffold"):
        pytest.skip("grader.authoring.scaffold(name, root) is not written yet")
    calls: list[tuple[str, Path]] = []

    def scaffold(name: str, root: Path) -> list[Path]:
        calls.append((name, root))
        return [root / "assignments" / name / "__init__.py"]

    monkeypatch.setattr(authoring, "scaffold", scaffold)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", "matrices"])
    assert result.exit_code == 0, result.output
    assert calls == [("matrices", tmp_path)] and "assignments/matrices/__init__.py" in result.output


def test_check_finds_the_assignment_from_the_exercise_names(tmp_path: Path) -> None:
    import importlib.util

    from grader.notebook import check

    path = tmp_path / "kernel_cells.py"
    path.write_text(REFERENCE)
    spec = importlib.util.spec_from_file_location("kernel_cells", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = check("relu", namespace=vars(module), sandbox="process")
    assert result.passed and result.report.assignment == "forward"
