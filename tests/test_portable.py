"""Tier 3, portable: what a student's Windows or macOS machine gives the harness.

The harness runs with ``fcntl``, ``resource``, ``os.fork`` and ``os.memfd_create``
missing (as on Windows); the student kit falls back to this tier quietly when no
confined tier starts, and the instructor's ``grade`` refuses to, naming every probe
that failed, unless ``--sandbox portable`` is asked for.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import kit, registry
from grader.cli import main
from grader.grade import grade
from grader.report import validate
from grader.sandbox import choose, confined, namespaces
from grader.sandbox.portable import PortableSandbox

from .conftest import ROOT

SOLUTION = ROOT / "solutions" / "forward.py"
STUB = ROOT / "exercises" / "forward.py"

WINDOWS_LIKE = (
    "import os, sys\n"
    "for name in ('fcntl', 'resource'):\n"
    "    sys.modules[name] = None\n"
    "for name in ('fork', 'memfd_create', 'setsid', 'killpg'):\n"
    "    if hasattr(os, name):\n"
    "        delattr(os, name)\n"
    "path = sys.argv[1]\n"
    "sys.argv = sys.argv[1:]\n"
    "exec(compile(open(path).read(), path, 'exec'), {'__name__': '__main__', '__file__': path})\n"
)


@pytest.fixture
def windows_like_harness(monkeypatch: pytest.MonkeyPatch) -> None:
    """The portable runner starts with the POSIX-only modules and calls taken away."""

    def command(self: PortableSandbox, result_fd: int) -> list[str]:
        plain = PortableSandbox_command(self, result_fd)
        return [*plain[:5], "-c", WINDOWS_LIKE, *plain[5:]]

    PortableSandbox_command = PortableSandbox.command
    monkeypatch.setattr(PortableSandbox, "command", command)


@pytest.fixture
def nothing_confines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine where neither tier 1 nor tier 2 starts (macOS, Windows, an old kernel)."""
    monkeypatch.setattr(namespaces, "bwrap_installed", lambda: False)
    monkeypatch.setattr(namespaces, "probe", lambda: "namespaces refused (unshare: EPERM)")
    monkeypatch.setattr(confined, "probe", lambda: (0, "landlock unavailable (ENOSYS)"))
    monkeypatch.setattr(choose, "_FAILED", {})


def kit_assignment():
    return kit.assignment_from(json.loads(kit.dumps(kit.precompute(registry.load("forward")))))


@pytest.mark.parametrize("path, score", [(SOLUTION, 100.0), (STUB, 0.0)], ids=["correct", "stub"])
def test_the_kit_grades_in_the_portable_tier_without_posix_modules(
    windows_like_harness: None, nothing_confines: None, path: Path, score: float
) -> None:
    report = grade(path, assignment=kit_assignment(), sandbox="auto").to_dict()
    validate(report, "report")
    assert report["sandbox"] == "portable" and report["isolation"]["tier"] == 3
    assert report["status"] == "graded" and report["score"] == score, report["message"]


def test_the_portable_harness_survives_a_crash_and_a_hang(windows_like_harness: None) -> None:
    hostile = SOLUTION.read_text() + (
        "\n\ndef relu(x):\n    import os\n    os._exit(3)\n"
        "\n\ndef softmax(z):\n    while True:\n        pass\n"
    )
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"forward-{os.getpid()}.py"
    try:
        path.write_text(hostile)
        report = grade(path, assignment="forward", sandbox="portable").to_dict()
    finally:
        path.unlink()
    scores = {e["name"]: e["score"] for e in report["exercises"]}
    assert scores["relu"] == 0 and scores["softmax"] == 0
    assert scores["node_value"] == 10 and report["sandbox"] == "portable"


def test_the_instructor_is_refused_the_portable_tier_unless_asked(
    nothing_confines: None, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    refused = CliRunner().invoke(main, [str(SOLUTION), "-o", str(out)])
    assert refused.exit_code == 2, refused.output
    assert "Traceback" not in refused.output
    said = refused.stderr
    assert said.startswith("Error: cannot start the sandbox: ")
    assert "namespaces refused (unshare: EPERM)" in said and "landlock unavailable" in said
    assert "--sandbox portable" not in said or "student" in said
    validate(json.loads(out.read_text()), "report")
    asked = CliRunner().invoke(main, [str(SOLUTION), "--sandbox", "portable", "-o", str(out)])
    assert asked.exit_code == 0, asked.output
    assert json.loads(out.read_text())["sandbox"] == "portable"
    assert "Sandbox: tier 3, 'portable'" in asked.stderr


def test_the_harness_imports_without_posix_modules(tmp_path: Path) -> None:
    """Importing the harness needs none of fcntl, resource, os.fork, memfd (Windows)."""
    import subprocess

    harness = ROOT / "grader" / "sandbox" / "harness.py"
    code = WINDOWS_LIKE.replace("'__main__'", "'harness'")
    done = subprocess.run([sys.executable, "-I", "-c", code, str(harness)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
