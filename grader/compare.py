"""Pure comparison of a returned value with the expected one, with explicit tolerances.

``compare`` returns a Verdict: whether the value passes, and one sentence that
says precisely what is wrong. With ``reveal=False`` (hidden tests) the sentence
says what was returned but never the expected values. It is total on whatever
the protocol accepts: empty and 8-axis arrays, -0.0, subnormals, 1e308, nan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .sandbox.protocol import Returned
from .text import clean

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
    expected: Any,
    got: Returned,
    *,
    name: str,
    reveal: bool,
    rtol: float = RTOL,
    atol: float = ATOL,
    parts: tuple[str, ...] = (),
    custom: Callable[[Any, Any], tuple[bool, str]] | None = None,
) -> Verdict:
    """Judge ``got`` against ``expected``, walking tuples, lists and dicts to their leaves.

    Leaves are numbers and arrays (exact shape, finite, close within the tolerances),
    strings, bools and None. ``parts`` names the items of a returned tuple in messages;
    ``custom`` replaces all of this with the exercise's own comparison.
    """
    if custom is not None:
        passed, message = custom(expected, plain(got))
        return Verdict(bool(passed), "passed" if passed else clean(f"{name}: {message}"))
    # 1e308 against -1e308 overflows inside isclose: a warning, or an error under a
    # caller's np.seterr(all="raise"); neither may escape from a comparison.
    with np.errstate(all="ignore"):
        return _walk(expected, got, _Where(name, "", parts), reveal=reveal, rtol=rtol, atol=atol)


@dataclass(frozen=True)
class _Where:
    """Where in the result a comparison is: the function, and the path to this item."""

    name: str
    path: str
    parts: tuple[str, ...] = ()

    @property
    def who(self) -> str:
        return f"{self.name} returned" if not self.path else f"{self.name}: {self.path} has"

    def item(self, index: int | str) -> _Where:
        if isinstance(index, int) and not self.path and index < len(self.parts):
            return _Where(self.name, self.parts[index])
        return _Where(self.name, f"{self.path}[{index!r}]" if self.path else f"item [{index!r}]")


def _walk(
    expected: Any, got: Returned, where: _Where, *, reveal: bool, rtol: float, atol: float
) -> Verdict:
    if isinstance(expected, np.ndarray):
        stacked = _as_array(got)
        listed = got.kind == "seq" and expected.ndim >= 1 and len(got.items) == expected.shape[0]
        # Inside a returned tuple, a part of two or more axes is most often a list of arrays
        # that crossed the boundary stacked: its items are compared one by one too.
        listed = listed or bool(
            where.path and got.kind == "array" and stacked.shape is not None
            and expected.ndim >= 2 and len(stacked.shape) >= 2
            and stacked.shape[0] == expected.shape[0]
        )  # fmt: skip
        if listed and stacked.shape != expected.shape:
            # A list of arrays read as one stacked array would be described stacked
            # ("shape (2, 1, 2), expected (2, 2)"): say which item differs instead.
            return _sequence(list(expected), got, where, reveal=reveal, rtol=rtol, atol=atol)
        return _numbers(expected, stacked, where, reveal=reveal, rtol=rtol, atol=atol)
    if isinstance(expected, (tuple, list)):
        return _sequence(expected, got, where, reveal=reveal, rtol=rtol, atol=atol)
    if isinstance(expected, dict):
        return _mapping(expected, got, where, reveal=reveal, rtol=rtol, atol=atol)
    value = plain(got)
    if type(value) is type(expected) and value == expected:
        return Verdict(True, "passed")
    shown = f", expected {expected!r}" if reveal else ""
    return Verdict(False, f"{where.who} {_describe(got)}{shown}")


def _describe(got: Returned) -> str:
    if got.kind == "str":
        return f"the text {clean(got.text, 60)!r}"
    if got.kind == "bool":
        return str(got.flag)
    if got.kind == "array" and got.shape is not None:
        return shape_text(got.shape)
    return f"a {got.type_name}"


def _sequence(
    expected: tuple[Any, ...] | list[Any], got: Returned, where: _Where, **how: Any
) -> Verdict:
    items = _as_items(got)
    what = "tuple" if isinstance(expected, tuple) else "list"
    if items is None:
        return Verdict(False, f"{where.who} {_describe(got)}, expected a {what} of "
                       f"{len(expected)} items")  # fmt: skip
    if len(items) != len(expected):
        return Verdict(False, f"{where.who} {len(items)} items, expected {len(expected)}")
    for index, (want, have) in enumerate(zip(expected, items, strict=True)):
        verdict = _walk(want, have, where.item(index), **how)
        if not verdict.passed:
            return verdict
    return Verdict(True, "passed")


def _mapping(expected: dict[str, Any], got: Returned, where: _Where, **how: Any) -> Verdict:
    if got.kind != "map":
        return Verdict(False, f"{where.who} {_describe(got)}, expected a dict")
    missing = sorted(set(expected) - set(got.keys))
    extra = sorted(set(got.keys) - set(expected))
    if missing or extra:
        said = [f"missing keys {missing}"] if missing else []
        said += [f"extra keys {extra}"] if extra else []
        return Verdict(False, f"{where.who} a dict with " + " and ".join(said))
    found = dict(zip(got.keys, got.items, strict=True))
    for key, want in expected.items():
        verdict = _walk(want, found[key], where.item(key), **how)
        if not verdict.passed:
            return verdict
    return Verdict(True, "passed")


def _as_items(got: Returned) -> tuple[Returned, ...] | None:
    """A returned sequence's items; an array's rows count as items (a list of equal arrays)."""
    if got.kind == "seq":
        return got.items
    if got.kind == "array" and got.values is not None and got.values.ndim >= 1:
        rows = got.values
        return tuple(Returned("array", "ndarray", shape=r.shape, values=r) for r in rows)
    return None


def _as_array(got: Returned) -> Returned:
    """Numbers where numbers are expected: a sequence of equal arrays is read as one array."""
    if got.kind == "bool":
        return Returned("array", got.type_name, shape=(), values=np.asarray(float(got.flag)))
    if got.kind != "seq":
        return got
    leaves = [_as_array(item) for item in got.items]
    if all(leaf.kind == "array" and leaf.values is not None for leaf in leaves):
        shapes = {leaf.values.shape for leaf in leaves if leaf.values is not None}
        if len(shapes) <= 1:
            stacked = np.array([leaf.values for leaf in leaves], dtype=np.float64)
            return Returned("array", got.type_name, shape=stacked.shape, values=stacked)
    return Returned("other", got.type_name, reason="items of different shapes or kinds")


def _numbers(
    expected: np.ndarray, got: Returned, where: _Where, *, reveal: bool, rtol: float, atol: float
) -> Verdict:
    """Judge numbers: exact shape, finite values, then closeness."""
    who = where.who
    if got.kind == "none":
        if not where.path:
            return Verdict(False, f"{where.name} returned None: is a `return` statement missing?")
        return Verdict(False, f"{who} None, not numbers")
    if got.kind in ("other", "str", "map"):
        why = f" ({got.reason})" if got.reason else ""
        return Verdict(False, f"{who} a {got.type_name}, not numbers{why}")
    if got.shape is None:  # never from the protocol; a Returned built by hand may lack it
        return Verdict(False, f"{who} an array the grader could not read")
    if got.shape != expected.shape:
        if not reveal:
            return Verdict(False, f"{who} {shape_text(got.shape)}, "
                           "which is not the expected shape")  # fmt: skip
        return Verdict(False, f"{who} {shape_text(got.shape)}, "
                       f"expected {shape_text(expected.shape)}")  # fmt: skip
    if got.kind == "too_large" or got.values is None:
        return Verdict(False, f"{who} an array too large to check")
    values = got.values
    if values.shape != expected.shape:  # a Returned built by hand may disagree with itself
        return Verdict(False, f"{who} {shape_text(values.shape)}, "
                       "which is not the expected shape")  # fmt: skip
    return _compare_values(values, expected, who=who, reveal=reveal, rtol=rtol, atol=atol)


def _compare_values(
    values: np.ndarray, expected: np.ndarray, *, who: str, reveal: bool, rtol: float, atol: float
) -> Verdict:
    """Values of the right shape: all finite, then close to the expected ones."""
    nan = np.isnan(values)
    if nan.any():
        return Verdict(False, f"{who} nan in {int(nan.sum())} of {values.size} value(s): 0/0 or "
                       "inf - inf, often after an overflow (exp of a large number?)")  # fmt: skip
    infinite = np.isinf(values)
    if infinite.any():
        return Verdict(False, f"{who} inf in {int(infinite.sum())} of {values.size} value(s): "
                       "log(0), a division by zero, or an overflow?")  # fmt: skip
    close = np.isclose(values, expected, rtol=rtol, atol=atol)
    if close.all():
        return Verdict(True, "passed")
    wrong = int((~close).sum())
    if not reveal:
        return Verdict(False, f"{who} wrong values in {wrong} of {values.size} "
                       "position(s)")  # fmt: skip
    return Verdict(False, f"{who} {show(values)}, expected {show(expected)}")


def normalize(value: Any) -> Any:
    """A trusted implementation's result as results cross the boundary: numbers as float64.

    The same reading as the harness's: anything numpy reads as a rectangular float
    array is one; other tuples and lists keep their items; dicts their keys.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return bool(value)  # a verdict, compared as one ("returned False, expected True")
    if isinstance(value, dict):
        return {str(k): normalize(v) for k, v in value.items()}
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        if isinstance(value, (list, tuple)):
            return type(value)(normalize(item) for item in value)
        raise


def plain(got: Returned) -> Any:
    """What the student returned, as plain data (arrays, text, tuples, lists, dicts)."""
    if got.kind == "array":
        return got.values
    if got.kind == "seq":
        items = [plain(item) for item in got.items]
        return tuple(items) if got.type_name == "tuple" else items
    if got.kind == "map":
        return {k: plain(v) for k, v in zip(got.keys, got.items, strict=True)}
    return {"str": got.text, "bool": got.flag, "none": None}.get(got.kind, got)


def close(a: Any, b: Any, rtol: float = RTOL, atol: float = ATOL) -> bool:
    """Whether two plain results are the same, nan equal to nan: for comparing behaviours."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)) or a.shape != b.shape:
            return False
        if a.dtype == b.dtype == _FLOAT64:
            return _allclose64(a, b, rtol, atol)
        with np.errstate(all="ignore"):
            return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(close(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k], rtol, atol) for k in a)
    return type(a) is type(b) and a == b


_FLOAT64 = np.dtype(np.float64)


def _allclose64(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    """``np.allclose(a, b, rtol, atol, equal_nan=True)`` for float64 arrays of one shape.

    The same formula as numpy's ``isclose``, without its wrappers' conversions (a diagnosis
    compares thousands of small arrays, where those are most of the time); the very same
    bits are close at once.
    """
    if a.tobytes() == b.tobytes():
        return True  # also nan against the same nan, inf against inf
    with np.errstate(all="ignore"):
        result = (np.abs(a - b) <= atol + rtol * np.abs(b)) & np.isfinite(b) | (a == b)
        if not result.all():
            result |= np.isnan(a) & np.isnan(b)
        return bool(result.all())
