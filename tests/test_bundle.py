"""The Gradescope bundle, unpacked into a folder laid out like Gradescope's and run there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader.cli import main
from grader.report import validate
from grader.sandbox import bwrap_works

from .conftest import REFERENCE, case_count


@pytest.fixture(scope="module")
def autograder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """/autograder with the zip unpacked in source/, as Gradescope lays it out."""
    root = tmp_path_factory.mktemp("autograder")
    zip_path = root / "autograder.zip"
    result = CliRunner().invoke(main, ["bundle", "gradescope", "-o", str(zip_path),
                                       "--seed", "42", "--timeout", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert {"setup.sh", "run_autograder", "pyproject.toml"} <= set(names)
        assert "solutions/forward.py" in names and "grader/sandbox/harness.py" in names
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        (root / "source" / script).chmod(0o755)
    return root


def run_autograder(root: Path, files: dict[str, str | Path], **env: str) -> dict:
    """Run the bundle's run_autograder on ``files`` (a Path value makes a symbolic link)."""
    submission = root / "submission"
    results = root / "results"
    for folder in (submission, results):
        if folder.exists():
            for item in folder.iterdir():
                item.unlink()
        folder.mkdir(exist_ok=True)
    for name, content in files.items():
        if isinstance(content, Path):
            (submission / name).symlink_to(content)
        else:
            (submission / name).write_text(content)
    grade = str(Path(sys.executable).with_name("grade"))
    environment = {**os.environ, "AUTOGRADER_ROOT": str(root), "GRADE_COMMAND": grade, **env}
    environment.pop("GRADER_SEED", None)
    done = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=environment,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    results_json = json.loads((results / "results.json").read_text())
    validate(results_json, "gradescope")
    return results_json


needs_bwrap = pytest.mark.skipif(
    not bwrap_works(), reason="the bundle grades only under bubblewrap, which cannot run here"
)


@needs_bwrap
def test_correct_submission_scores_full_marks(autograder: Path) -> None:
    results = run_autograder(autograder, {"my_solution.py": REFERENCE})
    assert results["score"] == 100 and len(results["tests"]) == case_count(seed=42)


@needs_bwrap
def test_no_python_file_still_gives_results(autograder: Path) -> None:
    results = run_autograder(autograder, {"notes.txt": "I forgot"})
    assert results["score"] == 0 and "no such file" in results["output"]


@needs_bwrap
def test_a_link_to_the_reference_scores_nothing(autograder: Path) -> None:
    """Gradescope keeps links from a student's repository; the reference is in source/."""
    reference = autograder / "source" / "solutions" / "forward.py"
    results = run_autograder(autograder, {"forward.py": reference})
    assert results["score"] == 0 and "symbolic link" in results["output"], results["output"]


def test_without_bubblewrap_the_results_say_so(autograder: Path, tmp_path: Path) -> None:
    """Never the weaker sandbox: an image without bwrap fails the grade, loudly."""
    tools = tmp_path / "bin"  # a PATH with what run_autograder needs, and no bwrap
    tools.mkdir()
    for tool in ("bash", "mkdir", "rm", "cat", "head", "tr", "mktemp"):
        found = shutil.which(tool)
        assert found, tool
        (tools / tool).symlink_to(found)
    results = run_autograder(autograder, {"forward.py": REFERENCE}, PATH=str(tools))
    assert results["score"] == 0 and results["tests"] == []
    assert "not graded: bubblewrap is not usable here" in results["output"], results["output"]


def test_a_grader_that_cannot_start_still_leaves_results(autograder: Path) -> None:
    results = run_autograder(autograder, {"forward.py": REFERENCE},
                             GRADE_COMMAND="/nonexistent/grade")  # fmt: skip
    assert results["score"] == 0 and "could not grade" in results["output"]


def test_the_seed_and_the_sandbox_are_baked_in(autograder: Path) -> None:
    text = (autograder / "source" / "run_autograder").read_text()
    assert 'GRADER_SEED="${GRADER_SEED:-42}"' in text and "--timeout 1.0" in text
    assert "--sandbox bwrap" in text
    setup = (autograder / "source" / "setup.sh").read_text()
    assert "bubblewrap" in setup and "bwrap_works()" in setup and "exit 1" in setup


def test_setup_script_parses_and_the_source_builds(autograder: Path, tmp_path: Path) -> None:
    assert subprocess.run(["bash", "-n", str(autograder / "source" / "setup.sh")]).returncode == 0
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(autograder / "source")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    wheel = next(tmp_path.glob("forward_grader-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "grader/schemas/report.schema.json" in names and "solutions/forward.py" in names
