"""passcheck.passes (plain data, no numpy) says "passed" exactly where compare.compare does.

A quick grade (grader/quick.py) judges a passing submission with passcheck and writes its
report from that alone; anything passcheck does not pass is judged again by compare. So
passcheck must never pass what compare fails, and should pass what compare passes. Both
are given the same value as the wire carries it (parsed with and without ``plain``) and
the same expected value (as the reference's result, and as the cache keeps it).
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

import numpy as np
import pytest

from grader import cache
from grader.compare import compare, normalize
from grader.passcheck import PlainArray, passes
from grader.sandbox.protocol import CallEvent, Returned, encode_arg, parse_event, with_arrays

MAX_VALUES = 1_000_000


def array(shape: list[int], data: list[Any], type_name: str = "ndarray") -> dict[str, Any]:
    return {"kind": "array", "type": type_name, "shape": shape, "data": data}


def seq(*items: dict[str, Any], type_name: str = "list") -> dict[str, Any]:
    return {"kind": "seq", "type": type_name, "items": list(items)}


def mapping(pairs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"kind": "map", "type": "dict", "keys": list(pairs), "items": list(pairs.values())}


def num(x: float) -> dict[str, Any]:
    return array([], [x], "float")


BOOL_T = {"kind": "bool", "type": "bool", "v": True}
BOOL_F = {"kind": "bool", "type": "bool", "v": False}
NONE = {"kind": "none", "type": "NoneType"}
TEXT = {"kind": "str", "type": "str", "text": "relu"}
OTHER = {"kind": "other", "type": "set", "reason": "not sendable"}
TOO_LARGE = {"kind": "too_large", "type": "ndarray", "shape": [10**7]}

EDGE = 1.0 + 1e-5 + 1e-8  # |x - 1| = atol + rtol * 1, give or take the last bit
BIG = 2**63

# (expected, as the reference returns it; returned, as the harness sends it)
TABLE: list[tuple[Any, dict[str, Any]]] = [
    (3.0, num(3.0)),
    (3.0, num(3)),
    (3, num(3.0)),
    (0.0, num(-0.0)),
    (-0.0, num(0.0)),
    (1.0, num(math.nan)),
    (1.0, num(math.inf)),
    (1.0, num(-math.inf)),
    (math.inf, num(math.inf)),
    (math.inf, num(1e308)),
    (math.nan, num(math.nan)),
    (math.nan, num(0.0)),
    (-math.inf, num(-1e308)),
    (1e308, num(-1e308)),
    (-1e308, num(1e308)),
    (1e308, num(1e308)),
    (5e-324, num(0.0)),
    (0.0, num(1e-8)),
    (0.0, num(1.0000001e-8)),
    (0.0, num(-1e-8)),
    (1.0, num(EDGE)),
    (1.0, num(math.nextafter(EDGE, 2.0))),
    (1.0, num(math.nextafter(EDGE, 0.0))),
    (1.0, num(2.0 - EDGE)),
    (-1.0, num(-EDGE)),
    (1e10, num(1e10 + 1e5)),
    (1e10, num(1e10 + 1.1e5)),
    (float(BIG), num(BIG)),
    (float(BIG), num(BIG - 1)),
    (1.0, BOOL_T),
    (0.0, BOOL_F),
    (2.0, BOOL_T),
    (True, BOOL_T),
    (True, BOOL_F),
    (False, num(0.0)),
    (True, num(1.0)),
    (None, NONE),
    (None, num(0.0)),
    (1.0, NONE),
    ("relu", TEXT),
    ("other", TEXT),
    ("relu", NONE),
    (1.0, TEXT),
    (1.0, OTHER),
    (1.0, TOO_LARGE),
    ([1.0] * 10**7, TOO_LARGE),
    (np.zeros(0), array([0], [])),
    (np.zeros((0, 3)), array([0, 3], [])),
    (np.zeros((0, 3)), array([3, 0], [])),
    (np.zeros((0, 3)), seq()),
    (np.zeros(0), seq()),
    ([1.0, 2.0], array([2], [1.0, 2.0])),
    ([1.0, 2.0], array([1, 2], [1.0, 2.0])),
    ([1.0, 2.0], array([2, 1], [1.0, 2.0])),
    ([1.0, 2.0], seq(num(1.0), num(2.0))),
    ([1.0, 2.0], seq(num(1.0), num(2.0), type_name="tuple")),
    ([1.0, 2.0], seq(num(1.0), BOOL_T)),
    ([1.0, 1.0], seq(num(1.0), BOOL_T)),
    ([1.0, 2.0], seq(num(1.0), TEXT)),
    ([1.0, 2.0], seq(num(1.0), num(2.0), num(3.0))),
    ([[1.0, 2.0], [3.0, 4.0]], seq(array([2], [1.0, 2.0]), array([2], [3.0, 4.0]))),
    ([[1.0, 2.0], [3.0, 4.0]], seq(array([2], [1.0, 2.0]), array([3], [3.0, 4.0, 5.0]))),
    ([[1.0, 2.0], [3.0, 4.0]], seq(seq(num(1.0), num(2.0)), array([2], [3.0, 4.0]))),
    ([[1.0, 2.0], [3.0, 4.0]], array([2, 2], [1.0, 2.0, 3.0, 4.0])),
    ([[1.0, 2.0], [3.0, 4.0]], array([4], [1.0, 2.0, 3.0, 4.0])),
    ([[1.0, 2.0], [3.0, 4.0]], array([2, 2], [1.0, 2.0, 3.0, math.nan])),
    ([[1.0, 2.0], [3.0]], seq(array([2], [1.0, 2.0]), array([1], [3.0]))),
    ([[1.0, 2.0], [3.0]], seq(array([2], [1.0, 2.0]), num(3.0))),
    ([[1.0, 2.0], [3.0]], seq(array([2], [1.0, 2.0]), array([1], [3.1]))),
    ([[1.0, 2.0], [3.0]], array([2, 1], [1.0, 2.0])),
    ((np.ones((2, 2)), np.zeros(2)), seq(array([2, 2], [1.0] * 4), array([2], [0.0, 0.0]))),
    (
        (np.ones((2, 2)), np.zeros(2)),
        seq(array([2, 2], [1.0] * 4), array([2], [0.0, 0.0]), type_name="tuple"),
    ),
    ((np.ones((2, 2)), np.zeros(2)), seq(array([2, 2], [1.0] * 4))),
    ((np.ones((2, 2)), np.zeros(2)), seq(array([4], [1.0] * 4), array([2], [0.0, 0.0]))),
    ((np.ones((2, 2)), np.zeros(2)), array([2, 2], [1.0] * 4)),
    (([np.ones((2, 2)), np.ones((2, 3))],), seq(array([2, 2, 2], [1.0] * 8))),
    (([np.ones((2, 2)), np.ones((2, 2))],), seq(array([2, 2, 2], [1.0] * 8))),
    (
        ([np.ones((2, 2)), np.ones((2, 2))],),
        seq(seq(array([2, 2], [1.0] * 4), array([2, 2], [1.0] * 4))),
    ),
    ((np.ones((2, 2, 2)),), seq(seq(array([2, 2], [1.0] * 4), array([2, 2], [1.0] * 4)))),
    ((np.ones((2, 2, 2)),), seq(array([2, 4], [1.0] * 8))),
    ((np.ones((2, 3)),), seq(seq(array([3], [1.0] * 3), array([3], [1.0] * 3)))),
    ({"a": 1.0, "b": [2.0]}, mapping({"a": num(1.0), "b": array([1], [2.0])})),
    ({"a": 1.0, "b": [2.0]}, mapping({"b": array([1], [2.0]), "a": num(1.0)})),
    ({"a": 1.0, "b": [2.0]}, mapping({"a": num(1.0)})),
    ({"a": 1.0}, mapping({"a": num(1.0), "b": num(2.0)})),
    ({"a": 1.0}, mapping({"a": num(1.1)})),
    ({"a": 1.0}, seq(num(1.0))),
    ({"a": None, "b": "x"}, mapping({"a": NONE, "b": {**TEXT, "text": "x"}})),
    ([None, True], seq(NONE, BOOL_T)),
    ([None, True], seq(NONE, num(1.0))),
    ({}, mapping({})),
    ([], seq()),
    ((), seq(type_name="tuple")),
    ([], array([0], [])),
    (1.0, seq(num(1.0))),
    ([1.0], num(1.0)),
]


def verdicts(expected: Any, sent: dict[str, Any], rtol: float = 1e-5,
             atol: float = 1e-8) -> tuple[bool, bool]:  # fmt: skip
    """(compare's verdict, passcheck's) on ``sent`` as each reads it."""
    line = json.dumps({"ev": "call", "ex": 0, "case": 0, "status": "returned", "value": sent,
                       "error": "", "traceback": [], "mutated": [], "duration_s": 0.0})  # fmt: skip
    full = parse_event(line.encode(), max_values=MAX_VALUES)
    quick = parse_event(line.encode(), max_values=MAX_VALUES, plain=True)
    assert isinstance(full, CallEvent) and isinstance(quick, CallEvent)
    assert full.value is not None and quick.value is not None
    want = normalize(expected)
    numpy_says = compare(want, full.value, name="f", reveal=True, rtol=rtol, atol=atol).passed
    plain = cache.plain_value(json.loads(json.dumps(encode_arg(want), allow_nan=True)))
    return numpy_says, passes(plain, quick.value, rtol=rtol, atol=atol)


@pytest.mark.parametrize(("expected", "sent"), TABLE)
def test_the_same_verdict(expected: Any, sent: dict[str, Any]) -> None:
    numpy_says, plain_says = verdicts(expected, sent)
    assert plain_says == numpy_says


@pytest.mark.parametrize(("rtol", "atol"), [(0.0, 0.0), (1e-3, 0.0), (0.0, 1e-3), (0.5, 2.0)])
def test_the_same_verdict_with_other_tolerances(rtol: float, atol: float) -> None:
    for expected, sent in TABLE:
        assert verdicts(expected, sent, rtol, atol)[1] == verdicts(expected, sent, rtol, atol)[0]


def test_the_table_has_both_verdicts() -> None:
    said = [verdicts(e, s)[0] for e, s in TABLE]
    assert said.count(True) >= 25 and said.count(False) >= 40


def test_random_values_near_the_tolerance() -> None:
    """Numbers a last bit either side of the tolerance, of every size: the same verdict."""
    rng = random.Random(19)
    for _ in range(3000):
        y = rng.choice([0.0, 1.0, -1.0]) * 10 ** rng.uniform(-12, 300)
        bound = 1e-8 + 1e-5 * abs(y)
        x = y + rng.choice([-1, 1]) * bound * rng.choice([1.0, 1 + 1e-16, 1 - 1e-16, 0.5, 2.0])
        x = rng.choice([x, math.nextafter(x, math.inf), math.nextafter(x, -math.inf)])
        numpy_says, plain_says = verdicts([y, 1.0], array([2], [x, 1.0]))
        assert plain_says == numpy_says, (x, y)


def test_with_arrays_is_the_full_reading() -> None:
    """A plainly read value made arrays is what the full reading gives."""
    for _, sent in TABLE:
        line = json.dumps({"ev": "call", "ex": 0, "case": 0, "status": "returned",
                           "value": sent, "duration_s": 0.0, "mutated": []})  # fmt: skip
        full = parse_event(line.encode(), max_values=MAX_VALUES)
        quick = parse_event(line.encode(), max_values=MAX_VALUES, plain=True)
        assert isinstance(full, CallEvent) and isinstance(quick, CallEvent)
        assert full.value is not None and quick.value is not None
        assert same(with_arrays(quick.value), full.value)


def same(a: Returned, b: Returned) -> bool:
    if a.values is not None or b.values is not None:
        if a.values is None or b.values is None or a.values.dtype != b.values.dtype:
            return False
        if not np.array_equal(a.values, b.values, equal_nan=True):
            return False
    a_rest = (a.kind, a.type_name, a.shape, a.reason, a.keys, a.text, a.flag, a.data)
    b_rest = (b.kind, b.type_name, b.shape, b.reason, b.keys, b.text, b.flag, b.data)
    return (
        a_rest == b_rest
        and len(a.items) == len(b.items)
        and all(same(x, y) for x, y in zip(a.items, b.items, strict=True))
    )


def test_plain_values_keep_only_float64_arrays() -> None:
    assert cache.plain_value(encode_arg(np.array([1.5, 2.0]))) == PlainArray((2,), (1.5, 2.0))
    with pytest.raises(cache.Invalid):
        cache.plain_value(encode_arg(np.array([1, 2], dtype=np.int64)))
