"""Say how a function's results relate to the expected ones, with no catalogue of mistakes.

The student's function and the reference ran on the same cases (the student's in
the sandbox, the reference here); this module only compares what came back. Two
kinds of statement, each made only when it was observed:

* a relation between the values on every failed test: the transpose, a constant
  factor (m times too large, 1/n of the value, the sign flipped), rounded or cut
  to integers, negatives come back as 0, only the first example right, the right
  numbers in another shape, close but not equal;
* a property of the arguments that splits the passed tests from the failed ones:
  1-D against 2-D input, the number of rows, of columns or of layers, large
  values, exact zeros, an argument left out or zero.

A statement says what was seen; a question may suggest where to look, and only a
catalogued mistake (grader/diagnose.py) names a cause. Each statement has a stable
id (``IDS``) recorded in the report, so a benchmark can score it.

Modules: ``values`` (an observed call, a statement, comparing two values),
``arguments`` (lists read as arrays), ``items`` (results read item by item),
``relations`` and ``wording`` (how the values relate and how that is said), ``splits``
(properties of the arguments), ``ids`` (every id).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

from .arguments import list_form, read_as_arrays
from .ids import IDS
from .relations import (
    first_row_alone,
    one_item_short,
    one_shape_always,
    relations,
    returned_argument,
)
from .splits import properties, splits
from .values import Observation, Said

__all__ = [
    "IDS",
    "Observation",
    "Said",
    "behaviour_hints",
    "list_form",
    "parameter_names",
    "properties",
    "relations_only",
]


def behaviour_hints(
    observations: Sequence[Observation],
    parts: tuple[str, ...] = (),
    parameters: Sequence[str] = (),
    limit: int = 2,
) -> list[Said]:
    """What the student's results have in common where they fail, most specific first."""
    observations = read_as_arrays(observations)
    failed = [o for o in observations if not o.passed]
    if not failed:
        return []
    # A relation that holds on every failure tells the whole story; a split would add a
    # property that may only go with it.
    said = first_row_alone(observations) or one_item_short(observations, parts)
    said = said or returned_argument(observations, parameters)
    said = said or relations(failed, parts, parameters)
    said = said or one_shape_always(observations) or splits(observations, parameters)
    said.sort(key=lambda s: s.rank)
    return list({s.id + s.text: s for s in said}.values())[:limit]


def relations_only(observations: Sequence[Observation], parts: tuple[str, ...] = (),
                   parameters: Sequence[str] = ()) -> list[Said]:  # fmt: skip
    """The relations of the values alone (no split of the arguments), most specific first."""
    observations = read_as_arrays(observations)
    failed = [o for o in observations if not o.passed]
    said = first_row_alone(observations) or returned_argument(observations, parameters)
    said = said or relations(failed, parts, parameters)
    return sorted(said, key=lambda s: s.rank)


def parameter_names(function: Callable[..., Any] | None) -> tuple[str, ...]:
    """The reference's parameter names, to name an argument; () when there is none."""
    if function is None:
        return ()
    try:
        return tuple(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return ()
