"""Classes of mistakes round 6 of the held-out corpus missed, written anew (issue 18).

Round 6's files (tests/heldout6/) are tuned data now: each class below is written in
other styles than the file that showed it. Precision first: a relation is said only
where it holds on every failed call, with the same argument and the same constant.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from grader.behaviour import Observation, behaviour_hints

from .submissions import REFERENCE
from .test_recall_classes import (
    BACKWARD_REFERENCE,
    graded,
    ids_of,
    lost,
    observation,
    redefined,
)

# -- whole numbers in rows: a result kept in a buffer made like the input ----------------

INT_BUFFER_ROWS = {
    "row loop into zeros_like": """
        def softmax(z):
            z = np.asarray(z)
            if z.ndim == 1:
                e = np.exp(z - z.max())
                return e / e.sum()
            out = np.zeros_like(z)
            for i, row in enumerate(z):
                e = np.exp(row - row.max())
                out[i] = e / e.sum()
            return out
    """,
    "empty_like filled by slices": """
        def softmax(z):
            z = np.asarray(z)
            if z.ndim == 1:
                return np.exp(z - z.max()) / np.exp(z - z.max()).sum()
            result = np.empty_like(z)
            shifted = z - z.max(axis=1, keepdims=True)
            result[:, :] = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
            return result
    """,
}


@pytest.mark.parametrize("style", sorted(INT_BUFFER_ROWS))
def test_whole_number_rows_cost_a_buffer_made_like_them(tmp_path: Path, style: str) -> None:
    # Right for floats and for one row of whole numbers; a batch of whole numbers is cut.
    report = graded(tmp_path, redefined(REFERENCE, softmax=INT_BUFFER_ROWS[style]), "forward")
    assert "softmax" in lost(report)


GRAD_INT_BUFFER = {
    "zeros_like then assign": """
        def softmax_cross_entropy_grad(scores, labels):
            scores = np.asarray(scores)
            out = np.zeros_like(scores)
            out[...] = softmax(scores)
            out[np.arange(len(out)), labels] -= 1
            return out / len(out)
    """,
    "copy of the scores overwritten": """
        def softmax_cross_entropy_grad(scores, labels):
            g = np.array(scores, copy=True)
            for i in range(g.shape[0]):
                g[i] = softmax(np.asarray(scores, dtype=float)[i])
                g[i, labels[i]] -= 1
            return g / g.shape[0]
    """,
}


@pytest.mark.parametrize("style", sorted(GRAD_INT_BUFFER))
def test_a_gradient_kept_in_an_int_buffer_is_named(tmp_path: Path, style: str) -> None:
    source = redefined(BACKWARD_REFERENCE, x=GRAD_INT_BUFFER[style])
    report = graded(tmp_path, source, "backward")
    assert "softmax_cross_entropy_grad" in lost(report)
    assert "backward.grad_int_buffer" in ids_of(report, "softmax_cross_entropy_grad")
    assert "backward" not in lost(report)  # backward's scores are floats


# -- backward's forward pass ends in softmax, and the gradient applies it again ----------


def test_probabilities_handed_on_as_scores_are_named(tmp_path: Path) -> None:
    source = redefined(BACKWARD_REFERENCE, backward="""
        def backward(inputs, weights, biases, labels):
            outs, zs = [np.asarray(inputs, dtype=float)], []
            for k, (w, b) in enumerate(zip(weights, biases)):
                zs.append(outs[-1] @ w + b)
                last = k == len(weights) - 1
                outs.append(softmax(zs[-1]) if last else np.maximum(zs[-1], 0))
            delta = softmax_cross_entropy_grad(outs[-1], labels)
            grads_w, grads_b = [], []
            for k in reversed(range(len(weights))):
                delta_in, gw, gb = dense_backward(outs[k], weights[k], delta)
                grads_w.insert(0, gw)
                grads_b.insert(0, gb)
                if k:
                    delta = delta_in * relu_grad(zs[k - 1])
            return grads_w, grads_b
    """)  # fmt: skip
    report = graded(tmp_path, source, "backward")
    assert lost(report) == {"backward"}
    assert "backward.softmax_on_output" in ids_of(report, "backward")


# -- a term in an argument added (a penalty left in, a value added twice) ----------------


def _grads(rng: np.random.Generator, c: float, shapes: list[tuple[int, int]]) -> Observation:
    weights = [rng.normal(size=s) for s in shapes]
    expected = [rng.normal(size=s) for s in shapes]
    values = [e + c * w for e, w in zip(expected, weights, strict=True)]
    return observation((rng.normal(size=(3, shapes[0][0])), weights), tuple(expected),
                        tuple(values))  # fmt: skip


def test_a_term_in_an_argument_added_is_said() -> None:
    rng = np.random.default_rng(1)
    said = behaviour_hints([_grads(rng, 0.01, [(2, 3), (3, 2)]), _grads(rng, 0.01, [(4, 2)])],
                           parts=("grad_weights",), parameters=("inputs", "weights"))  # fmt: skip
    assert [s.id for s in said][:1] == ["behaviour.plus_argument"]
    assert "0.01 times `weights`" in said[0].text


def test_a_term_needs_the_same_constant_on_every_failure() -> None:
    rng = np.random.default_rng(2)
    said = behaviour_hints([_grads(rng, 0.01, [(2, 3)]), _grads(rng, 0.5, [(2, 3)])],
                           parts=("grad_weights",), parameters=("inputs", "weights"))  # fmt: skip
    assert "behaviour.plus_argument" not in {s.id for s in said}


# -- a step taken along the wrong argument -------------------------------------------------


def _step(rng: np.random.Generator, lr: float, along: str) -> Observation:
    w, b = rng.normal(size=(3, 2)), rng.normal(size=2)
    gw, gb = rng.normal(size=(3, 2)), rng.normal(size=2)
    moved = {"grad_biases": gb, "biases": b, "grad_weights": gw}[along]
    return observation(([w], [b], [gw], [gb], lr), ([w - lr * gw], [b - lr * gb]),
                        ([w - lr * moved], [b - lr * gb]))  # fmt: skip


@pytest.mark.parametrize("along", ["grad_biases", "biases"])
def test_a_step_along_another_argument_is_said(along: str) -> None:
    rng = np.random.default_rng(3)
    said = behaviour_hints([_step(rng, 0.1, along), _step(rng, 0.05, along)],
                           parts=("weights", "biases"),
                           parameters=("weights", "biases", "grad_weights", "grad_biases",
                                       "learning_rate"))  # fmt: skip
    assert [s.id for s in said][:1] == ["behaviour.step_along"]
    assert f"`{along}`" in said[0].text


def test_a_right_step_is_not_said_to_go_along_another_argument() -> None:
    rng = np.random.default_rng(4)
    said = behaviour_hints([_step(rng, 0.1, "grad_weights"), _step(rng, 0.05, "grad_weights")],
                           parts=("weights", "biases"))  # fmt: skip
    assert said == []


# -- a one-hot matrix with as many columns as the largest label needs --------------------


def test_a_one_hot_sized_by_the_labels_is_named(tmp_path: Path) -> None:
    source = redefined(REFERENCE, cross_entropy_loss="""
        def cross_entropy_loss(scores, labels):
            s = np.asarray(scores, dtype=float)
            targets = np.zeros((len(labels), max(labels) + 1))
            for row, label in enumerate(labels):
                targets[row, label] = 1.0
            shifted = s - s.max(axis=1, keepdims=True)
            logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            return float(-(targets * logp).sum() / len(s))
    """)  # fmt: skip
    report = graded(tmp_path, source, "forward")
    assert lost(report) == {"cross_entropy_loss"}
    assert "loss.onehot_sized_by_labels" in ids_of(report, "cross_entropy_loss")


# -- round 7's forward (measured once, then tuned): a default bias sized by the inputs,
# -- and values rounded along the way ------------------------------------------------------


def test_a_default_bias_with_one_entry_per_input_is_named(tmp_path: Path) -> None:
    source = redefined(REFERENCE, hidden_layer="""
        def hidden_layer(inputs, weights, biases=None):
            w = np.asarray(weights, dtype=float)
            b = np.zeros(w.shape[0]) if biases is None else np.asarray(biases, dtype=float)
            return np.maximum(np.asarray(inputs, dtype=float) @ w + b, 0)
    """)  # fmt: skip
    report = graded(tmp_path, source, "forward")
    assert "hidden_layer" in lost(report)
    assert "hidden_layer.none_biases_inputs" in ids_of(report, "hidden_layer")


def test_values_rounded_at_every_layer_are_said_to_be_close(tmp_path: Path) -> None:
    # Each layer rounded for a printout: the output is round(expected) on some calls and
    # only close on others; "close but not equal" is true of all of them.
    source = redefined(REFERENCE, forward="""
        def forward(inputs, weights, biases=None):
            x = np.asarray(inputs, dtype=float)
            for k, w in enumerate(weights):
                z = x @ np.asarray(w, dtype=float)
                if biases is not None:
                    z = z + np.asarray(biases[k], dtype=float)
                x = np.round(relu(z) if k < len(weights) - 1 else z, 3)
            return x
    """)  # fmt: skip
    report = graded(tmp_path, source, "forward")
    assert lost(report) == {"forward"}
    assert ids_of(report, "forward") & {"behaviour.slightly_off", "behaviour.rounded"}
