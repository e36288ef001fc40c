"""The isolation layer: student code runs only here, in the strongest tier the machine allows.

Read in this order: choose.py (probes the tiers and picks one), box.py (the
grader's side of a sandbox: starts the zygote, drives runners, kills what they
started), then one module per tier: namespaces.py (tier 1). Shared pieces:
limits.py, paths.py, harness.py (the zygote and runners: the only code that runs
next to student code), confine.py (kernel confinement used inside the sandbox),
seccomp.py (the system-call filter), users.py (a uid of its own when root),
reaper.py (killing everything, cgroups), leftovers.py (what a grader killed outright
left, removed by the next) and protocol.py (the wire format).
"""

from __future__ import annotations

from .box import Run, Sandbox
from .choose import SandboxKind, resolve
from .limits import Limits
from .namespaces import bwrap_works

__all__ = ["Limits", "Run", "Sandbox", "SandboxKind", "bwrap_works", "resolve"]
