"""The backward feedback names the mistakes public backpropagation code makes (issue 18).

Each class below got no hint, or none that named it, on code written by people who
never saw the catalogue: a function that refuses the docstring's call with Python
lists, a call that never ends, the labels counted from 1, a one-hot sized by the
largest label or by a class count written in, a softmax shifted by the batch's
maximum, the gradient taken through the probabilities, a ReLU mask applied with a
matrix product or taken from the upstream gradient, ReLU on the output layer in the
forward pass, the first layer skipped, another layer's weights, the 1/m of the mean
taken twice or not at all in one gradient, a callee's mistake written inline in
backward, layers stacked into one array. Each is written here as students write it
(not as the catalogue does), graded as a submission is, at two seeds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assignments.backward.mistakes import FLAVOUR_OF

from .test_diagnosis_precision import backward_calling, graded

SEEDS = (0, 3)


def families(report: dict[str, Any], exercise: str) -> set[str]:
    """The families of the ids the failed tests of ``exercise`` carry."""
    return {FLAVOUR_OF.get(i, i) for t in report["tests"]
            if t["exercise"] == exercise and t["status"] != "passed"
            for i in t.get("hint_ids", [])}  # fmt: skip


INLINE_HEAD = """
    def backward(inputs, weights, biases, labels):
        m = len(labels)
        A = [np.asarray(inputs, dtype=float)]
        Z = []
        for W, b in zip(weights, biases):
            Z.append(A[-1] @ W + b)
            A.append(np.maximum(0, Z[-1]))
        e = np.exp(Z[-1] - Z[-1].max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        Y = np.zeros_like(probs)
        Y[np.arange(m), labels] = 1
"""


def inline(dz: str, dw: str = "A[l].T @ dZ", db: str = "dZ.sum(axis=0)",
           step: str = "(dZ @ weights[l].T) * (Z[l - 1] > 0)") -> str:  # fmt: skip
    """A backward that computes every step itself (deeplearning.ai style)."""
    return (
        INLINE_HEAD
        + f"""
        dZ = {dz}
        dWs, dbs = [], []
        for l in reversed(range(len(weights))):
            dWs.insert(0, {dw})
            dbs.insert(0, {db})
            if l > 0:
                dZ = {step}
        return dWs, dbs
"""
    )


# (the exercise, its code as a student wrote it, the family that must be named there)
CLASSES: dict[str, tuple[str, str, str]] = {
    "labels counted from 1": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            p = softmax(scores)
            n = p.shape[0]
            for i in range(n):
                p[i, int(labels[i]) - 1] -= 1.0
            return p / n
    """, "backward.labels_one_based"),
    "one-hot sized by the largest label": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            labels = np.asarray(labels)
            Y = np.zeros((len(labels), labels.max() + 1))
            Y[np.arange(len(labels)), labels] = 1
            return (softmax(scores) - Y) / len(labels)
    """, "backward.onehot_sized_by_labels"),
    "ten classes written in": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            one_hot = np.eye(10)[np.asarray(labels)]
            return (softmax(scores) - one_hot) / len(one_hot)
    """, "backward.classes_written_in"),
    "the batch's maximum": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            s = np.asarray(scores, dtype=float)
            e = np.exp(s - np.max(s))
            p = e / np.sum(e, axis=1, keepdims=True)
            p[range(len(p)), labels] -= 1
            return p / len(p)
    """, "backward.grad_batch_max"),
    "through the probabilities": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            p = softmax(scores)
            y = np.zeros_like(p)
            y[np.arange(len(p)), labels] = 1
            d_p = -y / p
            rows = [(np.diagflat(r) - np.outer(r, r)) @ d for r, d in zip(p, d_p)]
            return np.array(rows) / len(p)
    """, "backward.grad_through_probabilities"),
    "the sigmoid's slope": ("relu_grad", """
        def relu_grad(z):
            s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
            return s * (1 - s)
    """, "backward.relu_grad_sigmoid"),
    "divided before the one-hot": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            n = len(scores)
            d = softmax(scores) / n
            d[range(n), labels] -= 1
            return d
    """, "backward.grad_divided_before_onehot"),
    "times the activation, inline": ("backward", inline(
        "(probs - Y) / m", step="(dZ @ weights[l].T) * A[l]"), "backward.relu_grad_is_relu"),
    "Jacobian without the reshape": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            out = softmax(scores)
            y = np.eye(out.shape[1])[labels]
            dvalues = -y / out / len(out)
            dinputs = np.empty_like(dvalues)
            for i, (o, dv) in enumerate(zip(out, dvalues)):
                dinputs[i] = np.dot(np.diagflat(o) - np.dot(o, o.T), dv)
            return dinputs
    """, "backward.grad_jacobian_dot_not_outer"),
    "labels taken as one-hot": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            samples = len(scores)
            return (softmax(scores) - labels) / samples
    """, "backward.labels_as_onehot"),
    "softmax over the whole array": ("softmax_cross_entropy_grad", """
        def softmax_cross_entropy_grad(scores, labels):
            e = np.exp(scores)
            p = e / np.sum(e)
            p[np.arange(len(p)), labels] -= 1
            return p / len(p)
    """, "backward.grad_softmax_whole_array"),
    "mask by a matrix product": ("backward", inline(
        "(probs - Y) / m", step="np.dot(dZ @ weights[l].T, (Z[l - 1] > 0).T)"),
        "backward.mask_matmul"),
    "mask from the upstream gradient": ("backward", inline(
        "(probs - Y) / m", step="np.maximum(dZ @ weights[l].T, 0)"),
        "backward.mask_from_upstream"),
    "dW averaged twice": ("backward", inline("(probs - Y) / m", dw="A[l].T @ dZ / m"),
                          "backward.dense_weights_averaged_only"),
    "db not averaged": ("backward", inline("probs - Y", dw="A[l].T @ dZ / m"),
                        "backward.biases_not_averaged"),
    "no one-hot, inline": ("backward", inline("probs / m"), "backward.grad_no_onehot"),
    "db along the rows, inline": ("backward", inline("(probs - Y) / m", db="dZ.sum(axis=1)"),
                                  "backward.dense_bias_wrong_axis"),
    "dW from z": ("backward", inline(
        "(probs - Y) / m", dw="(Z[l - 1] if l else A[0]).T @ dZ"),
        "backward.weights_grad_from_z"),
    "ReLU on the output": ("backward", """
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for W, b in zip(weights, biases):
                zs.append(acts[-1] @ W + b)
                acts.append(np.maximum(zs[-1], 0))
            delta = softmax_cross_entropy_grad(acts[-1], labels)
            gw, gb = [None] * len(weights), [None] * len(weights)
            for l in range(len(weights) - 1, -1, -1):
                d_in, gw[l], gb[l] = dense_backward(acts[l], weights[l], delta)
                if l:
                    delta = d_in * relu_grad(zs[l - 1])
            return gw, gb
    """, "backward.relu_on_output"),
    "ReLU on the output, both ways": ("backward", """
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for W, b in zip(weights, biases):
                zs.append(acts[-1] @ W + b)
                acts.append(np.maximum(zs[-1], 0))
            delta = softmax_cross_entropy_grad(acts[-1], labels) * (zs[-1] > 0)
            gw, gb = [None] * len(weights), [None] * len(weights)
            for l in range(len(weights) - 1, -1, -1):
                d_in, gw[l], gb[l] = dense_backward(acts[l], weights[l], delta)
                if l:
                    delta = d_in * relu_grad(zs[l - 1])
            return gw, gb
    """, "backward.relu_on_output"),
    "first layer skipped": ("backward", """
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for W, b in zip(weights, biases):
                zs.append(acts[-1] @ W + b)
                acts.append(np.maximum(zs[-1], 0))
            delta = softmax_cross_entropy_grad(zs[-1], labels)
            gw = [np.zeros_like(w) for w in weights]
            gb = [np.zeros_like(b) for b in biases]
            l = len(weights) - 1
            while l > 0:
                d_in, gw[l], gb[l] = dense_backward(acts[l], weights[l], delta)
                delta = d_in * relu_grad(zs[l - 1])
                l -= 1
            return gw, gb
    """, "backward.first_layer_skipped"),
    "the layer below's weights": ("backward", """
        def backward(inputs, weights, biases, labels):
            acts, zs = [np.asarray(inputs, dtype=float)], []
            for W, b in zip(weights, biases):
                zs.append(acts[-1] @ W + b)
                acts.append(np.maximum(zs[-1], 0))
            delta = softmax_cross_entropy_grad(zs[-1], labels)
            gw, gb = [], []
            for l in reversed(range(len(weights))):
                d_in, w_grad, b_grad = dense_backward(acts[l], weights[l - 1], delta)
                gw.insert(0, w_grad)
                gb.insert(0, b_grad)
                if l:
                    delta = d_in * relu_grad(zs[l - 1])
            return gw, gb
    """, "backward.weights_of_layer_below"),
    "db as a mean": ("dense_backward", """
        def dense_backward(inputs, weights, grad_out):
            x, w, g = (np.asarray(a, dtype=float) for a in (inputs, weights, grad_out))
            return g @ w.T, x.T @ g, np.mean(g, axis=0)
    """, "backward.dense_biases_averaged_only"),
    "layers stacked": ("sgd_step", """
        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            w = np.array(weights) - learning_rate * np.array(grad_weights)
            b = np.array(biases) - learning_rate * np.array(grad_biases)
            return [x for x in w], [x for x in b]
    """, "backward.sgd_stacked_layers"),
    "bias step without the learning rate": ("sgd_step", """
        def sgd_step(weights, biases, grad_weights, grad_biases, learning_rate):
            new_w = [w - learning_rate * dw for w, dw in zip(weights, grad_weights)]
            new_b = [b - db for b, db in zip(biases, grad_biases)]
            return new_w, new_b
    """, "backward.sgd_no_learning_rate"),
}  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(CLASSES))
def test_each_class_is_named_where_it_is(tmp_path: Path, name: str, seed: int) -> None:
    exercise, code, family = CLASSES[name]
    report = graded(tmp_path, backward_calling(**{exercise: code}), "backward", seed)
    assert FLAVOUR_OF.get(family, family) in families(report, exercise), {
        t["name"]: t.get("hint_ids") for t in report["tests"] if t["exercise"] == exercise
    }
    for other in report["exercises"]:  # a caller fails through it, or nothing else does
        if other["name"] not in (exercise, "backward"):
            assert other["score"] == other["max_score"], other


def test_a_callee_averaging_db_is_not_blamed_on_backward(tmp_path: Path) -> None:
    """backward through a dense_backward whose db is a mean is sent there, not told that
    it averages its own biases twice."""
    _, code, family = CLASSES["db as a mean"]
    report = graded(tmp_path, backward_calling(dense_backward=code), "backward", 0)
    said = {i for t in report["tests"] if t["exercise"] == "backward"
            for i in t.get("hint_ids", [])}  # fmt: skip
    assert said == {family}  # the callee's own id, not backward.biases_averaged_twice


# The docstrings call relu_grad, softmax_cross_entropy_grad and dense_backward with Python
# lists: a function that refuses them loses points there, and is told so.
LISTS = {
    "relu_grad": """
        def relu_grad(z):
            return (z > 0).astype(float)
    """,
    "softmax_cross_entropy_grad": """
        def softmax_cross_entropy_grad(scores, labels):
            m = labels.shape[0]
            p = softmax(scores)
            p[np.arange(m), labels] -= 1
            return p / m
    """,
    "dense_backward": """
        def dense_backward(inputs, weights, grad_out):
            return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0)
    """,
}


@pytest.mark.parametrize("exercise", sorted(LISTS))
def test_a_refused_list_is_said_and_costs_only_that_call(tmp_path: Path, exercise: str) -> None:
    report = graded(tmp_path, backward_calling(**{exercise: LISTS[exercise]}), "backward", 0)
    failed = [t for t in report["tests"] if t["status"] != "passed"]
    assert failed and all(t["name"].endswith("_as_written") for t in failed), failed
    assert all(t["hint_ids"] == ["symptom.list_refused"] for t in failed)
    assert all(t["hint"] is None for t in report["tests"] if t["status"] == "passed")


def test_a_call_that_never_ends_is_said(tmp_path: Path) -> None:
    code = """
        def relu_grad(z):
            flat = np.asarray(z, dtype=float).ravel()
            out = np.zeros(flat.size)
            i = 0
            while i < flat.size:
                if flat[i] == 0:
                    continue
                out[i] = float(flat[i] > 0)
                i += 1
            return out.reshape(np.shape(z))
    """
    report = graded(tmp_path, backward_calling(relu_grad=code), "backward", 0)
    timed = [
        t for t in report["tests"] if t["exercise"] == "relu_grad" and t["status"] == "timeout"
    ]
    assert timed and timed[0]["hint_ids"] == ["symptom.timeout"], timed
    assert all(t["hint"] is None for t in timed[1:])  # not run: nothing was observed
