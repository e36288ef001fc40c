"""Known backpropagation mistakes: each a short wrong implementation and the hint for it.

The grader names a mistake when its implementation behaves like the student's
function on every test (grader/diagnose.py), so each one below computes what a
student who holds that misconception would compute, however it was written.

``backward`` calls the other exercises' functions. Its implementations here take
them as ``ops``, so ``combine`` can rebuild a backward that calls a student's broken
relu_grad, softmax_cross_entropy_grad or dense_backward: the student is then told
to fix that function first, instead of getting a wrong hint about backward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from typing import Any

import numpy as np

from grader.spec import Mistake
from solutions import backward as reference

# The exercises each exercise's reference calls: where a failure may come from below.
CALLS = {"backward": ("relu_grad", "softmax_cross_entropy_grad", "dense_backward")}


def _floats(*values: Any) -> list[np.ndarray]:
    return [np.asarray(v, dtype=float) for v in values]


# relu_grad


def relu_grad_is_relu(z):
    return np.maximum(0, z)


def relu_grad_at_zero(z):
    return (np.asarray(z, dtype=float) >= 0).astype(float)


def relu_grad_sigmoid(z):
    # Nielsen's sigmoid_prime kept: sigmoid(z) * (1 - sigmoid(z))
    with np.errstate(all="ignore"):
        s = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))
    return s * (1 - s)


def relu_grad_int(z):
    # z cast to int first (np.int64(z) > 0, or z.astype(int)): 0 < z < 1 truncates to 0
    return (np.trunc(np.asarray(z, dtype=float)) > 0).astype(float)


def relu_grad_clipped(z):
    # np.clip(z, 0, 1): the slope only for whole numbers, a value below 1 keeps itself
    return np.clip(np.asarray(z, dtype=float), 0, 1)


def relu_grad_in_place(z):
    z = np.asarray(z)
    z[z > 0] = 1  # raises on the sandbox's read-only arguments
    z[z <= 0] = 0
    return z


# softmax_cross_entropy_grad


def _onehot(labels, shape):
    onehot = np.zeros(shape)
    onehot[np.arange(shape[0]), labels] = 1.0
    return onehot


def grad_no_mean(scores, labels):
    probs = reference.softmax(scores)
    return probs - _onehot(labels, probs.shape)


def grad_mean_over_rows(scores, labels):
    # "the loss is a mean": np.mean(axis=0) averages the rows into one, shape (n,)
    probs = reference.softmax(scores)
    return (probs - _onehot(labels, probs.shape)).mean(axis=0)


def grad_int_buffer(scores, labels):
    # np.zeros_like(scores) filled with the probabilities: whole-number scores make it an
    # int array, which cuts each probability to 0 (or 1)
    probs = reference.softmax(scores)
    if np.asarray(scores).dtype.kind in "iub":
        probs = np.trunc(probs)
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_softmax_twice(scores, labels):
    # the scores are probabilities already (a softmax applied before): softmax again
    probs = reference.softmax(reference.softmax(scores))
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_over_classes(scores, labels):
    probs = reference.softmax(scores)
    return (probs - _onehot(labels, probs.shape)) / probs.shape[1]


def grad_labels_as_values(scores, labels):
    probs = reference.softmax(scores)
    return (probs - np.asarray(labels, dtype=float)[:, None]) / len(probs)


def grad_labels_as_onehot(scores, labels):
    # NNFS's categorical branch kept: y_true taken to be one-hot already, dvalues - y_true
    probs = reference.softmax(scores)
    return (probs - np.asarray(labels, dtype=float)) / len(probs)


def grad_onehot_columns(scores, labels):
    probs = reference.softmax(scores)
    probs[:, labels] -= 1  # every row loses 1 in every label's column
    return probs / len(probs)


def grad_sign_flipped(scores, labels):
    probs = reference.softmax(scores)
    return (_onehot(labels, probs.shape) - probs) / len(probs)


def grad_unstable(scores, labels):
    exps = np.exp(np.asarray(scores, dtype=float))
    probs = exps / exps.sum(axis=1, keepdims=True)
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_no_onehot(scores, labels):
    return reference.softmax(scores) / len(np.asarray(scores))


def grad_softmax_over_batch(scores, labels):
    z = np.asarray(scores, dtype=float)
    exps = np.exp(z - z.max(axis=0, keepdims=True))
    probs = exps / exps.sum(axis=0, keepdims=True)
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_softmax_whole_array(scores, labels):
    # np.exp(z) / np.sum(np.exp(z)): no axis, the whole batch sums to 1 (and no shift)
    with np.errstate(all="ignore"):
        exps = np.exp(np.asarray(scores, dtype=float))
        probs = exps / exps.sum()
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_softmax_whole_array_shifted(scores, labels):
    # np.exp(z - np.max(z)) / np.sum(...): stable, but max and sum over the whole batch
    z = np.asarray(scores, dtype=float)
    exps = np.exp(z - z.max())
    probs = exps / exps.sum()
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_sum_no_keepdims(scores, labels):
    # exps / exps.sum(axis=1) without keepdims: the m row sums divide the columns (raises
    # unless there are as many rows as classes; one row is right)
    z = np.asarray(scores, dtype=float)
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    probs = exps / exps.sum(axis=1)
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_rows_by_labels(scores, labels):
    # dinputs[labels] -= 1: whole rows picked by the label values, not (row, label) pairs
    probs = reference.softmax(scores)
    probs[np.asarray(labels)] -= 1
    return probs / len(probs)


def grad_wrt_probabilities(scores, labels):
    probs = reference.softmax(scores)
    return -_onehot(labels, probs.shape) / probs / len(probs)


def grad_diagonal_jacobian(scores, labels):
    # dL/dp = -y/p through only the diagonal of the softmax Jacobian, p * (1 - p)
    probs = reference.softmax(scores)
    onehot = _onehot(labels, probs.shape)
    return -onehot * (1 - probs) / len(probs)


def grad_divided_before_onehot(scores, labels):
    # dscores = probs / m; dscores[range(m), labels] -= 1: the 1 is not divided by m
    probs = reference.softmax(scores) / len(np.asarray(scores))
    probs[np.arange(len(probs)), labels] -= 1
    return probs


def grad_labels_one_based(scores, labels):
    # labels read as 1-based (labels - 1): label 0 becomes -1, the last column
    probs = reference.softmax(scores)
    onehot = np.zeros(probs.shape)
    onehot[np.arange(len(probs)), np.asarray(labels) - 1] = 1.0
    return (probs - onehot) / len(probs)


def grad_onehot_sized_by_labels(scores, labels):
    # np.eye(labels.max() + 1)[labels]: too few columns when the last class is not a label
    probs = reference.softmax(scores)
    labels = np.asarray(labels)
    return (probs - np.eye(int(labels.max()) + 1)[labels]) / len(probs)


def grad_times_softmax_slope(scores, labels):
    # dL/dp taken as p - y, then chained through the softmax's "slope" p * (1 - p): the
    # softmax counted twice, p - y already being the gradient at the scores
    probs = reference.softmax(scores)
    return (probs - _onehot(labels, probs.shape)) * probs * (1 - probs) / len(probs)


def grad_onehot_eye_batch(scores, labels):
    # np.eye(m)[labels], m the number of examples: right only when m is the number of
    # classes (an index or a broadcast error otherwise)
    probs = reference.softmax(scores)
    m = len(probs)
    return (probs - np.eye(m)[np.asarray(labels)]) / m


def _grad_classes_written_in(count: int) -> Callable[..., Any]:
    """A one-hot with a number of classes written into the code (np.eye(10) for MNIST)."""

    def grad_classes_written_in(scores, labels):
        probs = reference.softmax(scores)
        return (probs - np.eye(count)[np.asarray(labels)]) / len(probs)

    return grad_classes_written_in


def _softmax_batch_max(scores):
    z = np.asarray(scores, dtype=float)
    exps = np.exp(z - z.max())  # the whole batch's maximum, not each row's
    return exps / exps.sum(axis=1, keepdims=True)


def grad_batch_max(scores, labels):
    probs = _softmax_batch_max(scores)
    return (probs - _onehot(labels, probs.shape)) / len(probs)


def grad_through_probabilities(scores, labels):
    # dL/dp = -y / p, then each row's whole softmax Jacobian: right, except that a
    # probability that underflows to 0 is divided by (nan)
    probs = reference.softmax(scores)
    onehot = _onehot(labels, probs.shape)
    with np.errstate(all="ignore"):
        dprobs = -onehot / probs
        rows = [(np.diag(p) - np.outer(p, p)).T @ d for p, d in zip(probs, dprobs, strict=True)]
    return np.array(rows) / len(probs)


def grad_jacobian_dot_not_outer(scores, labels):
    # NNFS's Jacobian without its reshape: np.dot of a 1-D p with itself is one number,
    # so each row's Jacobian is diag(p) - sum(p**2) instead of diag(p) - outer(p, p)
    probs = reference.softmax(scores)
    onehot = _onehot(labels, probs.shape)
    with np.errstate(all="ignore"):
        dprobs = -onehot / probs
        rows = [(np.diagflat(p) - np.dot(p, p)) @ d for p, d in zip(probs, dprobs, strict=True)]
    return np.array(rows) / len(probs)


# dense_backward


def dense_inputs_not_transposed(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs @ grad_out, grad_out.sum(axis=0)


def dense_grad_weights_transposed(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, grad_out.T @ inputs, grad_out.sum(axis=0)


def dense_weights_not_transposed(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights, inputs.T @ grad_out, grad_out.sum(axis=0)


def dense_bias_wrong_axis(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=1)


def dense_bias_not_summed(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out


def dense_averaged(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    m = len(inputs)
    return grad_out @ weights.T, inputs.T @ grad_out / m, grad_out.mean(axis=0)


def dense_bias_keepdims(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=0, keepdims=True)


def dense_weights_averaged_only(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out / len(inputs), grad_out.sum(axis=0)


def dense_biases_averaged_only(inputs, weights, grad_out):
    # db = grad_out.mean(axis=0): the biases' gradient divided by m, the weights' not
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.mean(axis=0)


def dense_wrong_order(inputs, weights, grad_out):
    grad_inputs, grad_weights, grad_biases = reference.dense_backward(inputs, weights, grad_out)
    return grad_weights, grad_biases, grad_inputs


def dense_bias_summed_all(inputs, weights, grad_out):
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum()  # np.sum without axis


def dense_bias_rows_keepdims(inputs, weights, grad_out):
    # column-vector habits: db = sum(dZ, axis=1, keepdims=True), one value per example
    inputs, weights, grad_out = _floats(inputs, weights, grad_out)
    return grad_out @ weights.T, inputs.T @ grad_out, grad_out.sum(axis=1, keepdims=True)


def _dense_in_order(order: tuple[int, int, int]) -> Callable[..., Any]:
    """dense_backward's three gradients returned in another order (0: inputs, 1: weights,
    2: biases), however the return line was written."""

    def dense_in_order(inputs, weights, grad_out):
        parts = reference.dense_backward(inputs, weights, grad_out)
        return tuple(parts[k] for k in order)

    return dense_in_order


def grad_no_onehot_no_mean(scores, labels):
    return reference.softmax(scores)  # the probabilities alone


def grad_over_classes_indexing(scores, labels):
    # column-major habits: m = probs.shape[1] both to pick the label entries and to divide
    probs = reference.softmax(scores)
    m = probs.shape[1]
    onehot = np.zeros(probs.shape)
    onehot[np.arange(m), labels] = 1.0
    return (probs - onehot) / m


# backward: one skeleton, the mistake is in which mask it takes (or where it puts it)


@dataclass(frozen=True)
class Ops:
    """The functions backward calls: the reference's, or a student's broken ones."""

    relu_grad: Callable[..., Any] = reference.relu_grad
    softmax_cross_entropy_grad: Callable[..., Any] = reference.softmax_cross_entropy_grad
    dense_backward: Callable[..., Any] = reference.dense_backward


REFERENCE_OPS = Ops()
_OPS_FIELDS = {f.name for f in fields(Ops)}
# Which array the mask below layer l comes from, given each layer's inputs and z.
Masks = Callable[[int, list, list], Any]


def _forward_pass(inputs, weights, biases, use_biases=True, activate=True):
    layer_inputs, pre_activations = [], []
    values = np.asarray(inputs, dtype=float)
    for w, b in zip(weights, biases, strict=True):
        layer_inputs.append(values)
        pre_activations.append(values @ w + (b if use_biases else 0.0))
        values = np.maximum(0, pre_activations[-1]) if activate else pre_activations[-1]
    return layer_inputs, pre_activations


def _backprop(inputs, weights, biases, labels, ops, mask_of: Masks | None, mask_output=False,
              mask_below_first=False, **forward: bool):  # fmt: skip
    """The reference's walk, the mask of each hidden ReLU taken by mask_of; with
    mask_below_first, the masking step runs after layer 0 too (its result unused, but a
    mask of another width raises there, as the loop's last step does)."""
    layer_inputs, zs = _forward_pass(inputs, weights, biases, **forward)
    grad = ops.softmax_cross_entropy_grad(zs[-1], labels)
    if mask_output:
        grad = grad * ops.relu_grad(zs[-1])
    grad_weights, grad_biases = [], []
    for layer in reversed(range(len(weights))):
        grad_in, gw, gb = ops.dense_backward(layer_inputs[layer], weights[layer], grad)
        grad_weights.insert(0, gw)
        grad_biases.insert(0, gb)
        if layer > 0 or (mask_below_first and mask_of is not None):
            mask = 1.0 if mask_of is None else ops.relu_grad(mask_of(layer, layer_inputs, zs))
            grad = grad_in * mask
    return grad_weights, grad_biases


def _z_below(layer, layer_inputs, zs):
    return zs[layer - 1]


def backward_right(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    return _backprop(inputs, weights, biases, labels, ops, _z_below)


def backward_mask_from_activations(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # Not a mistake: relu(z) > 0 exactly where z > 0, so the mask is the same.
    return _backprop(inputs, weights, biases, labels, ops, lambda k, a, z: a[k])


def backward_no_relu_mask(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    return _backprop(inputs, weights, biases, labels, ops, None)


def backward_mask_one_layer_late(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # zs[layer] is the z computed from these activations by the next matmul.
    return _backprop(inputs, weights, biases, labels, ops, lambda k, a, z: z[k])


def backward_mask_one_layer_late_every_layer(inputs, weights, biases, labels,
                                             ops=REFERENCE_OPS):  # fmt: skip
    # dZ = dA_prev * relu_grad(Zs[l]) at every step of the loop, layer 0's included
    return _backprop(inputs, weights, biases, labels, ops, lambda k, a, z: z[k],
                     mask_below_first=True)  # fmt: skip


def backward_mask_below_first_layer(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # dZ = dA_prev * relu_grad(Zs[l - 1]) at every step: at l = 0, Zs[-1] is the output's z
    return _backprop(inputs, weights, biases, labels, ops, lambda k, a, z: z[k - 1],
                     mask_below_first=True)  # fmt: skip


def backward_mask_from_layer_input(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # a[layer - 1] is what went into the hidden layer, not what came out of it.
    return _backprop(inputs, weights, biases, labels, ops, lambda k, a, z: a[k - 1])


def backward_mask_on_output(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    return _backprop(inputs, weights, biases, labels, ops, _z_below, mask_output=True)


def backward_biases_ignored(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    return _backprop(inputs, weights, biases, labels, ops, _z_below, use_biases=False)


def backward_pre_activation_forward(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the next layer gets z, not relu(z); the mask is still taken from z
    return _backprop(inputs, weights, biases, labels, ops, _z_below, activate=False)


def backward_mask_at_zero(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the mask written inline as z >= 0 (or not z < 0): 1 where z is exactly 0
    at_zero = Ops(relu_grad=relu_grad_at_zero,
                  softmax_cross_entropy_grad=ops.softmax_cross_entropy_grad,
                  dense_backward=ops.dense_backward)  # fmt: skip
    return _backprop(inputs, weights, biases, labels, at_zero, _z_below)


def backward_unstable(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    unstable = Ops(relu_grad=ops.relu_grad, softmax_cross_entropy_grad=grad_unstable,
                   dense_backward=ops.dense_backward)  # fmt: skip
    return _backprop(inputs, weights, biases, labels, unstable, _z_below)


def backward_no_mean(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    summed = Ops(relu_grad=ops.relu_grad, softmax_cross_entropy_grad=grad_no_mean,
                 dense_backward=ops.dense_backward)  # fmt: skip
    return _backprop(inputs, weights, biases, labels, summed, _z_below)


def backward_softmax_on_output(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the forward pass ends in softmax, and its probabilities go in as the scores
    twice = Ops(relu_grad=ops.relu_grad, dense_backward=ops.dense_backward,
                softmax_cross_entropy_grad=lambda s, y: ops.softmax_cross_entropy_grad(
                    reference.softmax(s), y))  # fmt: skip
    return _backprop(inputs, weights, biases, labels, twice, _z_below)


def backward_sign_flipped(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    grad_weights, grad_biases = backward_right(inputs, weights, biases, labels, ops)
    return [-g for g in grad_weights], [-g for g in grad_biases]


def backward_reversed_layers(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # Appended while walking back from the output, and never turned around.
    grad_weights, grad_biases = backward_right(inputs, weights, biases, labels, ops)
    return grad_weights[::-1], grad_biases[::-1]


def backward_swapped(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    grad_weights, grad_biases = backward_right(inputs, weights, biases, labels, ops)
    return grad_biases, grad_weights


def _backprop_with(inputs, weights, biases, labels, ops, step, *, output_relu=False,
                   weights_of=None, first_layer=True):  # fmt: skip
    """The reference's walk, with the step through each hidden ReLU given as
    step(grad_in, z_below, ops), the weights handed to dense_backward chosen by
    weights_of(layer), ReLU on the output layer too, or the first layer left out."""
    layer_inputs, zs = [], []
    values = np.asarray(inputs, dtype=float)
    for k, (w, b) in enumerate(zip(weights, biases, strict=True)):
        layer_inputs.append(values)
        zs.append(values @ w + b)
        values = np.maximum(0, zs[-1]) if output_relu or k < len(weights) - 1 else zs[-1]
    grad = ops.softmax_cross_entropy_grad(values, labels)
    grad_weights: list[Any] = [None] * len(weights)
    grad_biases: list[Any] = [None] * len(weights)
    for layer in reversed(range(len(weights))):
        if layer == 0 and not first_layer:
            break
        w = weights[layer] if weights_of is None else weights[weights_of(layer)]
        parts = ops.dense_backward(layer_inputs[layer], w, grad)
        grad_in, grad_weights[layer], grad_biases[layer] = parts
        if layer > 0:
            grad = step(grad_in, zs[layer - 1], ops)
    return grad_weights, grad_biases


def _masked(grad_in, z, ops):
    return grad_in * ops.relu_grad(z)


def backward_mask_matmul(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # dx.dot(mask.T): (m, n) @ (n, m), a matrix product where an elementwise one belongs
    return _backprop_with(inputs, weights, biases, labels, ops,
                          lambda g, z, o: g @ o.relu_grad(z).T)  # fmt: skip


def _inline_dense(inputs, weights, grad_out):
    """dense_backward's step written inline: a.T @ grad and grad.sum(axis=0) for every
    layer, grad @ W.T only where a layer lies below (so it never raises at layer 0)."""
    inputs, grad_out = _floats(inputs, grad_out)
    return None, inputs.T @ grad_out, grad_out.sum(axis=0)


def backward_mask_matmul_inline(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the same product, in a backward that writes every step itself: no grad_in at layer 0
    def step(grad, z, o):
        return np.asarray(grad, dtype=float) @ o.relu_grad(z).T

    layer_inputs, zs = _forward_pass(inputs, weights, biases)
    grad = ops.softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights, grad_biases = [], []
    for layer in reversed(range(len(weights))):
        _, gw, gb = _inline_dense(layer_inputs[layer], weights[layer], grad)
        grad_weights.insert(0, gw)
        grad_biases.insert(0, gb)
        if layer > 0:
            grad = step(grad @ np.asarray(weights[layer], dtype=float).T, zs[layer - 1], ops)
    return grad_weights, grad_biases


def backward_mask_matmul_square(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    return _backprop_with(inputs, weights, biases, labels, ops,
                          lambda g, z, o: g @ o.relu_grad(z))  # fmt: skip


def backward_mask_matmul_diagonal(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # delta @ np.diag(mask[0]): a one-example habit, the first row's mask for every row
    first_row = lambda g, z, o: g @ np.diag(np.atleast_2d(o.relu_grad(z))[0])  # noqa: E731
    return _backprop_with(inputs, weights, biases, labels, ops, first_row)


def backward_mask_from_upstream(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the mask taken from the gradient flowing back (grad > 0), not from the layer's z
    return _backprop_with(inputs, weights, biases, labels, ops,
                          lambda g, z, o: g * o.relu_grad(g))  # fmt: skip


def backward_relu_on_output(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # softmax of relu(scores): ReLU after the output layer too, no mask for it
    return _backprop_with(inputs, weights, biases, labels, ops, _masked, output_relu=True)


def backward_relu_on_output_no_mask(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # two of backward's own mistakes at once: ReLU after the output layer too, and no ReLU
    # mask anywhere on the way back (relu_on_output with no_relu_mask)
    return _backprop_with(inputs, weights, biases, labels, ops, lambda g, z, o: g,
                          output_relu=True)  # fmt: skip


def backward_relu_on_output_masked(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # ReLU after every layer, the output's too, and backpropagated through as well
    layer_inputs, zs = _forward_pass(inputs, weights, biases)
    grad = ops.softmax_cross_entropy_grad(np.maximum(0, zs[-1]), labels)
    grad = grad * ops.relu_grad(zs[-1])
    grad_weights, grad_biases = [], []
    for layer in reversed(range(len(weights))):
        grad_in, gw, gb = ops.dense_backward(layer_inputs[layer], weights[layer], grad)
        grad_weights.insert(0, gw)
        grad_biases.insert(0, gb)
        if layer > 0:
            grad = grad_in * ops.relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def backward_first_layer_skipped(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the walk back stops at layer 1 (while k > 0): layer 0's gradients are never computed
    return _backprop_with(inputs, weights, biases, labels, ops, _masked, first_layer=False)


def backward_first_layer_zeros(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    grad_weights, grad_biases = backward_first_layer_skipped(inputs, weights, biases, labels,
                                                             ops)  # fmt: skip
    grad_weights[0] = np.zeros(np.shape(weights[0]))
    grad_biases[0] = np.zeros(np.shape(biases[0]))
    return grad_weights, grad_biases


def backward_first_layer_left_zero(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # the output layer's gradients computed before the loop, a loop that stops above
    # layer 0 (Nielsen's range(2, L) made 0-based): layer 0 stays at np.zeros_like
    grad_weights, grad_biases = backward_right(inputs, weights, biases, labels, ops)
    if len(weights) > 1:
        grad_weights[0] = np.zeros(np.shape(weights[0]))
        grad_biases[0] = np.zeros(np.shape(biases[0]))
    return grad_weights, grad_biases


def backward_weights_of_layer_below(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # dense_backward(a[l], weights[l - 1], grad): the layer below's weights (weights[-1] at 0)
    return _backprop_with(inputs, weights, biases, labels, ops, _masked,
                          weights_of=lambda layer: layer - 1)  # fmt: skip


def backward_weights_grad_from_z(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    # grad_weights from the pre-activation below (z.T @ grad), not from what went into the
    # layer, relu(z): the caches mixed up
    layer_inputs, zs = _forward_pass(inputs, weights, biases)
    grad = ops.softmax_cross_entropy_grad(zs[-1], labels)
    grad_weights, grad_biases = [], []
    for layer in reversed(range(len(weights))):
        grad_in, _, gb = ops.dense_backward(layer_inputs[layer], weights[layer], grad)
        below = zs[layer - 1] if layer > 0 else layer_inputs[0]
        _, gw, _ = ops.dense_backward(below, weights[layer], grad)
        grad_weights.insert(0, gw)
        grad_biases.insert(0, gb)
        if layer > 0:
            grad = grad_in * ops.relu_grad(zs[layer - 1])
    return grad_weights, grad_biases


def backward_softmax_batch_max(inputs, weights, biases, labels, ops=REFERENCE_OPS):
    shifted = Ops(relu_grad=ops.relu_grad, softmax_cross_entropy_grad=grad_batch_max,
                  dense_backward=ops.dense_backward)  # fmt: skip
    return _backprop(inputs, weights, biases, labels, shifted, _z_below)


def _rescaled(weights_by: float | None, biases_by: float | None) -> Callable[..., Any]:
    """The right gradients with the weights' or the biases' multiplied by m to a power:
    the 1/m of the mean taken twice (-1) or not at all (+1) in one of them."""

    def backward_rescaled(inputs, weights, biases, labels, ops=REFERENCE_OPS):
        grad_weights, grad_biases = backward_right(inputs, weights, biases, labels, ops)
        m = len(np.asarray(inputs))
        return ([g * m ** (weights_by or 0) for g in grad_weights],
                [g * m ** (biases_by or 0) for g in grad_biases])  # fmt: skip

    return backward_rescaled


# sgd_step


def sgd_ascent(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        [w + learning_rate * g for w, g in zip(weights, grad_weights, strict=True)],
        [b + learning_rate * g for b, g in zip(biases, grad_biases, strict=True)],
    )


def sgd_no_learning_rate(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        [w - g for w, g in zip(weights, grad_weights, strict=True)],
        [b - g for b, g in zip(biases, grad_biases, strict=True)],
    )


def sgd_in_place(weights, biases, grad_weights, grad_biases, learning_rate):
    for w, g in zip(weights, grad_weights, strict=True):
        w -= learning_rate * g  # raises on the sandbox's read-only arguments
    for b, g in zip(biases, grad_biases, strict=True):
        b -= learning_rate * g
    return weights, biases


def sgd_biases_unchanged(weights, biases, grad_weights, grad_biases, learning_rate):
    new_weights = [w - learning_rate * g for w, g in zip(weights, grad_weights, strict=True)]
    return new_weights, list(biases)


def sgd_biases_no_learning_rate(weights, biases, grad_weights, grad_biases, learning_rate):
    return (
        [w - learning_rate * g for w, g in zip(weights, grad_weights, strict=True)],
        [b - g for b, g in zip(biases, grad_biases, strict=True)],
    )


def sgd_stacked_layers(weights, biases, grad_weights, grad_biases, learning_rate):
    # np.array(weights) - learning_rate * np.array(grad_weights): the layers as one array,
    # which only exists when every layer has one shape
    new_weights = np.array(weights) - learning_rate * np.array(grad_weights)
    new_biases = np.array(biases) - learning_rate * np.array(grad_biases)
    return list(new_weights), list(new_biases)


CATALOGUE: tuple[tuple[str, str, Callable[..., Any], str], ...] = (
    ("backward.relu_grad_is_relu", "relu_grad", relu_grad_is_relu,
     "relu_grad returns ReLU itself; it should return ReLU's slope: 1.0 where z > 0 and 0.0 "
     "elsewhere, e.g. (z > 0).astype(float)."),
    ("backward.relu_grad_at_zero", "relu_grad", relu_grad_at_zero,
     "At z == 0 the slope is taken to be 0: use z > 0, not z >= 0."),
    ("backward.relu_grad_sigmoid", "relu_grad", relu_grad_sigmoid,
     "This is the sigmoid's slope, sigmoid(z) * (1 - sigmoid(z)); ReLU's is 1.0 where z > 0 "
     "and 0.0 elsewhere: (z > 0).astype(float)."),
    ("backward.relu_grad_int", "relu_grad", relu_grad_int,
     "z is turned into whole numbers first (int(z), astype(int)): a z between 0 and 1 "
     "becomes 0 and gets slope 0; compare z itself: (z > 0).astype(float)."),
    ("backward.relu_grad_clipped", "relu_grad", relu_grad_clipped,
     "np.clip(z, 0, 1) is not ReLU's slope: a z between 0 and 1 keeps its own value; the "
     "slope is 1.0 wherever z > 0 and 0.0 elsewhere: (z > 0).astype(float)."),
    ("backward.relu_grad_in_place", "relu_grad", relu_grad_in_place,
     "Your relu_grad writes into the array it was given (z[z > 0] = 1); build a new array "
     "instead, e.g. (z > 0).astype(float)."),
    ("backward.grad_no_mean", "softmax_cross_entropy_grad", grad_no_mean,
     "The 1/m is missing: the loss is the mean over the m rows, so divide softmax(scores) - "
     "onehot(labels) by m = len(scores)."),
    ("backward.grad_mean_over_rows", "softmax_cross_entropy_grad", grad_mean_over_rows,
     "np.mean(axis=0) averages the rows into a single row: each example keeps its own "
     "gradient row, and the mean loss divides each row by m: (softmax(scores) - "
     "onehot(labels)) / m, shape (m, n)."),
    ("backward.grad_int_buffer", "softmax_cross_entropy_grad", grad_int_buffer,
     "The probabilities are stored in an array made like the scores (np.zeros_like(scores)), "
     "which is an int array when the scores are whole numbers: every probability is cut to "
     "0. Build the result from softmax(scores) itself, or make the buffer float."),
    ("backward.grad_softmax_twice", "softmax_cross_entropy_grad", grad_softmax_twice,
     "softmax is applied twice: the gradient is softmax(scores) - onehot, with scores the "
     "raw output of the last layer, not probabilities already."),
    ("backward.grad_over_classes", "softmax_cross_entropy_grad", grad_over_classes,
     "You divide by the number of classes (scores.shape[1]); the loss is a mean over the rows "
     "(examples), so divide by m = scores.shape[0]."),
    ("backward.labels_as_values", "softmax_cross_entropy_grad", grad_labels_as_values,
     "labels are class indices, not target values: subtract 1 only in each row's label "
     "column (a one-hot matrix), e.g. probs[np.arange(m), labels] -= 1 on a copy."),
    ("backward.labels_as_onehot", "softmax_cross_entropy_grad", grad_labels_as_onehot,
     "labels are class indices of shape (m,), not a one-hot matrix: subtracting them "
     "broadcasts them along every row. Build the one-hot first (np.eye(n)[labels], n = "
     "scores.shape[1]), or subtract 1 at probs[np.arange(m), labels]."),
    ("backward.onehot_columns", "softmax_cross_entropy_grad", grad_onehot_columns,
     "probs[:, labels] picks whole columns, so every row loses 1 in every label's column; "
     "pick one entry per row: probs[np.arange(m), labels]."),
    ("backward.grad_sign_flipped", "softmax_cross_entropy_grad", grad_sign_flipped,
     "The sign is flipped: the gradient is softmax(scores) - onehot(labels), positive for "
     "the wrong classes (raising their scores raises the loss)."),
    ("backward.grad_unstable", "softmax_cross_entropy_grad", grad_unstable,
     "np.exp overflows for large scores and gives nan; use the stable softmax (subtract each "
     "row's maximum first): the probabilities do not change."),
    ("backward.grad_no_onehot", "softmax_cross_entropy_grad", grad_no_onehot,
     "The one-hot labels are never subtracted: the gradient of the loss with respect to the "
     "scores is (softmax(scores) - onehot(labels)) / m."),
    ("backward.grad_no_onehot_no_mean", "softmax_cross_entropy_grad", grad_no_onehot_no_mean,
     "This returns the probabilities themselves: the gradient of the mean loss with respect "
     "to the scores subtracts the one-hot labels and divides by m: (softmax(scores) - "
     "onehot(labels)) / m."),
    ("backward.grad_over_classes_indexing", "softmax_cross_entropy_grad",
     grad_over_classes_indexing,
     "m is taken from scores.shape[1], the number of classes (a column-per-example habit): "
     "here examples are rows, so m = scores.shape[0], both to pick each row's label entry "
     "and to divide by."),
    ("backward.grad_softmax_over_batch", "softmax_cross_entropy_grad", grad_softmax_over_batch,
     "The softmax is normalised over the batch (axis=0): each row is one example, so take max "
     "and sum along axis=1 (keepdims=True)."),
    ("backward.grad_softmax_whole_array", "softmax_cross_entropy_grad",
     grad_softmax_whole_array,
     "The softmax is normalised over the whole array (np.sum without axis), so the batch "
     "sums to 1 instead of each row: use max and sum along axis=1 with keepdims=True."),
    ("backward.grad_softmax_whole_array_shifted", "softmax_cross_entropy_grad",
     grad_softmax_whole_array_shifted,
     "The softmax is normalised over the whole array (np.max and np.sum without axis), so "
     "the batch sums to 1 instead of each row: use max and sum along axis=1 with "
     "keepdims=True."),
    ("backward.grad_sum_no_keepdims", "softmax_cross_entropy_grad", grad_sum_no_keepdims,
     "The softmax divides by exps.sum(axis=1) without keepdims: the m row sums are spread "
     "along the columns (an error unless there are as many rows as classes, wrong values "
     "when there are); keep the axis: exps.sum(axis=1, keepdims=True)."),
    ("backward.grad_rows_by_labels", "softmax_cross_entropy_grad", grad_rows_by_labels,
     "grad[labels] -= 1 picks whole rows by the label values; subtract 1 at one entry per "
     "row, its label's column: grad[np.arange(m), labels] -= 1."),
    ("backward.grad_wrt_probabilities", "softmax_cross_entropy_grad", grad_wrt_probabilities,
     "This is the gradient with respect to the probabilities (-y / p); the exercise asks for "
     "the gradient with respect to the scores, which simplifies to (softmax(scores) - "
     "onehot(labels)) / m."),
    ("backward.grad_diagonal_jacobian", "softmax_cross_entropy_grad", grad_diagonal_jacobian,
     "Only the diagonal of the softmax Jacobian is used (p * (1 - p)), so the classes that are "
     "not the label get 0; through the whole Jacobian the gradient is (softmax(scores) - "
     "onehot(labels)) / m."),
    ("backward.grad_jacobian_dot_not_outer", "softmax_cross_entropy_grad",
     grad_jacobian_dot_not_outer,
     "The softmax Jacobian's second term is the outer product of p with itself, "
     "np.outer(p, p) (p as a column times p as a row); np.dot of a 1-D p with itself is one "
     "number. Through the whole Jacobian the gradient simplifies to (softmax(scores) - "
     "onehot(labels)) / m."),
    ("backward.grad_divided_before_onehot", "softmax_cross_entropy_grad",
     grad_divided_before_onehot,
     "The probabilities are divided by m before the one-hot is subtracted, so the 1 at each "
     "label is not: subtract first, then divide the whole difference by m."),
    ("backward.labels_one_based", "softmax_cross_entropy_grad", grad_labels_one_based,
     "The labels are used as if they counted from 1 (labels - 1): they are class indices "
     "from 0, so the 1 of row i's one-hot goes in column labels[i] itself."),
    ("backward.onehot_sized_by_labels", "softmax_cross_entropy_grad",
     grad_onehot_sized_by_labels,
     "The one-hot matrix is sized by the largest label (labels.max() + 1), which is too "
     "small when the last class is no example's label: give it one column per class, "
     "scores.shape[1] (np.zeros_like(probs), or np.eye(n) with n = scores.shape[1])."),
    *(
        ("backward.classes_written_in" + ("" if count == 10 else f"_{count}"),
         "softmax_cross_entropy_grad",
         _grad_classes_written_in(count),
         f"The number of classes is written into the code ({count}): take it from the scores, "
         "n = scores.shape[1], so the one-hot matrix has the scores' shape.")
        for count in (10, 2, 3)
    ),
    ("backward.grad_times_softmax_slope", "softmax_cross_entropy_grad",
     grad_times_softmax_slope,
     "softmax(scores) - onehot(labels) is already the gradient at the scores (the softmax's "
     "slope is inside it); multiplying it again by p * (1 - p), the softmax's own slope, "
     "counts the softmax twice: the gradient is (softmax(scores) - onehot(labels)) / m."),
    ("backward.onehot_eye_batch", "softmax_cross_entropy_grad", grad_onehot_eye_batch,
     "The one-hot matrix is built with np.eye(m), sized by the number of examples (rows): it "
     "needs one column per class, np.eye(n)[labels] with n = scores.shape[1] (it only fits "
     "when there are as many examples as classes)."),
    ("backward.grad_batch_max", "softmax_cross_entropy_grad", grad_batch_max,
     "The softmax is shifted by the whole batch's maximum (scores.max()); shift each row by "
     "its own maximum, scores.max(axis=1, keepdims=True), or a row far below the top one "
     "underflows to 0 / 0."),
    ("backward.grad_through_probabilities", "softmax_cross_entropy_grad",
     grad_through_probabilities,
     "The gradient goes through the probabilities (-y / p, then the softmax Jacobian): right "
     "on paper, but a probability that underflows to 0 is divided by (nan). The two steps "
     "simplify to (softmax(scores) - onehot(labels)) / m, which never divides."),
    ("backward.dense_inputs_not_transposed", "dense_backward", dense_inputs_not_transposed,
     "grad_weights is inputs.T @ grad_out: (n_in, m) @ (m, n_out) adds up every row's "
     "contribution and has the weights' shape (n_in, n_out)."),
    ("backward.dense_grad_weights_transposed", "dense_backward", dense_grad_weights_transposed,
     "grad_weights comes out transposed (n_out, n_in); it must have the weights' shape "
     "(n_in, n_out): inputs.T @ grad_out."),
    ("backward.dense_weights_not_transposed", "dense_backward", dense_weights_not_transposed,
     "grad_inputs is grad_out @ weights.T: (m, n_out) @ (n_out, n_in) gives the inputs' "
     "shape (m, n_in); without .T the shapes only fit when the weights are square."),
    ("backward.dense_bias_wrong_axis", "dense_backward", dense_bias_wrong_axis,
     "grad_biases sums over the wrong axis: a bias is added to every row, so sum down the "
     "rows, grad_out.sum(axis=0), one value per node."),
    ("backward.dense_bias_not_summed", "dense_backward", dense_bias_not_summed,
     "grad_biases must have the biases' shape (n_out,): add up the rows' gradients, "
     "grad_out.sum(axis=0)."),
    ("backward.dense_averaged", "dense_backward", dense_averaged,
     "You divide by m again in dense_backward; the 1/m of the mean loss is already in "
     "grad_out (softmax_cross_entropy_grad divided by it), so just sum: inputs.T @ grad_out "
     "and grad_out.sum(axis=0)."),
    ("backward.dense_bias_keepdims", "dense_backward", dense_bias_keepdims,
     "grad_biases has shape (1, n_out): it must have the biases' shape (n_out,), "
     "grad_out.sum(axis=0) without keepdims."),
    ("backward.dense_weights_averaged_only", "dense_backward", dense_weights_averaged_only,
     "grad_weights is divided by m but grad_biases is not; grad_out already carries the 1/m "
     "of the mean loss, so divide neither: inputs.T @ grad_out and grad_out.sum(axis=0)."),
    ("backward.dense_biases_averaged_only", "dense_backward", dense_biases_averaged_only,
     "grad_biases is divided by m (a mean over the rows) but grad_weights is not; grad_out "
     "already carries the 1/m of the mean loss, so sum: grad_out.sum(axis=0)."),
    ("backward.dense_wrong_order", "dense_backward", dense_wrong_order,
     "Return the gradients in the order (grad_inputs, grad_weights, grad_biases)."),
    *(
        (f"backward.dense_order_{''.join('iwb'[k] for k in order)}", "dense_backward",
         _dense_in_order(order),
         "Return the gradients in the order (grad_inputs, grad_weights, grad_biases).")
        for order in ((0, 2, 1), (1, 0, 2), (2, 0, 1), (2, 1, 0))
    ),
    ("backward.dense_bias_summed_all", "dense_backward", dense_bias_summed_all,
     "grad_biases is one number: the sum runs over every axis. A bias is added to every "
     "row, so sum down the rows only, grad_out.sum(axis=0): one value per node."),
    ("backward.dense_bias_rows_keepdims", "dense_backward", dense_bias_rows_keepdims,
     "grad_biases has one value per example (m, 1): the sum runs along each row. A bias is "
     "added to every row, so sum down the rows, grad_out.sum(axis=0): shape (n_out,)."),
    ("backward.no_relu_mask", "backward", backward_no_relu_mask,
     "The ReLU of the hidden layers is missing from the backward pass: multiply the gradient "
     "coming out of dense_backward by relu_grad(z) of the hidden layer below, elementwise."),
    ("backward.mask_one_layer_late", "backward", backward_mask_one_layer_late,
     "The ReLU mask comes from the wrong layer: the gradient of a hidden layer's output is "
     "masked with relu_grad of that layer's own z, not the z of the layer above it."),
    ("backward.mask_one_layer_late_every_layer", "backward",
     backward_mask_one_layer_late_every_layer,
     "The ReLU mask comes from the wrong layer: the gradient of a hidden layer's output is "
     "masked with relu_grad of that layer's own z, not the z of the layer above it."),
    ("backward.mask_below_first_layer", "backward", backward_mask_below_first_layer,
     "The ReLU step also runs below the first layer: there Zs[l - 1] is Zs[-1], the "
     "output's z (a negative index wraps around), whose width differs from the inputs'; "
     "mask only while a layer lies below (l > 0)."),
    ("backward.mask_from_layer_input", "backward", backward_mask_from_layer_input,
     "The ReLU mask comes from the hidden layer's input; mask with relu_grad of the hidden "
     "layer's own z (or its output: relu(z) > 0 is the same mask as z > 0)."),
    ("backward.mask_on_output", "backward", backward_mask_on_output,
     "The output layer has no ReLU: start from softmax_cross_entropy_grad(scores, labels) "
     "as it is, and mask only below hidden layers."),
    ("backward.biases_ignored", "backward", backward_biases_ignored,
     "The forward pass inside backward leaves out the biases: z = a @ W + b in every layer, "
     "or the gradients are taken at the wrong point."),
    ("backward.pre_activation_forward", "backward", backward_pre_activation_forward,
     "The forward pass feeds z, not relu(z), to the next layer: keep a = relu(z) as the next "
     "layer's input (and for its grad_weights)."),
    ("backward.mask_at_zero", "backward", backward_mask_at_zero,
     "The ReLU mask lets the gradient through where z is exactly 0: its slope there is 0, so "
     "mask with z > 0 (relu_grad), not z >= 0."),
    ("backward.unstable_softmax", "backward", backward_unstable,
     "The softmax inside backward overflows for large scores (nan): subtract each row's "
     "maximum before np.exp, or call softmax_cross_entropy_grad."),
    ("backward.no_mean", "backward", backward_no_mean,
     "The gradient at the scores is not divided by m: the loss is the mean over the rows, so "
     "start from (softmax(scores) - onehot(labels)) / m."),
    ("backward.softmax_on_output", "backward", backward_softmax_on_output,
     "The forward pass inside backward ends in softmax, and softmax_cross_entropy_grad "
     "applies softmax again to those probabilities: hand it the last layer's raw z."),
    ("backward.sign_flipped", "backward", backward_sign_flipped,
     "Every gradient has the wrong sign: start from softmax(scores) - onehot(labels) (not "
     "onehot - softmax), and do not negate the results."),
    ("backward.mask_matmul", "backward", backward_mask_matmul,
     "The ReLU mask is applied with a matrix product (@ or np.dot); it multiplies each "
     "entry by its own slope: grad_in * relu_grad(z), elementwise."),
    ("backward.mask_matmul_inline", "backward", backward_mask_matmul_inline,
     "The ReLU mask is applied with a matrix product (@ or np.dot); it multiplies each "
     "entry by its own slope: grad_in * relu_grad(z), elementwise."),
    ("backward.mask_matmul_square", "backward", backward_mask_matmul_square,
     "The ReLU mask is applied with a matrix product (@ or np.dot); it multiplies each "
     "entry by its own slope: grad_in * relu_grad(z), elementwise."),
    ("backward.mask_matmul_diagonal", "backward", backward_mask_matmul_diagonal,
     "The ReLU mask is applied with a matrix product (@ np.diag(...)) that takes one row's "
     "mask for every example; multiply elementwise instead: grad_in * relu_grad(z)."),
    ("backward.mask_from_upstream", "backward", backward_mask_from_upstream,
     "The ReLU mask is taken from the gradient flowing back (grad > 0); it comes from the "
     "hidden layer's own z: grad_in * relu_grad(z) with z of the layer below."),
    ("backward.relu_on_output", "backward", backward_relu_on_output,
     "The forward pass inside backward applies ReLU to the output layer too: the last "
     "layer is linear, its z goes into softmax as it is."),
    ("backward.relu_on_output_masked", "backward", backward_relu_on_output_masked,
     "ReLU is applied to the output layer too (in the forward pass and its mask in the "
     "backward one): the last layer is linear, its z goes into softmax as it is and its "
     "gradient is not masked."),
    ("backward.first_layer_skipped", "backward", backward_first_layer_skipped,
     "The walk back stops before the first layer (k > 0), so its gradients are never "
     "computed: run dense_backward for every layer down to 0, and only skip the ReLU "
     "step below layer 0."),
    ("backward.first_layer_zeros", "backward", backward_first_layer_zeros,
     "The walk back stops before the first layer (k > 0), so its gradients are never "
     "computed: run dense_backward for every layer down to 0, and only skip the ReLU "
     "step below layer 0."),
    ("backward.first_layer_left_zero", "backward", backward_first_layer_left_zero,
     "The loop back over the layers stops above the first layer (range(L - 1, 1, -1) after "
     "the output layer): with two layers or more the first layer's gradients stay zero; "
     "the loop must go down to layer 0."),
    ("backward.weights_of_layer_below", "backward", backward_weights_of_layer_below,
     "dense_backward gets the weights of another layer (weights[l - 1]); layer l's gradients "
     "come from layer l's own input and weights: dense_backward(a[l], weights[l], grad)."),
    ("backward.weights_grad_from_z", "backward", backward_weights_grad_from_z,
     "grad_weights is computed from the z of the layer below; it comes from what went into "
     "the layer, its activation relu(z) (the inputs for the first layer)."),
    ("backward.softmax_batch_max", "backward", backward_softmax_batch_max,
     "The softmax inside backward is shifted by the whole batch's maximum; shift each row "
     "by its own (axis=1, keepdims=True), or call softmax_cross_entropy_grad."),
    ("backward.weights_averaged_twice", "backward", _rescaled(-1, None),
     "grad_weights is divided by m twice: the gradient at the scores already carries the "
     "1/m of the mean loss, so a.T @ grad is the weights' gradient as it is."),
    ("backward.biases_averaged_twice", "backward", _rescaled(None, -1),
     "grad_biases is divided by m twice: the gradient at the scores already carries the "
     "1/m of the mean loss, so grad.sum(axis=0) is the biases' gradient as it is."),
    ("backward.averaged_twice", "backward", _rescaled(-1, -1),
     "Every gradient is divided by m twice: the gradient at the scores already carries "
     "the 1/m of the mean loss, so do not divide grad_weights and grad_biases again."),
    ("backward.biases_not_averaged", "backward", _rescaled(None, 1),
     "grad_biases is m times too large: the weights' gradient gets the 1/m of the mean "
     "loss but the biases' does not; divide the gradient at the scores by m once, before "
     "both are computed."),
    ("backward.weights_not_averaged", "backward", _rescaled(1, None),
     "grad_weights is m times too large: the biases' gradient gets the 1/m of the mean "
     "loss but the weights' does not; divide the gradient at the scores by m once, before "
     "both are computed."),
    ("backward.reversed_layers", "backward", backward_reversed_layers,
     "The gradients come out last layer first; return them in the layers' order, "
     "grad_weights[l] for weights[l] (reverse the lists, or fill them by index)."),
    ("backward.swapped", "backward", backward_swapped,
     "Return (grad_weights, grad_biases) in that order: the weights' gradients first."),
    ("backward.sgd_ascent", "sgd_step", sgd_ascent,
     "The step goes uphill: the gradient points where the loss grows, so subtract it: "
     "p - learning_rate * grad."),
    ("backward.sgd_no_learning_rate", "sgd_step", sgd_no_learning_rate,
     "The learning rate is missing: each parameter moves by learning_rate * grad, not by "
     "the whole gradient."),
    ("backward.sgd_in_place", "sgd_step", sgd_in_place,
     "Your sgd_step writes into the arrays it was given (w -= ...); return new lists of new "
     "arrays instead: [w - learning_rate * g for w, g in zip(weights, grad_weights)]."),
    ("backward.sgd_biases_unchanged", "sgd_step", sgd_biases_unchanged,
     "The biases are not updated: they take a step too, b - learning_rate * grad_b."),
    ("backward.sgd_biases_no_learning_rate", "sgd_step", sgd_biases_no_learning_rate,
     "The biases' step leaves out the learning rate: they move by learning_rate * grad too, "
     "b - learning_rate * grad_b, like the weights."),
    ("backward.sgd_stacked_layers", "sgd_step", sgd_stacked_layers,
     "The list of layers is turned into one array (np.array(weights)), which only works "
     "when every layer has the same shape: step through the layers one by one, "
     "[w - learning_rate * g for w, g in zip(weights, grad_weights)]."),
)  # fmt: skip


def _inline(callee: str, implementation: Callable[..., Any]) -> Callable[..., Any]:
    """A backward that computes a callee's step itself, with that callee's mistake."""

    def backward_inline(inputs, weights, biases, labels, ops=REFERENCE_OPS):
        inline = Ops(
            **{f.name: getattr(ops, f.name) for f in fields(Ops)} | {callee: implementation}
        )
        return _backprop(inputs, weights, biases, labels, inline, _z_below)

    return backward_inline


# The callees' mistakes, made by a backward that computes their step itself (no call):
# the same misconception, so the same family and words, said of backward.
INLINE = (
    "backward.relu_grad_is_relu", "backward.relu_grad_sigmoid",
    "backward.grad_divided_before_onehot", "backward.grad_no_onehot", "backward.onehot_columns",
    "backward.grad_over_classes", "backward.grad_softmax_over_batch",
    "backward.grad_softmax_whole_array", "backward.grad_softmax_whole_array_shifted",
    "backward.grad_sum_no_keepdims", "backward.grad_rows_by_labels",
    "backward.relu_grad_int", "backward.relu_grad_clipped",
    "backward.labels_one_based", "backward.onehot_sized_by_labels",
    "backward.classes_written_in", "backward.grad_wrt_probabilities",
    "backward.grad_diagonal_jacobian", "backward.grad_jacobian_dot_not_outer",
    "backward.grad_through_probabilities", "backward.labels_as_values",
    "backward.labels_as_onehot", "backward.dense_bias_wrong_axis",
    "backward.dense_bias_keepdims", "backward.dense_bias_not_summed",
    "backward.dense_grad_weights_transposed", "backward.dense_bias_summed_all",
    "backward.dense_bias_rows_keepdims",
)  # fmt: skip
_BY_KEY = {
    key: (exercise, implementation, hint) for key, exercise, implementation, hint in CATALOGUE
}
# Each inline flavour and the callee whose step it computes itself.
_INLINED = {f"backward.inline_{key.removeprefix('backward.')}": _BY_KEY[key][0] for key in INLINE}
# Where backward computes a callee's step itself: the place its hint names.
_STEP = {
    "relu_grad": "backward computes ReLU's slope itself (the mask; it calls no relu_grad), "
    "and there: ",
    "softmax_cross_entropy_grad": "backward computes the gradient at the scores itself (it "
    "calls no softmax_cross_entropy_grad), and there: ",
    "dense_backward": "backward computes a layer's gradients itself (it calls no "
    "dense_backward), and there: ",
}
# A callee's words that name the callee, said of the step as backward writes it.
_INLINE_WORDS = {
    "backward.relu_grad_is_relu": "the mask is ReLU itself, max(0, z), instead of ReLU's "
    "slope: 1.0 where z > 0 and 0.0 elsewhere, e.g. (z > 0).",
}
CATALOGUE += tuple(
    (f"backward.inline_{key.removeprefix('backward.')}", "backward",
     _inline(_BY_KEY[key][0], _BY_KEY[key][1]),
     _STEP[_BY_KEY[key][0]] + _INLINE_WORDS.get(key, _BY_KEY[key][2]))
    for key in INLINE
)  # fmt: skip

MISTAKES = tuple(
    Mistake(exercise, implementation, hint, key)
    for key, exercise, implementation, hint in CATALOGUE
)

# Ways of writing a misconception, and the misconception each one is.
FLAVOUR_OF = {
    **{
        f"backward.dense_order_{o}": "backward.dense_wrong_order"
        for o in ("ibw", "wib", "biw", "bwi")
    },
    "backward.dense_bias_summed_all": "backward.dense_bias_wrong_axis",
    "backward.dense_bias_rows_keepdims": "backward.dense_bias_wrong_axis",
    "backward.grad_no_onehot_no_mean": "backward.grad_no_onehot",
    "backward.grad_over_classes_indexing": "backward.grad_over_classes",
    **{f"backward.classes_written_in_{n}": "backward.classes_written_in" for n in (2, 3)},
    "backward.mask_matmul_square": "backward.mask_matmul",
    "backward.mask_matmul_inline": "backward.mask_matmul",
    "backward.mask_matmul_diagonal": "backward.mask_matmul",
    "backward.first_layer_zeros": "backward.first_layer_skipped",
    "backward.first_layer_left_zero": "backward.first_layer_skipped",
    "backward.grad_softmax_whole_array_shifted": "backward.grad_softmax_whole_array",
    "backward.mask_one_layer_late_every_layer": "backward.mask_one_layer_late",
    "backward.sgd_biases_no_learning_rate": "backward.sgd_no_learning_rate",
    "backward.relu_on_output_masked": "backward.relu_on_output",
    # backward's own copies of a callee's misconception, written inline: the same family
    "backward.softmax_batch_max": "backward.grad_batch_max",
    "backward.averaged_twice": "backward.dense_averaged",
    "backward.weights_averaged_twice": "backward.dense_weights_averaged_only",
    "backward.biases_averaged_twice": "backward.dense_biases_averaged_only",
    **{f"backward.inline_{key.removeprefix('backward.')}": key for key in INLINE},
}
FLAVOUR_OF = {key: FLAVOUR_OF.get(family, family) for key, family in FLAVOUR_OF.items()}
# Misconceptions the forward assignment names too (a softmax, a loss's indexing, a cast):
# one misconception, one family, whichever assignment shows it.
SHARED = {
    "backward.grad_unstable": "softmax.no_shift",
    "backward.unstable_softmax": "softmax.no_shift",
    "backward.grad_softmax_over_batch": "softmax.wrong_axis",
    "backward.grad_softmax_whole_array": "softmax.whole_array",
    "backward.grad_sum_no_keepdims": "softmax.no_keepdims",
    "backward.grad_batch_max": "softmax.global_max",
    "backward.grad_rows_by_labels": "loss.rows_by_labels",
    "backward.relu_grad_int": "relu.int_dtype",
    "backward.labels_one_based": "loss.labels_one_based",
    "backward.grad_softmax_twice": "loss.softmax_twice",
    "backward.softmax_on_output": "loss.softmax_twice",
    "backward.grad_int_buffer": "softmax.int_dtype",
}
FLAVOUR_OF = {key: SHARED.get(family, family) for key, family in FLAVOUR_OF.items()} | SHARED

# Right answers written another way: the grader must accept them, and no mistake may
# claim them (a test checks both).
EQUIVALENTS: dict[str, tuple[Callable[..., Any], ...]] = {
    "relu_grad": (lambda z: (np.maximum(0, z) > 0).astype(float),),
    "backward": (backward_right, backward_mask_from_activations),
}


def combine(exercise: str, mistakes: tuple[Mistake, ...]) -> Callable[..., Any] | None:
    """A backward with at most one own mistake, calling the given callees' mistakes, or a
    dense_backward with two mistakes in different parts of its result (None: any other
    combination is not modelled, so it names nothing)."""
    own = [m for m in mistakes if m.exercise == exercise]
    callees = {m.exercise: m.implementation for m in mistakes if m.exercise != exercise}
    if exercise == "dense_backward" and len(own) == 2 and not callees:
        return _parts_of(own[0].implementation, own[1].implementation)
    if exercise == "backward" and len(own) == 2 and not callees:
        # Two of backward's own mistakes: only the pairs modelled together (PAIRS).
        return PAIRS.get(frozenset(m.name for m in own))
    if exercise != "backward" or len(own) > 1 or not callees.keys() <= _OPS_FIELDS:
        return None
    if own and callees and own[0].name in _INLINED:
        # A callee's mistake made inline is modelled alone: with the callee's own mistake it
        # never calls it; with another callee's, two bugs this rare are not worth the
        # combinations (each one a row in every student kit).
        return None
    body = own[0].implementation if own else backward_right
    return partial(body, ops=Ops(**callees))


# Two of backward's own mistakes made together, each pair one implementation: seen in
# real code (a forward pass with ReLU everywhere, and a backward pass with none).
PAIRS: dict[frozenset[str], Callable[..., Any]] = {
    frozenset({"backward.relu_on_output", "backward.no_relu_mask"}): (
        backward_relu_on_output_no_mask
    ),
}


def _parts_of(first: Callable[..., Any], second: Callable[..., Any]) -> Callable[..., Any]:
    """A dense_backward with two mistakes, each in its own part of the result
    (grad_inputs, grad_weights, grad_biases): each part from the mistake that changes it.
    Two mistakes in one part are not modelled (the first one's part is taken, which the
    student's values then do not match)."""

    def dense_backward_two(inputs, weights, grad_out):
        right = reference.dense_backward(inputs, weights, grad_out)
        one, two = first(inputs, weights, grad_out), second(inputs, weights, grad_out)
        return tuple(
            a if not _same_part(a, r) else b for r, a, b in zip(right, one, two, strict=True)
        )

    return dense_backward_two


def _same_part(a: Any, b: Any) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(a, b, equal_nan=True))
