from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    total = 0
    for i in range(len(inputs)):
        total += inputs[i] * weights[i] + bias
    return total


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    x = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        x = hidden_layer(x, W, b)
    out = x @ np.asarray(weights[-1], dtype=float)
    return out if biases[-1] is None else out + np.asarray(biases[-1], dtype=float)


def softmax(z):
    Z = np.array(z, dtype=float)
    Z_max = np.max(Z, axis=-1, keepdims=True)
    expZ = np.exp(Z - Z_max)
    return expZ / np.sum(expZ, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    idx = np.arange(scores.shape[0])
    nll = _logsumexp(scores)[:, 0] - scores[idx, labels]
    return nll.mean()


# bank example
print(node_value([2, 3], [1, 1]), node_value([2, 3], [-1, 1]))
