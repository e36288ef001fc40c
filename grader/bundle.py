"""A Gradescope autograder bundle: a zip that installs this grader and runs it.

Gradescope unpacks the zip into /autograder/source, runs ``setup.sh`` once when
it builds the image, and ``run_autograder`` for every submission, which must
leave /autograder/results/results.json. The zip carries the grader's own
package with a pyproject.toml that declares the project's own dependencies, and the
course files grading needs (``carried``: the assignment, what it imports, what it was
seen to load or read), at their places in the course folder. setup.sh installs the
engine into a venv; run_autograder grades from source/ with ``grader.autograder``."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import json
import os
import re
import secrets
import shlex
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__, registry
from .errors import GraderError
from .kit import PRACTICE_SEED
from .plan import make_plan
from .sandbox import Limits

ENGINE = "grader"
# What setup.sh hands pip: the engine alone, copied out of source/ (pip's build leaves
# build/ and *.egg-info behind in the folder it builds; source/ stays as unpacked).
INSTALLED = ("pyproject.toml", ENGINE)


def distribution() -> str:
    """The name this engine is installed under (the wheel the bundle builds is named so)."""
    names = importlib.metadata.packages_distributions().get(ENGINE, [])
    return names[0] if names else f"{ENGINE}-engine"


def _without_extras(requirements: list[str]) -> tuple[str, ...]:
    """Requirement strings minus those of an extra (``...; extra == "test"``)."""
    return tuple(r for r in requirements if not re.search(r";.*\bextra\s*==", r))


@dataclass(frozen=True)
class Project:
    """What the bundle's pyproject.toml declares as the project does: one source of truth."""

    dependencies: tuple[str, ...]
    scripts: dict[str, str]


def project() -> Project:
    """The engine's dependencies (extras left out) and commands, as the project declares
    them: from the ``pyproject.toml`` of the checkout the engine runs from (an editable
    install), else from the installed distribution's metadata."""
    checkout = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if checkout.is_file():
        try:
            declared = tomllib.loads(checkout.read_text(encoding="utf-8")).get("project", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise GraderError(f"cannot read {checkout}: {exc}") from None
        if "dependencies" in declared and declared.get("scripts"):
            return Project(_without_extras([str(r) for r in declared["dependencies"]]),
                           {str(k): str(v) for k, v in declared["scripts"].items()})  # fmt: skip
    try:
        installed = importlib.metadata.distribution(distribution())
    except importlib.metadata.PackageNotFoundError:
        raise GraderError(
            "cannot tell the grader's dependencies: it is neither a checkout with its "
            "pyproject.toml nor an installed distribution"
        ) from None
    scripts = {e.name: e.value for e in installed.entry_points if e.group == "console_scripts"}
    return Project(_without_extras(installed.requires or []), scripts)


PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
requires-python = ">=3.11"
dependencies = [{dependencies}]

[project.scripts]
{scripts}

[tool.setuptools.packages.find]
include = ["grader*"]

[tool.setuptools.package-data]
grader = ["schemas/*.json"]
"""

SETUP = """\
#!/usr/bin/env bash
# Runs once while Gradescope builds the image (root, network). Installs only what is
# missing (the machine's /usr may be read-only): Python 3.11+ with venv, libseccomp, and
# bubblewrap where it can be had; then the grader into $ROOT/venv from a clean copy of
# its files. It never refuses to build for want of namespaces: each grade takes the
# strongest sandbox tier the machine allows at run time and names it in the results.
set -euo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
SOURCE="$ROOT/source"
export DEBIAN_FRONTEND=noninteractive
say() {{ echo "setup.sh: $*" >&2; }}

updated=no
apt_install() {{  # returns non-zero when apt-get is absent or fails; callers decide
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$updated" = no ]; then apt-get update -qq || return 1; updated=yes; fi
  apt-get install -y -qq "$@" >/dev/null
}}
find_python() {{  # the first Python 3.11+ that can make a venv with pip
  local candidate
  for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \\
        'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}}

PYTHON="$(find_python)" ||
  {{ apt_install python3 python3-venv || true; PYTHON="$(find_python)"; }} ||
  {{ apt_install python3.11 python3.11-venv || true; PYTHON="$(find_python)"; }} ||
  {{ say "no Python 3.11+ with venv here, and apt-get could not install one"; exit 1; }}
if ! "$PYTHON" -c 'import ctypes.util as u, sys; sys.exit(not u.find_library("seccomp"))'; then
  apt_install libseccomp2 || {{ say "libseccomp is missing and could not be installed"; exit 1; }}
fi
if ! command -v bwrap >/dev/null 2>&1; then
  apt_install bubblewrap || say "bubblewrap could not be installed: grading uses the" \\
    "strongest sandbox tier without it"
fi

"$PYTHON" -m venv "$ROOT/venv"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cp -R {installed} "$build/"
"$ROOT/venv/bin/python" -m pip install -q --disable-pip-version-check "$build"
"$ROOT/venv/bin/grade" --version >/dev/null
# The course (reference solutions, cases) is the grader's alone: readable by root only,
# while students' code runs under a uid of its own. The venv stays readable: the
# sandbox runs Python, numpy and the harness from it, so every folder above it opens.
chmod -R go-rwx "$SOURCE"
folder="$ROOT/venv"
while [ "$folder" != / ]; do folder="$(dirname -- "$folder")"; chmod o+x "$folder"; done
"""

RUN = """\
#!/usr/bin/env bash
# Runs for every submission: grades what is in submission/ (the file named {filename},
# else its only .py or .ipynb file, else the one that defines the assignment's functions,
# in any sub-folder) into results/results.json, in the strongest sandbox tier available.
set -uo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
GRADE="${{GRADE_COMMAND:-$ROOT/venv/bin/grade}}"
PYTHON="$(dirname -- "$GRADE")/python"
RESULTS="$ROOT/results/results.json"
export GRADER_SEED="${{GRADER_SEED:-{seed}}}"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"
errors="$(mktemp)"
# -P: never the engine's copy in source/ (the working folder may be it), which only
# root may read: the sandbox runs the installed harness.
"$PYTHON" -P -m grader.autograder "$ROOT/submission" --course "$ROOT/source" \\
  --assignment {assignment} --timeout {timeout} -o "$RESULTS" 2>"$errors"
cat "$errors" >&2
if [ ! -s "$RESULTS" ]; then
  # The grader wrote nothing (it could not even start): results that say so, score 0.
  reason="$(head -c 500 "$errors" | tr -cd ' -~' | tr -d '\\\\"')"
  reason="The autograder could not grade this submission: ${{reason:-no reason given}}"
  printf '{{"score": 0, "execution_time": 0, "visibility": "visible", %s, %s, %s, %s}}\\n' \\
    '"stdout_visibility": "hidden"' '"output_format": "text"' '"tests": []' \\
    "\\"output\\": \\"$reason\\"" > "$RESULTS"
fi
rm -f "$errors"
exit 0
"""


def _add_file(archive: zipfile.ZipFile, name: str, text: str, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, text)


@dataclass(frozen=True)
class Carried:
    """The assignment as the zip carries it: its files (name in the zip -> file on disk)
    and how run_autograder names the assignment (a shell word)."""

    files: dict[str, Path]
    ref: str


def carried(ref: str, seed: int = 0) -> Carried:
    """What grading against assignment ``ref`` needs besides the engine.

    The zip's top is the course folder run_autograder grades from: the folder that holds
    an installed assignment's ``assignments`` package, or the one that holds an
    assignment named by its path. It gets the assignment whole, every module its files
    import that is neither the standard library, nor installed from an index, nor the
    engine (``solutions.NAME``, a helper beside it) with the modules those import in
    turn, and every file of that folder the assignment was seen to load or read (a
    module loaded from its path, a data file) while it made and answered its cases for
    ``seed`` (``_observed``). Files keep their place relative to that folder, so paths
    computed from ``__file__`` find them.
    """
    module = registry.module_of(ref)
    origin = Path(module.__file__ or "")
    is_package = origin.name == "__init__.py"
    files: dict[str, Path] = {}
    if registry.is_path(ref) or module.__name__.startswith(registry.LOADED_PREFIX):
        source = origin.parent if is_package else origin
        base = source.name  # at the top, beside the modules it imports (see registry.project_root)
        files.update(_tree(source, base) if is_package else {base: source})
        shell_ref = f'"$ROOT/source/"{shlex.quote(base)}'
        top = source.parent
    else:
        parts = module.__name__.split(".")
        top = origin.parents[len(parts) - (0 if is_package else 1)]
        files.update(_module_files(module.__name__, origin, top))
        shell_ref = shlex.quote(ref)
    for path in _observed(ref, seed):
        if path.is_relative_to(top) and "__pycache__" not in path.parts and path.is_file():
            files.setdefault(path.relative_to(top).as_posix(), path)
    todo = list(files.values())
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or path.suffix != ".py":
            continue
        seen.add(path)
        for name, found, root in _local_imports(path):
            new = _module_files(name, found, root)
            todo += [p for k, p in new.items() if k not in files]
            files.update(new)
    clashes = {name.split("/")[0] for name in files} & {*INSTALLED, "setup.sh", "run_autograder"}
    if clashes:
        raise GraderError(
            f"the assignment or a file it needs is named {', '.join(sorted(clashes))}, as "
            "the bundle's own files are"
        )
    return Carried(files, shell_ref)


def _observed(ref: str, seed: int) -> list[Path]:
    """Every file the assignment loads or reads while it is loaded, makes its cases (for
    ``seed`` and 0) and computes their answers and its mistakes' behaviours: watched in a
    fresh interpreter (``python -m grader.bundle``), where nothing was loaded before."""
    command = [sys.executable, "-m", f"{ENGINE}.bundle", ref, str(seed)]
    paths: object = None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})  # fmt: skip
        reason = done.stderr.strip()[-300:] or f"exit status {done.returncode}"
        paths = json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        reason = str(exc)
    if not isinstance(paths, list):
        raise GraderError(
            f"cannot tell which files assignment {ref!r} needs: loading it and making its "
            f"cases failed ({reason})"
        )
    return [Path(p) for p in paths if isinstance(p, str)]


def _watch(ref: str, seed: int) -> list[str]:
    """The files (absolute, resolved) opened or imported while grading needs ``ref``."""
    opened: set[str] = set()

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and args and isinstance(args[0], str | bytes):
            opened.add(os.path.abspath(os.fsdecode(args[0])))

    sys.addaudithook(hook)
    spec = registry.load(ref)
    for each in dict.fromkeys((seed, 0)):
        plan = make_plan(spec, each)
        for exercise, _, _ in plan.groups:
            for mistake in spec.mistakes:
                if mistake.exercise == exercise.name:
                    plan.behaviours(exercise.name, (mistake,))
    seen = {*opened, *(str(getattr(m, "__file__", None) or "") for m in list(sys.modules.values()))}
    engine = Path(__file__).resolve().parent
    found = set()
    for name in seen:
        path = Path(name).resolve() if name else None
        outside = path is None or path.is_relative_to(engine) or _installed_elsewhere(path)
        if path is not None and not outside and path.is_file():
            found.add(str(path))
    return sorted(found)


def _tree(folder: Path, base: str) -> dict[str, Path]:
    """Every file of a package folder, but caches."""
    return {f"{base}/{p.relative_to(folder).as_posix()}": p for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}  # fmt: skip


def _module_files(name: str, origin: Path, root: Path) -> dict[str, Path]:
    """A module's files under their import path: a package whole, a module alone, and the
    ``__init__.py`` of each package above it."""
    parts = name.split(".")
    files: dict[str, Path] = {}
    if origin.name == "__init__.py":
        files.update(_tree(origin.parent, "/".join(parts)))
    else:
        files["/".join([*parts[:-1], origin.name])] = origin
    for depth in range(1, len(parts)):
        init = root.joinpath(*parts[:depth], "__init__.py")
        if init.is_file():
            files["/".join([*parts[:depth], "__init__.py"])] = init
    return files


def _installed_elsewhere(origin: Path) -> bool:
    """Whether a module comes with Python or from a package index (not carried)."""
    places = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    return any(origin.is_relative_to(place) for place in places)


def _local_imports(path: Path) -> Iterator[tuple[str, Path, Path]]:
    """The modules ``path`` imports (absolutely) that must be carried beside it: each with
    its file and the folder its import path starts from."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return
    groups: list[list[str]] = []  # each: the names one import may mean, most precise first
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            groups += [[alias.name] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            groups.append([*(f"{node.module}.{alias.name}" for alias in node.names), node.module])
    for group in groups:
        found = [m for m in map(_carried_module, group) if m is not None]
        # ``from pkg import mod`` needs pkg/mod.py (and pkg's __init__), not all of pkg.
        yield from found[:-1] if len(found) > 1 and found[-1][0] == group[-1] else found


def _carried_module(name: str) -> tuple[str, Path, Path] | None:
    """A module to carry: its name, file, and the folder its import path starts from."""
    top = name.split(".")[0]
    if top in sys.stdlib_module_names or top == ENGINE:
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None  # a name imported from a module, not a module
    if spec is None or not spec.origin or not spec.has_location:
        return None
    origin = Path(spec.origin)
    if _installed_elsewhere(origin):
        return None
    depth = len(name.split(".")) - (0 if origin.name == "__init__.py" else 1)
    return name, origin, origin.parents[depth]


def secret_seed() -> int:
    """A seed no one can guess, and not the kit's public practice seed or the default 0."""
    while True:
        seed = secrets.randbelow(2**62)
        if seed not in (0, PRACTICE_SEED):
            return seed


def build_gradescope_bundle(
    *,
    output: Path,
    seed: int | None = None,
    timeout: float = Limits.call_timeout,
    assignment: str | None = None,
    on_seed: Callable[[int], None] | None = None,
) -> list[str]:
    """Write the zip; return the names it holds (the same inputs give the same bytes).

    ``assignment`` names it (a name or a path); without one, the default of the
    ``assignments`` package (``registry.choose_for``). Without a ``seed`` a new secret
    one is drawn (never a student kit's public practice seed) and told to ``on_seed``:
    a bundle never silently grades with a seed every student has.
    """
    if seed is None:
        seed = secret_seed()
        if on_seed is not None:
            on_seed(seed)
    choice = registry.choose_for([], assignment)  # fail now, not on Gradescope
    carry = carried(choice.ref, seed)
    declared = project()
    pyproject = PYPROJECT.format(
        name=distribution(), version=__version__,
        dependencies=", ".join(json.dumps(r) for r in declared.dependencies),
        scripts="\n".join(f"{json.dumps(k)} = {json.dumps(v)}"
                          for k, v in declared.scripts.items()),
    )  # fmt: skip
    setup = SETUP.format(installed=" ".join(f'"$SOURCE/{name}"' for name in INSTALLED))
    run = RUN.format(seed=seed, timeout=timeout, assignment=carry.ref,
                     filename=choice.assignment.submission_name)  # fmt: skip
    engine = Path(__file__).resolve().parent
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w") as archive:
            _add_file(archive, "setup.sh", setup, executable=True)
            _add_file(archive, "run_autograder", run, executable=True)
            _add_file(archive, "pyproject.toml", pyproject)
            files = {**_tree(engine, ENGINE), **carry.files}
            for name in sorted(files):
                _add_file(archive, name, files[name].read_text(encoding="utf-8"))
            return archive.namelist()
    except OSError as exc:
        raise GraderError(f"cannot write {output}: {exc.strerror or exc}") from None


if __name__ == "__main__":  # _observed's fresh interpreter: python -m grader.bundle REF SEED
    sys.stdout.write(json.dumps(_watch(sys.argv[1], int(sys.argv[2]))))
