"""``grade release``: write the student kit, a folder a student installs with ``pip install DIR``.

The kit holds the stubs and the notebook (generated from the solution, solution code
removed), a README for students, the engine, and the assignment as data (kit.py):
the worked examples and practice cases with their answers and every known mistake's
behaviour precomputed. No reference solution and no wrong implementation go in.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import __version__, authoring, kit, registry
from .errors import UsageError

ENGINE = Path(__file__).resolve().parent
# Engine modules an installed kit never needs: authoring reads solution files and
# writes stubs; release builds kits. Neither holds answers, but neither has work here.
LEFT_OUT = {"authoring.py", "release.py"}

PACKAGE_INIT = '''"""{title}: the student kit's assignment, as data (no reference solution)."""

import json
from pathlib import Path

from ...kit import assignment_from

HERE = Path(__file__).parent
# The mistakes' behaviours, the bulk of the data, are read only when a diagnosis needs them.
ASSIGNMENT = assignment_from(
    json.loads((HERE / "data.json").read_text()),
    lambda: json.loads((HERE / "behaviours.json").read_text()),
)
'''

PYPROJECT = """[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}-kit"
version = "{version}"
description = "{title}: exercises and a grader for students (no solutions inside)"
requires-python = ">=3.11"
dependencies = [
    "numpy>=1.24",
    "click>=8.1",
    "jsonschema>=4.18",
    "fastjsonschema>=2.19",
    "nbformat>=5.7",
    "pyseccomp>=0.1.2; sys_platform == 'linux'",
]

[project.scripts]
{command} = "{package}.entry:main"

[tool.setuptools.packages.find]
include = ["{package}*"]

[tool.setuptools.package-data]
{package} = ["schemas/*.json", "assignments/*/*.json"]
"""

README = """# {title}: the student kit

This folder holds your exercises and a grader to check them.

    python3 -m venv .venv && .venv/bin/pip install .    # once (or: pip install .)
    .venv/bin/{command} {filename}                  # grade your work

1. Open `{filename}` (or `{notebook}` in Jupyter) and fill in the functions. Each
   docstring says what to compute, with a worked example from the course.
2. Run `{command} {filename}`. You get a line per exercise with its points, and for
   every failed test what went wrong and, often, which misconception explains it.
   In the notebook, `check("name")` checks one function in place.

This kit installs as `{name}-kit`: its own package (`{package}`) and command
(`{command}`), so kits of other assignments install beside it and
`pip uninstall {name}-kit` removes this one only.

What `grade` checks here: the course's worked examples (shown in full) and a set of
practice cases with random values (public practice seed {seed}). Your instructor
grades with other, secret cases: make your functions right in general, not only for
these. `--seed` and `--show-hidden` are for instructors and do nothing in this kit.

Your code runs in a sandbox (bubblewrap when installed: `apt-get install bubblewrap`),
with the packages the assignment allows: {packages}.
"""


def names(assignment: str) -> tuple[str, str]:
    """A kit's package and command, named after its assignment so kits live side by side."""
    return f"{assignment}_kit", f"grade-{assignment}"


def for_kit(text: str, filename: str, package: str, command: str) -> str:
    """A generated stub or notebook as the kit's students use it: its command, its package."""
    text = text.replace(f"grade {filename}", f"{command} {filename}")
    stem = Path(filename).stem
    text = text.replace(f"grade {stem}.ipynb", f"{command} {stem}.ipynb")
    return text.replace("from grader.notebook", f"from {package}.notebook")


def release(*, assignment: str, output: Path, practice_seed: int = kit.PRACTICE_SEED) -> list[Path]:
    """Write the student kit for ``assignment`` into ``output``; return the files written."""
    spec = registry.load(assignment)
    if output.exists() and any(output.iterdir()):
        raise UsageError(f"{output} is not empty: give a new folder for the kit")
    data = kit.precompute(spec, practice_seed)
    generated = authoring.generate(spec)
    package, command = names(spec.name)
    stub = spec.submission_name
    output.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def put(relative: str, text: str) -> None:
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)

    for path, text in generated.items():
        put(path.name, for_kit(text, stub, package, command))
    for source in sorted(ENGINE.rglob("*")):
        relative = source.relative_to(ENGINE)
        if (
            source.is_file()
            and source.suffix in (".py", ".json")
            and "__pycache__" not in str(relative)
            and relative.name not in LEFT_OUT
        ):
            target = output / package / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
    put(f"{package}/assignments/__init__.py",
        f'"""The assignment of this kit."""\n\nDEFAULT = "{spec.name}"\n')  # fmt: skip
    put(f"{package}/assignments/{spec.name}/__init__.py", PACKAGE_INIT.format(title=spec.title))
    behaviours = data.pop("behaviours")
    put(f"{package}/assignments/{spec.name}/data.json", kit.dumps(data))
    put(f"{package}/assignments/{spec.name}/behaviours.json", kit.dumps(behaviours))
    put("pyproject.toml", PYPROJECT.format(name=spec.name, version=__version__,
                                           package=package, command=command,
                                           title=json.dumps(spec.title)[1:-1]))  # fmt: skip
    put("README.md", README.format(title=spec.title, filename=stub, name=spec.name,
                                   notebook=Path(stub).with_suffix(".ipynb").name,
                                   package=package, command=command, seed=practice_seed,
                                   packages=", ".join(spec.packages)))  # fmt: skip
    return written
