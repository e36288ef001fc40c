"""Pure comparison of a returned value with the expected one, with explicit tolerances.

``compare`` returns a Verdict: whether the value passes, and one sentence that
says precisely what is wrong. With ``reveal=False`` (hidden tests) the sentence
says what was returned but never the expected values. It is total on whatever
the protocol accepts: empty and 8-axis arrays, -0.0, subnormals, 1e308, nan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .protocol import Returned

RTOL = 1e-5
ATOL = 1e-8
SHOWN_CHARS = 400  # numbers shown in a message; array2string summarises, but 8 axes add up


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str


def show(values: np.ndarray) -> str:
    """A short, readable rendering of numbers for a message."""
    if values.ndim == 0:
        return f"{float(values):.6g}"
    text = np.array2string(values, precision=6, separator=", ", threshold=12, edgeitems=3)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 4] + " ..."


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
    if got.shape is None:  # never from the protocol; a Returned built by hand may lack it
        return Verdict(False, f"{name} returned an array the grader could not read")
    if got.shape != expected.shape:
        if not reveal:
            return Verdict(False, f"{name} returned {shape_text(got.shape)}, "
                           "which is not the expected shape")  # fmt: skip
        return Verdict(False, f"{name} returned {shape_text(got.shape)}, "
                       f"expected {shape_text(expected.shape)}")  # fmt: skip
    if got.kind == "too_large" or got.values is None:
        return Verdict(False, f"{name} returned an array too large to check")
    values = got.values
    if values.shape != expected.shape:  # a Returned built by hand may disagree with itself
        return Verdict(False, f"{name} returned {shape_text(values.shape)}, "
                       "which is not the expected shape")  # fmt: skip
    # 1e308 against -1e308 overflows inside isclose: a warning, or an error under a
    # caller's np.seterr(all="raise"); neither may escape from a comparison.
    with np.errstate(all="ignore"):
        return _compare_values(values, expected, name=name, reveal=reveal, rtol=rtol, atol=atol)


def _compare_values(
    values: np.ndarray, expected: np.ndarray, *, name: str, reveal: bool, rtol: float, atol: float
) -> Verdict:
    """Values of the right shape: all finite, then close to the expected ones."""
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
