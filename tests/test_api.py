"""The student API: stubs and reference agree, and the reference gives the course's answers."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest

from exercises import forward as stubs
from solutions import forward as reference

FUNCTIONS = ["relu", "node_value", "hidden_layer", "forward", "softmax", "cross_entropy_loss"]


def public_functions(module: object) -> list[str]:
    return [
        n
        for n, f in inspect.getmembers(module, inspect.isfunction)
        if not n.startswith("_") and f.__module__ == module.__name__
    ]  # type: ignore[attr-defined]


def test_same_functions() -> None:
    assert sorted(public_functions(stubs)) == sorted(FUNCTIONS)
    assert sorted(public_functions(reference)) == sorted(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_same_signature_and_docstring(name: str) -> None:
    stub, ref = getattr(stubs, name), getattr(reference, name)
    assert inspect.signature(stub) == inspect.signature(ref)
    assert inspect.getdoc(stub) == inspect.getdoc(ref)
    assert len(inspect.getdoc(ref) or "") > 150, "the docstring should teach"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_stub_raises_not_implemented(name: str) -> None:
    params = inspect.signature(getattr(stubs, name)).parameters
    args = [None] * sum(p.default is inspect.Parameter.empty for p in params.values())
    with pytest.raises(NotImplementedError):
        getattr(stubs, name)(*args)


BANK = [[[1, -1], [1, 1]], [[2], [-1]]]
DEEP = [[[2, 4], [4, -5]], [[-1, 1], [2, 2]], [[2], [7]]]

COURSE_EXAMPLES = [
    ("relu(3)", lambda: reference.relu(3), 3),
    ("relu(-3)", lambda: reference.relu(-3), 0),
    ("bank top node", lambda: reference.node_value([2, 3], [1, 1]), 5),
    ("bank bottom node", lambda: reference.node_value([2, 3], [-1, 1]), 1),
    ("bank hidden layer", lambda: reference.hidden_layer([2, 3], BANK[0]), [5, 1]),
    ("deep first layer", lambda: reference.hidden_layer([3, 5], DEEP[0]), [26, 0]),
    ("bank network", lambda: reference.forward([2, 3], BANK), [9]),
    ("deep-ReLU network", lambda: reference.forward([3, 5], DEEP), [182]),
    (
        "many rows",
        lambda: reference.forward([[3, 5], [1, -1], [0, 0], [8, 4]], [DEEP[0], DEEP[2]]),
        [[52], [63], [0], [148]],
    ),
    ("stable softmax", lambda: reference.softmax([1000, 1000]), [0.5, 0.5]),
    ("stable loss", lambda: reference.cross_entropy_loss([[1000, 0]], [1]), 1000.0),
    ("uniform loss", lambda: reference.cross_entropy_loss([[0, 0]], [0]), math.log(2)),
]


@pytest.mark.parametrize(
    "call, expected",
    [(c, e) for _, c, e in COURSE_EXAMPLES],
    ids=[name for name, _, _ in COURSE_EXAMPLES],
)
def test_reference_gives_course_answers(call, expected) -> None:
    result = call()
    assert np.shape(result) == np.shape(expected)
    np.testing.assert_allclose(result, expected, rtol=1e-12)


def test_reference_keeps_scalars_scalar_and_inputs_unchanged() -> None:
    assert np.ndim(reference.relu(3)) == 0 and np.ndim(reference.relu(-2.5)) == 0
    x = np.array([[1.0, -2.0], [-3.0, 4.0]])
    reference.relu(x)
    assert x.tolist() == [[1.0, -2.0], [-3.0, 4.0]]
    assert isinstance(reference.node_value([1, 2], [3, 4], 0.5), float)
    assert isinstance(reference.cross_entropy_loss([[1, 2]], [0]), float)
