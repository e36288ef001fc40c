"""Probe the isolation tiers, strongest first, and choose the one a run grades in.

1. namespaces (namespaces.py): ``bwrap``, else ``process`` (each runner's own);
2. no namespaces (confined.py): ``landlock``: Landlock, seccomp, a uid of its own;

``auto`` tries bubblewrap first where it is installed; whether it works is learnt
when it starts (``Sandbox.wait_ready``), which costs nothing on the fast path. Only
when it fails are the weaker tiers probed, once each, in order.
"""

from __future__ import annotations

from typing import Literal

from ..errors import SandboxUnavailable
from . import namespaces

SandboxKind = Literal["auto", "bwrap", "process", "landlock", "portable"]
Tier = Literal["bwrap", "process", "landlock", "portable"]

FALLBACK = (
    "bubblewrap is not usable here, so submissions run in the weaker 'process' sandbox, "
    "which shows them this machine's processes and their command lines{files} "
    "(see the README's Security section; --sandbox bwrap refuses to grade without it)"
)
FILES_SHOWN = ", and, on this kernel without Landlock, every file your user may read"
LANDLOCK_FALLBACK = (
    "{why}, so submissions run in tier 2, 'landlock': "
    "Landlock, seccomp{uid} and resource limits, without namespaces "
    "(see the README's Security section)"
)
NO_TIER = (
    "cannot start the sandbox: {failures}; run the grader as root, or where user "
    "namespaces are allowed (sysctl user.max_user_namespaces, or AppArmor's "
    "kernel.apparmor_restrict_unprivileged_userns=0), or on a kernel with Landlock "
    "(Linux 5.13+ with lsm=landlock); on a student's own machine only, --sandbox portable "
    "grades without any confinement"
)
PORTABLE_WARNING = (
    "--sandbox portable confines nothing (tier 3): submissions can read and write your files, "
    "use the network and signal your processes; it is for a student's own machine"
)
_NO_BWRAP = (
    "bubblewrap is not usable here (install the 'bubblewrap' package, or use --sandbox process)"
)

# Which tier each sandbox is, and what it enforces, for announcements and reports.
TIERS: dict[str, tuple[int, str]] = {
    "bwrap": (1, "namespaces: bubblewrap around the sandbox, and each runner's own"),
    "process": (1, "namespaces: each runner's own user, mount, IPC and network namespaces"),
    "landlock": (2, "no namespaces: Landlock, seccomp, a uid of its own when root, limits"),
    "portable": (3, "portable: a plain child process with timeouts; it confines nothing"),
    "none": (0, "nothing ran"),
}


def _landlock_probe() -> tuple[int, str | None]:
    """confined.probe(), imported when asked (a bubblewrap start does without it)."""
    from . import confined

    return confined.probe()


def resolve(kind: SandboxKind) -> Tier:
    """The sandbox to try first: ``auto`` means bubblewrap where it is installed."""
    if kind in ("process", "landlock", "portable"):
        return kind
    if kind == "bwrap" and not namespaces.bwrap_installed():
        raise SandboxUnavailable(_NO_BWRAP)
    return "bwrap" if namespaces.bwrap_installed() else after("bwrap")


def after(failed: Tier) -> Tier:
    """For ``auto``: the strongest tier below ``failed`` that starts here.

    Raises SandboxUnavailable naming every probe that failed, and what to do.
    """
    order: list[Tier] = ["bwrap", "process", "landlock"]
    for tier in order[order.index(failed) + 1 :]:
        if problem(tier) is None:
            return tier
    raise SandboxUnavailable(NO_TIER.format(failures=failures()))


_FAILED: dict[str, str] = {}  # tiers that passed their probe but did not start, and why


def record(tier: Tier, why: str) -> None:
    """``tier`` failed to start this run: skip it from now on, and say why when none starts."""
    _FAILED[tier] = why.removeprefix("cannot start the sandbox: ")


def problem(tier: Tier) -> str | None:
    """Why ``tier`` cannot start here (probed once a run), or None."""
    if tier in _FAILED:
        return _FAILED[tier]
    if tier == "bwrap":
        return None if namespaces.bwrap_works() else "bubblewrap cannot start"
    if tier == "process":
        return namespaces.probe()
    return _landlock_probe()[1]


def failures() -> str:
    said = [] if not namespaces.bwrap_installed() else ["bubblewrap cannot start"]
    said += [p for p in (namespaces.probe(), _landlock_probe()[1]) if p]
    said += [f"{tier}: {why}" for tier, why in _FAILED.items() if tier != "bwrap"]
    return ", ".join(dict.fromkeys(said))


def fallback_warning(tier: Tier, own_uid: bool) -> str | None:
    """What ``auto`` must say before grading when it uses ``tier``; None for the best."""
    if tier == "process":
        return FALLBACK.format(files="" if _landlock_probe()[1] is None else FILES_SHOWN)
    if tier == "landlock":
        why = namespaces.probe() or "bubblewrap cannot start"
        return LANDLOCK_FALLBACK.format(why=why, uid=", a uid of its own" if own_uid else "")
    return None


def describe(kind: str) -> dict[str, object]:
    """The report's record of the isolation: tier number, name, and what it enforces."""
    number, enforced = TIERS.get(kind, (0, "unknown"))
    if kind == "landlock":
        from . import landlock

        version = _landlock_probe()[0]
        enforced += f"; Landlock ABI {version}: " + "; ".join(landlock.enforced(version))
    elif kind == "process" and _landlock_probe()[1] is None:
        version = _landlock_probe()[0]
        enforced += f"; Landlock ABI {version}: read-only allowlist, writes only in its own /tmp"
    return {"tier": number, "name": kind, "enforces": enforced}


def announcement(kind: str) -> str:
    number, enforced = TIERS.get(kind, (0, "unknown"))
    return f"Sandbox: tier {number}, '{kind}' ({enforced})"


def expected_kind(requested: SandboxKind) -> str:
    """The sandbox a run asking for ``requested`` grades in, as check_sandbox found it
    (call that first): what a class announces before its workers start."""
    if requested in ("portable", "process", "landlock"):
        return requested
    if resolve(requested) == "bwrap" and namespaces.bwrap_works():
        return "bwrap"
    return after("bwrap")


def check_sandbox(requested: SandboxKind) -> str | None:
    """Before grading: the warning to give when ``auto`` will use a weaker tier.

    Raises SandboxUnavailable when the sandbox asked for cannot work here.
    """
    if requested == "portable":
        return PORTABLE_WARNING
    if requested in ("process", "landlock"):
        problem_here = problem(requested)
        if problem_here is not None:
            raise SandboxUnavailable(f"cannot start the sandbox: {problem_here}")
        return None
    if resolve(requested) == "bwrap" and namespaces.bwrap_works():
        return None
    if requested == "bwrap":
        raise SandboxUnavailable("bubblewrap is installed but cannot create its namespaces here")
    tier = after("bwrap")
    import os

    return fallback_warning(tier, os.geteuid() == 0)
