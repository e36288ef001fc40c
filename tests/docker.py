"""Commands run in a real Docker container with Docker's default confinement.

``in-docker`` (the shared tool ``shared/tools/in-docker`` beside the checkout, or the
one ``$IN_DOCKER`` names; read its header) runs a command as root in a container with
Docker's default seccomp profile and capabilities: how Gradescope, CI container jobs and
most JupyterHub images run code. The container sees the machine's /usr and /etc
read-only, the checkout read-only at its own path (its .venv included), and what a test
binds with ``binds``. It has no network unless ``net=True`` (as an image build has it).

Tests take the ``docker`` fixture: it skips them where the tool or Docker cannot run,
except under ``GRADER_REQUIRE_DOCKER=1`` (CI sets it), where that is a failure. The
first use on a machine installs docker.io (it needs the Debian registry) and starts
dockerd, which can take minutes.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from .submissions import ROOT

TOOL_PATH = Path("shared") / "tools" / "in-docker"
FIRST_USE_TIMEOUT = 1200.0  # installs docker.io and starts dockerd


def tool() -> Path | None:
    """The in-docker script: ``$IN_DOCKER``, else ``shared/tools/in-docker`` in a folder
    above the checkout (``/work/shared/...`` for ``/work/main`` and its worktrees)."""
    named = os.environ.get("IN_DOCKER")
    if named:
        return Path(named) if Path(named).is_file() else None
    for folder in ROOT.parents:
        if (folder / TOOL_PATH).is_file():
            return folder / TOOL_PATH
    return None


@dataclass(frozen=True)
class Bind:
    """A host path seen at ``inside`` in the container (read-only unless ``writable``)."""

    host: Path
    inside: str
    writable: bool = True

    def option(self) -> list[str]:
        return ["-v", f"{self.host}:{self.inside}" + ("" if self.writable else ":ro")]


def in_docker(
    command: Sequence[str],
    *,
    binds: Sequence[Bind] = (),
    env: Mapping[str, str] | None = None,
    net: bool = False,
    user: str | None = None,
    timeout: float = 600.0,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a fresh container (from the checkout, which it sees read-only)."""
    found = tool()
    assert found is not None, "in-docker is not here: the docker fixture skips such tests"
    options: list[str] = []
    for bind in binds:
        options += bind.option()
    for name, value in (env or {}).items():
        options += ["-e", f"{name}={value}"]
    options += ["--net"] if net else []
    options += ["-u", user] if user else []
    return subprocess.run(["bash", str(found), *options, "--", *command], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


@functools.cache
def _unavailable() -> str | None:
    """Why containers cannot run here (None when they can); tried once per session."""
    if tool() is None:
        return f"no {TOOL_PATH} above {ROOT} and no $IN_DOCKER"
    if os.geteuid() != 0:
        return "in-docker needs root (it talks to dockerd)"
    try:
        done = in_docker(["true"], timeout=FIRST_USE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "in-docker did not start a container in time"
    if done.returncode != 0:
        return f"in-docker cannot start a container: {done.stderr.strip()[-300:]}"
    return None


@pytest.fixture(scope="session")
def docker() -> None:
    """Skip (fail where ``GRADER_REQUIRE_DOCKER=1``) when no container can run here."""
    reason = _unavailable()
    if reason is None:
        return
    if os.environ.get("GRADER_REQUIRE_DOCKER") == "1":
        pytest.fail(f"GRADER_REQUIRE_DOCKER=1 but {reason}")
    pytest.skip(reason)
