"""The grading session: one sandbox, kept warm, and the plans it runs submissions on.

A single ``grade`` uses a session once; a batch worker keeps one, so Python and
numpy start once per worker and each submission is a fresh fork.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

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
    # More submissions will follow (a batch worker): after each, the next one's runner is
    # forked from the cleaned zygote at once, and confines itself while this one is judged.
    keep_ready = False
    # Read results as plain data (a plan from the cache, judged without numpy: quick.py).
    plain = False
    # What running the next plan would observe, observed already (quick.py: a submission
    # that did not plainly pass is judged again, with numpy, on what it did the first time).
    replay: Execution | None = None
    executed: Execution | None = None  # what the last run observed
    # Why no sandbox could start here (a batch worker tells the parent with every task).
    unavailable: str | None = None

    def __init__(
        self,
        *,
        sandbox: SandboxKind = "auto",
        limits: Limits | None = None,
        box: Sandbox | None = None,
    ) -> None:
        self.requested = sandbox
        # A student kit may fall back to the portable tier (execute learns it from the plan);
        # anything else grades confined or not at all.
        self.allow_portable = False
        self._none_left: str | None = None
        try:
            self.kind = box.kind if box else resolve(sandbox)
        except SandboxUnavailable as exc:
            if sandbox != "auto":
                raise
            self.kind, self._none_left = "portable", str(exc)
        self.limits = box.limits if box else (limits or Limits())
        self._box = box
        self.packages: tuple[str, ...] = box.packages if box else ()
        # Keyed by the assignment object itself (kept alive by the plan): two assignments
        # of the same name from different paths never share a plan.
        self._plans: dict[tuple[int, int, bool], Plan] = {}

    def warm(self) -> None:
        """Start the sandbox now, so its start-up overlaps the grader's own work."""
        if self._none_left is not None:
            return  # no confined tier here: ready() decides, once it knows who asks
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
            try:
                self.kind = choose.after(self.kind)  # SandboxUnavailable when none is left
            except SandboxUnavailable:
                if not self.allow_portable or self.kind == "portable":
                    raise
                self.kind = "portable"  # a student's own machine: quietly, the portable tier
            try:
                self._box = Sandbox(self.kind, self.limits, self.packages)
                return
            except SandboxUnavailable as exc:
                choose.record(self.kind, str(exc))

    def ready(self) -> Sandbox:
        """The started sandbox; ``auto`` falls back to a weaker tier if this one fails here."""
        if self._none_left is not None:
            if not self.allow_portable:
                raise SandboxUnavailable(self._none_left)
            self._none_left = None
        if self._box is not None and not self._box.alive():
            self.close()  # it died while idle (a kept sandbox): a new one, not a lost grade
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
        if self.kind == "portable" and self.requested == "auto":
            return  # only a student kit gets here, and says nothing of it (the report does)
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
            plan = make_plan(spec, seed, visible_only)
            # More submissions will be judged on it: what is judged once is kept (judging).
            self._plans[key] = replace(plan, memo={}) if self.keep_ready else plan
        return self._plans[key]

    def use_plan(self, plan: Plan, seed: int) -> None:
        """Grade ``plan.spec`` at ``seed`` on ``plan`` (made elsewhere: quick.py)."""
        self._plans[(id(plan.spec), seed, False)] = plan

    def made_plan(self, spec: Assignment, seed: int) -> Plan | None:
        """The plan made for ``spec`` and ``seed`` (all cases), if one was."""
        return self._plans.get((id(spec), seed, False))

    def execute(
        self, source: str, filename: str, plan: Plan, meanwhile: Callable[[], None] | None = None
    ) -> Execution:
        self._allow(plan.spec.packages)
        self.allow_portable = plan.spec.kit
        if self.replay is not None:
            execution, self.replay = self.replay, None
            return execution
        execution, self._box = execute_calls(
            source=source, filename=filename, batches=plan.calls, sandbox=self.ready(),
            limits=self.limits, meanwhile=meanwhile, plain=self.plain,
        )  # fmt: skip
        self.executed = execution
        if self.keep_ready and self._box is not None:
            self._box.prestart()
        return execution

    def _allow(self, packages: tuple[str, ...]) -> None:
        """Make sure the sandbox mounts ``packages``: a new one if the running one does not."""
        if set(packages) <= set(self.packages) | {"numpy"}:
            return
        self.packages = tuple(dict.fromkeys((*self.packages, *packages)))
        self.close()

    def end(self) -> None:
        """The last submission was run: the sandbox's processes die while the caller judges
        and writes its report (``close`` still waits until they are gone)."""
        if self._box is not None:
            self._box.end()

    def close(self) -> None:
        if self._box is not None:
            self._box.close()
            self._box = None

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
