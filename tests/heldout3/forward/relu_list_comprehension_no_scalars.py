from __future__ import annotations

import numpy as np


def relu(x):
    return np.array([max(0, v) for v in x])


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return np.maximum(z, 0)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        b = None if biases is None else biases[i]
        if i == len(weights) - 1:
            a = a @ np.asarray(weights[i], dtype=float) + (0 if b is None else np.asarray(b, dtype=float))
        else:
            a = hidden_layer(a, weights[i], b)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(s.shape[0]), labels]))
