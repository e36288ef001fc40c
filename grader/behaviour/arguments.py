"""Arguments as numpy reads them: a call written with Python lists, as a docstring does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .values import Observation, equal


def list_form(value: Any) -> bool:
    """A Python list of numbers (or of such lists): the form a docstring writes a call in."""
    return isinstance(value, list) and bool(value) and not isinstance(value[0], np.ndarray)


def _depth(value: Any) -> int:
    return 1 + _depth(value[0]) if isinstance(value, list) and value else 0


def _as_read(value: Any) -> Any:
    """A list argument read as numpy reads it: an array (whole numbers stay integers, as
    labels are), or a network's layers (a list of matrices) as a list of arrays."""
    if not list_form(value):
        return value
    try:
        if _depth(value) >= 3:
            return [np.asarray(v) for v in value]
        return np.asarray(value)
    except (TypeError, ValueError):
        return value


def read_as_arrays(observations: Sequence[Observation]) -> list[Observation]:
    """The calls with their list arguments read as arrays, so that a call written as a
    docstring writes it has the dimension, rows and labels its arrays would have; such a
    call of a worked example's values is that worked example (its passing proves as little)."""
    read = [replace(o, args=tuple(_as_read(a) for a in o.args)) for o in observations]
    examples = [o.args for o in read if o.example]
    return [replace(o, example=True) if not o.example and any(_same(o.args, e) for e in examples)
            else o for o in read]  # fmt: skip


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """The same values, whatever their number types (a list of ints, an array of floats)."""
    try:
        return len(a) == len(b) and all(
            equal(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            if not isinstance(x, (list, tuple)) or list_form(x) else equal(x, y)
            for x, y in zip(a, b, strict=True)
        )  # fmt: skip
    except (TypeError, ValueError):
        return False
