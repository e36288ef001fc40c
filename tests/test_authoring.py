"""Authoring: stubs and notebooks generated from the solution, the markers, and the scaffold."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import nbformat
import pytest

from grader import authoring
from grader.authoring import AuthoringError, notebook, scaffold, stub_source
from grader.errors import UsageError
from grader.spec import Assignment

from .conftest import ROOT

VENV_BIN = Path(sys.executable).parent
# Lines that say nothing about a solution: the same in any code, so not a leak.
STRUCTURAL = re.compile(r"^(else:|try:|finally:|pass|return|continue|break|[)\]},:]+)$")


def assignment_names() -> list[str]:
    """Every assignment package or module under assignments/, as the engine names them."""
    folder = ROOT / "assignments"
    packages = [p.parent.name for p in folder.glob("*/__init__.py")]
    modules = [p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")]
    return sorted(packages + modules)


def load(name: str) -> Assignment:
    assignment = importlib.import_module(f"assignments.{name}").ASSIGNMENT
    assert isinstance(assignment, Assignment)
    return assignment


def region_lines(text: str, block: str) -> list[str]:
    """The stripped, non-blank lines between ``# BEGIN block`` and ``# END block``."""
    found, inside = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped in (f"# BEGIN {block}", f"# END {block}"):
            inside = stripped.startswith("# BEGIN")
        elif inside and stripped and not STRUCTURAL.match(stripped):
            found.append(stripped)
    return found


def given_lines(text: str) -> set[str]:
    """The stripped lines outside every region, and those lines uncommented."""
    given, inside = set(), False
    for line in text.splitlines():
        stripped = line.strip()
        if re.fullmatch(r"# (BEGIN|END) (SOLUTION ONLY|SOLUTION)", stripped):
            inside = stripped.startswith("# BEGIN")
        elif not inside:
            given |= {stripped, stripped.removeprefix("#").strip()}
    return given


def notebook_code(text: str) -> list[str]:
    cells = nbformat.reads(text, as_version=4).cells
    return [line.strip() for c in cells if c.cell_type == "code" for line in c.source.splitlines()]


def as_module(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "generated_stub"}
    exec(compile(source, "<stub>", "exec"), namespace)
    return namespace


# --- every assignment: the files on disk are what the generator writes ----------------------


@pytest.mark.parametrize("name", assignment_names())
def test_generated_files_equal_the_generator(name: str) -> None:
    diffs = authoring.stale(load(name))
    assert not diffs, (
        f"exercises/ is stale; run: python -m grader.authoring build {name}\n"
        + "".join(diffs.values())[:4000]
    )


@pytest.mark.parametrize("name", assignment_names())
def test_stub_has_the_reference_signatures_and_docstrings(name: str) -> None:
    assignment = load(name)
    generated = authoring.generate(assignment).items()
    stub = as_module(next(text for path, text in generated if path.suffix == ".py"))
    for exercise in assignment.exercises:
        ours, reference = stub[exercise.name], assignment.reference[exercise.name]
        assert inspect.signature(ours) == inspect.signature(reference), exercise.name
        assert inspect.getdoc(ours) == inspect.getdoc(reference), exercise.name
        with pytest.raises(NotImplementedError, match=exercise.name):
            params = inspect.signature(ours).parameters.values()
            ours(*[None for p in params if p.default is inspect.Parameter.empty])


@pytest.mark.parametrize("name", assignment_names())
def test_no_solution_line_reaches_the_student(name: str) -> None:
    assignment = load(name)
    solution = authoring.solution_file(assignment).read_text()
    regions = region_lines(solution, "SOLUTION")
    assert regions, "an assignment without solution regions gives its answers away"
    regions += [line for line in region_lines(solution, "SOLUTION ONLY")
                if re.match(r"(def|class|return|\w+ =) ", line)]  # fmt: skip
    # A line the author also gives outside the regions (commented out in a notebook-only
    # cell, say) is handed out on purpose.
    given = given_lines(solution)
    secret = [line for line in regions if line not in given]
    for path, text in authoring.generate(assignment).items():
        lines = notebook_code(text) if path.suffix == ".ipynb" else [
            line.strip() for line in text.splitlines()]  # fmt: skip
        leaked = [line for line in secret if line in lines]
        assert not leaked, f"{path.name} holds solution lines: {leaked}"


@pytest.mark.parametrize("name", assignment_names())
def test_stub_imports_only_the_standard_library_and_the_packages(name: str) -> None:
    assignment = load(name)
    stub = next(t for p, t in authoring.generate(assignment).items() if p.suffix == ".py")
    allowed = set(sys.stdlib_module_names) | set(assignment.packages) | {"__future__"}
    assert authoring.imported(stub) <= allowed


def test_forward_stub_and_notebook_shape() -> None:
    generated = authoring.generate(load("forward"))
    stub = generated[ROOT.resolve() / "exercises" / "forward.py"]
    assert stub.startswith('"""Forward-propagation exercises: fill in the six functions below.')
    assert "import numpy as np  # noqa: F401  (you will need it)" in stub
    cells = nbformat.reads(generated[ROOT.resolve() / "exercises" / "forward.ipynb"], 4).cells
    checks = [c.source for c in cells if "skip-grading" in c.metadata.get("tags", [])]
    assert checks[0] == 'from grader.notebook import check\n\ncheck("relu", assignment="forward")'
    assert checks[-1].endswith('check(assignment="forward")') and len(checks) == 7
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# Forward")


# --- the markers ------------------------------------------------------------------------------


def solution(text: str) -> str:
    return textwrap.dedent(text).lstrip()


NESTED = solution('''
    # %%
    def clip(values, limit):
        """Clip every value to limit."""
        out = []
        for value in values:
            if value > limit:
                # BEGIN SOLUTION
                value = limit
                # END SOLUTION
            out.append(value)
        return out


    class Layer:
        """A layer with a method the student writes."""

        def forward(self, x):
            """The layer's output."""
            # BEGIN SOLUTION
            return x * 2
            # END SOLUTION
''')


def test_regions_nested_and_in_methods_keep_their_indentation() -> None:
    stub = stub_source(NESTED)
    assert '            raise NotImplementedError("clip: replace this line with your code")' in stub
    assert '        raise NotImplementedError("Layer.forward: replace this line' in stub
    assert "value = limit" not in stub and "x * 2" not in stub
    module = as_module(stub)
    assert module["clip"]([1, 2], 5) == [1, 2]  # the student's branch is not reached
    with pytest.raises(NotImplementedError, match=r"^clip: "):
        module["clip"]([9], 5)
    with pytest.raises(NotImplementedError, match=r"^Layer\.forward: "):
        module["Layer"]().forward(1)


def test_solution_only_stub_blocks_and_active_cells() -> None:
    text = solution('''
        # %% [markdown]
        # # Title
        #
        # Some *text*.

        # %% active="py"
        # BEGIN SOLUTION ONLY
        """Solution docstring."""
        # END SOLUTION ONLY
        # BEGIN STUB
        # """Stub docstring.
        #
        # Check your work with:  grade x.py
        # """
        # END STUB

        # %% active="ipynb"
        # %matplotlib inline

        # %%
        import math


        # BEGIN SOLUTION ONLY
        def _helper(x):
            return math.sqrt(x)
        # END SOLUTION ONLY


        def root(x):
            """The square root."""
            # BEGIN STUB
            # # Hint: math.sqrt
            # END STUB
            # BEGIN SOLUTION
            return _helper(x)
            # END SOLUTION
    ''')
    stub = stub_source(text)
    assert stub.startswith('"""Stub docstring.\n\nCheck your work with:  grade x.py\n"""\n')
    assert "_helper" not in stub and "%matplotlib" not in stub and "Title" not in stub
    assert "import math\n\n\ndef root(x):" in stub, "a removed helper leaves one gap"
    assert "    # Hint: math.sqrt\n    raise NotImplementedError" in stub
    cells = notebook(text, "demo", ["root"]).cells
    sources = [c.source for c in cells]
    assert sources[0] == "# Title\n\nSome *text*." and sources[1] == "%matplotlib inline"
    assert not any("docstring" in s for s in sources), "active=py cells stay out"
    assert sources[3] == 'from grader.notebook import check\n\ncheck("root", assignment="demo")'
    filled = notebook(text, "demo", ["root"], solution=True).cells[2].source
    assert "return _helper(x)" in filled and "def _helper" in filled and "Hint" not in filled
    assert [c["id"] for c in cells] == [f"cell-{k:02d}" for k in range(len(cells))]


@pytest.mark.parametrize("text, words", [
    ("def f():\n    # BEGIN SOLUTION\n    return 1\n", "line 2: # BEGIN SOLUTION has no # END"),
    ("def f():\n    return 1\n    # END SOLUTION\n", "line 3: # END SOLUTION without"),
    ("def f():\n    #BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n", "is not a marker"),
    ("def f():\n    # begin solution\n    return 1\n", "is not a marker"),
    ("def f():\n    # BEGIN SOLUTION\n    # BEGIN SOLUTION ONLY\n    return 1\n",
     "line 3: # BEGIN SOLUTION ONLY inside the # BEGIN SOLUTION of line 2"),
    ("def f():\n    # BEGIN SOLUTION\n    return 1\n# END SOLUTION\n", "indent # END SOLUTION"),
    ("def f():\n    x = 1\n    # BEGIN SOLUTION\n    # END SOLUTION\n", "empty # BEGIN SOLUTION"),
    ("# BEGIN SOLUTION\nX = 1\n# END SOLUTION\n", "outside any function"),
    ("# %% [markdown]\n# Text\n# BEGIN SOLUTION\n\n# %%\nx = 1\n", "line 3: a marker in a "
     "markdown cell"),
    ("# %% [markdown]\nx = 1\n", "line 2: expected a line commented out"),
    ('# %% active="js"\nx = 1\n', 'line 1: active="js"'),
    ("def f(:\n    pass\n", "line 1: not valid Python"),
    ("if True:\n    def f():\n        # BEGIN SOLUTION\n        return 1\n    # END SOLUTION\n",
     "indent # END SOLUTION like its # BEGIN on line 3"),
])  # fmt: skip
def test_broken_markers_are_clear_errors(text: str, words: str) -> None:
    with pytest.raises(AuthoringError) as caught:
        stub_source(text, origin="solutions/x.py")
    assert str(caught.value).startswith("solutions/x.py") and words in str(caught.value)


def test_a_stub_that_is_not_python_is_refused() -> None:
    text = (
        "def f():\n    if True:\n    # BEGIN SOLUTION ONLY\n        return 1\n"
        "    # END SOLUTION ONLY\n"
    )
    with pytest.raises(AuthoringError, match="not valid Python"):
        stub_source(text)


def stand_in(tmp_path: Path, text: str, packages: tuple[str, ...] = ("numpy",)) -> Assignment:
    from grader.spec import Exercise

    path = tmp_path / "solutions" / "demo.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return Assignment(name="demo", title="Demo", exercises=(Exercise("f", 100),), reference={},
                      make_cases=lambda seed: [], packages=packages, solution=path)  # fmt: skip


def test_generate_refuses_a_bare_exercise_and_a_foreign_import(tmp_path: Path) -> None:
    with pytest.raises(AuthoringError, match="no # BEGIN SOLUTION region in f"):
        authoring.generate(stand_in(tmp_path, "def f():\n    return 1\n"))
    text = "import scipy\n\n\ndef f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n"
    with pytest.raises(AuthoringError, match="the stub imports scipy"):
        authoring.generate(stand_in(tmp_path, text))
    assert authoring.generate(stand_in(tmp_path, text, packages=("scipy",)))


def test_write_puts_files_in_exercises_next_to_solutions(tmp_path: Path) -> None:
    text = "def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n"
    assignment = stand_in(tmp_path, text)
    written = authoring.write(assignment)
    assert sorted(p.name for p in written) == ["demo.ipynb", "demo.py"]
    assert all(p.parent == (tmp_path / "exercises").resolve() for p in written)
    assert authoring.write(assignment) == [] and authoring.stale(assignment) == {}


# --- the scaffold -----------------------------------------------------------------------------


def test_scaffold_writes_an_assignment_and_refuses_to_overwrite(tmp_path: Path) -> None:
    paths = scaffold("demo", tmp_path)
    relative = sorted(str(p.resolve().relative_to(tmp_path.resolve())) for p in paths)
    assert relative == ["assignments/__init__.py", "assignments/demo/__init__.py",
                        "exercises/demo.ipynb", "exercises/demo.py",
                        "solutions/__init__.py", "solutions/demo.py"]  # fmt: skip
    text = (tmp_path / "solutions" / "demo.py").read_text()
    assert "# %% [markdown]" in text and "# BEGIN SOLUTION" in text
    with pytest.raises(UsageError, match="will not overwrite"):
        scaffold("demo", tmp_path)
    with pytest.raises(UsageError, match="not a valid assignment name"):
        scaffold("Not-A-Name", tmp_path)
    lint = subprocess.run([str(VENV_BIN / "ruff"), "check", "--no-cache", "--config",
                           str(ROOT / "pyproject.toml"), "--config",
                           "lint.isort.known-first-party = ['grader']", "assignments", "solutions",
                           "exercises/demo.py"],
                          cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    assert lint.returncode == 0, lint.stdout


def grade_scaffold(tmp_path: Path, command: list[str]) -> dict[str, dict[str, Any]]:
    scaffold("demo", tmp_path)
    reports = {}
    for label, submission in (("solution", "solutions/demo.py"), ("stub", "exercises/demo.py")):
        out = tmp_path / f"{label}.json"
        argv = [*command, submission, "--assignment", "demo", "--sandbox", "process"]
        argv += ["-o", str(out)]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        reports[label] = json.loads(out.read_text())
    return reports


def test_scaffold_grades_out_of_the_box_with_python_m_grader(tmp_path: Path) -> None:
    reports = grade_scaffold(tmp_path, [sys.executable, "-m", "grader"])
    assert reports["solution"]["score"] == reports["solution"]["max_score"] == 100
    assert reports["stub"]["score"] == 0
    assert {t["status"] for t in reports["stub"]["tests"]} == {"not_implemented"}


def test_scaffold_grades_out_of_the_box_with_the_grade_command(tmp_path: Path) -> None:
    reports = grade_scaffold(tmp_path, [str(VENV_BIN / "grade")])
    assert reports["solution"]["score"] == 100 and reports["stub"]["score"] == 0


def test_the_command_builds_checks_and_scaffolds(tmp_path: Path, capsys: Any) -> None:
    assert authoring.main(["new", "demo", "--root", str(tmp_path)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert authoring.main(["new", "demo", "--root", str(tmp_path)]) == 2
    assert "Error: will not overwrite" in capsys.readouterr().err
    assert authoring.main(["check", "forward"]) == 0
