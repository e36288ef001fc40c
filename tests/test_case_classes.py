"""The hidden cases catch each class of weakness at every seed (issue 18: every score right).

A table: for each class (an argument form the spec allows, a boundary value, a numeric
range, a label set, a write into an argument), a buggy function written the way
students write it loses points at every seed, and functions that are right in other
ways (the reference, other orders of summation, other stable formulas) lose none.

Calls are judged in-process as the sandbox hands arguments over (arrays in read-only
memory, lists that refuse writes: grader/sandbox/harness.py) and compared as the grader
compares (grader/compare.py), so a class caught here is caught in a grading; one grading
per assignment in the sandbox checks that end to end.
"""

from __future__ import annotations

import importlib
import math
import sys
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from grader import registry
from grader.compare import compare, normalize
from grader.plan import expected_values
from grader.sandbox.protocol import Returned, encode_arg
from grader.spec import Case

SEEDS = range(6)

# ------------------------------------------------------------------ how a call is judged


def _harness() -> Any:
    """The sandbox's harness module (a script: it reads its command line on import)."""
    saved, sys.argv = sys.argv, ["harness.py"]
    try:
        return importlib.import_module("grader.sandbox.harness")
    finally:
        sys.argv = saved


HARNESS = _harness()


def handed(args: tuple[Any, ...]) -> list[Any]:
    """The arguments as the sandbox gives them to a student's function."""
    return HARNESS.Arguments([[encode_arg(a) for a in args]]).args(0)


def returned(value: Any) -> Returned:
    value = normalize(value)
    if isinstance(value, (tuple, list)):
        return Returned("seq", type(value).__name__, items=tuple(returned(v) for v in value))
    if value is None:
        return Returned("none", "NoneType")
    return Returned("array", "ndarray", shape=value.shape, values=value)


def passes(spec: Any, case: Case, expected: Any, function: Callable[..., Any]) -> bool:
    """Whether ``function`` passes ``case`` as the grader would judge it."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = function(*handed(case.args))
        except Exception:
            return False
    exercise = spec.exercise(case.exercise)
    verdict = compare(expected, returned(result), name=case.exercise, reveal=False,
                      rtol=exercise.rtol, atol=exercise.atol, parts=exercise.parts,
                      custom=exercise.compare)  # fmt: skip
    return verdict.passed


def hidden_cases(assignment: str, exercise: str, seed: int) -> tuple[Any, list[Case], list[Any]]:
    spec = registry.load(assignment)
    cases = [c for c in spec.make_cases(seed) if c.exercise == exercise]
    cases = [c for c in cases if c.visibility == "hidden"]
    return spec, cases, expected_values(spec, cases)


# ------------------------------------------------------------------ buggy, as students write


def _stable(z: Any) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def relu_multiply_mask(x: Any) -> Any:
    return x * (x > 0)  # a list: '>' between list and int


def relu_rows_only(x: Any) -> Any:
    x = np.asarray(x, dtype=float)
    if x.ndim == 2:
        return np.array([[max(0.0, v) for v in row] for row in x])
    if x.ndim == 1:
        return np.array([max(0.0, v) for v in x])
    return max(0, x)  # three axes: the truth value of an array is ambiguous


def node_value_no_conversion(inputs: Any, weights: Any, bias: float = 0.0) -> Any:
    return (inputs * weights).sum() + bias  # list * list


def hidden_layer_no_conversion(inputs: Any, weights: Any, biases: Any = None) -> Any:
    z = inputs @ weights  # list @ list
    return np.maximum(0, z if biases is None else z + biases)


def hidden_layer_squeezed(inputs: Any, weights: Any, biases: Any = None) -> Any:
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + biases
    return np.squeeze(np.maximum(0, z))  # a batch of one row comes back 1-D


def _relu_by_sign(z: np.ndarray) -> np.ndarray:
    return z * (z / np.abs(z) + 1) / 2  # nan at exactly 0


def hidden_layer_relu_by_sign(inputs: Any, weights: Any, biases: Any = None) -> Any:
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    return _relu_by_sign(z if biases is None else z + biases)


def forward_relu_by_sign(inputs: Any, weights: Any, biases: Any = None) -> Any:
    values = np.asarray(inputs, dtype=float)
    for k, w in enumerate(weights):
        values = values @ np.asarray(w, dtype=float) + (0 if biases is None else biases[k])
        if k < len(weights) - 1:
            values = _relu_by_sign(values)
    return values


def forward_no_conversion(inputs: Any, weights: Any, biases: Any = None) -> Any:
    values = inputs
    for k, w in enumerate(weights):
        values = values @ w + (0 if biases is None else biases[k])
        if k < len(weights) - 1:
            values = np.maximum(0, values)
    return values


def forward_squeezed(inputs: Any, weights: Any, biases: Any = None) -> Any:
    values = np.asarray(inputs, dtype=float)
    for k, w in enumerate(weights):
        values = values @ np.asarray(w, dtype=float) + (0 if biases is None else biases[k])
        if k < len(weights) - 1:
            values = np.maximum(0, values)
    return values.squeeze()


def softmax_int_buffer(z: Any) -> Any:
    z = np.asarray(z)
    out = np.zeros_like(z)  # integers in: an int array
    rows = z.reshape(-1, z.shape[-1])
    flat = out.reshape(-1, z.shape[-1])
    for i, row in enumerate(rows):
        e = [math.exp(v - max(row)) for v in row]
        for j, v in enumerate(e):
            flat[i, j] = v / sum(e)
    return out


def softmax_batch_max(z: Any) -> Any:
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())  # the whole batch's maximum, not each row's
    return e / e.sum(axis=-1, keepdims=True)


def softmax_in_place(z: Any) -> Any:
    z -= np.max(z, axis=-1, keepdims=True)  # writes into the caller's array
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def loss_batch_max(scores: Any, labels: Any) -> Any:
    s = np.asarray(scores, dtype=float)
    s = s - s.max()
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].mean())


def loss_no_conversion(scores: Any, labels: Any) -> Any:
    m = scores.shape[0]  # a list has no shape
    s = scores - scores.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(m), labels].mean())


def relu_grad_no_conversion(z: Any) -> Any:
    return (z > 0).astype(float)


def scg_no_conversion(scores: Any, labels: Any) -> Any:
    m = labels.shape[0]  # a list has no shape
    p = _stable(scores)
    p[np.arange(m), labels] -= 1
    return p / m


def dense_no_conversion(inputs: Any, weights: Any, grad_out: Any) -> Any:
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)  # list.T


def _onehot_from_largest(scores: Any, labels: Any) -> Any:
    labels = np.asarray(labels)
    return (_stable(scores) - np.eye(labels.max() + 1)[labels]) / len(labels)


def relu_grad_ge_zero(z: Any) -> Any:
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def scg_batch_max(scores: Any, labels: Any) -> Any:
    s = np.asarray(scores, dtype=float)
    e = np.exp(s - s.max())
    p = e / e.sum(axis=1, keepdims=True)
    p[np.arange(len(labels)), labels] -= 1
    return p / len(labels)


def scg_onehot_from_largest_label(scores: Any, labels: Any) -> Any:
    labels = np.asarray(labels)
    onehot = np.eye(labels.max() + 1)[labels]  # too few columns when the last class is absent
    return (_stable(scores) - onehot) / len(labels)


def scg_unstable(scores: Any, labels: Any) -> Any:
    e = np.exp(np.asarray(scores, dtype=float))
    p = e / e.sum(axis=1, keepdims=True)
    p[np.arange(len(labels)), labels] -= 1
    return p / len(labels)


def _backward(inputs: Any, weights: Any, biases: Any, labels: Any, *,
              slope: Callable[[np.ndarray], np.ndarray],
              probabilities: Callable[[np.ndarray], np.ndarray]) -> Any:  # fmt: skip
    values = [np.asarray(inputs, dtype=float)]
    zs = []
    for k, (w, b) in enumerate(zip(weights, biases, strict=True)):
        z = values[-1] @ w + b
        zs.append(z)
        values.append(z if k == len(weights) - 1 else np.maximum(0, z))
    m = len(labels)
    grad = probabilities(zs[-1])
    grad[np.arange(m), labels] -= 1
    grad = grad / m
    grad_weights, grad_biases = [], []
    for k in range(len(weights) - 1, -1, -1):
        grad_weights.insert(0, values[k].T @ grad)
        grad_biases.insert(0, grad.sum(axis=0))
        if k:
            grad = (grad @ weights[k].T) * slope(zs[k - 1])
    return grad_weights, grad_biases


def _backward_with_grad(grad_of: Callable[..., Any], inputs: Any, weights: Any, biases: Any,
                        labels: Any) -> Any:  # fmt: skip
    """The right backward, its gradient at the scores computed by ``grad_of``."""
    values, zs = [np.asarray(inputs, dtype=float)], []
    for k, (w, b) in enumerate(zip(weights, biases, strict=True)):
        zs.append(values[-1] @ w + b)
        values.append(zs[-1] if k == len(weights) - 1 else np.maximum(0, zs[-1]))
    grad = grad_of(zs[-1], labels)
    grad_weights, grad_biases = [], []
    for k in range(len(weights) - 1, -1, -1):
        grad_weights.insert(0, values[k].T @ grad)
        grad_biases.insert(0, grad.sum(axis=0))
        if k:
            grad = (grad @ weights[k].T) * (zs[k - 1] > 0)
    return grad_weights, grad_biases


def backward_of(slope: Callable[[np.ndarray], np.ndarray] = lambda z: (z > 0).astype(float),
                probabilities: Callable[[np.ndarray], np.ndarray] = _stable
                ) -> Callable[..., Any]:  # fmt: skip
    def backward(inputs: Any, weights: Any, biases: Any, labels: Any) -> Any:
        return _backward(inputs, weights, biases, labels, slope=slope,
                         probabilities=probabilities)  # fmt: skip

    return backward


def _unstable(z: np.ndarray) -> np.ndarray:
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _batch_max(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum(axis=1, keepdims=True)


def _divides_by_z(z: np.ndarray) -> np.ndarray:
    return np.maximum(0, z) / z  # nan at 0


def sgd_in_place(weights: Any, biases: Any, grad_weights: Any, grad_biases: Any,
                 learning_rate: float) -> Any:  # fmt: skip
    for w, g in zip(weights, grad_weights, strict=True):
        w -= learning_rate * g
    for b, g in zip(biases, grad_biases, strict=True):
        b -= learning_rate * g
    return weights, biases


# (assignment, exercise, the class, a function with that weakness)
CLASSES = [
    ("forward", "relu", "a Python list (array-like), never converted", relu_multiply_mask),
    ("forward", "relu", "an array of three axes", relu_rows_only),
    ("forward", "node_value", "the docstring's call with lists", node_value_no_conversion),
    ("forward", "hidden_layer", "the docstring's call with lists", hidden_layer_no_conversion),
    ("forward", "hidden_layer", "a batch of one row, squeezed", hidden_layer_squeezed),
    ("forward", "hidden_layer", "a pre-activation exactly 0 (ReLU by the sign)",
     hidden_layer_relu_by_sign),
    ("forward", "forward", "the docstring's call with lists", forward_no_conversion),
    ("forward", "forward", "a hidden pre-activation exactly 0 (ReLU by the sign)",
     forward_relu_by_sign),
    ("forward", "forward", "a batch of one row, squeezed", forward_squeezed),
    ("forward", "softmax", "whole numbers into an int buffer", softmax_int_buffer),
    ("forward", "softmax", "rows far apart, the batch's maximum", softmax_batch_max),
    ("forward", "softmax", "a write into the argument", softmax_in_place),
    ("forward", "cross_entropy_loss", "rows far apart, the batch's maximum", loss_batch_max),
    ("forward", "cross_entropy_loss", "the docstring's call with lists", loss_no_conversion),
    ("backward", "relu_grad", "the docstring's call with lists", relu_grad_no_conversion),
    ("backward", "relu_grad", "a pre-activation exactly 0 (z >= 0)", relu_grad_ge_zero),
    ("backward", "softmax_cross_entropy_grad", "rows far apart, the batch's maximum",
     scg_batch_max),
    ("backward", "softmax_cross_entropy_grad", "the last class never a label",
     scg_onehot_from_largest_label),
    ("backward", "softmax_cross_entropy_grad", "large scores, no shift", scg_unstable),
    ("backward", "softmax_cross_entropy_grad", "the docstring's call with lists",
     scg_no_conversion),
    ("backward", "dense_backward", "the docstring's call with lists", dense_no_conversion),
    ("backward", "backward", "a hidden pre-activation exactly 0 (mask z >= 0)",
     backward_of(slope=lambda z: (z >= 0).astype(float))),
    ("backward", "backward", "a hidden pre-activation exactly 0 (slope divided by z)",
     backward_of(slope=_divides_by_z)),
    ("backward", "backward", "large scores, an unstable softmax inside",
     backward_of(probabilities=_unstable)),
    ("backward", "backward", "rows far apart, the batch's maximum inside",
     backward_of(probabilities=_batch_max)),
    ("backward", "backward", "the last class never a label (one-hot sized by the largest)",
     lambda *a: _backward_with_grad(_onehot_from_largest, *a)),
    ("backward", "sgd_step", "a write into the arguments", sgd_in_place),
]  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    "assignment, exercise, weakness, function", CLASSES, ids=[f"{c[1]}: {c[2]}" for c in CLASSES]
)
def test_each_class_loses_points_at_every_seed(assignment, exercise, weakness, function,
                                              seed: int) -> None:  # fmt: skip
    spec, cases, expected = hidden_cases(assignment, exercise, seed)
    caught = [c.name for c, e in zip(cases, expected, strict=True)
              if not passes(spec, c, e, function)]  # fmt: skip
    assert caught, f"{exercise} with {weakness} passes every hidden case of seed {seed}"


# ------------------------------------------------------------------ right, written otherwise


def relu_where(x: Any) -> Any:
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, 0.0)


def relu_halves(x: Any) -> Any:
    x = np.asarray(x)
    return (x + np.abs(x)) / 2


def node_value_loop(inputs: Any, weights: Any, bias: float = 0.0) -> Any:
    total = 0.0
    for x, w in zip(inputs, weights, strict=True):
        total += x * w
    return total + bias


def hidden_layer_dot(inputs: Any, weights: Any, biases: Any = None) -> Any:
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    return np.maximum(z + (0.0 if biases is None else np.asarray(biases)), 0)


def forward_einsum(inputs: Any, weights: Any, biases: Any = None) -> Any:
    values = np.asarray(inputs, dtype=float)
    for k, w in enumerate(weights):
        values = np.einsum("...i,ij->...j", values, np.asarray(w, dtype=float))
        if biases is not None:
            values = values + np.asarray(biases[k], dtype=float)
        if k < len(weights) - 1:
            values = np.maximum(values, 0)
    return values


def softmax_math_loops(z: Any) -> Any:
    z = np.asarray(z, dtype=float)
    rows = np.atleast_2d(z)
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        top = max(row)
        e = [math.exp(v - top) for v in row]
        out[i] = [v / math.fsum(e) for v in e]
    return out.reshape(z.shape)


def loss_logsumexp(scores: Any, labels: Any) -> Any:
    s = np.asarray(scores, dtype=float)
    top = s.max(axis=1)
    lse = top + np.log(np.exp(s - top[:, None]).sum(axis=1))
    picked = s[np.arange(len(s)), np.asarray(labels)]
    return float(np.mean(lse - picked))


def relu_grad_heaviside(z: Any) -> Any:
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


def scg_eye(scores: Any, labels: Any) -> Any:
    s = np.asarray(scores, dtype=float)
    return (_stable(s) - np.eye(s.shape[1])[np.asarray(labels)]) / len(s)


def dense_einsum(inputs: Any, weights: Any, grad_out: Any) -> Any:
    x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
    return np.einsum("mo,io->mi", g, w), np.einsum("mi,mo->io", x, g), np.einsum("mo->o", g)


def sgd_copies(weights: Any, biases: Any, grad_weights: Any, grad_biases: Any,
               learning_rate: float) -> Any:  # fmt: skip
    import copy

    new_weights, new_biases = copy.deepcopy(weights), copy.deepcopy(biases)
    new_weights = [w - learning_rate * g for w, g in zip(new_weights, grad_weights, strict=True)]
    new_biases = [b - learning_rate * g for b, g in zip(new_biases, grad_biases, strict=True)]
    return new_weights, new_biases


RIGHT = [
    ("forward", "relu", relu_where),
    ("forward", "relu", relu_halves),
    ("forward", "node_value", node_value_loop),
    ("forward", "hidden_layer", hidden_layer_dot),
    ("forward", "forward", forward_einsum),
    ("forward", "softmax", softmax_math_loops),
    ("forward", "cross_entropy_loss", loss_logsumexp),
    ("backward", "relu_grad", relu_grad_heaviside),
    ("backward", "softmax_cross_entropy_grad", scg_eye),
    ("backward", "dense_backward", dense_einsum),
    ("backward", "backward", backward_of()),
    ("backward", "sgd_step", sgd_copies),
]
RIGHT += [(name, e.name, registry.load(name).reference[e.name])
          for name in ("forward", "backward") for e in registry.load(name).exercises]  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("assignment, exercise, function", RIGHT,
                         ids=[f"{r[1]}-{r[2].__name__}" for r in RIGHT])  # fmt: skip
def test_right_functions_lose_no_points_at_any_seed(assignment, exercise, function,
                                                   seed: int) -> None:  # fmt: skip
    spec = registry.load(assignment)
    cases = [c for c in spec.make_cases(seed) if c.exercise == exercise]
    expected = expected_values(spec, cases)
    failed = [c.name for c, e in zip(cases, expected, strict=True)
              if not passes(spec, c, e, function)]  # fmt: skip
    assert not failed, f"a right {exercise} fails {failed} at seed {seed}"


# ------------------------------------------------------------------ end to end, in the sandbox


def test_a_grading_takes_points_for_an_unconverted_list_and_a_batch_maximum(grade) -> None:
    from .conftest import full_marks_except, with_replaced

    source = with_replaced(
        relu="def relu(x):\n    return x * (x > 0)\n",
        softmax="import numpy as np\n\ndef softmax(z):\n    z = np.asarray(z, dtype=float)\n"
        "    e = np.exp(z - z.max())\n    return e / e.sum(axis=-1, keepdims=True)\n",
    )
    report = grade(source, seed=1)
    # cross_entropy_loss computes its own stable log-softmax in the reference: untouched
    assert full_marks_except(report, "relu", "softmax"), report["exercises"]
