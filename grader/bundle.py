"""A Gradescope autograder bundle: a zip that installs this grader and runs it.

Gradescope unpacks the zip into /autograder/source, runs ``setup.sh`` once when
it builds the image, and ``run_autograder`` for every submission, which must
leave /autograder/results/results.json. The zip carries the grader's own
packages (engine, assignment, reference) and a minimal pyproject.toml, so it
needs nothing of ours from the network.
"""

from __future__ import annotations

import importlib
import shlex
import zipfile
from pathlib import Path

from . import __version__
from .errors import GraderError
from .grade import load_assignment
from .sandbox import Limits
from .spec import DEFAULT_ASSIGNMENT

PACKAGES = ("grader", "assignments", "solutions")

PYPROJECT = f"""\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "forward-grader"
version = "{__version__}"
requires-python = ">=3.11"
dependencies = [
    "numpy>=1.24", "click>=8.1", "jsonschema>=4.18", "fastjsonschema>=2.19", "nbformat>=5.7"
]

[project.scripts]
grade = "grader.cli:main"

[tool.setuptools.packages.find]
include = ["grader*", "assignments*", "solutions*"]

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
# Runs for every submission (one .py or .ipynb file): grade it into results/results.json.
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
submission="$ROOT/submission/forward.py"
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


def build_gradescope_bundle(
    *,
    output: Path,
    seed: int = 0,
    timeout: float = Limits.call_timeout,
    assignment: str = DEFAULT_ASSIGNMENT,
) -> list[str]:
    """Write the zip; return the names it holds (the same inputs give the same bytes)."""
    load_assignment(assignment)  # fail now, not on Gradescope
    run = RUN.format(seed=seed, timeout=timeout, assignment=shlex.quote(assignment))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w") as archive:
            _add_file(archive, "setup.sh", SETUP, executable=True)
            _add_file(archive, "run_autograder", run, executable=True)
            _add_file(archive, "pyproject.toml", PYPROJECT)
            for package in PACKAGES:
                root = Path(importlib.import_module(package).__path__[0])
                for path in sorted(root.rglob("*")):
                    if path.is_file() and "__pycache__" not in path.parts:
                        name = f"{package}/{path.relative_to(root).as_posix()}"
                        _add_file(archive, name, path.read_text(encoding="utf-8"))
            return archive.namelist()
    except OSError as exc:
        raise GraderError(f"cannot write {output}: {exc.strerror or exc}") from None
