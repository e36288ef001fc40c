"""Two audiences: the student kit works from a fresh install and holds no answers, nor does
the project's wheel; bundles built without a seed get secret, different seeds.

The answer scan imports every module of the kit (and of the wheel) and calls every
function whose signature fits an exercise on *new* random inputs (a seed the kit never
saw): none may return the reference's answer. The calls run in a child process in its
own PID, mount, network and IPC namespaces, so an engine function given odd arguments
(a kill, a mount, a write) cannot touch the machine.
"""

from __future__ import annotations

import ctypes
import importlib
import inspect
import json
import os
import pkgutil
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from grader import registry
from grader.compare import close, normalize
from grader.kit import PRACTICE_SEED
from grader.release import names, release

from .conftest import ROOT

ASSIGNMENTS = registry.installed()
FRESH_SEED = 987_654  # inputs the kit never saw


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("kits")
    return {name: _built(base, name) for name in ASSIGNMENTS}


def _built(base: Path, name: str) -> Path:
    folder = base / name
    release(assignment=name, output=folder)
    return folder


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_kit_holds_stubs_notebook_readme_and_data(kits: dict[str, Path], name: str) -> None:
    spec = registry.load(name)
    kit = kits[name]
    assert (kit / spec.submission_name).is_file()
    assert (kit / spec.submission_name).with_suffix(".ipynb").is_file()
    readme = (kit / "README.md").read_text()
    assert "--seed" in readme and "instructors" in readme
    assert not list(kit.rglob("solutions*")), "a solutions module in the kit"
    package = names(name)[0]
    data = json.loads((kit / package / "assignments" / spec.name / "data.json").read_text())
    assert data["seed"] == PRACTICE_SEED
    assert {c["visibility"] for c in data["cases"]} == {"visible", "hidden"}


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_no_solution_line_reaches_the_kit(kits: dict[str, Path], name: str) -> None:
    from grader.authoring import solution_file, solution_regions

    spec = registry.load(name)
    regions = solution_regions(solution_file(spec).read_text())
    texts = [p.read_text(errors="replace") for p in kits[name].rglob("*") if p.is_file()]
    for region in regions:
        for line in (ln.strip() for ln in region.splitlines()):
            # Code, not a lone name that the stub's signatures share: an operator or a call.
            if len(line) > 25 and not line.startswith("#") and re.search(r"[=@(+*/-]", line):
                assert not any(line in text for text in texts), line


def fresh_cases(name: str) -> list[tuple[str, tuple[Any, ...], Any]]:
    """New inputs for every exercise, and the reference's answers to them."""
    spec = registry.load(name)
    cases = [c for c in spec.make_cases(FRESH_SEED) if c.visibility == "hidden"]
    return [(c.exercise, c.args, normalize(spec.reference[c.exercise](*c.args))) for c in cases]


def answering_functions(folder: Path, packages: list[str], cases: list[Any]) -> list[str]:
    """Every importable function under ``folder`` that gives a right answer to a case."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        os.close(read)
        found = []
        try:
            _isolate(folder)
            found = _scan(folder, packages, cases)
        finally:
            os.write(write, json.dumps(found).encode())
            os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    return list(json.loads(data or b"[]"))


def _isolate(folder: Path) -> None:
    """The scanning child's own PID, mount, network and IPC namespaces, in a scratch folder."""
    libc = ctypes.CDLL(None, use_errno=True)
    flags = 0x20000000 | 0x00020000 | 0x40000000 | 0x08000000  # PID, NS, NET, IPC
    if libc.unshare(flags) != 0:
        raise OSError(ctypes.get_errno(), "unshare")
    if os.fork():  # the first child of a new PID namespace is its init: wait there
        os.wait()
        os._exit(0)
    scratch = folder.parent / f"scratch-{os.getpid()}"
    scratch.mkdir(exist_ok=True)
    os.chdir(scratch)


def _scan(folder: Path, packages: list[str], cases: list[Any]) -> list[str]:
    sys.path.insert(0, str(folder))
    for name in list(sys.modules):
        if name.split(".")[0] in packages:
            del sys.modules[name]  # the kit's own copies, not the repository's
    by_exercise: dict[str, list[Any]] = {}
    for exercise, args, expected in cases:
        by_exercise.setdefault(exercise, []).append((args, expected))
    found = []
    for module in _modules(folder, packages):
        for qualname, function in _functions(module):
            for exercise, mine in by_exercise.items():
                # Right on every new case, not once by chance (an identity is right for
                # relu on a positive number).
                if all(_fits(function, a) and _answers(function, a, e) for a, e in mine):
                    found.append(f"{qualname} answers {exercise}")
    return found


def _modules(folder: Path, packages: list[str]) -> list[Any]:
    modules = []
    for package in packages:
        if not (folder / package).is_dir():
            continue
        for info in pkgutil.walk_packages([str(folder / package)], prefix=f"{package}."):
            if info.name.endswith("__main__"):
                continue
            try:
                modules.append(importlib.import_module(info.name))
            except Exception:  # a module that needs a kernel or a sandbox: its functions stay
                continue
        modules.append(importlib.import_module(package))
    return modules


def _functions(module: Any) -> list[tuple[str, Any]]:
    found = []
    for name, value in vars(module).items():
        if inspect.isfunction(value) and value.__module__ == module.__name__:
            found.append((f"{module.__name__}.{name}", value))
        elif inspect.isclass(value) and value.__module__ == module.__name__:
            for attr, member in vars(value).items():
                if isinstance(member, staticmethod):
                    found.append((f"{module.__name__}.{name}.{attr}", member.__func__))
    return found


def _fits(function: Any, args: tuple[Any, ...]) -> bool:
    try:
        inspect.signature(function).bind(*args)
    except (TypeError, ValueError):
        return False
    return True


def _answers(function: Any, args: tuple[Any, ...], expected: Any) -> bool:
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(2)
    try:
        return close(normalize(function(*args)), expected)
    except BaseException:  # anything an engine function does with odd arguments
        return False
    finally:
        signal.alarm(0)


def _timeout(*_: object) -> None:
    raise TimeoutError


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="the scan isolates itself as root")


@needs_root
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_nothing_in_the_kit_computes_an_answer(kits: dict[str, Path], name: str) -> None:
    cases = fresh_cases(name)
    assert answering_functions(ROOT, ["solutions"], cases), "the scan must find the reference"
    assert answering_functions(kits[name], [names(name)[0]], cases) == []


@needs_root
def test_nothing_in_the_projects_wheel_computes_an_answer(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    unpacked = tmp_path / "wheel"
    with zipfile.ZipFile(wheel) as archive:
        tops = {Path(n).parts[0] for n in archive.namelist()}
        archive.extractall(unpacked)
    assert "solutions" not in tops and "assignments" not in tops, tops
    for name in ASSIGNMENTS:
        assert answering_functions(unpacked, ["grader"], fresh_cases(name)) == []


@pytest.mark.skipif(shutil.which("python3") is None, reason="no python3 to make a venv with")
def test_a_student_installs_the_kit_and_grades(kits: dict[str, Path], tmp_path: Path) -> None:
    """Fresh venv, `pip install KIT`, then the stub scores 0 and the reference full marks."""
    for name, kit in kits.items():
        venv = tmp_path / f"venv-{name}"  # one student, one kit: nothing else installed
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
        done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(kit)],
                              capture_output=True, text=True, timeout=600)  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        spec = registry.load(name)
        work = tmp_path / name
        work.mkdir()
        stub = work / spec.submission_name
        shutil.copyfile(kit / spec.submission_name, stub)
        assert _score(venv, name, work, stub) == 0
        shutil.copyfile(ROOT / "solutions" / f"{name}.py", stub)
        assert _score(venv, name, work, stub) == 100
        # check() from a notebook works from the kit too: the reference's functions pass.
        script = work / "kernel.py"
        first = spec.exercises[0].name
        calls = (
            f"from {names(name)[0]}.notebook import check\n"
            f"result = check({first!r}, assignment={name!r})\n"
            "print(result)\nraise SystemExit(0 if result.passed else 3)\n"
        )
        script.write_text((ROOT / "solutions" / f"{name}.py").read_text() + "\n" + calls)
        python = str(venv / "bin" / "python")
        checked = subprocess.run([python, str(script)], cwd=work, capture_output=True,
                                 text=True, timeout=120, env=STUDENT)  # fmt: skip
        assert checked.returncode == 0, checked.stdout[-1000:] + checked.stderr[-1000:]
        refused = subprocess.run([str(venv / "bin" / names(name)[1]), str(stub), "--seed", "4711"],
                                 cwd=work, capture_output=True, text=True, timeout=120,
                                 env=STUDENT)  # fmt: skip
        assert refused.returncode == 2 and "instructors" in refused.stderr


# A student's machine: no path to this repository (the suite's conftest adds one).
STUDENT = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _score(venv: Path, name: str, work: Path, path: Path) -> float:
    command = str(venv / "bin" / names(name)[1])
    done = subprocess.run([command, str(path), "-o", "r.json"], cwd=work,
                          capture_output=True, text=True, timeout=120, env=STUDENT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return float(json.loads((work / "r.json").read_text())["score"])


def test_bundles_without_a_seed_get_different_secret_seeds(tmp_path: Path) -> None:
    from grader.bundle import build_gradescope_bundle

    seeds: list[int] = []
    for k in range(2):
        build_gradescope_bundle(output=tmp_path / f"a{k}.zip", on_seed=seeds.append)
    assert len(seeds) == 2 and seeds[0] != seeds[1] and PRACTICE_SEED not in seeds
    for k, seed in enumerate(seeds):
        with zipfile.ZipFile(tmp_path / f"a{k}.zip") as archive:
            assert str(seed) in archive.read("run_autograder").decode()


def _hint_ids(report: dict[str, Any]) -> dict[str, list[str]]:
    return {t["name"]: sorted(t.get("hint_ids") or []) for t in report["tests"]}


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_kit_diagnoses_as_the_course_does_reading_behaviours_only_then(
    kits: dict[str, Path], name: str
) -> None:
    """The kit keeps its mistakes' behaviours in their own file: a passing submission never
    reads it, and a buggy one gets the hints the course's own grader gives at that seed."""
    from grader import kit
    from grader.grade import grade

    folder = kits[name] / names(name)[0] / "assignments" / name
    reads: list[int] = []

    def behaviours() -> dict[str, Any]:
        reads.append(1)
        return dict(json.loads((folder / "behaviours.json").read_text()))

    spec = kit.assignment_from(json.loads((folder / "data.json").read_text()), behaviours)
    passing = grade(ROOT / "solutions" / f"{name}.py", assignment=spec).to_dict()
    assert passing["score"] == passing["max_score"] and not reads
    labels = json.loads((ROOT / "tests" / "corpus" / name / "labels.json").read_text())
    catalogued = [f for f, label in sorted(labels.items()) if label["main"]][:4]
    for file in catalogued:
        path = ROOT / "tests" / "corpus" / name / file
        from_kit = grade(path, assignment=spec).to_dict()
        from_course = grade(path, assignment=name, seed=PRACTICE_SEED).to_dict()
        assert _hint_ids(from_kit) == _hint_ids(from_course), file
        assert any(_hint_ids(from_kit).values()), file
    assert reads == [1]  # read once, however many submissions were diagnosed
