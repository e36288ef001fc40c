"""Each common mistake is a small submission that loses points in its own exercise only."""

from __future__ import annotations

import pytest

from .conftest import full_marks_except, with_replaced

MISTAKES = {
    "relu_scalar_only_max": (
        "relu",
        """
        def relu(x):
            return max(0, x)
    """,
    ),
    "relu_modifies_input": (
        "relu",
        """
        def relu(x):
            x = np.asarray(x)
            x[x < 0] = 0
            return x
    """,
    ),
    "relu_abs": (
        "relu",
        """
        def relu(x):
            return np.abs(x)
    """,
    ),
    "node_value_missing_bias": (
        "node_value",
        """
        def node_value(inputs, weights, bias=0.0):
            return float(np.dot(inputs, weights))
    """,
    ),
    "node_value_missing_sum": (
        "node_value",
        """
        def node_value(inputs, weights, bias=0.0):
            return np.asarray(inputs) * np.asarray(weights) + bias
    """,
    ),
    "hidden_layer_missing_relu": (
        "hidden_layer",
        """
        def hidden_layer(inputs, weights, biases=None):
            z = np.asarray(inputs) @ np.asarray(weights)
            return z if biases is None else z + biases
    """,
    ),
    "hidden_layer_bias_after_relu": (
        "hidden_layer",
        """
        def hidden_layer(inputs, weights, biases=None):
            a = np.maximum(0, np.asarray(inputs) @ np.asarray(weights))
            return a if biases is None else a + biases
    """,
    ),
    "hidden_layer_transposed_weights": (
        "hidden_layer",
        """
        def hidden_layer(inputs, weights, biases=None):
            z = np.asarray(inputs) @ np.asarray(weights).T
            return np.maximum(0, z if biases is None else z + biases)
    """,
    ),
    "forward_relu_on_output": (
        "forward",
        """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs)
            for i, w in enumerate(weights):
                a = a @ w + (0 if biases is None else biases[i])
                a = np.maximum(0, a)
            return a
    """,
    ),
    "forward_no_relu": (
        "forward",
        """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs)
            for i, w in enumerate(weights):
                a = a @ w + (0 if biases is None else biases[i])
            return a
    """,
    ),
    "forward_ignores_biases": (
        "forward",
        """
        def forward(inputs, weights, biases=None):
            a = np.asarray(inputs)
            for w in weights[:-1]:
                a = np.maximum(0, a @ w)
            return a @ weights[-1]
    """,
    ),
    "forward_two_layers_only": (
        "forward",
        """
        def forward(inputs, weights, biases=None):
            b = biases or [0] * len(weights)
            if len(weights) == 1:
                return np.asarray(inputs) @ weights[0] + b[0]
            hidden = np.maximum(0, np.asarray(inputs) @ weights[0] + b[0])
            return hidden @ weights[-1] + b[-1]
    """,
    ),
    "forward_hard_coded_course_answers": (
        "forward",
        """
        def forward(inputs, weights, biases=None):
            if np.ndim(inputs) == 2:
                return np.array([[52.0], [63.0], [0.0], [148.0]])
            return np.array([9.0]) if list(np.ravel(inputs)) == [2, 3] else np.array([182.0])
    """,
    ),
    "node_value_hard_coded_course_answers": (
        "node_value",
        """
        def node_value(inputs, weights, bias=0.0):
            return {(1, 1): 5.0, (-1, 1): 1.0}.get(tuple(np.ravel(weights)), 9.0)
    """,
    ),
    "softmax_unstable": (
        "softmax",
        """
        def softmax(z):
            e = np.exp(np.asarray(z, dtype=float))
            return e / e.sum(axis=-1, keepdims=True)
    """,
    ),
    "softmax_wrong_axis": (
        "softmax",
        """
        def softmax(z):
            z = np.asarray(z, dtype=float)
            e = np.exp(z - z.max(axis=0, keepdims=True))
            return e / e.sum(axis=0, keepdims=True)
    """,
    ),
    "softmax_whole_array": (
        "softmax",
        """
        def softmax(z):
            z = np.asarray(z, dtype=float)
            e = np.exp(z - z.max())
            return e / e.sum()
    """,
    ),
    "loss_summed": (
        "cross_entropy_loss",
        """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            s = s - s.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            return float(-logp[np.arange(len(labels)), labels].sum())
    """,
    ),
    "loss_without_softmax": (
        "cross_entropy_loss",
        """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            return float(-np.log(s[np.arange(len(labels)), labels]).mean())
    """,
    ),
    "loss_unstable_softmax": (
        "cross_entropy_loss",
        """
        def cross_entropy_loss(scores, labels):
            e = np.exp(np.asarray(scores, dtype=float))
            p = e / e.sum(axis=1, keepdims=True)
            return float(-np.log(p[np.arange(len(labels)), labels]).mean())
    """,
    ),
    "loss_returns_array_shape": (
        "cross_entropy_loss",
        """
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            s = s - s.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            return -logp[np.arange(len(labels)), labels]
    """,
    ),
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
@pytest.mark.parametrize("seed", [0, 7])
def test_mistake_loses_points_in_its_exercise_only(grade, mistake: str, seed: int) -> None:
    exercise, code = MISTAKES[mistake]
    report = grade(with_replaced(**{exercise: code}), seed=seed)
    assert report["status"] == "graded"
    assert full_marks_except(report, exercise), report["exercises"]
    failed = [t for t in report["tests"] if t["status"] != "passed"]
    assert failed and all(t["message"] for t in failed)
