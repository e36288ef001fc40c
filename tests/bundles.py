"""Gradescope bundles for tests: built as an instructor builds them, unpacked as
Gradescope unpacks them (``/autograder/source``), with submissions laid out in
``/autograder/submission`` and the results read back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from grader.report import validate

from .submissions import ROOT

SCAFFOLD = "demo"  # the assignment ``grade new`` writes in the tests' scaffold course

# A submission that tries calls the sandbox's seccomp filter refuses and prints what each
# answered (0: allowed, else its errno), at import: the report's stdout keeps it. Every
# call is made with arguments that make it harmless where it is allowed. x86_64 numbers.
PROBE = """\
import ctypes, json, os

libc = ctypes.CDLL(None, use_errno=True)


def tried(call):
    ctypes.set_errno(0)
    return 0 if call() >= 0 else ctypes.get_errno()


def raw(number, *args):
    return tried(lambda: libc.syscall(number, *args))


print("PROBE " + json.dumps({
    "unshare": tried(lambda: libc.unshare(0x10000000)),
    "ptrace": tried(lambda: libc.ptrace(16, os.getppid(), 0, 0)),
    "mount": tried(lambda: libc.mount(b"none", b"/tmp", b"tmpfs", 0, None)),
    "add_key": raw(248, 0, 0, 0, 0, 0),
    "request_key": raw(249, 0, 0, 0, 0),
    "keyctl": raw(250, 0, 0, 0, 0, 0),
    "setns": raw(308, -1, 0),
    "perf_event_open": raw(298, 0, 0, -1, -1, 0),
    "bpf": raw(321, 0, 0, 0),
    "userfaultfd": raw(323, 0),
    "io_uring_setup": raw(425, 0, 0),
    "open_by_handle_at": raw(304, -1, 0, 0),
    "clone3": raw(435, 0, 0),
}, sort_keys=True))
"""


def probe_output(report: dict[str, Any]) -> dict[str, int]:
    """What PROBE printed, from a native report's stdout."""
    line = next(x for x in report["stdout"].splitlines() if x.startswith("PROBE "))
    answers = json.loads(line.removeprefix("PROBE "))
    assert isinstance(answers, dict)
    return answers


def scaffold(folder: Path) -> Path:
    """A course folder made by ``grade new`` (its one assignment: SCAFFOLD)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "grader", "new", SCAFFOLD], cwd=folder,
                          env=without_pythonpath(), capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder


def without_pythonpath() -> dict[str, str]:
    """The environment without conftest's PYTHONPATH (which points at this checkout's
    assignments/ and engine): a bundle must run on its own files."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("GRADER_SEED", None)
    return env


def build(course: Path, assignment: str, output: Path, seed: int = 42) -> Path:
    """``grade bundle gradescope`` run from the course folder, as an instructor runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "grader", "bundle", "gradescope", "-o", str(output),
         "--assignment", assignment, "--seed", str(seed), "--timeout", "2"],
        cwd=course, env=without_pythonpath(), capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return output


def unpack(bundle: Path, root: Path) -> Path:
    """``root`` laid out as Gradescope's /autograder: the zip unpacked in source/."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        (root / "source" / script).chmod(0o755)
    root.chmod(0o755)  # as Gradescope's /autograder: the sandbox's own uid reaches venv/
    return root


def submit(root: Path, files: dict[str, str | Path]) -> None:
    """A fresh submission/ (and no results/): relative names may have folders; a Path
    value makes a symbolic link to it."""
    for folder in ("submission", "results"):
        shutil.rmtree(root / folder, ignore_errors=True)
    (root / "submission").mkdir()
    for name, content in files.items():
        path = root / "submission" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            path.symlink_to(content)
        else:
            path.write_text(content)


def results(root: Path) -> dict[str, Any]:
    """results/results.json, checked against the published schema."""
    written = json.loads((root / "results" / "results.json").read_text())
    validate(written, "gradescope")
    assert isinstance(written, dict)
    return written


def reference_and_stub(course: Path, assignment: str) -> tuple[str, str]:
    """The reference solution and the students' stub of an assignment of ``course``."""
    name = f"{assignment}.py"
    return ((course / "solutions" / name).read_text(),
            (course / "exercises" / name).read_text())  # fmt: skip


def registered() -> list[str]:
    """Every assignment of this repository's assignments/ (one bundle test each)."""
    return sorted(p.parent.name for p in (ROOT / "assignments").glob("*/__init__.py"))
