from __future__ import annotations

import numpy as np

ALPHA = 0.01  # slope for negative inputs


def relu(x):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, ALPHA * x)


def node_value(inputs, weights, bias=0.0):
    return sum(float(i) * float(w) for i, w in zip(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z += np.asarray(biases, dtype=float)
    return np.clip(z, 0, None)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    for k, W in enumerate(weights):
        h = h @ np.asarray(W, dtype=float)
        if biases is not None:
            h = h + np.asarray(biases[k], dtype=float)
        if k + 1 < len(weights):
            h = np.clip(h, 0, None)
    return h


def softmax(z):
    z = np.asarray(z, dtype=float)
    shift = z - np.max(z, axis=-1, keepdims=True)
    exps = np.exp(shift)
    return exps / np.sum(exps, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    n = scores.shape[0]
    shift = scores - np.max(scores, axis=1, keepdims=True)
    log_softmax = shift - np.log(np.sum(np.exp(shift), axis=1, keepdims=True))
    return float(-np.sum(log_softmax[np.arange(n), labels]) / n)
