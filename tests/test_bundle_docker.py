"""The Gradescope bundle where Gradescope runs it: a Docker container with Docker's
default confinement (no namespaces for bubblewrap), root, the machine's /usr read-only.

For every assignment of this repository and for a ``grade new`` scaffold: setup.sh runs
with network, as Gradescope builds the image; run_autograder runs without, in the
/autograder layout; the reference gets full marks and the stub 0, in a sandbox the
results name. Then the installed bundle and the repository's grader answer a probe of
refused system calls the same, there. (tests/docker.py: how containers are run.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .bundles import (
    PROBE,
    SCAFFOLD,
    build,
    probe_output,
    reference_and_stub,
    registered,
    results,
    scaffold,
    submit,
    unpack,
)
from .conftest import ROOT
from .docker import docker_or_fail, in_docker

AUTOGRADER = "/autograder"
COURSES = [*registered(), "scaffold"]


@pytest.fixture(scope="module", autouse=True)
def _docker() -> None:
    docker_or_fail()


@pytest.fixture(scope="module")
def pip_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pip cache for the module's image builds: each downloads numpy once at most."""
    return tmp_path_factory.mktemp("pip-cache")


@pytest.fixture(scope="module", params=COURSES)
def installed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pip_cache: Path
) -> tuple[Path, str, str, str]:
    """A /autograder tree where setup.sh ran in a container with network; the tree, the
    assignment, and its reference and stub."""
    work = tmp_path_factory.mktemp(f"docker-{request.param}")
    if request.param == "scaffold":
        course, name = scaffold(work / "course"), SCAFFOLD
    else:
        course, name = ROOT, request.param
    reference, stub = reference_and_stub(course, name)
    root = unpack(build(course, name, work / "autograder.zip"), work / "autograder")
    binds = (f"{root}:{AUTOGRADER}", f"{pip_cache}:/root/.cache/pip")
    done = in_docker(["bash", f"{AUTOGRADER}/source/setup.sh"], net=True, binds=binds,
                     timeout=1200)  # fmt: skip
    assert done.returncode == 0, said(done)
    assert (root / "venv" / "bin" / "grade").is_file()
    return root, name, reference, stub


def run_autograder(root: Path, files: dict[str, str | Path]) -> dict[str, Any]:
    """run_autograder in a container without network, on ``files`` in submission/."""
    submit(root, files)
    # Each container starts from in-docker's image, whose / is closed to other users (0700);
    # setup.sh opens it (chmod o+x) as it does in Gradescope's image, but that change
    # stays in the container setup.sh ran in. Done again here, as the image would have it.
    # From source/, the working folder Gradescope gives it.
    script = f"chmod o+x / && cd {AUTOGRADER}/source && exec bash ./run_autograder"
    done = in_docker(["bash", "-c", script],
                     binds=(f"{root}:{AUTOGRADER}",), timeout=600)  # fmt: skip
    assert done.returncode == 0, said(done)
    return results(root)


def said(done: subprocess.CompletedProcess[bytes]) -> str:
    return done.stderr.decode(errors="replace")[-3000:]


def sandbox_of(graded: dict[str, Any]) -> str:
    lines = [x for x in graded["output"].splitlines() if x.startswith("Sandbox: ")]
    assert len(lines) == 1, graded["output"]
    return lines[0].removeprefix("Sandbox: ").split()[0]


def test_the_reference_gets_full_marks(installed: tuple[Path, str, str, str]) -> None:
    root, name, reference, _ = installed
    graded = run_autograder(root, {f"{name}.py": reference})
    possible = sum(t["max_score"] for t in graded["tests"])
    assert graded["tests"] and all(t["status"] == "passed" for t in graded["tests"])
    assert graded["score"] == pytest.approx(possible) and possible > 0, graded["output"]
    assert sandbox_of(graded) not in ("", "none", "process")


def test_the_stub_gets_nothing(installed: tuple[Path, str, str, str]) -> None:
    root, name, _, stub = installed
    graded = run_autograder(root, {"work/" + f"{name}.py": stub})  # in a sub-folder, too
    assert graded["tests"] and graded["score"] == 0, graded["output"]
    assert sandbox_of(graded) not in ("", "none", "process")


@pytest.mark.skipif(os.uname().machine != "x86_64", reason="the probe uses x86_64 numbers")
def test_the_bundle_refuses_the_same_calls_as_the_repository_there(
    installed: tuple[Path, str, str, str],
) -> None:
    """In the container, PROBE graded by the bundle's venv and by this checkout's grader
    (its venv seen read-only in the container) answers the same, and is refused."""
    root, name, _, _ = installed
    if name != registered()[0]:
        pytest.skip("one assignment's bundle is enough for the comparison")
    repository = Path(sys.executable).with_name("grade")
    if not repository.is_relative_to(ROOT):
        pytest.skip("the tests' venv is outside the checkout: the container cannot see it")
    probe = root / "probe"
    probe.mkdir(exist_ok=True)
    (probe / f"{name}.py").write_text(PROBE)
    submission = f"{AUTOGRADER}/probe/{name}.py"
    answers = {}
    for who, grade, course in (
        ("repository", repository, ROOT),  # as an instructor grades from the checkout
        ("bundle", Path(f"{AUTOGRADER}/venv/bin/grade"), Path(f"{AUTOGRADER}/source")),
    ):
        output = f"{AUTOGRADER}/probe/{who}.json"
        script = (f"chmod o+x / && cd {course} && exec {grade} {submission} "
                  f"--assignment {name} -o {output}")  # fmt: skip
        done = in_docker(["bash", "-c", script], binds=(f"{root}:{AUTOGRADER}",), timeout=600)
        report = json.loads((probe / f"{who}.json").read_text())
        assert report["status"] == "graded", (who, report["message"], said(done))
        answers[who] = probe_output(report)
    assert answers["bundle"] == answers["repository"]
    assert 1 in answers["repository"].values()  # EPERM: a filter, not two missing ones
