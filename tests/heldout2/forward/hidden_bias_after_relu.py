from __future__ import annotations

import numpy as np  # noqa: F401  (you will need it)


def relu(x):
    if np.ndim(x) == 0:
        return x if x > 0 else 0 * x
    arr = np.array(x, dtype=float)
    return np.where(arr > 0, arr, 0.0)


def node_value(inputs, weights, bias=0.0):
    inputs = np.array(inputs, dtype=float)
    weights = np.array(weights, dtype=float)
    total = np.sum(inputs * weights)
    return total + bias


def hidden_layer(inputs, weights, biases=None):
    X = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    A = np.maximum(X @ W, 0)
    if biases is not None:
        A = A + np.array(biases, dtype=float)
    return A


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    bs = biases if biases is not None else [0.0] * len(weights)
    for k, (W, b) in enumerate(zip(weights, bs)):
        h = np.matmul(h, np.asarray(W, dtype=float)) + np.asarray(b, dtype=float)
        if k + 1 < len(weights):
            h = relu(h)
    return h


def softmax(z):
    z = np.array(z, dtype=float)
    biggest = np.max(z, axis=-1, keepdims=True)
    numerators = np.exp(z - biggest)
    denominator = np.sum(numerators, axis=-1, keepdims=True)
    probs = numerators / denominator
    return probs


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    picked = np.take_along_axis(logp, y[:, None], axis=1)
    return float(-picked.mean())
