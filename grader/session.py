"""The grading session: one sandbox, kept warm, and the plans it runs submissions on.

A single ``grade`` uses a session once; a batch worker keeps one, so Python and
numpy start once per worker and each submission is a fresh fork.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .errors import SandboxUnavailable
from .execute import Execution
from .execute import run as execute_calls
from .plan import Plan, make_plan
from .sandbox import Limits, Sandbox, SandboxKind, choose, resolve
from .spec import Assignment


class Grader:
    """Grades submissions one after another with one sandbox and one plan per seed.

    ``on_fallback(message)``, if set, hears once, before any student code runs, that
    ``auto`` is using a weaker tier; ``on_tier(message)`` hears which tier it is.
    """

    on_fallback: Callable[[str], None] | None = None
    on_tier: Callable[[str], None] | None = None

    def __init__(
        self,
        *,
        sandbox: SandboxKind = "auto",
        limits: Limits | None = None,
        box: Sandbox | None = None,
    ) -> None:
        self.requested = sandbox
        self.kind = box.kind if box else resolve(sandbox)
        self.limits = box.limits if box else (limits or Limits())
        self._box = box
        self.packages: tuple[str, ...] = box.packages if box else ()
        # Keyed by the assignment object itself (kept alive by the plan): two assignments
        # of the same name from different paths never share a plan.
        self._plans: dict[tuple[int, int, bool], Plan] = {}

    def warm(self) -> None:
        """Start the sandbox now, so its start-up overlaps the grader's own work."""
        if self._box is None:
            try:
                self._box = Sandbox(self.kind, self.limits, self.packages)
            except SandboxUnavailable as exc:
                choose.record(self.kind, str(exc))
                self._fall_back()

    def _fall_back(self) -> None:
        """``auto`` only: the tier tried failed here, so the next one that starts it is."""
        if self.requested != "auto":
            raise
        while True:
            self.kind = choose.after(self.kind)  # SandboxUnavailable when none is left
            try:
                self._box = Sandbox(self.kind, self.limits, self.packages)
                return
            except SandboxUnavailable as exc:
                choose.record(self.kind, str(exc))

    def ready(self) -> Sandbox:
        """The started sandbox; ``auto`` falls back to a weaker tier if this one fails here."""
        self.warm()
        assert self._box is not None
        while True:
            try:
                self._box.wait_ready()
                break
            except SandboxUnavailable as exc:
                choose.record(self.kind, str(exc))
                self.close()
                self._fall_back()
                assert self._box is not None
        self._announce()
        return self._box

    def _announce(self) -> None:
        if self.on_fallback and self.requested == "auto":
            warning = choose.fallback_warning(self.kind, os.geteuid() == 0)
            if warning is not None:
                notify, self.on_fallback = self.on_fallback, None
                notify(warning)
        if self.on_tier:
            tell, self.on_tier = self.on_tier, None
            tell(choose.announcement(self.kind))

    def plan(self, spec: Assignment, seed: int, visible_only: bool = False) -> Plan:
        key = (id(spec), seed, visible_only)
        if key not in self._plans:
            self._plans[key] = make_plan(spec, seed, visible_only)
        return self._plans[key]

    def execute(
        self, source: str, filename: str, plan: Plan, meanwhile: Callable[[], None] | None = None
    ) -> Execution:
        self._allow(plan.spec.packages)
        execution, self._box = execute_calls(
            source=source, filename=filename, batches=plan.calls, sandbox=self.ready(),
            limits=self.limits, meanwhile=meanwhile,
        )  # fmt: skip
        return execution

    def _allow(self, packages: tuple[str, ...]) -> None:
        """Make sure the sandbox mounts ``packages``: a new one if the running one does not."""
        if set(packages) <= set(self.packages) | {"numpy"}:
            return
        self.packages = tuple(dict.fromkeys((*self.packages, *packages)))
        self.close()

    def close(self) -> None:
        if self._box is not None:
            self._box.close()
            self._box = None

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
