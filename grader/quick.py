"""A single grade that passes, without importing the assignment or numpy.

Under bubblewrap the grader and the sandbox each start Python; the sandbox must import
numpy, and the grader used to as well (the assignment's modules, the comparison, the
wire format), one after the other on a machine of two cores. A single grade whose
assignment is found by the file's name (or named) reads, instead, one entry of the
instructor's cache (``cache.read_quick``): the assignment's exercises, points,
tolerances and tips, and its plan as plain data. The submission runs on it exactly as
on the full plan (same cases, same arguments, same sandbox), its results are read as
plain data and each test is judged by ``passcheck``. Only a grade where every test
plainly passed is written from this; for anything else (a failure, an error, a value
the plain comparison does not know) the assignment is loaded, the plan made as always
and what the submission did is judged again, with numpy and the diagnosis, without
running it twice: the report is the same as without this module.

The entry is written by a full grade (``remember``), and read only where the cache may
be (``cache.out_of_students_reach``), with the same checks as every entry: its HMAC,
the hash of every source it came from, and here also the names in the course's
``assignments`` folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache, registry
from . import course as courses
from .errors import GraderError
from .execute import Calls, Execution
from .passcheck import PlainExpected
from .plan import Plan, repeated
from .session import Grader
from .spec import Assignment, Case, Exercise


@dataclass(frozen=True)
class Quick:
    """What a passing grade needs: the choice (its assignment made from the entry), the
    plan, and the sandbox kind the entry was read for."""

    choice: registry.Choice
    plan: Plan
    kind: str


def _chosen_by(named: str | None, path: Path) -> str | None:
    if named is None:
        return f"name:{path.name}"
    return None if registry.is_path(named) else f"ref:{named}"


def prepare(named: str | None, path: Path, seed: int, kind: str) -> Quick | None:
    """The quick grade of ``path``, if the cache has a valid entry for it; else None."""
    chosen_by = _chosen_by(named, path)
    if chosen_by is None or registry.KIT:
        return None
    try:
        courses.grading([(path, None)])
        found = courses.find()
    except GraderError:
        return None  # the full path meets it again and says so
    if found is None:
        return None
    with cache.grading_in(kind):
        body = cache.read_quick(found.folder, chosen_by, seed)
    if body is None:
        return None
    try:
        spec, ref, reason = _assignment(body["assignment"])
        plan = _plan(spec, body["groups"])
    except (cache.Invalid, KeyError, TypeError, ValueError):
        return None
    if reason != (registry.NAMED if named else "the file name"):
        return None
    return Quick(registry.Choice(spec, ref, reason, found), plan, kind)


def _no_cases(seed: int) -> list[Case]:
    raise AssertionError("a quick plan is made from the cache, never from the seed")


def _number(value: Any) -> float:
    """A number as it was written (an int stays an int: reports show 10, not 10.0)."""
    if type(value) not in (int, float):
        raise cache.Invalid("not a number")
    return value  # type: ignore[no-any-return]


def _assignment(raw: dict[str, Any]) -> tuple[Assignment, str, str]:
    exercises = tuple(
        Exercise(
            str(n), _number(points), _number(rtol), _number(atol), parts=tuple(map(str, parts))
        )
        for n, points, rtol, atol, parts in raw["exercises"]
    )
    tips = {str(k): str(v) for k, v in dict(raw["tips"]).items()}
    spec = Assignment(
        name=str(raw["name"]), title=str(raw["title"]), exercises=exercises, reference={},
        make_cases=_no_cases, tips=tips, filename=str(raw["filename"]),
        packages=tuple(map(str, raw["packages"])),
    )  # fmt: skip
    return spec, str(raw["ref"]), str(raw["reason"])


def _plan(spec: Assignment, raw: list[Any]) -> Plan:
    groups: list[tuple[Exercise, list[Case], list[Any]]] = []
    calls = []
    if [g[0] for g in raw] != [e.name for e in spec.exercises]:
        raise cache.Invalid("the plan's exercises are not the assignment's")
    for exercise, (name, cases, expected) in zip(spec.exercises, raw, strict=True):
        if not isinstance(cases, list) or not isinstance(expected, list):
            raise cache.Invalid("bad group")
        if len(cases) != len(expected):
            raise cache.Invalid("cases and values differ in number")
        made = []
        for case in cases:
            visibility = case["visibility"]
            if visibility not in ("visible", "hidden") or not isinstance(case["args"], list):
                raise cache.Invalid("bad case")
            made.append(Case(str(case["name"]), name, (), visibility))
        values = [PlainExpected(cache.plain_value(v)) for v in expected]
        groups.append((exercise, made, values))
        wire = repeated([case["args"] for case in cases])  # sent as they were written
        batch = Calls(name, [()] * len(wire))
        batch.__dict__["wire"] = wire
        calls.append(batch)
    plan = Plan(spec, groups)
    plan.__dict__["calls"] = calls  # Plan.calls, made from the entry
    return plan


def same_cases(one: Plan, other: Plan) -> bool:
    """Whether two plans run the same calls in the same order (a replay is then valid)."""

    def names(plan: Plan) -> list[tuple[str, list[str]]]:
        return [(e.name, [c.name for c in cases]) for e, cases, _ in plan.groups]

    return names(one) == names(other) and [c.wire for c in one.calls] == [
        c.wire for c in other.calls
    ]


def replayable(grader: Grader) -> Execution | None:
    """What the quick run observed, with arrays made arrays, for the full judgement."""
    executed = grader.executed
    return None if executed is None else executed.with_arrays()


def remember(choice: registry.Choice, named: str | None, path: Path, seed: int,
             grader: Grader) -> None:  # fmt: skip
    """Keep the entry a later quick grade of this file reads, if this grade may (see
    ``cache.write_quick``) and its assignment can be judged plainly."""
    spec, found = choice.assignment, choice.course
    chosen_by = _chosen_by(named, path)
    plan = grader.made_plan(spec, seed)
    if found is None or chosen_by is None or plan is None or registry.KIT:
        return
    if spec.kit or spec.answers is not None or any(e.compare for e in spec.exercises):
        return
    if choice.reason != (registry.NAMED if named else "the file name"):
        return
    raw = {
        "name": spec.name, "title": spec.title, "ref": choice.ref, "reason": choice.reason,
        "exercises": [[e.name, e.points, e.rtol, e.atol, list(e.parts)] for e in spec.exercises],
        "tips": dict(spec.tips), "filename": spec.filename, "packages": list(spec.packages),
    }  # fmt: skip
    groups = [(e.name, cases, expected) for e, cases, expected in plan.groups]
    with cache.grading_in(grader.kind):
        cache.write_quick(found.folder, chosen_by, seed, raw, groups)
