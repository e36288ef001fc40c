"""Whether a result passes, judged on plain data without numpy: a passing grade's comparison.

compare.py judges a returned value with numpy and says what is wrong with it. A single
grade whose plan came from the cache (``quick``) has its expected values as plain data
(``PlainArray``: a shape and its float64 numbers, flat) and reads the student's results
as plain data too (``Returned.data``); ``passes`` says whether compare would say
"passed", with the same rules: the same walk through tuples, lists and dicts, a sequence
of equal arrays read as one array, exact shapes, no nan or inf, and numpy's ``isclose``
(``|x - y| <= atol + rtol * |y|`` with ``y`` finite, or ``x == y``) computed with the same
float64 operations in the same order. Anything else (a failure, a custom comparison) is
judged again by compare, on the same values made arrays, to say what is wrong.
tests/test_passcheck.py checks that both agree over a table of awkward values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .sandbox.protocol import Returned


@dataclass(frozen=True)
class PlainArray:
    """A float64 array as plain data: its shape and its numbers in C order."""

    shape: tuple[int, ...]
    data: tuple[float, ...]

    def rows(self) -> list[PlainArray]:
        """Its items along the first axis (``list(array)``)."""
        inner = self.shape[1:]
        size = math.prod(inner)
        return [PlainArray(inner, self.data[k * size : (k + 1) * size])
                for k in range(self.shape[0])]  # fmt: skip


@dataclass(frozen=True)
class PlainExpected:
    """An expected value from the cache, as plain data: judged by ``passes`` alone."""

    value: Any


class NotPlainPass(Exception):
    """A test did not plainly pass: the grade is judged again with numpy, to say why."""


def passes(expected: Any, got: Returned, *, rtol: float, atol: float) -> bool:
    """Whether compare.compare(expected, got) would pass: ``expected`` with PlainArray for
    its arrays, ``got`` with plain data (``Returned.data``) for its arrays."""
    if type(rtol) not in (float, int) or type(atol) not in (float, int):
        return False
    return _walk(expected, got, False, float(rtol), float(atol))


def _walk(expected: Any, got: Returned, nested: bool, rtol: float, atol: float) -> bool:
    if isinstance(expected, PlainArray):
        stacked = _as_array(got)
        ndim = len(expected.shape)
        listed = got.kind == "seq" and ndim >= 1 and len(got.items) == expected.shape[0]
        listed = listed or bool(
            nested and got.kind == "array" and stacked.shape is not None and ndim >= 2
            and len(stacked.shape) >= 2 and stacked.shape[0] == expected.shape[0]
        )  # fmt: skip
        if listed and stacked.shape != expected.shape:
            return _sequence(expected.rows(), got, rtol, atol)
        return _numbers(expected, stacked, rtol, atol)
    if isinstance(expected, (tuple, list)):
        return _sequence(list(expected), got, rtol, atol)
    if isinstance(expected, dict):
        return _mapping(expected, got, rtol, atol)
    if got.kind == "str":
        return type(expected) is str and got.text == expected
    if got.kind == "bool":
        return type(expected) is bool and got.flag == expected
    if got.kind == "none":
        return expected is None
    return False  # an array, a sequence or a map is never a plain leaf's type


def _sequence(expected: list[Any], got: Returned, rtol: float, atol: float) -> bool:
    items = _as_items(got)
    if items is None or len(items) != len(expected):
        return False
    return all(_walk(w, h, True, rtol, atol) for w, h in zip(expected, items, strict=True))


def _mapping(expected: dict[str, Any], got: Returned, rtol: float, atol: float) -> bool:
    if got.kind != "map" or set(expected) != set(got.keys):
        return False
    found = dict(zip(got.keys, got.items, strict=True))
    return all(_walk(want, found[key], True, rtol, atol) for key, want in expected.items())


def _as_items(got: Returned) -> tuple[Returned, ...] | None:
    if got.kind == "seq":
        return got.items
    if got.kind == "array" and got.data is not None and got.shape:
        rows = PlainArray(got.shape, got.data).rows()
        return tuple(Returned("array", "ndarray", shape=r.shape, data=r.data) for r in rows)
    return None


def _as_array(got: Returned) -> Returned:
    if got.kind == "bool":
        return Returned("array", got.type_name, shape=(), data=(float(got.flag),))
    if got.kind != "seq":
        return got
    leaves = [_as_array(item) for item in got.items]
    if all(leaf.kind == "array" and leaf.data is not None for leaf in leaves):
        shapes = {leaf.shape for leaf in leaves}
        if len(shapes) <= 1:
            inner = next(iter(shapes)) if shapes else ()
            data = tuple(x for leaf in leaves for x in leaf.data or ())
            return Returned("array", got.type_name, shape=(len(leaves), *(inner or ())),
                            data=data)  # fmt: skip
    return Returned("other", got.type_name, reason="items of different shapes or kinds")


def _numbers(expected: PlainArray, got: Returned, rtol: float, atol: float) -> bool:
    if got.kind != "array" or got.shape != expected.shape or got.data is None:
        return False
    if len(got.data) != len(expected.data):
        return False
    if not all(math.isfinite(x) for x in got.data):
        return False
    return all(
        (abs(x - y) <= atol + rtol * abs(y) and math.isfinite(y)) or x == y
        for x, y in zip(got.data, expected.data, strict=True)
    )
