"""The Gradescope bundle on this machine: built, unpacked as Gradescope lays it out,
setup.sh run for real into a temporary /autograder, run_autograder run on submissions
as students hand them in (one file, several, a notebook, a sub-folder, a link).
tests/test_bundle_docker.py runs the same scripts in a real Docker container."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell

from grader.cli import main

from .bundles import (
    PROBE,
    SCAFFOLD,
    build,
    probe_output,
    reference_and_stub,
    results,
    scaffold,
    submit,
    unpack,
    without_pythonpath,
)
from .conftest import REFERENCE, ROOT, STUB, case_count

SEED = 42
BASH = shutil.which("bash") or "/bin/bash"


@pytest.fixture(scope="module")
def autograder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """/autograder with the forward bundle unpacked in source/, as Gradescope lays it out."""
    root = tmp_path_factory.mktemp("autograder")
    zip_path = root / "autograder.zip"
    result = CliRunner().invoke(main, ["bundle", "gradescope", "-o", str(zip_path),
                                       "--seed", str(SEED), "--timeout", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert {"setup.sh", "run_autograder", "pyproject.toml"} <= set(names)
    assert "solutions/forward.py" in names
    assert any(n.startswith("grader/") and n.endswith("/harness.py") for n in names)
    return unpack(zip_path, root)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary /autograder where the bundle's own setup.sh has run (from a copy of
    the module's tree: setup.sh takes source/ away from every other user)."""
    root = tmp_path_factory.mktemp("installed")
    unpack(build(ROOT, "forward", root / "autograder.zip", seed=SEED), root)
    before = sorted(p.relative_to(root / "source") for p in (root / "source").rglob("*"))
    done = subprocess.run([BASH, str(root / "source" / "setup.sh")],
                          env={**without_pythonpath(), "AUTOGRADER_ROOT": str(root)},
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    after = sorted(p.relative_to(root / "source") for p in (root / "source").rglob("*"))
    assert after == before, "setup.sh left files in source/ (pip builds in place)"
    return root


def run_autograder(root: Path, files: dict[str, str | Path], **env: str) -> dict[str, Any]:
    """run_autograder on ``files``, with the venv of this checkout unless ``root`` has one."""
    submit(root, files)
    environment = {**without_pythonpath(), "AUTOGRADER_ROOT": str(root), **env}
    if not (root / "venv").is_dir():
        environment.setdefault("GRADE_COMMAND", str(Path(sys.executable).with_name("grade")))
    done = subprocess.run([BASH, str(root / "source" / "run_autograder")], env=environment,
                          cwd=root / "source", capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return results(root)


def sandbox_named(output: str) -> str:
    lines = [x for x in output.splitlines() if x.startswith("Sandbox: ")]
    assert len(lines) == 1, output
    return lines[0].removeprefix("Sandbox: ").split()[0]


def test_correct_submission_scores_full_marks_and_names_its_sandbox(autograder: Path) -> None:
    graded = run_autograder(autograder, {"my_solution.py": REFERENCE})
    assert graded["score"] == 100 and len(graded["tests"]) == case_count(seed=SEED)
    assert sandbox_named(graded["output"]) not in ("", "none")


def test_no_python_file_says_what_to_hand_in(autograder: Path) -> None:
    graded = run_autograder(autograder, {"notes.txt": "I forgot"})
    assert graded["score"] == 0 and graded["tests"] == []
    assert "hand in forward.py" in graded["output"], graded["output"]


def notebook_of(source: str) -> str:
    return str(nbformat.writes(nbformat.v4.new_notebook(cells=[new_code_cell(source)])))


@pytest.mark.parametrize(
    "files",
    [
        {"forward.py": REFERENCE, "scratch.py": "x = 1\n", "helpers.py": STUB},  # named
        {"mine.py": REFERENCE, "notes.py": "y = 2\n"},  # the one that defines them
        {"work/hw/forward.py": REFERENCE, "README.md": "hi"},  # in a sub-folder
        {"deep/mine.py": REFERENCE, "other/notes.py": "y = 2\n"},
        {"forward.ipynb": "NOTEBOOK"},  # a notebook alone
    ],
    ids=["named-among-others", "the-one-that-defines", "subfolder", "subfolders", "notebook"],
)
def test_a_submission_folder_resolves_as_in_a_batch(
    autograder: Path, files: dict[str, str | Path]
) -> None:
    files = {n: notebook_of(REFERENCE) if t == "NOTEBOOK" else t for n, t in files.items()}
    graded = run_autograder(autograder, files)
    assert graded["score"] == 100, graded["output"]


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({"a.py": REFERENCE, "b.py": REFERENCE}, "several of its files define"),
        ({"a.py": "x = 1\n", "sub/b.py": "y = 2\n"}, "none of its files defines"),
    ],
    ids=["several-define", "none-defines"],
)
def test_an_ambiguous_folder_is_refused_with_what_to_submit(
    autograder: Path, files: dict[str, str | Path], said: str
) -> None:
    graded = run_autograder(autograder, files)
    assert graded["score"] == 0 and graded["tests"] == []
    assert said in graded["output"] and "hand in one forward.py" in graded["output"]


def test_a_link_to_the_reference_scores_nothing(autograder: Path) -> None:
    """Gradescope keeps links from a student's repository; the reference is in source/."""
    reference = autograder / "source" / "solutions" / "forward.py"
    graded = run_autograder(autograder, {"forward.py": reference})
    assert graded["score"] == 0 and "symbolic link" in graded["output"], graded["output"]


def test_without_bubblewrap_the_results_name_the_sandbox_that_graded(
    autograder: Path, tmp_path: Path
) -> None:
    """No bubblewrap is no reason to refuse: the strongest tier left grades, and says so,
    the same one ``grade --sandbox auto`` names in its report under the same PATH."""
    tools = tmp_path / "bin"  # a PATH with what run_autograder needs, and no bwrap
    tools.mkdir()
    for tool in ("bash", "mkdir", "rm", "cat", "head", "tr", "mktemp", "dirname"):
        found = shutil.which(tool)
        assert found, tool
        (tools / tool).symlink_to(found)
    graded = run_autograder(autograder, {"forward.py": REFERENCE}, PATH=str(tools))
    named = sandbox_named(graded["output"]) if graded["tests"] else "none"
    (tmp_path / "forward.py").write_text(REFERENCE)
    report = tmp_path / "report.json"
    subprocess.run([str(Path(sys.executable).with_name("grade")), str(tmp_path / "forward.py"),
                    "-o", str(report), "--sandbox", "auto"], cwd=ROOT, timeout=300,
                   env={**os.environ, "PATH": str(tools)}, capture_output=True)  # fmt: skip
    assert named == json.loads(report.read_text())["sandbox"]
    assert "bwrap" not in named


def test_a_grader_that_cannot_start_still_leaves_results(autograder: Path) -> None:
    graded = run_autograder(autograder, {"forward.py": REFERENCE},
                            GRADE_COMMAND="/nonexistent/grade")  # fmt: skip
    assert graded["score"] == 0 and "could not grade" in graded["output"]


def test_the_seed_is_baked_in_and_setup_never_refuses_for_namespaces(autograder: Path) -> None:
    text = (autograder / "source" / "run_autograder").read_text()
    assert f'GRADER_SEED="${{GRADER_SEED:-{SEED}}}"' in text and "--timeout 1.0" in text
    setup = (autograder / "source" / "setup.sh").read_text()
    assert "bwrap_works" not in setup and "exit 1" in setup  # it fails only for what it needs


def test_the_bundle_depends_on_what_the_project_declares(autograder: Path) -> None:
    """One source of truth: the bundle's dependencies are the project's (pyseccomp too)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    bundle = tomllib.loads((autograder / "source" / "pyproject.toml").read_text())["project"]
    assert bundle["dependencies"] == project["dependencies"]
    assert bundle["scripts"] == project["scripts"]


def test_setup_installs_from_a_clean_copy_and_grades(installed: Path) -> None:
    """setup.sh, run for real: source/ untouched by pip (checked by the fixture) and
    readable by root only, the grader in venv/, and run_autograder grades with it."""
    assert (installed / "source").stat().st_mode & 0o077 == 0
    assert (installed / "venv" / "bin" / "grade").is_file()
    graded = run_autograder(installed, {"forward.py": REFERENCE})
    assert graded["score"] == 100, graded["output"]
    stub = run_autograder(installed, {"forward.py": STUB})
    assert stub["score"] == 0 and stub["tests"]


@pytest.mark.skipif(os.uname().machine != "x86_64", reason="the probe uses x86_64 numbers")
def test_the_installed_bundle_refuses_the_same_calls_as_the_repository(
    installed: Path, tmp_path: Path
) -> None:
    """The seccomp filter comes with the bundle: PROBE answers the same in both."""
    submission = tmp_path / "forward.py"
    submission.write_text(PROBE)
    answers = {}
    for name, grade, cwd in (
        ("repository", Path(sys.executable).with_name("grade"), ROOT),
        ("bundle", installed / "venv" / "bin" / "grade", installed / "source"),
    ):
        output = tmp_path / f"{name}.json"
        done = subprocess.run([str(grade), str(submission), "--assignment", "forward",
                               "-o", str(output)], cwd=cwd, env=without_pythonpath(),
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stderr
        answers[name] = probe_output(json.loads(output.read_text()))
    assert answers["bundle"] == answers["repository"]
    assert 1 in answers["repository"].values()  # EPERM: a filter, not two missing ones


def test_a_scaffold_bundle_carries_what_its_cases_load(tmp_path: Path) -> None:
    """``grade new``'s assignment loads its solution by path: the bundle carries it, and
    its reference gets full marks there once the course folder is gone."""
    course = scaffold(tmp_path / "course")
    reference, stub = reference_and_stub(course, SCAFFOLD)
    root = unpack(build(course, SCAFFOLD, tmp_path / "autograder.zip"), tmp_path / "ag")
    assert (root / "source" / "solutions" / f"{SCAFFOLD}.py").is_file()
    shutil.rmtree(course)
    graded = run_autograder(root, {f"{SCAFFOLD}.py": reference})
    assert graded["score"] == 100, graded["output"]
    assert run_autograder(root, {f"{SCAFFOLD}.py": stub})["score"] == 0


HIDDEN_NEEDS = {
    # Reads a data file beside its package and imports its helper only when it runs:
    # nothing a static look at its imports would find.
    "hw/__init__.py": """\
import importlib
import json
from pathlib import Path

import numpy as np

from grader.spec import Assignment, Case, Exercise

DATA = json.loads((Path(__file__).resolve().parents[1] / "data" / "cases.json").read_text())


def make_cases(seed):
    return [Case(f"triple/{k}", "triple", (np.asarray(v, dtype=float),), "visible")
            for k, v in enumerate(DATA)]


def reference(x):
    return importlib.import_module("course_helpers.triple").triple(x)


ASSIGNMENT = Assignment(name="hw", title="hw", exercises=(Exercise("triple", 10),),
                        reference={"triple": reference}, make_cases=make_cases,
                        filename="triple.py")
""",
    "course_helpers/__init__.py": "",
    "course_helpers/triple.py": "def triple(x):\n    return 3 * x\n",
    "course_helpers/unused.py": "SECRET = 1\n",
    "data/cases.json": "[[1, 2], [3.5]]",
    "data/unused.json": "[]",
}


def test_a_bundle_carries_the_files_its_cases_load_at_run_time(tmp_path: Path) -> None:
    """Whatever an assignment loads or reads while it makes and answers its cases goes
    with it, in its place; what it never touches does not."""
    course = tmp_path / "course"
    for name, text in HIDDEN_NEEDS.items():
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (course / name).write_text(text)
    root = unpack(build(tmp_path, str(course / "hw"), tmp_path / "autograder.zip"),
                  tmp_path / "ag")  # fmt: skip
    source = root / "source"
    assert (source / "data" / "cases.json").is_file()
    assert (source / "course_helpers" / "triple.py").is_file()
    assert not (source / "course_helpers" / "unused.py").exists()
    assert not (source / "data" / "unused.json").exists()
    shutil.rmtree(course)
    graded = run_autograder(root, {"triple.py": "def triple(x):\n    return 3 * x\n"})
    assert graded["score"] == 10 and len(graded["tests"]) == 2, graded["output"]
