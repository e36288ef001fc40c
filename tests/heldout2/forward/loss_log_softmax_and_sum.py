from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    inputs = np.asarray(inputs, dtype=float)
    weights = np.asarray(weights, dtype=float)
    return float(inputs @ weights + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return np.clip(out, 0, None)


def forward(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        out = out @ np.asarray(weights[i], dtype=float)
        if biases is not None:
            out = out + np.asarray(biases[i], dtype=float)
        if i != len(weights) - 1:
            out = np.clip(out, 0, None)
    return out


def softmax(z):
    z = np.asarray(z, dtype=float)
    return np.exp(z - _logsumexp(z))


def cross_entropy_loss(scores, labels):
    total = 0.0
    for i in range(len(labels)):
        p = softmax(scores[i])
        total += -np.log(p[labels[i]])
    return total
