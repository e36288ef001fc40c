"""The isolation tests again, as a normal user: the guarantees must not depend on root.

Run as root (CI is), this test makes a normal user (``fgrader``, with ``useradd``), gives
it a Python that has the grader's dependencies (the checkout's own .venv where that user
can run it, else a venv of its own made once with pip) and re-runs the isolation tests
under ``runuser``: memory bounded without a memory cgroup, nothing crossing between
students, the seccomp filter, the sandbox's paths. Where this cannot be set up it fails
under CI and is skipped elsewhere, with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT

USER = "fgrader"
VENV = Path("/var/tmp/forward-grader-nonroot-venv")
DEPENDENCIES = ["numpy", "click", "jsonschema", "fastjsonschema", "nbformat", "pyseccomp",
                "pytest", "hypothesis"]  # fmt: skip
SUBSET = ["tests/test_isolation.py", "tests/test_seccomp.py", "tests/test_sandbox_paths.py"]
CHECK = "import numpy, click, jsonschema, fastjsonschema, nbformat, pytest, hypothesis"


def _give_up(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the isolation tests must run as a normal user in CI: {reason}")
    pytest.skip(reason)


def _as_user(*command: str, timeout: float = 900, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:  # fmt: skip
    prefix = ["runuser", "-u", USER, "--", "env", "-i", f"HOME=/home/{USER}",
              "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8"]  # fmt: skip
    prefix += [f"{k}={v}" for k, v in (env or {}).items()]
    return subprocess.run([*prefix, *command], capture_output=True, timeout=timeout, cwd=cwd)


def _python() -> str:
    """A Python the normal user can run, with the grader's dependencies."""
    own = ROOT / ".venv" / "bin" / "python"
    if own.exists() and _as_user(str(own), "-c", CHECK, timeout=60).returncode == 0:
        return str(own)
    python = VENV / "bin" / "python"
    if python.exists() and _as_user(str(python), "-c", CHECK, timeout=60).returncode == 0:
        return str(python)
    system = "/usr/local/bin:/usr/bin:/bin"  # not a Python under root's home (pyenv)
    base = shutil.which("python3.11", path=system) or shutil.which("python3", path=system)
    if base is None:
        _give_up("no system Python for the normal user")
    VENV.mkdir(mode=0o755, exist_ok=True)
    shutil.chown(VENV, USER, USER)
    for step in ([base, "-m", "venv", str(VENV)],
                 [str(python), "-m", "pip", "install", "-q", *DEPENDENCIES]):  # fmt: skip
        done = _as_user(*step)
        if done.returncode != 0:
            _give_up(f"{' '.join(step[:4])} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return str(python)


@pytest.fixture(scope="module")
def normal_user() -> str:
    if os.geteuid() != 0:
        pytest.skip("already a normal user: the isolation tests themselves run as one")
    if not (shutil.which("runuser") and shutil.which("useradd")):
        _give_up("runuser and useradd are needed to run tests as a normal user")
    if subprocess.run(["id", USER], capture_output=True).returncode != 0:
        done = subprocess.run(["useradd", "-m", "-s", "/bin/sh", USER], capture_output=True)
        if done.returncode != 0:
            _give_up(f"useradd failed: {done.stderr.decode(errors='replace')}")
    return _python()


def _readable_checkout() -> tuple[Path, bool]:
    """The checkout, or a copy the normal user can read (a checkout under /root is not)."""
    probe = _as_user("test", "-r", str(ROOT / "grader" / "sandbox" / "harness.py"), timeout=30)
    if probe.returncode == 0:
        return ROOT, False
    copy = Path(tempfile.mkdtemp(prefix="fg-nonroot-", dir="/var/tmp"))
    copy.chmod(0o755)
    for name in ("grader", "tests", "assignments", "solutions", "exercises", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    subprocess.run(["chmod", "-R", "a+rX", str(copy)], check=True)
    return copy, True


# The attacks on what a normal user's grader has no kernel help for (no memory cgroup, no uid
# of the sandbox's own): memory and disk held where no process's memory shows it, the course's
# files and the grader's cache read, threads left to steal the next call's time; in every
# tier that starts here (tier 2 too, where the kernel has Landlock).
ATTACKS = "hoard or read_solutions or read_grader_files or spinning_thread"


def _pytest_as_user(python: str, *args: str) -> None:
    checkout, copied = _readable_checkout()
    try:
        done = _as_user(python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", *args,
                        cwd=checkout, env={"PYTHONPATH": str(checkout)}, timeout=1800)  # fmt: skip
    finally:
        if copied:
            shutil.rmtree(checkout, ignore_errors=True)
    said = done.stdout.decode(errors="replace")[-4000:]
    # (pytest exits 5 when nothing was collected: a selection that matches no test fails.)
    assert done.returncode == 0, said + done.stderr.decode(errors="replace")[-2000:]


def test_the_isolation_tests_pass_as_a_normal_user(normal_user: str) -> None:
    _pytest_as_user(normal_user, *SUBSET)


def test_the_attacks_on_bounds_and_files_are_contained_as_a_normal_user(normal_user: str) -> None:
    _pytest_as_user(normal_user, "tests/test_attacks.py", "-k", ATTACKS)
