"""Pure comparison of a returned value with the expected one, with explicit tolerances.

``compare`` returns a Verdict: whether the value passes, and one sentence that
says precisely what is wrong. With ``reveal=False`` (hidden tests) the sentence
says what was returned but never the expected values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .protocol import Returned

RTOL = 1e-5
ATOL = 1e-8


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str


def show(values: np.ndarray) -> str:
    """A short, readable rendering of numbers for a message."""
    if values.ndim == 0:
        return f"{float(values):.6g}"
    return np.array2string(values, precision=6, separator=", ", threshold=12, edgeitems=3)


def shape_text(shape: tuple[int, ...]) -> str:
    return "a single number" if shape == () else f"shape {shape}"


def compare(
    expected: np.ndarray,
    got: Returned,
    *,
    name: str,
    reveal: bool,
    rtol: float = RTOL,
    atol: float = ATOL,
) -> Verdict:
    """Judge ``got`` against ``expected``: exact shape, finite values, then closeness."""
    if got.kind == "none":
        return Verdict(False, f"{name} returned None: is a `return` statement missing?")
    if got.kind == "other":
        why = f" ({got.reason})" if got.reason else ""
        return Verdict(False, f"{name} returned a {got.type_name}, not numbers{why}")
    assert got.shape is not None
    if got.shape != expected.shape:
        if not reveal:
            return Verdict(False, f"{name} returned {shape_text(got.shape)}, "
                           "which is not the expected shape")  # fmt: skip
        return Verdict(False, f"{name} returned {shape_text(got.shape)}, "
                       f"expected {shape_text(expected.shape)}")  # fmt: skip
    if got.kind == "too_large" or got.values is None:
        return Verdict(False, f"{name} returned an array too large to check")
    values = got.values
    finite = np.isfinite(values)
    if not finite.all():
        bad = int((~finite).sum())
        return Verdict(False, f"{name} returned nan or inf in {bad} of {values.size} value(s): "
                       "an overflow (exp of a large number?) or a division by zero?")  # fmt: skip
    close = np.isclose(values, expected, rtol=rtol, atol=atol)
    if close.all():
        return Verdict(True, "passed")
    wrong = int((~close).sum())
    if not reveal:
        return Verdict(False, f"{name} returned wrong values in {wrong} of {values.size} "
                       "position(s)")  # fmt: skip
    return Verdict(False, f"{name} returned {show(values)}, expected {show(expected)}")
