"""One observed call, one statement, and how two values are compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

LARGE = 100.0  # values at least this large make exp overflow-prone (exp(710) is inf)


RTOL, ATOL = 1e-5, 1e-8  # the comparison's default tolerances


@dataclass(frozen=True)
class Said:
    """One observed statement: its id, its words, and how specific it is (lower: first)."""

    id: str
    text: str
    rank: int


@dataclass(frozen=True)
class Observation:
    """One call: its arguments, the expected result, and what the student's function did."""

    args: tuple[Any, ...]
    expected: Any
    values: Any  # None when it raised or returned nothing readable
    raised: bool
    passed: bool
    example: bool = False  # a worked example: its round values prove little when it passes


def equal(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return a.shape == b.shape and bool(np.array_equal(a, b))
    return type(a) is type(b) and bool(a == b)


def close_to(e: Any, g: Any) -> bool:
    if isinstance(e, np.ndarray) and isinstance(g, np.ndarray):
        if e.shape != g.shape:
            return False
        with np.errstate(all="ignore"):
            return bool(np.allclose(g, e, rtol=RTOL, atol=ATOL))
    try:
        return bool(e == g)
    except ValueError:
        return False


def matches(e: np.ndarray, g: Any) -> bool:
    """g has e's shape and values (finite, within tolerance)."""
    if not isinstance(g, np.ndarray) or g.shape != e.shape:
        return False
    with np.errstate(all="ignore"):
        return bool(np.all(np.isfinite(g))) and bool(np.allclose(g, e, rtol=RTOL, atol=ATOL))


def first_array(args: tuple[Any, ...]) -> np.ndarray | None:
    for a in args:
        if isinstance(a, np.ndarray) and a.dtype.kind in "fiu":  # whole numbers: a list's
            return a
    return None


def non_finite(values: Any) -> bool:
    if isinstance(values, np.ndarray):
        with np.errstate(all="ignore"):
            return not bool(np.all(np.isfinite(values)))
    if isinstance(values, (list, tuple)):
        return any(non_finite(v) for v in values)
    if isinstance(values, dict):
        return any(non_finite(v) for v in values.values())
    return False


def shape_words(shape: tuple[int, ...]) -> str:
    return "a single number" if shape == () else f"shape {shape}"


def argument_name(parameters: Sequence[str], k: int) -> str:
    """The reference's name for argument ``k`` (0-based), else "argument k+1"."""
    return parameters[k] if k < len(parameters) else f"argument {k + 1}"
