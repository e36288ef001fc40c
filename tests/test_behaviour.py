"""Behaviour hints hold without the catalogue: each class of behaviour, written as a
student would, is described by its id (and only true statements are made), and the
symptom hints that used to guess a cause from a shape or an overflow no longer do.

Graded with the catalogue switched off, as code the catalogue has never seen is.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.behaviour import IDS, Observation, behaviour_hints
from grader.grade import grade
from grader.registry import load

from .conftest import ROOT, with_replaced

BACKWARD_REFERENCE = (ROOT / "solutions" / "backward.py").read_text()


def backward_with(**functions: str) -> str:
    import re
    import textwrap

    source = BACKWARD_REFERENCE
    for name, code in functions.items():
        source = re.sub(rf"\b{name}\(", f"_reference_{name}(", source)
        source += "\n\n" + textwrap.dedent(code).strip() + "\n"
    return source


def graded(tmp_path: Path, source: str, assignment: str, seed: int) -> dict[str, Any]:
    path = tmp_path / f"{assignment}.py"
    path.write_text(source)
    spec = replace(load(assignment), mistakes=(), combine=None)
    return grade(path, assignment=spec, seed=seed, sandbox="process").to_dict()


def ids_of(report: dict[str, Any], exercise: str) -> set[str]:
    return {i for t in report["tests"] if t["exercise"] == exercise for i in t.get("hint_ids", [])}


FORWARD = {
    "three inputs hard-coded": ("node_value", """
        def node_value(inputs, weights, bias=0.0):
            return inputs[0] * weights[0] + inputs[1] * weights[1] + inputs[2] * weights[2] + bias
    """, "behaviour.fixed_input_count"),
    "only the first example": ("cross_entropy_loss", """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)[0]
            s = s - s.max()
            return float(np.log(np.exp(s).sum()) - s[labels[0]])
    """, "behaviour.only_first_example"),
    "loss divided by the classes": ("cross_entropy_loss", """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            s = s - s.max(axis=1, keepdims=True)
            lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            return float(-lp[np.arange(len(labels)), labels].sum() / s.size)
    """, "behaviour.divided_by_columns"),
    "loss summed": ("cross_entropy_loss", """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            s = s - s.max(axis=1, keepdims=True)
            lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            return float(-lp[np.arange(len(labels)), labels].sum())
    """, "behaviour.sum_not_mean"),
    "two layers hard-coded": ("forward", """
        def forward(inputs, weights, biases=None):
            W1, W2 = weights
            b1, b2 = biases if biases is not None else (0.0, 0.0)
            return np.maximum(0, np.asarray(inputs) @ W1 + b1) @ W2 + b2
    """, "behaviour.fixed_layer_count"),
    "rows only": ("hidden_layer", """
        def hidden_layer(inputs, weights, biases=None):
            return np.array([np.maximum(0, np.dot(x, weights) + (0 if biases is None else biases))
                             for x in inputs])
    """, "behaviour.only_2d"),
    "ReLU on the output, a number for one output": ("forward", """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs, dtype=float)
            for i, w in enumerate(weights):
                a = np.maximum(0, a @ w + (0 if biases is None else biases[i]))
            return a.item() if a.size == 1 else a
    """, "behaviour.negatives_zeroed"),
    "softmax divided by its maximum": ("softmax", """
        def softmax(z):
            z = np.asarray(z, dtype=float)
            e = np.exp(z - z.max(axis=-1, keepdims=True))
            return e / e.max(axis=-1, keepdims=True)
    """, "behaviour.max_is_one"),
    "rounded": ("softmax", """
        def softmax(z):
            z = np.asarray(z, dtype=float)
            e = np.exp(z - z.max(axis=-1, keepdims=True))
            return np.round(e / e.sum(axis=-1, keepdims=True), 3)
    """, "behaviour.rounded"),
    "biases ignored": ("forward", """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs, dtype=float)
            for w in weights[:-1]:
                a = np.maximum(0, a @ w)
            return a @ weights[-1]
    """, "behaviour.ignores_argument"),
}  # fmt: skip

BACKWARD = {
    "relu_grad divides by z": ("relu_grad", """
        def relu_grad(z):
            z = np.asarray(z, dtype=float)
            return np.maximum(0, z) / z
    """, "behaviour.zero_values"),
    "no one-hot subtracted": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            s = np.asarray(scores, dtype=float)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True) / len(s)
    """, "behaviour.label_entries_wrong"),
    "divided by the classes": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            s = np.asarray(scores, dtype=float)
            e = np.exp(s - s.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            p[np.arange(len(p)), labels] -= 1
            return p / p.shape[1]
    """, "behaviour.divided_by_columns"),
    "unstable softmax inside backward": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            e = np.exp(np.asarray(scores, dtype=float))
            p = e / e.sum(axis=1, keepdims=True)
            p[np.arange(len(p)), labels] -= 1
            return p / len(p)
    """, "behaviour.large_values"),
    "dW divided by m, db not": ("dense_backward", """
        def dense_backward(inputs, weights, grad_out):
            m = inputs.shape[0]
            return grad_out @ weights.T, inputs.T @ grad_out / m, grad_out.sum(axis=0)
    """, "behaviour.divided_by_rows"),
    "bias gradient (1, n)": ("dense_backward", """
        def dense_backward(inputs, weights, grad_out):
            return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0, keepdims=True)
    """, "behaviour.reshaped"),
    "grad_weights transposed": ("dense_backward", """
        def dense_backward(inputs, weights, grad_out):
            return grad_out @ weights.T, grad_out.T @ inputs, grad_out.sum(axis=0)
    """, "behaviour.transposed"),
    "two layers hard-coded": ("backward", """
        def backward(inputs, weights, biases, labels):
            W1, W2 = weights
            b1, b2 = biases
            z1 = inputs @ W1 + b1
            a1 = np.maximum(0, z1)
            g2 = softmax_cross_entropy_grad(a1 @ W2 + b2, labels)
            g1 = (g2 @ W2.T) * (z1 > 0)
            return [inputs.T @ g1, a1.T @ g2], [g1.sum(axis=0), g2.sum(axis=0)]
    """, "behaviour.fixed_layer_count"),
    "step without the learning rate": ("sgd_step", """
        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            return ([w - g for w, g in zip(weights, grad_weights)],
                    [b - g for b, g in zip(biases, grad_biases)])
    """, "behaviour.step_without_scalar"),
    "step uphill": ("sgd_step", """
        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            return ([w + learning_rate * g for w, g in zip(weights, grad_weights)],
                    [b + learning_rate * g for b, g in zip(biases, grad_biases)])
    """, "behaviour.step_reversed"),
}  # fmt: skip


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("name", sorted(FORWARD))
def test_forward_behaviour_is_described(tmp_path: Path, name: str, seed: int) -> None:
    exercise, code, expected_id = FORWARD[name]
    report = graded(tmp_path, with_replaced(**{exercise: code}), "forward", seed)
    assert expected_id in ids_of(report, exercise), {t["name"]: t["hint"] for t in report["tests"]}
    assert all(t["hint"] is None for t in report["tests"] if t["exercise"] != exercise)


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("name", sorted(BACKWARD))
def test_backward_behaviour_is_described(tmp_path: Path, name: str, seed: int) -> None:
    exercise, code, expected_id = BACKWARD[name]
    report = graded(tmp_path, backward_with(**{exercise: code}), "backward", seed)
    assert expected_id in ids_of(report, exercise), {t["name"]: t["hint"] for t in report["tests"]}
    wrong = {t["exercise"] for t in report["tests"] if t["status"] != "passed"}
    assert all(t["hint"] is None for t in report["tests"] if t["exercise"] not in wrong)


def test_every_behaviour_id_is_published() -> None:
    import json

    published = json.loads((ROOT / "benchmarks" / "hint_ids.json").read_text())
    assert published["behaviour"] == IDS


def test_at_most_two_statements_and_never_a_cause_from_a_shape_alone() -> None:
    """A wrong shape whose numbers are not the expected ones gets no behaviour hint."""
    e = np.array([1.0, -2.0, 3.0])
    observations = [
        Observation((np.array([1.0, 2.0]),), e, np.array([[9.0, 1.0, 0.5]]), False, False),
        Observation((np.array([1.0, 3.0]),), e, np.array([[4.0, 1.0, 2.5]]), False, False),
        Observation((np.array([2.0, 3.0]),), e, e, False, True),
    ]
    assert behaviour_hints(observations) == []


def test_split_needs_a_passed_hidden_case() -> None:
    """Right only on the worked examples proves nothing about a property."""
    rows = np.ones((3, 2))
    observations = [
        Observation((np.ones(2),), np.ones(2), np.ones(2), False, True, example=True),
        Observation((np.ones(2),), np.ones(2), np.ones(2), False, True, example=True),
        Observation((rows,), rows, rows * 3.7 + 1, False, False),
        Observation((rows,), rows, rows * 2.1 - 1, False, False),
    ]
    assert behaviour_hints(observations) == []
