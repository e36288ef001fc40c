from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    # number of transactions is a whole number, so return an int like the course (5, 1, 9 ...)
    value = np.dot(inputs, weights) + bias
    return int(value)


def hidden_layer(inputs, weights, biases=None):
    h = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        h = h + np.asarray(biases, dtype=float)
    return relu(h)


def forward(inputs, weights, biases=None):
    h = np.asarray(inputs, dtype=float)
    last = len(weights) - 1
    for i, W in enumerate(weights):
        b = None if biases is None else biases[i]
        if i < last:
            h = hidden_layer(h, W, b)
        else:
            h = np.dot(h, np.asarray(W, dtype=float))
            if b is not None:
                h = h + np.asarray(b, dtype=float)
    return h


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


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - np.max(z, axis=1, keepdims=True)
    log_probs = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    picked = log_probs[np.arange(z.shape[0]), np.asarray(labels)]
    return float(-np.mean(picked))
