"""Known mistakes of the forward-propagation exercises, each a small wrong implementation.

When a student's function fails, the grader runs these (in the grader, like the
reference) on the same cases; the mistake whose outputs match the student's on
every failed test names the misconception, and its hint says what to change.
Each function is written the way a student would, self-contained, so the
tests can also submit it as a student's code.
"""

from __future__ import annotations

import numpy as np

from grader.spec import Mistake

# relu


def relu_scalar_max(x):
    return max(0, x)


def relu_abs(x):
    return np.abs(x)


def relu_in_place(x):
    x = np.asarray(x)
    x[x < 0] = 0
    return x


# node_value


def node_value_no_bias(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights))


def node_value_no_sum(inputs, weights, bias=0.0):
    return np.asarray(inputs) * np.asarray(weights) + bias


# hidden_layer


def hidden_layer_no_relu(inputs, weights, biases=None):
    z = np.asarray(inputs) @ np.asarray(weights)
    return z if biases is None else z + biases


def hidden_layer_bias_after_relu(inputs, weights, biases=None):
    a = np.maximum(0, np.asarray(inputs) @ np.asarray(weights))
    return a if biases is None else a + biases


def hidden_layer_transposed(inputs, weights, biases=None):
    z = np.asarray(inputs) @ np.asarray(weights).T
    return np.maximum(0, z if biases is None else z + biases)


# forward


def forward_relu_on_output(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = np.maximum(0, a @ w + (0 if biases is None else biases[i]))
    return a


def forward_no_relu(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = a @ w + (0 if biases is None else biases[i])
    return a


def forward_no_biases(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for w in weights[:-1]:
        a = np.maximum(0, a @ w)
    return a @ weights[-1]


def forward_first_and_last_only(inputs, weights, biases=None):
    b = biases or [0] * len(weights)
    if len(weights) == 1:
        return np.asarray(inputs) @ weights[0] + b[0]
    hidden = np.maximum(0, np.asarray(inputs) @ weights[0] + b[0])
    return hidden @ weights[-1] + b[-1]


def forward_flattened(inputs, weights, biases=None):
    a = np.asarray(inputs)
    for i, w in enumerate(weights):
        a = a @ w + (0 if biases is None else biases[i])
        if i < len(weights) - 1:
            a = np.maximum(0, a)
    return a.ravel()


# softmax


def softmax_unstable(z):
    e = np.exp(np.asarray(z, dtype=float))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_wrong_axis(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def softmax_whole_array(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum()


# cross_entropy_loss


def loss_summed(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].sum())


def loss_no_softmax(scores, labels):
    s = np.asarray(scores, dtype=float)
    return float(-np.log(s[np.arange(len(labels)), labels]).mean())


def loss_unstable(scores, labels):
    e = np.exp(np.asarray(scores, dtype=float))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.log(p[np.arange(len(labels)), labels]).mean())


def loss_per_row(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(labels)), labels]


MISTAKES = (
    Mistake("relu", relu_scalar_max,
            "max(0, x) only works for a single number; for arrays use np.maximum(0, x), "
            "which handles scalars and arrays alike."),
    Mistake("relu", relu_abs,
            "ReLU is not the absolute value: negative inputs must become 0, not positive."),
    Mistake("relu", relu_in_place,
            "Your relu changes the array it was given (x[x < 0] = 0 writes into the caller's "
            "data); return a new array instead, e.g. np.maximum(0, x)."),
    Mistake("node_value", node_value_no_bias,
            "The bias is missing: a node's value is the weighted sum of its inputs plus the "
            "bias."),
    Mistake("node_value", node_value_no_sum,
            "You return the products inputs[i] * weights[i] one by one; add them up (.sum() or "
            "np.dot) to get the node's single value."),
    Mistake("hidden_layer", hidden_layer_no_relu,
            "ReLU is missing: a hidden layer applies relu to inputs @ weights + biases, so "
            "negative sums become 0."),
    Mistake("hidden_layer", hidden_layer_bias_after_relu,
            "The bias is added after ReLU; add it to inputs @ weights first, then apply relu "
            "to the sum."),
    Mistake("hidden_layer", hidden_layer_transposed,
            "The weight matrix is used transposed: weights has shape (n_in, n_out), so compute "
            "inputs @ weights (not weights.T)."),
    Mistake("forward", forward_relu_on_output,
            "Your output layer applies ReLU; the last layer of forward is linear, so negative "
            "scores must stay negative."),
    Mistake("forward", forward_no_relu,
            "No layer applies ReLU: every layer but the last must pass its sums through relu."),
    Mistake("forward", forward_no_biases,
            "The biases are ignored: when biases is given, add biases[l] to layer l's sums."),
    Mistake("forward", forward_first_and_last_only,
            "Only the first and the last layer are used; loop over all the layers, so a "
            "network of 3 or 4 layers works too."),
    Mistake("forward", forward_flattened,
            "The output is flattened: inputs of shape (m, n_in) must give (m, n_out), one row "
            "per example even when n_out is 1."),
    Mistake("softmax", softmax_unstable,
            "np.exp overflows for large scores (above about 709) and gives nan; subtract each "
            "row's maximum first: the result does not change."),
    Mistake("softmax", softmax_wrong_axis,
            "The normalisation runs down the columns (axis=0); each row is one example, so use "
            "axis=-1 with keepdims=True."),
    Mistake("softmax", softmax_whole_array,
            "The whole array is normalised at once; each row must sum to 1 on its own: use "
            "max and sum with axis=-1, keepdims=True."),
    Mistake("cross_entropy_loss", loss_summed,
            "The loss is summed over the rows; take the mean, so it does not grow with the "
            "number of examples."),
    Mistake("cross_entropy_loss", loss_no_softmax,
            "-log is taken of the raw scores; turn scores into probabilities with softmax "
            "first (better: a stable log-softmax)."),
    Mistake("cross_entropy_loss", loss_unstable,
            "The softmax inside the loss overflows for large scores; subtract the row maximum "
            "and use log-softmax: s - max - log(sum(exp(s - max)))."),
    Mistake("cross_entropy_loss", loss_per_row,
            "You return one loss per row; the loss is a single number: their mean."),
)  # fmt: skip
