"""Run commands inside a real Docker container with Docker's default confinement.

Shared by every test that must see the grader where courses run it (Gradescope,
container CI jobs, JupyterHub images): root inside, Docker's default seccomp profile
and capabilities, so user namespaces are refused. The tool is
``../shared/tools/in-docker`` (path from the checkout; ``$IN_DOCKER`` overrides), which
installs docker.io and starts dockerd on first use.

``docker_or_fail()`` is the gate: where CI runs (``$CI`` set, as .ci/run sets it) a
machine on which Docker cannot start fails the test loudly; elsewhere the test is
skipped with the reason. Nothing here skips silently.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = Path(os.environ.get("IN_DOCKER", ROOT.parent / "shared" / "tools" / "in-docker"))
if not TOOL.exists():  # a worktree below /work/wt/NAME: the tool lives beside /work/main
    TOOL = Path("/work/shared/tools/in-docker")


@functools.cache
def docker_problem() -> str | None:
    """Why Docker cannot run a container here, or None when it can (checked once)."""
    if not sys.platform.startswith("linux"):
        return "Docker containers are tested on Linux only"
    if not TOOL.exists():
        return f"the in-docker tool is not at {TOOL}"
    if os.geteuid() != 0:
        return "in-docker needs root (it installs and starts dockerd)"
    try:
        done = subprocess.run([str(TOOL), "--", "true"], cwd=ROOT, capture_output=True,
                              timeout=600)  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        return f"in-docker did not run: {exc}"
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace")[-500:]
        return f"in-docker failed ({done.returncode}): {said}"
    return None


def docker_or_fail() -> None:
    """Skip (with the reason) where Docker cannot run, but fail under CI, where it must."""
    problem = docker_problem()
    if problem is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Docker must work in CI for the container tests: {problem}")
    pytest.skip(problem)


def in_docker(
    command: list[str],
    *,
    cwd: Path = ROOT,
    binds: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    net: bool = False,
    user: str | None = None,
    out: Path | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` in a container: the checkout (``cwd``) and its .venv read-only at
    their own paths, ``binds`` as ``HOST:CONTAINER[:ro]``, /out writable (``out`` on this
    machine, else in-docker's default)."""
    venv = ROOT / ".venv"
    args = [str(TOOL), "-w", str(cwd)]
    if venv.is_dir():
        args += ["-v", f"{venv}:{venv}:ro"]
    if cwd != ROOT:
        args += ["-v", f"{ROOT}:{ROOT}:ro"]
    for bind in binds:
        args += ["-v", bind]
    for name, value in (env or {}).items():
        args += ["-e", f"{name}={value}"]
    if net:
        args.append("--net")
    if user is not None:
        args += ["-u", user]
    tool_env = dict(os.environ)
    if out is not None:
        tool_env["IN_DOCKER_OUT"] = str(out)
    return subprocess.run([*args, "--", *command], cwd=cwd, capture_output=True,
                          timeout=timeout, env=tool_env)  # fmt: skip
