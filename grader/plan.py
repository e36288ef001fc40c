"""What to run for one assignment and seed: each exercise's cases and expected values.

Expected values are computed here, in the grader, from the reference, on copies of
the arguments, before any student process starts; they are kept between runs in the
instructor's cache (``cache``), keyed by the assignment's sources and the seed.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import cache
from .execute import Calls
from .spec import Assignment, Case, Exercise, Mistake

if TYPE_CHECKING:
    import numpy as np

    from .diagnose import Behaviour, Given


def expected_values(assignment: Assignment, cases: list[Case]) -> list[Any]:
    """Run the reference on copies of each case's arguments, here in the grader.

    Results are read as results cross the boundary (numbers as float64 arrays; tuples,
    lists and dicts walked). A student kit has no reference: its answers are data.
    """
    if assignment.answers is not None:
        return [assignment.answers(case) for case in cases]
    from .compare import normalize  # numpy: a plan from the cache needs none

    values = []
    for case in cases:
        result = assignment.reference[case.exercise](*copy.deepcopy(case.args))
        values.append(normalize(result))
    return values


@dataclass(frozen=True)
class Plan:
    """What to run for one assignment and seed: each exercise's cases and expected values."""

    spec: Assignment
    groups: list[tuple[Exercise, list[Case], list[np.ndarray]]]
    _simulated: dict[tuple[str, ...], list[Behaviour]] = field(default_factory=dict,
                                                               compare=False)  # fmt: skip
    # Each exercise's case arguments as the simulations get them: copied once, not per run.
    _given: dict[str, list[Given]] = field(default_factory=dict, compare=False)
    # What judging found for outcomes seen before (``judging``): kept only by a session that
    # grades many submissions on this plan (a batch worker), None for a single grade.
    memo: dict[Any, Any] | None = field(default=None, compare=False)
    # What the instructor's cache keeps the simulations under (``make_plan``'s seed and
    # cases), or None; and which simulations were read from it or made here.
    simulations_key: tuple[int, bool] | None = field(default=None, compare=False)
    _fresh: set[tuple[str, ...]] = field(default_factory=set, compare=False)
    _read: list[bool] = field(default_factory=list, compare=False)

    @functools.cached_property
    def calls(self) -> list[Calls]:
        """The calls to make, exercise by exercise, in the order of ``groups``.

        Made once per plan, and so is their wire form: a batch worker's submissions all
        send the same arguments.
        """
        return [Calls(e.name, repeated([c.args for c in cases])) for e, cases, _ in self.groups]

    def behaviours(self, exercise: str, mistakes: tuple[Mistake, ...]) -> list[Behaviour]:
        """Known mistakes' behaviour on an exercise's cases, computed once per plan."""
        from .diagnose import Behaviour, Given, simulate_all  # only a failed test needs one

        key = (exercise, *(m.name for m in mistakes))
        cases = next(c for e, c, _ in self.groups if e.name == exercise)
        if key not in self._simulated and not self._read and self.simulations_key is not None:
            self._read.append(True)  # once: the cache's entry, read on the first diagnosis
            stored = cache.read_behaviours(self.spec, *self.simulations_key)
            lengths = {e.name: len(c) for e, c, _ in self.groups}
            self._simulated.update((k, v) for k, v in stored.items()
                                   if k[0] in lengths and len(v) == lengths[k[0]])  # fmt: skip
        if key not in self._simulated and self.spec.known_behaviours is not None:
            known = self.spec.known_behaviours(exercise, key[1:], cases)
            # Not precomputed: a behaviour no student's can match, so nothing is named.
            self._simulated[key] = known or [Behaviour(raised="<unknown>")] * len(cases)
        if key not in self._simulated:
            if len(mistakes) == 1 and mistakes[0].exercise == exercise:
                implementation = mistakes[0].implementation
            else:
                assert self.spec.combine is not None
                combined = self.spec.combine(exercise, mistakes)
                if combined is None:  # a combination the assignment does not model
                    self._simulated[key] = [Behaviour(raised="<not modelled>")] * len(cases)
                    return self._simulated[key]
                implementation = combined
            given = self._given.setdefault(exercise, [Given(c.args) for c in cases])
            self._simulated[key] = simulate_all(implementation, cases, given)
            self._fresh.add(key)
        return self._simulated[key]

    def keep_simulations(self) -> None:
        """Write the simulations made here to the instructor's cache, for the next run."""
        if self.simulations_key is not None and self._fresh:
            fresh = {k: self._simulated[k] for k in self._fresh}
            cache.write_behaviours(self.spec, *self.simulations_key, fresh)
            self._fresh.clear()


def repeated(calls: list[Any]) -> list[Any]:
    """An exercise's calls, and its first call once more at the end, unjudged: a function
    that answers the same call differently the second time keeps something between calls
    (or draws random numbers), which its failures alone cannot show (``judging``)."""
    return [*calls, calls[0]] if calls else calls


def make_plan(spec: Assignment, seed: int, visible_only: bool = False) -> Plan:
    """Cases from the seed, and their expected values from the reference, here in the grader.

    Both are computed once per assignment content and seed, then read from the cache.
    """

    def compute() -> cache.Computed:
        cases = spec.make_cases(seed)
        return cases, expected_values(spec, cases)

    every, values = cache.cases_and_expected(spec, seed, compute)
    chosen = [k for k, c in enumerate(every) if c.visibility == "visible" or not visible_only]
    cases, expected = [every[k] for k in chosen], [values[k] for k in chosen]
    groups = []
    for exercise in spec.exercises:
        mine = [k for k, c in enumerate(cases) if c.exercise == exercise.name]
        groups.append((exercise, [cases[k] for k in mine], [expected[k] for k in mine]))
    kept = (seed, visible_only) if cache.keeps_behaviours(spec) else None
    return Plan(spec, groups, simulations_key=kept)
