"""The student kit: an assignment's grading without its answers, as data.

``grade release`` writes a folder that a student installs with ``pip install DIR``:
the stubs, the notebook, a README, the engine, and the assignment as *data*: the
worked examples and a set of practice cases (from a public practice seed), their
expected values, and every known mistake's behaviour on them, all computed here from
the reference by the instructor. Nothing in the kit computes an answer: there is no
reference and no wrong implementation in it, under any name.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np

from .compare import normalize
from .diagnose import Behaviour, candidates, simulate_all
from .errors import UsageError
from .sandbox.protocol import encode_arg
from .spec import Assignment, Case, Exercise, Mistake

FORMAT = 1
PRACTICE_SEED = 1  # public: grading seeds must differ (bundles draw theirs at random)
SEED_IS_FOR_INSTRUCTORS = (
    "--seed and --show-hidden are for instructors: this kit grades the course's worked "
    "examples and its practice cases only"
)


def precompute(spec: Assignment, seed: int = PRACTICE_SEED) -> dict[str, Any]:
    """Everything a kit needs to grade ``spec`` at ``seed``, as plain JSON data."""
    if any(e.compare is not None for e in spec.exercises):
        raise UsageError("an exercise with its own comparison cannot go into a student kit")
    cases = spec.make_cases(seed)
    data: dict[str, Any] = {
        "format": FORMAT,
        "seed": seed,
        "name": spec.name,
        "title": spec.title,
        "filename": spec.submission_name,
        "packages": list(spec.packages),
        "exercises": [
            {
                "name": e.name,
                "points": e.points,
                "rtol": e.rtol,
                "atol": e.atol,
                "parts": list(e.parts),
            }
            for e in spec.exercises
        ],
        "tips": dict(spec.tips),
        "calls": {k: list(v) for k, v in spec.calls.items()},
        "mistakes": [{"id": m.name, "exercise": m.exercise, "hint": m.hint} for m in spec.mistakes],
        "cases": [
            {
                "name": c.name,
                "exercise": c.exercise,
                "visibility": c.visibility,
                "args": [encode_arg(a) for a in c.args],
            }
            for c in cases
        ],
        "expected": [encode_arg(normalize(spec.reference[c.exercise](*c.args))) for c in cases],
        "behaviours": _behaviours(spec, cases),
    }
    return data


def _behaviours(spec: Assignment, cases: list[Case]) -> dict[str, list[dict[str, Any]]]:
    """Every combination the diagnosis may try, simulated on its exercise's cases."""
    table: dict[str, list[dict[str, Any]]] = {}
    for exercise in spec.exercises:
        mine = [c for c in cases if c.exercise == exercise.name]
        for combination in _combinations(spec, exercise):
            if len(combination) == 1 and combination[0].exercise == exercise.name:
                implementation = combination[0].implementation
            elif spec.combine is not None:
                combined = spec.combine(exercise.name, combination)
                if combined is None:
                    continue  # not modelled: names nothing, needs no row
                implementation = combined
            else:
                continue
            key = _key(exercise.name, tuple(m.name for m in combination))
            table[key] = [_encode_behaviour(b) for b in simulate_all(implementation, mine)]
    return table


def _combinations(spec: Assignment, exercise: Exercise) -> list[tuple[Mistake, ...]]:
    """What diagnose.candidates can ask for, whatever was found for the callees."""
    from .diagnose import Explanation

    callees = spec.calls.get(exercise.name, ())
    found = {
        name: Explanation(tuple(m for m in spec.mistakes if m.exercise == name)) for name in callees
    }
    return candidates(exercise.name, spec.mistakes, found, callees, spec.combine is not None)


def _key(exercise: str, ids: tuple[str, ...]) -> str:
    return "|".join((exercise, *ids))


def _encode_behaviour(behaviour: Behaviour) -> dict[str, Any]:
    values = None if behaviour.values is None else encode_arg(behaviour.values)
    return {"values": values, "raised": behaviour.raised, "mutated": behaviour.mutated}


def decode(value: dict[str, Any]) -> Any:
    """A value written by ``encode_arg``, rebuilt (the kit's own data, not a student's)."""
    tag = value["t"]
    if tag == "array":
        dtype = {"float64": np.float64, "int64": np.int64, "bool": np.bool_}[value["dtype"]]
        return np.asarray(value["data"], dtype=dtype).reshape(value["shape"])
    if tag in ("list", "tuple"):
        items = [decode(item) for item in value["items"]]
        return tuple(items) if tag == "tuple" else items
    if tag == "dict":
        return {k: decode(v) for k, v in value["items"]}
    return None if tag == "none" else value["v"]


def assignment_from(data: dict[str, Any]) -> Assignment:
    """The kit's Assignment: cases, answers and mistakes' behaviours from ``data`` alone."""
    if data.get("format") != FORMAT:
        raise UsageError("this kit's data was written by another version of the grader")
    cases = [
        Case(c["name"], c["exercise"], tuple(decode(a) for a in c["args"]), c["visibility"])
        for c in data["cases"]
    ]
    answers = {c.name: decode(e) for c, e in zip(cases, data["expected"], strict=True)}
    # Behaviours are stored in the order of each exercise's cases; looked up by case name,
    # so that check() (visible cases only) or any other subset finds its own.
    names = {
        e["name"]: [c.name for c in cases if c.exercise == e["name"]] for e in data["exercises"]
    }
    behaviours = {
        key: dict(zip(names[key.split("|")[0]], map(_decode_behaviour, items), strict=True))
        for key, items in data["behaviours"].items()
    }
    seed = data["seed"]

    def make_cases(asked: int) -> list[Case]:
        if asked not in (0, seed):  # 0: the command's default, when no seed was asked for
            raise UsageError(SEED_IS_FOR_INSTRUCTORS)
        return list(cases)

    def known(exercise: str, ids: tuple[str, ...], asked: list[Case]) -> list[Any] | None:
        table = behaviours.get(_key(exercise, ids))
        return None if table is None else [table[c.name] for c in asked]

    mistakes = tuple(
        Mistake(m["exercise"], _no_implementation, m["hint"], m["id"]) for m in data["mistakes"]
    )
    return Assignment(
        name=data["name"],
        title=data["title"],
        exercises=tuple(
            Exercise(e["name"], e["points"], e["rtol"], e["atol"], parts=tuple(e["parts"]))
            for e in data["exercises"]
        ),
        reference={},
        make_cases=make_cases,
        tips=data["tips"],
        mistakes=mistakes,
        combine=_no_combination if data["behaviours"] else None,
        calls={k: tuple(v) for k, v in data["calls"].items()},
        filename=data["filename"],
        packages=tuple(data["packages"]),
        answers=lambda case: answers[case.name],
        known_behaviours=known,
        kit=True,
    )


def _decode_behaviour(item: dict[str, Any]) -> Behaviour:
    values = None if item["values"] is None else normalize(decode(item["values"]))
    return Behaviour(values=values, raised=item["raised"], mutated=item["mutated"])


def _no_implementation(*args: Any) -> Any:
    raise UsageError("a student kit holds no implementations: behaviours come as data")


def _no_combination(exercise: str, mistakes: tuple[Mistake, ...]) -> Callable[..., Any]:
    return _no_implementation


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"), allow_nan=True) + "\n"
