from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def _logsumexp(a):
    """log(sum(exp(a))) along the last axis, keeping the axis; stable."""
    m = np.max(a, axis=-1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=-1, keepdims=True))


def relu(x):
    x = np.asarray(x)
    return x * (x > 0)


def node_value(inputs, weights, bias=0.0):
    return np.dot(inputs, weights) + bias


def hidden_layer(inputs, weights, biases=None):
    out = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        out = out + np.asarray(biases, dtype=float)
    return np.clip(out, 0, None)


def forward(inputs, weights, biases=None):
    A = np.array(inputs, dtype=float)
    for l in range(len(weights)):
        A = A @ np.array(weights[l], dtype=float)
        if biases is not None:
            A = A + np.array(biases[l], dtype=float)
    return A


def softmax(z):
    z = np.array(z, dtype=float)
    biggest = np.max(z, axis=-1, keepdims=True)
    numerators = np.exp(z - biggest)
    denominator = np.sum(numerators, axis=-1, keepdims=True)
    probs = numerators / denominator
    return probs


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    idx = np.arange(scores.shape[0])
    nll = _logsumexp(scores)[:, 0] - scores[idx, labels]
    return nll.mean()
