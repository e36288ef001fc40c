from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    x = np.asarray(x)
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return np.inner(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float)) + bias


def hidden_layer(inputs, weights, biases=None):
    # two hidden nodes, like in the bank example
    x = np.asarray(inputs, dtype=float)
    W = np.asarray(weights, dtype=float)
    node_0 = x @ W[:, 0]
    node_1 = x @ W[:, 1]
    if biases is not None:
        node_0 = node_0 + biases[0]
        node_1 = node_1 + biases[1]
    return relu(np.stack([node_0, node_1], axis=-1))


def forward(inputs, weights, biases=None):
    if biases is None:
        biases = [None] * len(weights)
    x = np.asarray(inputs, dtype=float)
    for W, b in zip(weights[:-1], biases[:-1]):
        x = hidden_layer(x, W, b)
    out = x @ np.asarray(weights[-1], dtype=float)
    if biases[-1] is not None:
        out = out + np.asarray(biases[-1], dtype=float)
    return out


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
