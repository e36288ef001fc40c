"""Probe the isolation tiers, strongest first, and choose the one a run grades in.

``auto`` means bubblewrap where it is installed; whether it works here is learnt
when it starts (``Sandbox.wait_ready``), which costs nothing on the fast path, and
the session falls back for ``auto``.
"""

from __future__ import annotations

from typing import Literal

from ..errors import SandboxUnavailable
from . import namespaces

SandboxKind = Literal["auto", "bwrap", "process"]

FALLBACK = (
    "bubblewrap is not usable here, so submissions run in the weaker 'process' sandbox, "
    "which does not hide your files, the seed or the network from them "
    "(see the README's Security section; --sandbox bwrap refuses to grade without it)"
)


def resolve(kind: SandboxKind) -> Literal["bwrap", "process"]:
    """The sandbox to try first: ``auto`` means bubblewrap where it is installed.

    Whether it works here is learnt when it starts (``Sandbox.ready``), which
    costs nothing on the fast path; ``open_sandbox`` falls back for ``auto``.
    """
    if kind == "process":
        return "process"
    if kind == "bwrap" and not namespaces.bwrap_installed():
        raise SandboxUnavailable(_NO_BWRAP)
    return "bwrap" if namespaces.bwrap_installed() else "process"


_NO_BWRAP = (
    "bubblewrap is not usable here (install the 'bubblewrap' package, or use --sandbox process)"
)


def check_sandbox(requested: SandboxKind) -> str | None:
    """Before grading: the warning to give when ``auto`` will fall back to ``process``.

    Raises SandboxUnavailable when bubblewrap was asked for and cannot work here.
    """
    if requested == "process":
        return None
    if resolve(requested) == "bwrap" and namespaces.bwrap_works():
        return None
    if requested == "bwrap":
        raise SandboxUnavailable("bubblewrap is installed but cannot create its namespaces here")
    return FALLBACK


_NO_BWRAP = (
    "bubblewrap is not usable here (install the 'bubblewrap' package, or use --sandbox process)"
)
