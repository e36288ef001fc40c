"""The comparator, as a table: what passes, what fails, and the exact message."""

from __future__ import annotations

import numpy as np
import pytest

from grader.compare import compare
from grader.sandbox.protocol import Returned


def got(values: object) -> Returned:
    array = np.asarray(values, dtype=float)
    return Returned("array", type(values).__name__, array.shape, array)


CASES = [
    # id, expected, returned, reveal, passes, message
    ("list_right_values", [5.0, 1.0], got([5, 1]), True, True, "passed"),
    ("within_rtol", [1000.0], got([1000.001]), True, True, "passed"),
    ("outside_rtol", [1000.0], got([1000.1]), True, False, "f returned [1000.1], expected [1000.]"),
    ("atol_near_zero", 0.0, got(1e-9), True, True, "passed"),
    ("number_as_0d", 9.0, got(np.float64(9)), True, True, "passed"),
    (
        "number_as_list",
        9.0,
        got([9.0]),
        True,
        False,
        "f returned shape (1,), expected a single number",
    ),
    (
        "shape_visible",
        [[9.0]] * 3,
        got([9.0, 9.0, 9.0]),
        True,
        False,
        "f returned shape (3,), expected shape (3, 1)",
    ),
    (
        "shape_hidden",
        [[9.0]] * 3,
        got([9.0, 9.0, 9.0]),
        False,
        False,
        "f returned shape (3,), which is not the expected shape",
    ),
    (
        "values_hidden",
        [1.0, 2.0],
        got([1.0, 3.0]),
        False,
        False,
        "f returned wrong values in 1 of 2 position(s)",
    ),
    (
        "nan",
        [0.5, 0.5],
        got([np.nan, np.nan]),
        True,
        False,
        "f returned nan in 2 of 2 value(s): 0/0 or inf - inf, often after an overflow (exp of a "
        "large number?)",
    ),
    (
        "none",
        1.0,
        Returned("none", "NoneType"),
        True,
        False,
        "f returned None: is a `return` statement missing?",
    ),
    ("str", 1.0, Returned("other", "str"), True, False, "f returned a str, not numbers"),
    (
        "too_large",
        [1.0],
        Returned("too_large", "ndarray", shape=(10**8,)),
        True,
        False,
        "f returned shape (100000000,), expected shape (1,)",
    ),
]


@pytest.mark.parametrize(
    "expected, returned, reveal, passes, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_compare(expected, returned, reveal, passes, message) -> None:
    verdict = compare(np.asarray(expected, dtype=float), returned, name="f", reveal=reveal)
    assert (verdict.passed, verdict.message) == (passes, message)


def test_hidden_messages_never_show_expected_values() -> None:
    expected = np.array([123.456, 789.0])
    for returned in (got([1.0, 2.0]), got([1.0]), got([np.inf, 0.0])):
        message = compare(expected, returned, name="f", reveal=False).message
        assert "123.456" not in message and "789" not in message


@pytest.mark.parametrize(
    "values",
    [
        np.zeros((0,)),
        np.zeros((0, 3)),
        np.zeros((3, 0, 2)),
        np.ones((1,) * 8),
        np.ones((2,) * 8),
        np.array([-0.0, 5e-324, 1e308, -1e308]),
        np.array([np.nan, np.inf, -np.inf]),
        np.array(1e308),
    ],
    ids=lambda v: f"shape{v.shape}",
)
def test_compare_is_total_on_edge_values(values: np.ndarray) -> None:
    """Whatever the protocol accepts is judged, against any expected shape, even under raise."""
    returned = Returned("array", "ndarray", values.shape, values)
    with np.errstate(all="raise"):
        for expected in (np.zeros(values.shape), -np.full(values.shape, 1e308), np.array(0.0)):
            for reveal in (True, False):
                verdict = compare(expected, returned, name="f", reveal=reveal)
                assert verdict.message and len(verdict.message) < 1000


def test_empty_arrays_of_the_right_shape_pass() -> None:
    assert compare(np.zeros((0, 3)), got(np.zeros((0, 3))), name="f", reveal=True).passed


def test_negative_zero_and_subnormals_equal_zero() -> None:
    assert compare(np.zeros(2), got([-0.0, 5e-324]), name="f", reveal=True).passed


def test_a_returned_value_that_disagrees_with_its_shape_is_refused() -> None:
    odd = Returned("array", "ndarray", (2,), np.zeros(3))
    assert not compare(np.zeros(2), odd, name="f", reveal=True).passed


_EDGES = [0.0, -0.0, 1.0, 1.0 + 1e-6, 1.0 + 2e-5, 1e-9, -1e-9, 1e-8, 2e-8, np.nan, -np.nan,
          np.inf, -np.inf, 1e308, -1e308, 5e-324, np.finfo(float).max]  # fmt: skip


@pytest.mark.parametrize("tolerances", [(1e-5, 1e-8), (0.0, 0.0), (1e-3, 1e-6)])
def test_behaviours_compare_as_numpy_allclose_does(tolerances: tuple[float, float]) -> None:
    """compare.close (diagnosis: simulated against observed) has its own float64 path; it
    must say what np.allclose(equal_nan=True) says, on every pair of edge values and on
    arrays where one item differs."""
    from grader.compare import close

    rtol, atol = tolerances
    rng = np.random.default_rng(7)
    pairs = [(np.array([x]), np.array([y])) for x in _EDGES for y in _EDGES]
    for _ in range(500):
        a = rng.choice(np.array([*_EDGES, *rng.uniform(-2, 2, 5)]), size=(rng.integers(0, 4), 3))
        b = a.copy()
        if b.size:
            b.flat[rng.integers(b.size)] = rng.choice(np.array([*_EDGES, float(a.flat[0]) * 1.1]))
        pairs.append((a, b))
    for a, b in pairs:
        with np.errstate(all="ignore"):
            expected = bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True))
        assert close(a, b, rtol, atol) is expected, (a, b)
