"""A Gradescope autograder bundle: a zip that installs this grader and runs it.

Gradescope unpacks the zip into /autograder/source, runs ``setup.sh`` once when
it builds the image, and ``run_autograder`` for every submission, which must
leave /autograder/results/results.json. The zip carries the grader's own
package, the assignment and the modules it imports beside it (its solution), and
a minimal pyproject.toml, so it needs nothing of ours from the network.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import secrets
import shlex
import sys
import sysconfig
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import __version__, registry
from .errors import GraderError
from .kit import PRACTICE_SEED
from .sandbox import Limits

ENGINE = "grader"


def distribution() -> str:
    """The name this engine is installed under (the wheel the bundle builds is named so)."""
    names = importlib.metadata.packages_distributions().get(ENGINE, [])
    return names[0] if names else f"{ENGINE}-engine"


PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
requires-python = ">=3.11"
dependencies = [
    "numpy>=1.24", "click>=8.1", "jsonschema>=4.18", "fastjsonschema>=2.19", "nbformat>=5.7"
]

[project.scripts]
grade = "grader.cli:main"

[tool.setuptools.packages.find]
include = [{packages}]

[tool.setuptools.package-data]
grader = ["schemas/*.json"]
"""

SETUP = """\
#!/usr/bin/env bash
# Runs once while Gradescope builds the image: Python 3.11+, bubblewrap, the grader.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3 python3-venv bubblewrap >/dev/null
PYTHON=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  apt-get install -y -qq python3.11 python3.11-venv >/dev/null
  PYTHON=python3.11
fi
"$PYTHON" -m venv /autograder/venv
/autograder/venv/bin/pip install -q /autograder/source
# The reference and the cases are the grader's alone: students' code never runs as root
# (the sandbox has a uid of its own) and these stay unreadable to any other user.
chmod -R go-rwx /autograder/source
for package in $(cd /autograder/source && ls -d */ | tr -d /); do
  for installed in /autograder/venv/lib/python3*/site-packages/"$package"; do
    [ "$package" = grader ] || chmod -R go-rwx "$installed"
  done
done
# Students' code runs only under bubblewrap: fail the build now if it cannot work here.
if ! /autograder/venv/bin/python -c \
    'import sys; from grader.sandbox import bwrap_works; sys.exit(not bwrap_works())'; then
  echo "setup.sh: bubblewrap is installed but cannot create its namespaces in this image;" \
       "the autograder refuses to run students' code without it" >&2
  exit 1
fi
"""

RUN = """\
#!/usr/bin/env bash
# Runs for every submission (one .py or .ipynb file, or the one named {filename}):
# grade it into results/results.json against the assignment baked in.
# Only under bubblewrap (--sandbox bwrap): without it the grade fails, and says so.
set -uo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
GRADE="${{GRADE_COMMAND:-$ROOT/venv/bin/grade}}"
RESULTS="$ROOT/results/results.json"
export GRADER_SEED="${{GRADER_SEED:-{seed}}}"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"
shopt -s nullglob
files=("$ROOT"/submission/*.py "$ROOT"/submission/*.ipynb)
submission="$ROOT/submission/"{filename}
if [ "${{#files[@]}}" -eq 1 ]; then submission="${{files[0]}}"; fi
cd "$ROOT/submission" 2>/dev/null || cd "$ROOT"
errors="$(mktemp)"
"$GRADE" "$submission" --assignment {assignment} --timeout {timeout} --sandbox bwrap \\
  --format gradescope -o "$RESULTS" 2>"$errors"
cat "$errors" >&2
if [ ! -s "$RESULTS" ]; then
  # The grader wrote nothing (it could not even start): results that say so, score 0.
  reason="$(head -c 500 "$errors" | tr -cd ' -~' | tr -d '\\\\"')"
  reason="The autograder could not grade this submission: ${{reason:-no reason given}}"
  printf '{{"score": 0, "execution_time": 0, "visibility": "visible", %s, %s, %s}}\\n' \\
    '"stdout_visibility": "hidden"' '"tests": []' "\\"output\\": \\"$reason\\"" > "$RESULTS"
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
    """The assignment as the zip carries it: files (name in the zip -> file on disk),
    the packages pip installs, and how run_autograder names the assignment."""

    files: dict[str, Path]
    packages: tuple[str, ...]
    ref: str  # --assignment in run_autograder (a shell word)


def carried(ref: str) -> Carried:
    """What grading against assignment ``ref`` needs besides the engine.

    An installed assignment (``assignments/NAME``) goes with the ``assignments`` package's
    ``__init__``; one loaded from a path goes at the top of the zip and is named by its
    path there. Either way, every module its files import that is neither the standard
    library, nor installed from an index, nor the engine (``solutions.NAME``, a helper
    beside it) goes too, with the modules those import in turn.
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
        packages: set[str] = set()
    else:
        parts = module.__name__.split(".")
        root = origin.parents[len(parts) - (0 if is_package else 1)]
        files.update(_module_files(module.__name__, origin, root))
        shell_ref = shlex.quote(ref)
        packages = {parts[0]}
    todo = list(files.values())
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or path.suffix != ".py":
            continue
        seen.add(path)
        for name, found, root in _local_imports(path):
            packages.add(name.split(".")[0])
            new = _module_files(name, found, root)
            todo += [p for k, p in new.items() if k not in files]
            files.update(new)
    tops = {name.split("/")[0] for name in files}
    if ENGINE in tops:
        raise GraderError(
            f"the assignment or a module it imports is named {ENGINE!r}, as the engine is"
        )
    return Carried(files, tuple(sorted(packages)), shell_ref)


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
    carry = carried(choice.ref)
    packages = ", ".join(f'"{name}*"' for name in (ENGINE, *carry.packages))
    pyproject = PYPROJECT.format(name=distribution(), version=__version__, packages=packages)
    run = RUN.format(seed=seed, timeout=timeout, assignment=carry.ref,
                     filename=shlex.quote(choice.assignment.submission_name))  # fmt: skip
    engine = Path(__file__).resolve().parent
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w") as archive:
            _add_file(archive, "setup.sh", SETUP, executable=True)
            _add_file(archive, "run_autograder", run, executable=True)
            _add_file(archive, "pyproject.toml", pyproject)
            files = {**_tree(engine, ENGINE), **carry.files}
            for name in sorted(files):
                _add_file(archive, name, files[name].read_text(encoding="utf-8"))
            return archive.namelist()
    except OSError as exc:
        raise GraderError(f"cannot write {output}: {exc.strerror or exc}") from None
