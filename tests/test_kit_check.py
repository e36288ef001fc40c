"""The student kit as students use it: kits of several assignments installed side by side in
one fresh venv, and check() in a real Jupyter kernel there saying what it says in the course.

For every registered assignment, its first exercise is defined wrongly, so that it raises,
and left unfinished (the stub's own body); check() in the kit's kernel must print what
check() prints in the course's kernel, verdict and hint alike, never "the grader failed".
Then one kit is uninstalled and the others still grade.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import registry
from grader.release import names, release

from .conftest import ROOT

nbclient = pytest.importorskip("nbclient", reason="a real kernel needs nbclient")
pytest.importorskip("ipykernel", reason="a real kernel needs ipykernel")
from nbformat.v4 import new_code_cell, new_notebook  # noqa: E402

ASSIGNMENTS = registry.installed()
# A student's machine: no path to this repository (the suite's conftest adds one).
STUDENT = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("kits")
    built = {}
    for name in ASSIGNMENTS:
        built[name] = base / name
        release(assignment=name, output=built[name])
    return built


@pytest.fixture(scope="module")
def venv(kits: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One student's venv with every kit in it, and ipykernel for the notebook."""
    folder = tmp_path_factory.mktemp("student") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=120)
    pip = [str(folder / "bin" / "pip"), "install", "-q"]
    done = subprocess.run([*pip, *map(str, kits.values()), "ipykernel"], capture_output=True,
                          text=True, timeout=900, env=STUDENT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return folder


@pytest.fixture(scope="module")
def kernels(venv: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """JUPYTER_PATH with two kernels: the course's (this Python) and the student's venv."""
    root = tmp_path_factory.mktemp("jupyter")
    for name, python in (("course", sys.executable), ("kit", str(venv / "bin" / "python"))):
        spec = root / "kernels" / name
        spec.mkdir(parents=True)
        argv = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        spec.joinpath("kernel.json").write_text(
            json.dumps({"argv": argv, "display_name": name, "language": "python"})
        )
    return str(root)


def variants(name: str) -> dict[str, str]:
    """Code cells that define the assignment's first exercise: wrong, raising, unfinished."""
    spec = registry.load(name)
    first = spec.exercises[0].name
    reference = (ROOT / "solutions" / f"{name}.py").read_text()
    stub = (ROOT / "exercises" / spec.submission_name).read_text()
    found = {
        "wrong": f"{reference}\n_right = {first}\n\n"
        f"def {first}(*args):\n    return _right(*args) + 1.0\n",
        "raising": f"def {first}(*args):\n    raise ValueError('not like this')\n",
        "unfinished": stub,
    }
    if first == "relu":  # the case reported: a scalar-only relu, a catalogued mistake
        found["catalogued"] = "import numpy as np\n\ndef relu(x):\n    return max(0, x)\n"
    return found


def run(kernel: str, cells: list[str], cwd: Path, env: dict[str, str]) -> list[str]:
    notebook = new_notebook(cells=[new_code_cell(c) for c in cells])
    client = nbclient.NotebookClient(notebook, timeout=180, kernel_name=kernel)
    client.execute(cwd=str(cwd), env=env)
    return ["\n".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                      for o in cell.outputs) for cell in notebook.cells]  # fmt: skip


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_check_in_the_kit_says_what_it_says_in_the_course(
    name: str, kernels: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTER_PATH", kernels)  # where this process finds the kernels
    first = registry.load(name).exercises[0].name
    package = names(name)[0]
    for label, code in variants(name).items():
        kit_cells = [code, f"from {package}.notebook import check\nprint(check({first!r}))"]
        course_cells = [code, f"from grader.notebook import check\n"
                              f"print(check({first!r}, assignment={name!r}))"]  # fmt: skip
        kit = run("kit", kit_cells, tmp_path, {**STUDENT, "JUPYTER_PATH": kernels})[-1]
        course = run("course", course_cells, ROOT, {**os.environ, "JUPYTER_PATH": kernels})[-1]
        assert "grader failed" not in kit and f"FAIL  {first}" in kit, (label, kit)
        assert kit == course, (label, kit, course)


def test_kits_live_side_by_side(kits: dict[str, Path], venv: Path, tmp_path: Path) -> None:
    """Every kit grades in the shared venv; uninstalling one leaves the others grading."""

    def scores() -> dict[str, float]:
        found = {}
        for name, kit in kits.items():
            command = venv / "bin" / names(name)[1]
            if not command.exists():
                continue
            work = tmp_path / name
            work.mkdir(exist_ok=True)
            shutil.copyfile(ROOT / "solutions" / f"{name}.py", work / kit.joinpath(
                registry.load(name).submission_name).name)  # fmt: skip
            done = subprocess.run([str(command), registry.load(name).submission_name, "-o",
                                   "r.json"], cwd=work, capture_output=True, text=True,
                                  timeout=120, env=STUDENT)  # fmt: skip
            assert done.returncode == 0, done.stderr[-2000:]
            found[name] = json.loads((work / "r.json").read_text())["score"]
        return found

    assert scores() == {name: 100 for name in kits}
    gone = ASSIGNMENTS[0]
    done = subprocess.run([str(venv / "bin" / "pip"), "uninstall", "-y", "-q", f"{gone}-kit"],
                          capture_output=True, text=True, timeout=300, env=STUDENT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert scores() == {name: 100 for name in kits if name != gone}
